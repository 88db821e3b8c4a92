// Self-Assessment-Manikin style face for a valence point: drawn, not an emoji, so it looks the same
// on every system whatever fonts it has.
export function Face({ valence }: { valence: number }) {
  const curve = valence * 2.2; // mouth bends up for pleasant, down for unpleasant
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" class="face">
      <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" stroke-width="1.6" />
      <circle cx="8.5" cy="9.5" r="1.3" fill="currentColor" />
      <circle cx="15.5" cy="9.5" r="1.3" fill="currentColor" />
      <path
        d={`M7 ${15.5 - curve / 3} Q12 ${15.5 + curve} 17 ${15.5 - curve / 3}`}
        fill="none"
        stroke="currentColor"
        stroke-width="1.6"
        stroke-linecap="round"
      />
    </svg>
  );
}
