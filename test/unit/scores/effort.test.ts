import { describe, expect, it } from 'vitest';
import { effortScore } from '../../../src/domain/scores/effort.ts';
import { stepsWithEase } from './factory.ts';

describe('Effort100 = 100 * (1 - mean f)', () => {
  it('is hand-computable from the eases', () => {
    // eases 7, 4, 1 -> f = 0, 0.5, 1 -> mean 0.5 -> 50
    const result = effortScore(stepsWithEase([7, 4, 1]));
    expect(result?.meanFriction).toBe(0.5);
    expect(result?.effort100).toBe(50);
    expect(result?.meanEase).toBe(4);
    expect(result?.ratedSteps).toBe(3);
  });

  it('is 100 when every step was very easy and 0 when every step was very difficult', () => {
    expect(effortScore(stepsWithEase([7, 7]))?.effort100).toBe(100);
    expect(effortScore(stepsWithEase([1, 1]))?.effort100).toBe(0);
  });

  it('uses only the steps with an ease rating', () => {
    // eases 6, 3 -> f = 1/6, 4/6 -> mean 5/12 -> 100 * 7/12
    const result = effortScore(stepsWithEase([6, null, 3, null]));
    expect(result?.ratedSteps).toBe(2);
    expect(result?.effort100).toBeCloseTo(700 / 12, 10);
  });

  it('is null when no step has an ease', () => {
    expect(effortScore(stepsWithEase([null, null]))).toBeNull();
  });
});
