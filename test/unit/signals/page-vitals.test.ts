import { describe, expect, it } from 'vitest';
// web-vitals' own session-window bookkeeping, imported by path (the package does not export it):
// CLS here must agree with the library the content script used to run on the page.
import { LayoutShiftManager } from '../../../node_modules/web-vitals/dist/modules/lib/LayoutShiftManager.js';
import {
  cumulativeLayoutShift,
  largestContentfulPaint,
  type LayoutShift,
} from '../../../src/domain/signals/page-vitals.ts';

const shift = (startTime: number, value: number, hadRecentInput = false): LayoutShift => ({
  startTime,
  value,
  hadRecentInput,
});

describe('cumulativeLayoutShift', () => {
  it('is 0 with no shift, and the sum of one window of close shifts', () => {
    expect(cumulativeLayoutShift([])).toBe(0);
    expect(cumulativeLayoutShift([shift(100, 0.05), shift(600, 0.02), shift(1500, 0.01)])).toBeCloseTo(0.08, 10);
  });

  it('opens a new window after a 1 s gap or 5 s after the first shift, and keeps the largest window', () => {
    // Gap of exactly 1000 ms: a new window (0.05), beside the first (0.1).
    expect(cumulativeLayoutShift([shift(0, 0.1), shift(1000, 0.05)])).toBeCloseTo(0.1, 10);
    // Shifts 900 ms apart keep a window open until 5 s after its first: 0.01 x 6 (0 .. 4500), then a new one.
    const steady = Array.from({ length: 10 }, (_, i) => shift(i * 900, 0.01));
    expect(cumulativeLayoutShift(steady)).toBeCloseTo(0.06, 10);
  });

  it('leaves out shifts caused by recent input', () => {
    expect(cumulativeLayoutShift([shift(0, 0.3, true), shift(200, 0.02), shift(400, 0.5, true)])).toBeCloseTo(0.02, 10);
  });

  it('agrees with web-vitals on random sequences of shifts', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let run = 0; run < 300; run++) {
      const shifts: LayoutShift[] = [];
      let t = random() * 500;
      for (let i = 0, n = Math.floor(random() * 25); i < n; i++) {
        t += random() < 0.2 ? 800 + random() * 1500 : random() * 900;
        shifts.push(shift(t, Math.round(random() * 1000) / 10_000, random() < 0.15));
      }
      // What onCLS does with each entry: the manager's session, the metric its largest value.
      const manager = new LayoutShiftManager();
      let reference = 0;
      for (const s of shifts) {
        manager._processEntry(s as never);
        reference = Math.max(reference, manager._sessionValue);
      }
      expect(cumulativeLayoutShift(shifts)).toBeCloseTo(reference, 12);
    }
  });
});

describe('largestContentfulPaint', () => {
  it('is the last candidate, from activation, and null with none', () => {
    expect(largestContentfulPaint([])).toBeNull();
    expect(largestContentfulPaint([{ startTime: 300 }, { startTime: 950 }])).toBe(950);
    expect(largestContentfulPaint([{ startTime: 950 }], { activationStart: 400 })).toBe(550);
    // Shown after it was painted (prerendered): 0, not negative.
    expect(largestContentfulPaint([{ startTime: 300 }], { activationStart: 400 })).toBe(0);
  });

  it('ignores candidates painted once the page had been hidden', () => {
    expect(largestContentfulPaint([{ startTime: 300 }, { startTime: 2000 }], { firstHiddenTime: 1500 })).toBe(300);
    expect(largestContentfulPaint([{ startTime: 300 }], { firstHiddenTime: 0 })).toBeNull();
  });
});
