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

/**
 * Estimated width in px of `text` set at `fontPx` in the report's sans-serif (Inter, Segoe UI,
 * system-ui ...): a generous per-character estimate, so boxes laid out with it never overlap in
 * print, where no script can measure. Wide (CJK, fullwidth) characters count 1 em.
 */
export function textWidth(text: string, fontPx: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch))
      em += 1;
    else if (ch === ' ') em += 0.3;
    else if (/[A-Z]/.test(ch)) em += 0.7;
    else if (/[0-9]/.test(ch)) em += 0.6;
    else if (/[il.,:;'|!]/.test(ch)) em += 0.32;
    else if (/[mwMW]/.test(ch)) em += 0.85;
    else em += 0.58;
  }
  return em * fontPx * (bold ? 1.06 : 1);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two boxes overlap (touching edges do not). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export interface RowLabel {
  /** Centre the label would like (x). */
  centre: number;
  width: number;
}

/**
 * Places labels of a horizontal axis in rows, each whole (never clipped): a label goes in the
 * first row where it clears the previous label by `gap`, centred on its wish where the chart's
 * edges allow. Returns each label's left x and row.
 */
export function layoutRows(
  labels: readonly RowLabel[],
  minX: number,
  maxX: number,
  gap = 6,
): { x: number; row: number }[] {
  const rowEnds: number[] = [];
  return labels.map((label) => {
    const x = Math.min(Math.max(label.centre - label.width / 2, minX), Math.max(minX, maxX - label.width));
    let row = rowEnds.findIndex((end) => x >= end + gap);
    if (row < 0) {
      row = rowEnds.length;
      rowEnds.push(0);
    }
    rowEnds[row] = x + label.width;
    return { x, row };
  });
}

/** A box as a data attribute ("x y width height"), so tests can check that labels never overlap. */
export const boxAttr = (b: Box): string => [b.x, b.y, b.width, b.height].map(c).join(' ');
