import { describe, expect, it } from 'vitest';
import { easePeakEnd, peakEnd, peakEndOf, peakPosition } from '../../../src/domain/scores/peak-end.ts';
import { makeStep, stepsWithEase, stepsWithValence } from './factory.ts';

/** Pain 0 (none) ... 10 (worst) as a valence in [-1, 0]: v = -pain / 10. */
const painToV = (pain: number): number => -pain / 10;
const vToPain = (v: number): number => -v * 10;

describe('peak-end rule', () => {
  it('reproduces the colonoscopy example: same peak 8/10, endings 7 and 1 -> 7.5 and 4.5', () => {
    // Patient A: short procedure ending at its worst; patient B: longer, with a mild tail.
    const a = peakEndOf([2, 5, 8, 7].map(painToV));
    const b = peakEndOf([2, 5, 8, 6, 4, 3, 2, 1].map(painToV));
    expect(a && vToPain(a.peak)).toBeCloseTo(8, 12);
    expect(b && vToPain(b.peak)).toBeCloseTo(8, 12);
    expect(a && vToPain(a.pe)).toBeCloseTo(7.5, 12);
    expect(b && vToPain(b.pe)).toBeCloseTo(4.5, 12);
    // B lived more total pain yet remembers less: duration is ignored.
    expect(b && vToPain(b.pe)).toBeLessThan(a ? vToPain(a.pe) : 0);
  });

  it('computes PE, PE100, mean, memory gap, negative and positive peak-end over step valences', () => {
    // valences 2, -3, 1, 1 -> v = 0.5, -0.75, 0.25, 0.25
    const result = peakEnd(stepsWithValence([2, -3, 1, 1]));
    expect(result).not.toBeNull();
    if (!result) return;
    expect(result.peak).toEqual({ stepId: 's1', index: 1, valence: -3, v: -0.75 });
    expect(result.end).toEqual({ stepId: 's3', index: 3, valence: 1, v: 0.25 });
    expect(result.pe).toBe(-0.25); // (-0.75 + 0.25) / 2
    expect(result.pe100).toBe(37.5); // 50 * 0.75
    expect(result.mean).toBe(0.0625); // 0.25 / 4
    expect(result.memoryGap).toBe(-0.3125); // -0.25 - 0.0625
    expect(result.negativePeakEnd).toBe(-0.25); // (-0.75 + 0.25) / 2
    expect(result.positivePeakEnd).toBe(0.375); // (0.5 + 0.25) / 2
    expect(result.ratedSteps).toBe(4);
  });

  it('tie on |v| between a positive and a negative step goes to the negative one', () => {
    expect(peakPosition([3, -3])).toBe(1);
    expect(peakPosition([-3, 3])).toBe(0);
    const result = peakEnd(stepsWithValence([0, -3, 3, 1]));
    expect(result?.peak.stepId).toBe('s1');
    expect(result?.pe).toBe(-0.25); // (-0.75 + 0.25) / 2
  });

  it('tie between equal negatives goes to the later step', () => {
    expect(peakPosition([-4, 0, -4, 1])).toBe(2);
    const result = peakEnd(stepsWithValence([-2, -4, 1, -4, 0]));
    expect(result?.peak.stepId).toBe('s3');
    expect(result?.peak.index).toBe(3);
  });

  it('tie between equal positives also goes to the later step', () => {
    expect(peakPosition([4, 1, 4, 0])).toBe(2);
  });

  it('a larger |v| wins regardless of sign', () => {
    expect(peakPosition([-3, 4, 1])).toBe(1);
    expect(peakPosition([])).toBeNull();
  });

  it('skips steps without valence; the end is the last RATED step', () => {
    // Unrated steps s1 and s4 (the journey's last step).
    const result = peakEnd(stepsWithValence([1, null, -2, 3, null]));
    expect(result?.ratedSteps).toBe(3);
    expect(result?.end.stepId).toBe('s3');
    expect(result?.peak.stepId).toBe('s3'); // |0.75| is the largest
    expect(result?.pe).toBe(0.75);
    expect(result?.mean).toBeCloseTo(0.5 / 3, 12); // (0.25 - 0.5 + 0.75) / 3
  });

  it('uses journey order (Step.index), not array order', () => {
    const steps = [makeStep({ index: 2, id: 'last', valence: 4 }), makeStep({ index: 0, id: 'first', valence: -1 })];
    const result = peakEnd(steps);
    expect(result?.end.stepId).toBe('last');
  });

  it('a single rated step is both peak and end', () => {
    const result = peakEnd(stepsWithValence([null, -2]));
    expect(result?.peak.stepId).toBe('s1');
    expect(result?.end.stepId).toBe('s1');
    expect(result?.pe).toBe(-0.5);
    expect(result?.memoryGap).toBe(0);
  });

  it('is null when no step carries a valence', () => {
    expect(peakEnd(stepsWithValence([null, null]))).toBeNull();
    expect(peakEnd([])).toBeNull();
  });
});

describe('ease peak-end', () => {
  it('is (min ease + ease_n) / 2 and flags below the 5.5 benchmark', () => {
    const result = easePeakEnd(stepsWithEase([6, 3, 7, 5]));
    expect(result?.value).toBe(4); // (3 + 5) / 2
    expect(result?.min.stepId).toBe('s1');
    expect(result?.end.stepId).toBe('s3');
    expect(result?.benchmark).toBe(5.5);
    expect(result?.belowBenchmark).toBe(true);
  });

  it('is not below the benchmark at exactly 5.5', () => {
    const result = easePeakEnd(stepsWithEase([7, 5, 6]));
    expect(result?.value).toBe(5.5); // (5 + 6) / 2
    expect(result?.belowBenchmark).toBe(false);
  });

  it('skips unrated steps, the end being the last step with an ease; ties on the min go later', () => {
    const result = easePeakEnd(stepsWithEase([2, 6, 2, 7, null]));
    expect(result?.ratedSteps).toBe(4);
    expect(result?.end.stepId).toBe('s3');
    expect(result?.min.stepId).toBe('s2');
    expect(result?.value).toBe(4.5); // (2 + 7) / 2
  });

  it('is null when no step carries an ease', () => {
    expect(easePeakEnd(stepsWithEase([null]))).toBeNull();
  });
});
