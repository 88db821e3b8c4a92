import { describe, expect, it } from 'vitest';
import { completeness } from '../../../src/domain/completeness.ts';
import type { CriterionMark } from '../../../src/domain/model.ts';
import { RUBRIC_V1 } from '../../../src/domain/rubric.ts';
import { makeAudit, makeStep, mark } from './factory.ts';

/** Every v1 criterion marked pass, then the overrides. */
function allMarked(overrides: Record<string, CriterionMark> = {}): Record<string, CriterionMark> {
  const marks: Record<string, CriterionMark> = {};
  for (const c of RUBRIC_V1.criteria) marks[c.id] = mark('pass');
  return { ...marks, ...overrides };
}

const auditWith = (marks: Record<string, CriterionMark>) => makeAudit({ rubric: { rubricVersion: 'v1', marks } });

describe('completeness', () => {
  it('is complete when every step is rated, every criterion marked and every fail and low ease commented', () => {
    const steps = [
      makeStep({ index: 0, ease: 6, valence: 2 }),
      makeStep({ index: 1, ease: 2, valence: -3, note: 'address form rejected the postcode' }),
    ];
    const result = completeness(auditWith(allMarked({ F6: mark('fail', 1, 'card only'), M3: mark('na') })), steps);
    expect(result).toEqual({ complete: true, missing: [] });
  });

  it('lists a missing ease and a missing valence per step', () => {
    const steps = [
      makeStep({ index: 0, id: 'a', ease: null, valence: 1 }),
      makeStep({ index: 1, id: 'b', ease: 5, valence: null }),
    ];
    const result = completeness(auditWith(allMarked()), steps);
    expect(result.complete).toBe(false);
    expect(result.missing).toEqual([
      { kind: 'step-ease', stepId: 'a', stepIndex: 0 },
      { kind: 'step-valence', stepId: 'b', stepIndex: 1 },
    ]);
  });

  it('an ease of 1 or 2 needs a non-empty note; 3 does not', () => {
    const steps = [
      makeStep({ index: 0, id: 'one', ease: 1, valence: -4, note: '' }),
      makeStep({ index: 1, id: 'two', ease: 2, valence: -2, note: '   ' }),
      makeStep({ index: 2, id: 'three', ease: 3, valence: 0, note: '' }),
    ];
    const result = completeness(auditWith(allMarked()), steps);
    expect(result.missing).toEqual([
      { kind: 'step-comment', stepId: 'one', stepIndex: 0 },
      { kind: 'step-comment', stepId: 'two', stepIndex: 1 },
    ]);
  });

  it('lists unmarked criteria (null mark or no entry) and fails without a comment', () => {
    const marks = allMarked({ I2: mark(null), F1: mark('fail', 1, ' '), S4: mark('fail', 1, 'no delivery date') });
    delete marks.P5;
    const result = completeness(auditWith(marks), [makeStep({ ease: 6, valence: 1 })]);
    expect(result.missing).toEqual([
      { kind: 'criterion-mark', criterionId: 'I2' },
      { kind: 'criterion-mark', criterionId: 'P5' },
      { kind: 'criterion-comment', criterionId: 'F1' },
    ]);
  });

  it('a fresh audit misses every criterion mark', () => {
    const result = completeness(makeAudit(), [makeStep({ ease: 6, valence: 1 })]);
    expect(result.missing).toHaveLength(28);
    expect(result.missing.every((m) => m.kind === 'criterion-mark')).toBe(true);
  });

  it('lists steps in journey order before criteria', () => {
    const steps = [
      makeStep({ index: 1, id: 'late', ease: null, valence: 1 }),
      makeStep({ index: 0, id: 'early', ease: null, valence: 1 }),
    ];
    const result = completeness(auditWith(allMarked({ M1: mark(null) })), steps);
    expect(result.missing.map((m) => m.stepId ?? m.criterionId)).toEqual(['early', 'late', 'M1']);
  });

  it('an invalid rating counts as missing', () => {
    const result = completeness(auditWith(allMarked()), [makeStep({ id: 'x', index: 0, ease: 0, valence: 9 })]);
    expect(result.missing.map((m) => m.kind)).toEqual(['step-ease', 'step-valence']);
  });

  it('an audit without steps is not complete', () => {
    const result = completeness(auditWith(allMarked()), []);
    expect(result.complete).toBe(false);
    expect(result.missing).toEqual([{ kind: 'no-steps' }]);
  });
});
