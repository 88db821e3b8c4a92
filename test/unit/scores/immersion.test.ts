import { describe, expect, it } from 'vitest';
import type { ElementId } from '../../../src/domain/model.ts';
import { RUBRIC_V1 } from '../../../src/domain/rubric.ts';
import { elementScores, type ElementScores } from '../../../src/domain/scores/elements.ts';
import { immersionIndex, touchpointWeights } from '../../../src/domain/scores/immersion.ts';
import { mark, marksWith } from './factory.ts';

/** Element scores with given values; null = not assessed. */
function scoresOf(values: Record<ElementId, number | null>): ElementScores {
  const base = elementScores(RUBRIC_V1, marksWith({}));
  for (const [element, score] of Object.entries(values) as [ElementId, number | null][]) {
    base[element] = { ...base[element], score, uncappedScore: score };
  }
  return base;
}

const values = { multisensory: 40, interactive: 60, participative: 80, frictionless: 100, storytelling: 20 };

describe('Immersion index', () => {
  it('is the plain mean of assessed elements with no touchpoint scenario', () => {
    expect(immersionIndex(scoresOf(values), null).value).toBe(60); // 300 / 5
  });

  it('scenario 1 (transaction): frictionless weighs double', () => {
    // (40 + 60 + 80 + 2*100 + 20) / 6 = 400 / 6
    expect(immersionIndex(scoresOf(values), 1).value).toBeCloseTo(400 / 6, 10);
  });

  it('scenario 2 (trust gap): interactive and multisensory weigh double', () => {
    // (2*40 + 2*60 + 80 + 100 + 20) / 7 = 400 / 7
    expect(immersionIndex(scoresOf(values), 2).value).toBeCloseTo(400 / 7, 10);
  });

  it('scenario 3 (relationship): interactive and participative weigh double', () => {
    // (40 + 2*60 + 2*80 + 100 + 20) / 7 = 440 / 7
    expect(immersionIndex(scoresOf(values), 3).value).toBeCloseTo(440 / 7, 10);
  });

  it('scenario 4 (human product): interactive and storytelling weigh double', () => {
    // (40 + 2*60 + 80 + 100 + 2*20) / 7 = 380 / 7
    expect(immersionIndex(scoresOf(values), 4).value).toBeCloseTo(380 / 7, 10);
  });

  it('exposes the weight table', () => {
    expect(touchpointWeights(2)).toEqual({
      multisensory: 2,
      interactive: 2,
      participative: 1,
      frictionless: 1,
      storytelling: 1,
    });
    expect(touchpointWeights(null)).toEqual({
      multisensory: 1,
      interactive: 1,
      participative: 1,
      frictionless: 1,
      storytelling: 1,
    });
  });

  it('leaves out elements that are not assessed, weights and all', () => {
    const result = immersionIndex(scoresOf({ ...values, frictionless: null, participative: null }), 1);
    // frictionless (the doubled one) is not assessed: (40 + 60 + 20) / 3
    expect(result.value).toBe(40);
    expect(result.assessed).toEqual(['multisensory', 'interactive', 'storytelling']);
    expect(result.notAssessed).toEqual(['participative', 'frictionless']);
  });

  it('an element with only N/A criteria is excluded from Immersion', () => {
    const scores = elementScores(
      RUBRIC_V1,
      marksWith({
        M1: mark('pass'),
        I1: mark('fail', 1, 'no help'),
        P1: mark('na'),
        P2: mark('na'),
        P3: mark('na'),
        P4: mark('na'),
        P5: mark('na'),
      }),
    );
    const result = immersionIndex(scores, null);
    // multisensory 100, interactive 0; participative N/A only, frictionless/storytelling unmarked
    expect(result.value).toBe(50);
    expect(result.notAssessed).toContain('participative');
  });

  it('uses the capped element score', () => {
    const scores = elementScores(
      RUBRIC_V1,
      marksWith({
        F1: mark('fail', 1, 'forced account'),
        F3: mark('pass'),
        F4: mark('pass'),
        F5: mark('pass'),
        M1: mark('pass'),
      }),
    );
    // frictionless raw 75 -> capped 50; multisensory 100 -> (100 + 50) / 2
    expect(immersionIndex(scores, null).value).toBe(75);
  });

  it('is null when no element is assessed', () => {
    expect(immersionIndex(elementScores(RUBRIC_V1, marksWith({})), 3).value).toBeNull();
  });
});
