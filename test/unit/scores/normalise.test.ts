import { describe, expect, it } from 'vitest';
import {
  easeOf,
  friction,
  inJourneyOrder,
  isEase,
  isValence,
  mean,
  normArousal,
  normValence,
  to100,
  valenceOf,
} from '../../../src/domain/scores/normalise.ts';

describe('normalisation (METHOD.md per-step scales)', () => {
  it('friction f = (7 - ease) / 6', () => {
    expect(friction(7)).toBe(0);
    expect(friction(1)).toBe(1);
    expect(friction(4)).toBe(0.5);
    expect(friction(5)).toBeCloseTo(2 / 6, 12);
  });

  it('valence v = x / 4', () => {
    expect(normValence(-4)).toBe(-1);
    expect(normValence(4)).toBe(1);
    expect(normValence(-3)).toBe(-0.75);
    expect(normValence(0)).toBe(0);
  });

  it('arousal a = (x - 5) / 4', () => {
    expect(normArousal(1)).toBe(-1);
    expect(normArousal(5)).toBe(0);
    expect(normArousal(9)).toBe(1);
    expect(normArousal(7)).toBe(0.5);
  });

  it('to100 maps [-1, 1] to [0, 100] as PE100 = 50 * (PE + 1)', () => {
    expect(to100(-1)).toBe(0);
    expect(to100(0)).toBe(50);
    expect(to100(1)).toBe(100);
    expect(to100(-0.25)).toBe(37.5);
  });

  it('accepts only integers on the scale as ratings', () => {
    expect([0, 1, 7, 8, 3.5, Number.NaN, null].map(isEase)).toEqual([false, true, true, false, false, false, false]);
    expect([-5, -4, 0, 4, 5, 1.5].map(isValence)).toEqual([false, true, true, true, false, false]);
    expect(easeOf({ ease: 9 })).toBeNull();
    expect(easeOf({ ease: 2 })).toBe(2);
    expect(valenceOf({ valence: null })).toBeNull();
    expect(valenceOf({ valence: -4 })).toBe(-4);
  });

  it('mean of an empty list is null', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
  });

  it('orders steps by index, keeping input order for equal indexes, without mutating', () => {
    const input = [
      { index: 2, id: 'c' },
      { index: 0, id: 'a' },
      { index: 1, id: 'b1' },
      { index: 1, id: 'b2' },
    ];
    expect(inJourneyOrder(input).map((s) => s.id)).toEqual(['a', 'b1', 'b2', 'c']);
    expect(input[0]?.id).toBe('c');
  });
});
