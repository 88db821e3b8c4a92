// Order statistics for noisy timings: medians and 95th percentiles (linear interpolation between
// closest ranks, R-7 / numpy default), never means alone.

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    median: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
    mean: values.length ? values.reduce((s, v) => s + v, 0) / values.length : Number.NaN,
  };
}

/** Rounds every number in a Summary (for results.json and the table). */
export function rounded(s: Summary, digits = 1): Summary {
  const r = (v: number) => round(v, digits);
  return { n: s.n, median: r(s.median), p95: r(s.p95), min: r(s.min), max: r(s.max), mean: r(s.mean) };
}

export function round(v: number, digits = 1): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Pairwise a[i] op b[i] over the common length. */
export function paired(a: readonly number[], b: readonly number[], op: (x: number, y: number) => number): number[] {
  const n = Math.min(a.length, b.length);
  return Array.from({ length: n }, (_, i) => op(a[i]!, b[i]!));
}

/**
 * 95% percentile-bootstrap interval of a statistic over n paired rounds: rounds are resampled with
 * replacement (a round keeps all its measurements together), the statistic recomputed each time.
 * Seeded, so a given set of measurements always gives the same interval.
 */
export function bootstrapCI(
  n: number,
  stat: (rounds: number[]) => number,
  iterations = 2000,
  seed = 12345,
): [number, number] {
  if (n < 2) return [Number.NaN, Number.NaN];
  let s = seed >>> 0;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const values: number[] = [];
  for (let it = 0; it < iterations; it++) {
    const idx = Array.from({ length: n }, () => Math.floor(rand() * n));
    const v = stat(idx);
    if (Number.isFinite(v)) values.push(v);
  }
  return [quantile(values, 0.025), quantile(values, 0.975)];
}

/**
 * median(a) / median(b) for paired rounds (a[i] and b[i] from round i), with a 95% bootstrap interval
 * that resamples the rounds, keeping each pair together.
 */
export function medianRatio(a: readonly number[], b: readonly number[]): { value: number; ci: [number, number] } {
  if (a.length !== b.length) throw new Error(`medianRatio: ${a.length} values against ${b.length}`);
  return { value: median(a) / median(b), ci: bootstrapCI(a.length, (i) => median(at(a, i)) / median(at(b, i))) };
}

/** The values at the given round indices. */
export const at = (values: readonly number[], idx: readonly number[]): number[] => idx.map((i) => values[i]!);

export function fmtCI(ci: [number, number], digits = 2): string {
  return `95% CI ${round(ci[0], digits)}-${round(ci[1], digits)}`;
}

/**
 * Each value rescaled to a common speed: value × reference / index, where index is a measure of the
 * same work done in every configuration, taken in the same visit (so it moves with that visit's speed).
 * The reference is the median index over all visits, which keeps the result in the values' own unit.
 */
export function atCommonSpeed(values: readonly number[], index: readonly number[], reference: number): number[] {
  if (values.length !== index.length)
    throw new Error(`atCommonSpeed: ${values.length} values but ${index.length} indices`);
  return values.map((v, i) => {
    const s = index[i]!;
    if (!(s > 0)) throw new Error(`atCommonSpeed: index ${i} is ${s}, not a positive time`);
    return (v * reference) / s;
  });
}

/** Sample standard deviation (n - 1). */
export function sd(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const m = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}
