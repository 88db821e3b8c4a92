// METHOD.md: an incomplete audit's scores are provisional and say what they rest on; with no part
// at all the overall score is "not assessed", never a number.
import { describe, expect, it } from 'vitest';
import { RUBRIC_V1 } from '../../../src/domain/rubric.ts';
import { computeScores } from '../../../src/domain/scores/index.ts';
import { makeAudit, makeStep, mark, marksWith } from './factory.ts';

const allPass = () => marksWith(Object.fromEntries(RUBRIC_V1.criteria.map((c) => [c.id, mark('pass')])));

describe('score basis', () => {
  it('an audit with no ratings and no marks is not assessed, not 100', () => {
    const scores = computeScores(makeAudit({}), [makeStep({ id: 'a', index: 0 }), makeStep({ id: 'b', index: 1 })]);
    expect(scores.overall.value).toBeNull();
    expect(scores.basis).toEqual({
      criteriaMarked: 0,
      criteriaTotal: RUBRIC_V1.criteria.length,
      stepsRated: 0,
      stepCount: 2,
      status: 'not-assessed',
    });
  });

  it('five criteria marked and no step rated: a provisional score that says what it rests on', () => {
    const marks = marksWith({ M1: mark('pass'), M2: mark('pass'), I1: mark('pass'), F1: mark('pass'), S1: mark('na') });
    const scores = computeScores(makeAudit({ rubric: { rubricVersion: 'v1', marks } }), [
      makeStep({ id: 'a', index: 0 }),
    ]);
    expect(scores.overall.value).toBe(100);
    expect(scores.overall.missing).toEqual(['peakEnd', 'effort']);
    expect(scores.basis).toMatchObject({ criteriaMarked: 5, criteriaTotal: 28, stepsRated: 0, status: 'provisional' });
  });

  it('every criterion marked and every step rated: final', () => {
    const scores = computeScores(makeAudit({ rubric: { rubricVersion: 'v1', marks: allPass() } }), [
      makeStep({ id: 'a', index: 0, ease: 6, valence: 2 }),
      makeStep({ id: 'b', index: 1, ease: 5, valence: 1 }),
    ]);
    expect(scores.basis).toMatchObject({ criteriaMarked: 28, stepsRated: 2, stepCount: 2, status: 'final' });
  });

  it('one step rated for valence only keeps the audit provisional', () => {
    const scores = computeScores(makeAudit({ rubric: { rubricVersion: 'v1', marks: allPass() } }), [
      makeStep({ id: 'a', index: 0, ease: 6, valence: 2 }),
      makeStep({ id: 'b', index: 1, valence: 1 }),
    ]);
    expect(scores.basis).toMatchObject({ stepsRated: 1, stepCount: 2, status: 'provisional' });
  });
});
