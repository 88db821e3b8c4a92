import { describe, expect, it } from 'vitest';
import { differenceInterval, meanInterval, tQuantile975 } from '../../../src/domain/programme-view/index.ts';

const SCALE = { min: 0, max: 100 };

describe('t(0.975, df)', () => {
  it('is the table value for small df, rounds a fractional df down, and nears 1.96 for large df', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile975(2)).toBeCloseTo(4.3027, 4);
    expect(tQuantile975(2.9)).toBeCloseTo(4.3027, 4);
    expect(tQuantile975(30)).toBeCloseTo(2.0423, 4);
    // scipy.stats.t.ppf(0.975, df) for 40, 60 and 120.
    expect(tQuantile975(40)).toBeCloseTo(2.02108, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.97993, 3);
    expect(tQuantile975(0)).toBeNaN();
  });
});

describe('mean with its 95% interval', () => {
  it('uses Student t with n - 1 degrees of freedom', () => {
    const r = meanInterval([60, 70, 80], SCALE);
    expect(r.n).toBe(3);
    expect(r.mean).toBe(70);
    expect(r.sd).toBeCloseTo(10, 10);
    expect(r.halfWidth).toBeCloseTo((4.3027 * 10) / Math.sqrt(3), 6);
    expect(r.low).toBeCloseTo(70 - 24.8417, 3);
    expect(r.high).toBeCloseTo(70 + 24.8417, 3);
  });

  it('gives one audit its value and no interval, and no audit nothing', () => {
    expect(meanInterval([42], SCALE)).toMatchObject({ n: 1, mean: 42, sd: null, low: null, high: null });
    expect(meanInterval([], SCALE)).toMatchObject({ n: 0, mean: null, low: null, high: null });
  });

  it('clips the interval to the scale and keeps the real half-width', () => {
    const r = meanInterval([90, 100, 100], SCALE);
    expect(r.high).toBe(100);
    expect(r.mean! + r.halfWidth!).toBeGreaterThan(100);
    expect(r.low).toBeCloseTo(r.mean! - r.halfWidth!, 10);
  });
});

describe('change between two waves', () => {
  it("is the difference of means with Welch's interval, clear when it excludes 0", () => {
    const a = meanInterval([50, 52, 54], SCALE);
    const b = meanInterval([70, 72, 74], SCALE);
    const d = differenceInterval(a, b)!;
    expect(d.delta).toBe(20);
    // Equal SDs and n: Welch df = 4, se = sqrt(4/3 + 4/3).
    const half = 2.7764 * Math.sqrt(8 / 3);
    expect(d.low).toBeCloseTo(20 - half, 3);
    expect(d.high).toBeCloseTo(20 + half, 3);
    expect(d.clear).toBe(true);
    const noisy = differenceInterval(meanInterval([20, 80, 50], SCALE), meanInterval([30, 90, 60], SCALE))!;
    expect(noisy.delta).toBeCloseTo(10, 10);
    expect(noisy.clear).toBe(false);
  });

  it('has no interval when a side has one audit, and nothing without a mean', () => {
    expect(differenceInterval(meanInterval([40], SCALE), meanInterval([60, 62], SCALE))).toEqual({
      delta: 21,
      low: null,
      high: null,
      clear: false,
    });
    expect(differenceInterval(meanInterval([], SCALE), meanInterval([60], SCALE))).toBeNull();
  });
});
