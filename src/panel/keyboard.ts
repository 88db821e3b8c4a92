// Keys for fast rating without the mouse: 1-7 set the selected step's ease, Alt+1..9 its valence
// (-4..+4). Ignored while typing in a field, so notes never lose a digit.
export type RatingKey = { kind: 'ease'; value: number } | { kind: 'valence'; value: number };

export function ratingFromKey(
  event: Pick<KeyboardEvent, 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'target'>,
): RatingKey | null {
  const target = event.target as { tagName?: string; isContentEditable?: boolean } | null;
  const tag = target?.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable) {
    // Radios are inputs too, but typing a digit on a focused radio is still a rating.
    if (!(tag === 'INPUT' && (target as { type?: string }).type === 'radio')) return null;
  }
  if (event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  if (!match) return null;
  const digit = Number(match[1]);
  if (event.altKey) return { kind: 'valence', value: digit - 5 };
  return digit <= 7 ? { kind: 'ease', value: digit } : null;
}
