// Shared bits of the hand-written SVG charts.

/** Fixed-precision coordinate for SVG attributes (keeps the markup short and deterministic). */
export const c = (n: number): string => {
  const r = Math.round(n * 10) / 10;
  return String(r === 0 ? 0 : r);
};

export type Band = 'good' | 'fair' | 'weak' | 'none';

/** Display band of a 0-100 score: >= 75 good, 50-74 fair, < 50 weak (colour only; the number is always shown). */
export function bandOf(score: number | null | undefined): Band {
  if (typeof score !== 'number' || !Number.isFinite(score)) return 'none';
  if (score >= 75) return 'good';
  if (score >= 50) return 'fair';
  return 'weak';
}

/** Shortens a label to about `max` characters for a chart (the full text goes in a <title>). */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, Math.max(1, max - 1))
    .join('')
    .trimEnd()}…`;
}
