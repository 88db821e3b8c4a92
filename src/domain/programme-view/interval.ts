// The mean of a few audits' scores with its 95% confidence interval. Programmes send a handful of
// auditors per site and wave, so the interval uses Student's t with n - 1 degrees of freedom, not the
// normal 1.96 (at n = 3 the normal value would claim an interval 2.2 times too narrow).
//
// Choices:
// - n = 0: no mean, no interval. n = 1: the mean is that one value and there is no interval (one
//   audit says nothing about how much audits of the site vary); the view says "one audit".
// - The interval is clipped to the scale's bounds (an overall score of 0-100 cannot be 104); the
//   unclipped half-width is kept, so an export can say how wide it really was.
// - The standard deviation is the sample SD (n - 1).

/** Two-sided 95% quantiles of Student's t, t(0.975, df) for df = 1..30 (scipy.stats.t.ppf, 4 decimals). */
const T975: readonly number[] = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604, 2.1448, 2.1314,
  2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
];

const Z975 = 1.959964;

/**
 * t(0.975, df). From the table up to 30 degrees of freedom (a fractional df, as Welch's gives, is
 * rounded down: the wider, safer interval); beyond it the Cornish-Fisher expansion around the normal
 * quantile, within 0.001 of the exact value from df = 30 on.
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return Number.NaN;
  const whole = Math.floor(df);
  if (whole <= T975.length) return T975[whole - 1] as number;
  const z = Z975;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

export interface Bounds {
  min: number;
  max: number;
}

export interface MeanInterval {
  /** How many values (audits) the mean rests on. */
  n: number;
  /** null when n = 0. */
  mean: number | null;
  /** Sample SD; null when n < 2. */
  sd: number | null;
  /** t(0.975, n-1) * sd / sqrt(n); null when n < 2. */
  halfWidth: number | null;
  /** [mean - halfWidth, mean + halfWidth] clipped to the bounds; null when n < 2. */
  low: number | null;
  high: number | null;
}

export function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  const ss = values.reduce((a, b) => a + (b - m) ** 2, 0);
  return Math.sqrt(ss / (values.length - 1));
}

export function meanInterval(values: readonly number[], bounds: Bounds): MeanInterval {
  const clean = values.filter((v) => Number.isFinite(v));
  const n = clean.length;
  if (n === 0) return { n, mean: null, sd: null, halfWidth: null, low: null, high: null };
  const mean = clean.reduce((a, b) => a + b, 0) / n;
  const sd = sampleSd(clean);
  if (sd === null) return { n, mean, sd: null, halfWidth: null, low: null, high: null };
  const halfWidth = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return {
    n,
    mean,
    sd,
    halfWidth,
    low: Math.max(bounds.min, mean - halfWidth),
    high: Math.min(bounds.max, mean + halfWidth),
  };
}

export interface DifferenceInterval {
  /** b - a (later minus earlier). */
  delta: number;
  /** Welch's 95% interval of the difference; null unless both sides have n >= 2. */
  low: number | null;
  high: number | null;
  /** The interval excludes 0: the change is more than the audits' own spread explains. */
  clear: boolean;
}

/** The difference of two means (b - a) with Welch's interval (unequal variances, Welch-Satterthwaite df). */
export function differenceInterval(a: MeanInterval, b: MeanInterval): DifferenceInterval | null {
  if (a.mean === null || b.mean === null) return null;
  const delta = b.mean - a.mean;
  if (a.sd === null || b.sd === null) return { delta, low: null, high: null, clear: false };
  const va = a.sd ** 2 / a.n;
  const vb = b.sd ** 2 / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { delta, low: delta, high: delta, clear: delta !== 0 };
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const half = tQuantile975(df) * se;
  const low = delta - half;
  const high = delta + half;
  return { delta, low, high, clear: low > 0 || high < 0 };
}
