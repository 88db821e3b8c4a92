import { describe, expect, it } from 'vitest';
import { atCommonSpeed, bootstrapCI, median, medianRatio, paired, sd } from '../../../scripts/bench/lib/stats.ts';

describe('bench stats: a common speed', () => {
  it('rescales each visit by reference / index, so work done at different speeds compares equal', () => {
    // The same 300 ms of work at speeds 0.8x, 1x and 1.25x, the index (style + layout) slowed alike.
    const tasks = [375, 300, 240];
    const index = [75, 60, 48];
    expect(atCommonSpeed(tasks, index, 60)).toEqual([300, 300, 240 * (60 / 48)]);
  });

  it('recovers a small added cost that raw differences bury under visit-to-visit speed', () => {
    // Visits whose speed moves by up to ±20% (the index moves with it); the tool adds 10 ms of work.
    const speeds = [0.82, 1.19, 0.95, 1.08, 0.88, 1.2, 1.01, 0.9, 1.13, 0.85];
    const noneSpeeds = [1.18, 0.84, 1.1, 0.9, 1.15, 0.81, 0.99, 1.12, 0.86, 1.16];
    const none = noneSpeeds.map((s) => 400 * s);
    const tool = speeds.map((s) => 410 * s);
    const idxNone = noneSpeeds.map((s) => 70 * s);
    const idxTool = speeds.map((s) => 70 * s);
    const rawAdded = median(paired(tool, none, (a, b) => a - b));
    const adjAdded = median(
      paired(atCommonSpeed(tool, idxTool, 70), atCommonSpeed(none, idxNone, 70), (a, b) => a - b),
    );
    expect(Math.abs(rawAdded - 10)).toBeGreaterThan(20);
    expect(adjAdded).toBeCloseTo(10, 6);
  });

  it('takes more than its own style and layout time off a tool that slows them (the documented bias)', () => {
    // Same speed everywhere; the tool adds 10 ms of script and 2 ms of style + layout of its own.
    const none = Array.from({ length: 9 }, () => 400);
    const tool = Array.from({ length: 9 }, () => 412);
    const idxNone = none.map(() => 70);
    const idxTool = tool.map(() => 72);
    const ref = median([...idxNone, ...idxTool]);
    const added = median(paired(atCommonSpeed(tool, idxTool, ref), atCommonSpeed(none, idxNone, ref), (a, b) => a - b));
    // Against none, the whole 412 ms visit shrinks by 70/72: 12 ms added becomes about 0.6 ms.
    expect(ref).toBe(71);
    expect(added).toBeCloseTo(412 * (71 / 72) - 400 * (71 / 70), 6);
    expect(added).toBeLessThan(1);
  });

  it('refuses a missing or non-positive index instead of dividing by it', () => {
    expect(() => atCommonSpeed([1, 2], [1], 1)).toThrow(/2 values but 1/);
    expect(() => atCommonSpeed([1, 2], [1, 0], 1)).toThrow(/index 1 is 0/);
  });
});

describe('bench stats: spread and intervals', () => {
  it('sd is the sample standard deviation', () => {
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138, 3);
    expect(Number.isNaN(sd([1]))).toBe(true);
  });

  it('bootstrapCI brackets the statistic and is the same for the same data', () => {
    const values = Array.from({ length: 40 }, (_, i) => 10 + ((i * 7) % 11));
    const stat = (idx: number[]) => median(idx.map((i) => values[i]!));
    const [lo, hi] = bootstrapCI(values.length, stat);
    expect(lo).toBeLessThanOrEqual(median(values));
    expect(hi).toBeGreaterThanOrEqual(median(values));
    expect(bootstrapCI(values.length, stat)).toEqual([lo, hi]);
  });
});

describe('medianRatio', () => {
  it('is the ratio of the medians, with an interval that resamples rounds as pairs', () => {
    const b = [10, 40, 15, 80, 22, 35, 60, 12, 90, 27];
    // Each round's a is exactly twice its b: any resample of whole rounds gives 2, one that split
    // the pairs would not.
    const { value, ci } = medianRatio(
      b.map((v) => 2 * v),
      b,
    );
    expect(value).toBe(2);
    expect(ci).toEqual([2, 2]);
    const spread = medianRatio([20, 80, 30, 160, 44, 70, 120, 24, 180, 54].reverse(), b);
    expect(spread.ci[1] - spread.ci[0]).toBeGreaterThan(0.2);
  });

  it('refuses values that are not paired round by round', () => {
    expect(() => medianRatio([1, 2, 3], [1, 2])).toThrow(/3 values against 2/);
  });
});
