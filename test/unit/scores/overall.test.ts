import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_WEIGHTS } from '../../../src/domain/model.ts';
import { overallScore } from '../../../src/domain/scores/overall.ts';

describe('overall CX score', () => {
  it('defaults to 0.5 * Immersion + 0.25 * PE100 + 0.25 * Effort100', () => {
    const result = overallScore({ immersion: 80, peakEnd: 40, effort: 60 }, DEFAULT_SCORE_WEIGHTS);
    expect(result.value).toBe(65); // 40 + 10 + 15
    expect(result.missing).toEqual([]);
    expect(result.renormalised).toBe(false);
    expect(result.weightsUsed).toEqual({ immersion: 0.5, peakEnd: 0.25, effort: 0.25 });
  });

  it('follows custom weights', () => {
    const result = overallScore(
      { immersion: 80, peakEnd: 40, effort: 60 },
      { immersion: 0.2, peakEnd: 0.6, effort: 0.2 },
    );
    expect(result.value).toBeCloseTo(52, 10); // 16 + 24 + 12
    expect(result.renormalised).toBe(false);
  });

  it('normalises custom weights that do not sum to 1', () => {
    // 1:1:2 -> 0.25, 0.25, 0.5 -> 20 + 10 + 30
    const result = overallScore({ immersion: 80, peakEnd: 40, effort: 60 }, { immersion: 1, peakEnd: 1, effort: 2 });
    expect(result.value).toBe(60);
    expect(result.weightsUsed).toEqual({ immersion: 0.25, peakEnd: 0.25, effort: 0.5 });
    expect(result.renormalised).toBe(true);
  });

  it('renormalises the remaining weights when Immersion is not assessed, and says so', () => {
    // 0.25 and 0.25 -> 0.5 and 0.5 -> (40 + 60) / 2
    const result = overallScore({ immersion: null, peakEnd: 40, effort: 60 }, DEFAULT_SCORE_WEIGHTS);
    expect(result.value).toBe(50);
    expect(result.missing).toEqual(['immersion']);
    expect(result.weightsUsed).toEqual({ immersion: 0, peakEnd: 0.5, effort: 0.5 });
    expect(result.renormalised).toBe(true);
  });

  it('renormalises when PE100 is missing', () => {
    // 0.5 : 0.25 -> 2/3, 1/3 -> (2*90 + 30) / 3 = 70
    const result = overallScore({ immersion: 90, peakEnd: null, effort: 30 }, DEFAULT_SCORE_WEIGHTS);
    expect(result.value).toBeCloseTo(70, 10);
    expect(result.missing).toEqual(['peakEnd']);
  });

  it('is null when every component is missing or carries no weight', () => {
    expect(overallScore({ immersion: null, peakEnd: null, effort: null }, DEFAULT_SCORE_WEIGHTS).value).toBeNull();
    expect(
      overallScore({ immersion: 70, peakEnd: null, effort: null }, { immersion: 0, peakEnd: 0.5, effort: 0.5 }).value,
    ).toBeNull();
  });

  it('treats a negative weight as 0', () => {
    const result = overallScore(
      { immersion: 80, peakEnd: 40, effort: 60 },
      { immersion: -1, peakEnd: 0.5, effort: 0.5 },
    );
    expect(result.value).toBe(50);
    expect(result.weightsUsed.immersion).toBe(0);
  });
});
