import { describe, expect, it } from 'vitest';
import { RUBRIC_V1 } from '../../../src/domain/rubric.ts';
import { criticalFailures, effectiveWeight, elementScore, elementScores } from '../../../src/domain/scores/elements.ts';
import { mark, marksWith } from './factory.ts';

const criteria = RUBRIC_V1.criteria;

describe('element scores', () => {
  it('is 100 * sum(w * s) / sum(w) with pass 1, partial 0.5, fail 0', () => {
    // M1 pass w1, M2 partial w1, M3 fail w2 (comment), M4 pass w1, M5 pass w1
    // sum(w*s) = 1 + 0.5 + 0 + 1 + 1 = 3.5; sum(w) = 6 -> 58.33...
    const marks = marksWith({
      M1: mark('pass'),
      M2: mark('partial'),
      M3: mark('fail', 2, 'no video'),
      M4: mark('pass'),
      M5: mark('pass'),
    });
    const result = elementScore('multisensory', criteria, marks);
    expect(result.score).toBeCloseTo(350 / 6, 10);
    expect(result.counts).toEqual({ pass: 3, partial: 1, fail: 1, na: 0, unmarked: 0 });
    expect(result.assessed).toBe(5);
    expect(result.weightSum).toBe(6);
    expect(result.capped).toBe(false);
  });

  it('weights 1-3 change the score', () => {
    // P1 pass w3, P2 fail w1 -> 3/4 = 75; the same with equal weights -> 50
    const weighted = elementScore(
      'participative',
      criteria,
      marksWith({ P1: mark('pass', 3), P2: mark('fail', 1, 'x') }),
    );
    const equal = elementScore('participative', criteria, marksWith({ P1: mark('pass', 1), P2: mark('fail', 1, 'x') }));
    expect(weighted.score).toBe(75);
    expect(equal.score).toBe(50);
  });

  it('clamps weights into 1-3 and treats a missing weight as 1', () => {
    expect(effectiveWeight(5)).toBe(3);
    expect(effectiveWeight(0)).toBe(1);
    expect(effectiveWeight(2)).toBe(2);
    expect(effectiveWeight(undefined)).toBe(1);
    expect(effectiveWeight(Number.NaN)).toBe(1);
  });

  it('N/A leaves the denominator', () => {
    // S1 pass, S2 na (w3), S3 partial -> (1 + 0.5) / 2 = 75
    const result = elementScore(
      'storytelling',
      criteria,
      marksWith({ S1: mark('pass'), S2: mark('na', 3), S3: mark('partial'), S4: mark('na'), S5: mark('na') }),
    );
    expect(result.score).toBe(75);
    expect(result.counts.na).toBe(3);
    expect(result.weightSum).toBe(2);
  });

  it('unmarked criteria are left out of the score and counted as unmarked', () => {
    // I1 pass, I2 fail, the rest unmarked -> 50
    const result = elementScore('interactive', criteria, marksWith({ I1: mark('pass'), I2: mark('fail', 1, 'none') }));
    expect(result.score).toBe(50);
    expect(result.counts.unmarked).toBe(4);
    expect(result.criteria).toBe(6);
  });

  it('a criterion with no entry at all counts as unmarked', () => {
    const result = elementScore('multisensory', criteria, { M1: mark('pass') });
    expect(result.score).toBe(100);
    expect(result.counts.unmarked).toBe(4);
  });

  it('an element with only N/A criteria is not assessed (null)', () => {
    const result = elementScore(
      'participative',
      criteria,
      marksWith({ P1: mark('na'), P2: mark('na'), P3: mark('na'), P4: mark('na'), P5: mark('na') }),
    );
    expect(result.score).toBeNull();
    expect(result.uncappedScore).toBeNull();
    expect(result.counts.na).toBe(5);
  });

  it('an element with nothing marked is not assessed (null)', () => {
    expect(elementScore('storytelling', criteria, marksWith({})).score).toBeNull();
  });

  it('a failed critical criterion caps the element at 50 and is flagged', () => {
    // F1 fail (critical), F3-F7 pass -> raw 5/6 = 83.3 -> capped to 50
    const marks = marksWith({
      F1: mark('fail', 1, 'account forced'),
      F2: mark('pass'),
      F3: mark('pass'),
      F4: mark('pass'),
      F5: mark('pass'),
      F6: mark('pass'),
      F7: mark('pass'),
    });
    const result = elementScore('frictionless', criteria, marks);
    expect(result.uncappedScore).toBeCloseTo(600 / 7, 10);
    expect(result.score).toBe(50);
    expect(result.capped).toBe(true);
    expect(result.capLowered).toBe(true);
    expect(result.failedCritical).toEqual(['F1']);
  });

  it('a raw score below 50 stays as it is but is still flagged', () => {
    // F1 fail, F2 fail (both critical), F3 pass -> 1/3 = 33.3
    const marks = marksWith({ F1: mark('fail', 1, 'a'), F2: mark('fail', 1, 'b'), F3: mark('pass') });
    const result = elementScore('frictionless', criteria, marks);
    expect(result.score).toBeCloseTo(100 / 3, 10);
    expect(result.capped).toBe(true);
    // The cap did not lower it: the report names the failed criteria instead of "capped at 50".
    expect(result.capLowered).toBe(false);
    expect(result.failedCritical).toEqual(['F1', 'F2']);
  });

  it('a failed non-critical criterion does not cap', () => {
    const marks = marksWith({ F1: mark('pass'), F2: mark('pass'), F3: mark('fail', 1, 'too many fields') });
    const result = elementScore('frictionless', criteria, marks);
    expect(result.score).toBeCloseTo(200 / 3, 10);
    expect(result.capped).toBe(false);
    expect(result.failedCritical).toEqual([]);
  });

  it('a partial critical criterion does not cap', () => {
    const result = elementScore('frictionless', criteria, marksWith({ F1: mark('partial'), F2: mark('pass') }));
    expect(result.score).toBe(75);
    expect(result.capped).toBe(false);
  });

  it('scores all five elements and lists the critical failures for the first page', () => {
    const scores = elementScores(RUBRIC_V1, marksWith({ F2: mark('fail', 1, 'fees at payment'), M1: mark('pass') }));
    expect(Object.keys(scores)).toEqual([
      'multisensory',
      'interactive',
      'participative',
      'frictionless',
      'storytelling',
    ]);
    expect(scores.multisensory.score).toBe(100);
    expect(scores.frictionless.score).toBe(0);
    expect(scores.interactive.score).toBeNull();
    expect(criticalFailures(scores)).toEqual([{ criterionId: 'F2', element: 'frictionless' }]);
  });

  it('ignores marks for ids that are not in the rubric', () => {
    const result = elementScore('multisensory', criteria, marksWith({ M1: mark('pass'), M9: mark('fail', 1, 'x') }));
    expect(result.score).toBe(100);
    expect(result.counts.fail).toBe(0);
  });
});
