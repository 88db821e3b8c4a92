import { describe, expect, it } from 'vitest';
import type { Step, StepSignals } from '../../src/domain/model.ts';
import {
  DEAD_CLICKS_FAIL_AT,
  FIELDS_FAIL_AT,
  FIELDS_PASS_MAX,
  INCIDENTS_FAIL_AT,
  SUGGESTED_CRITERIA,
  suggestionFor,
  suggestMarks,
} from '../../src/domain/rubric-suggest.ts';
import { RUBRIC_V1 } from '../../src/domain/rubric.ts';
import { makeSignals, makeStep } from './scores/factory.ts';

/** Steps 0..n-1, each with the given signals (null: not observed). */
function observed(...signals: Array<Partial<StepSignals> | null>): Step[] {
  return signals.map((s, index) => makeStep({ index, signals: s === null ? null : makeSignals(s) }));
}

describe('suggestMarks: evidence', () => {
  it('suggests nothing without steps', () => {
    expect(suggestMarks([])).toEqual({});
  });

  it('suggests nothing when no step carries signals', () => {
    expect(suggestMarks(observed(null, null))).toEqual({});
  });

  it('suggests only for the (A) criteria of rubric v1', () => {
    const auto = RUBRIC_V1.criteria.filter((c) => c.auto).map((c) => c.id);
    expect([...SUGGESTED_CRITERIA].sort()).toEqual([...auto].sort());
    const all = suggestMarks(
      observed({
        clicks: 5,
        deadClicks: 1,
        rageClicks: 1,
        fields: 9,
        formErrors: 2,
        lcpMs: 3000,
        cls: 0.2,
        inpMs: 300,
      }),
      {
        probes: [
          {
            id: 'prb_1',
            auditId: 'aud_1',
            stepId: null,
            channel: 'chat',
            question: '',
            sentAt: 0,
            replies: [{ at: 60_000, answered: true }],
            resolvedAt: null,
            expectationMs: 120_000,
            createdAt: '2026-12-05T10:00:00.000Z',
            updatedAt: '2026-12-05T10:00:00.000Z',
          },
        ],
        nowMs: 0,
      },
    );
    expect(Object.keys(all).sort()).toEqual([...auto].sort());
  });

  it('with quiet signals only F4 has evidence (a pass); I3, I5, F3 and F5 have none', () => {
    const s = suggestMarks(observed({}, {}));
    expect(Object.keys(s)).toEqual(['F4']);
    expect(s.F4).toEqual({ mark: 'pass', reasons: [{ kind: 'no-incidents', steps: 2 }] });
  });

  it('ignores steps without signals and counts invalid numbers as 0 / not measured', () => {
    const s = suggestMarks([
      makeStep({ index: 0, signals: null }),
      makeStep({
        index: 1,
        signals: makeSignals({
          clicks: 4,
          deadClicks: Number.NaN,
          rageClicks: -2,
          formErrors: Infinity,
          lcpMs: -1,
          cls: Number.NaN,
        }),
      }),
    ]);
    expect(s.I3?.mark).toBe('pass');
    expect(s.F4).toEqual({ mark: 'pass', reasons: [{ kind: 'no-incidents', steps: 1 }] });
    expect(s.F5).toBeUndefined();
    expect(s.I5).toBeUndefined();
  });

  it('suggestionFor returns null for criteria that are not (A) or have no evidence', () => {
    const s = suggestMarks(observed({}));
    expect(suggestionFor(s, 'F4')?.mark).toBe('pass');
    expect(suggestionFor(s, 'F5')).toBeNull();
    expect(suggestionFor(s, 'F1')).toBeNull();
    expect(suggestionFor(s, 'toString')).toBeNull();
  });
});

describe('I3: dead clicks and INP', () => {
  it('needs a click or a measured INP', () => {
    expect(suggestMarks(observed({ clicks: 0 })).I3).toBeUndefined();
    expect(suggestMarks(observed({ clicks: 0, inpMs: 120 })).I3?.mark).toBe('pass');
  });

  it('passes with no dead click and a good INP, naming the slowest interaction', () => {
    const s = suggestMarks(observed({ clicks: 6, inpMs: 80 }, { clicks: 4, inpMs: 200 }));
    expect(s.I3).toEqual({
      mark: 'pass',
      reasons: [
        { kind: 'no-dead-clicks', clicks: 10, steps: 2 },
        { kind: 'inp', value: 200, rating: 'good', stepIndex: 1, stepId: 's1' },
      ],
    });
  });

  it('1 or 2 dead clicks: partial; 3: fail (summed over steps)', () => {
    expect(DEAD_CLICKS_FAIL_AT).toBe(3);
    expect(suggestMarks(observed({ clicks: 5, deadClicks: 1 })).I3?.mark).toBe('partial');
    const two = suggestMarks(observed({ clicks: 5, deadClicks: 1 }, { clicks: 2 }, { clicks: 3, deadClicks: 1 })).I3;
    expect(two).toEqual({
      mark: 'partial',
      reasons: [
        { kind: 'dead-clicks', count: 1, stepIndex: 0, stepId: 's0' },
        { kind: 'dead-clicks', count: 1, stepIndex: 2, stepId: 's2' },
      ],
    });
    expect(suggestMarks(observed({ clicks: 5, deadClicks: 2 }, { clicks: 3, deadClicks: 1 })).I3?.mark).toBe('fail');
  });

  it('INP thresholds: 200 good, 201 and 500 needs improvement (partial), 501 poor (fail)', () => {
    expect(suggestMarks(observed({ clicks: 1, inpMs: 200 })).I3?.mark).toBe('pass');
    expect(suggestMarks(observed({ clicks: 1, inpMs: 201 })).I3?.mark).toBe('partial');
    expect(suggestMarks(observed({ clicks: 1, inpMs: 500 })).I3?.mark).toBe('partial');
    const poor = suggestMarks(observed({ clicks: 1, inpMs: 501 })).I3;
    expect(poor).toEqual({
      mark: 'fail',
      reasons: [{ kind: 'inp', value: 501, rating: 'poor', stepIndex: 0, stepId: 's0' }],
    });
  });

  it('takes the worse of dead clicks and INP', () => {
    const s = suggestMarks(observed({ clicks: 3, deadClicks: 1, inpMs: 600 })).I3;
    expect(s?.mark).toBe('fail');
    expect(s?.reasons.map((r) => r.kind)).toEqual(['dead-clicks', 'inp']);
  });
});

describe('I5: inline validation (form errors)', () => {
  it('has no suggestion when validation never fired, even with forms', () => {
    expect(suggestMarks(observed({ fields: 6, requiredFields: 4, formErrors: 0 })).I5).toBeUndefined();
  });

  it('suggests partial when form errors appeared, listing them and asking to check the messages', () => {
    const s = suggestMarks(observed({ fields: 6 }, { fields: 6, formErrors: 1 }, { fields: 3, formErrors: 4 })).I5;
    expect(s).toEqual({
      mark: 'partial',
      reasons: [
        { kind: 'form-errors', count: 1, stepIndex: 1, stepId: 's1' },
        { kind: 'form-errors', count: 4, stepIndex: 2, stepId: 's2' },
        { kind: 'check-error-messages' },
      ],
    });
  });
});

describe('F3: field counts', () => {
  it('has no suggestion when no form was seen', () => {
    expect(suggestMarks(observed({ fields: 0 }, { clicks: 3 })).F3).toBeUndefined();
  });

  it(`passes at ${FIELDS_PASS_MAX} fields, naming the largest form`, () => {
    const s = suggestMarks(
      observed({ fields: 3, requiredFields: 1 }, { fields: 8, requiredFields: 6 }, { fields: 5 }),
    ).F3;
    expect(s).toEqual({
      mark: 'pass',
      reasons: [{ kind: 'fields', count: 8, required: 6, stepIndex: 1, stepId: 's1' }],
    });
  });

  it('9 and 11 fields: partial; 12: fail; reasons list every form above 8', () => {
    expect(FIELDS_FAIL_AT).toBe(12);
    expect(suggestMarks(observed({ fields: 9 })).F3?.mark).toBe('partial');
    expect(suggestMarks(observed({ fields: 11 })).F3?.mark).toBe('partial');
    const s = suggestMarks(
      observed({ fields: 12, requiredFields: 10 }, { fields: 4 }, { fields: 10, requiredFields: 2 }),
    ).F3;
    expect(s).toEqual({
      mark: 'fail',
      reasons: [
        { kind: 'fields', count: 12, required: 10, stepIndex: 0, stepId: 's0' },
        { kind: 'fields', count: 10, required: 2, stepIndex: 2, stepId: 's2' },
      ],
    });
  });
});

describe('F4: form errors, rage and dead clicks', () => {
  it('passes with no incident', () => {
    expect(suggestMarks(observed({ clicks: 20, fields: 5 })).F4?.mark).toBe('pass');
  });

  it('one rage click: partial', () => {
    const s = suggestMarks(observed({}, {}, {}, { rageClicks: 1 })).F4;
    expect(s).toEqual({ mark: 'partial', reasons: [{ kind: 'rage-clicks', count: 1, stepIndex: 3, stepId: 's3' }] });
  });

  it('form errors count once per step: 6 errors on one step plus 1 dead click is 2 incidents (partial)', () => {
    const s = suggestMarks(observed({ formErrors: 6 }, { deadClicks: 1 })).F4;
    expect(s?.mark).toBe('partial');
    expect(s?.reasons).toEqual([
      { kind: 'form-errors', count: 6, stepIndex: 0, stepId: 's0' },
      { kind: 'dead-clicks', count: 1, stepIndex: 1, stepId: 's1' },
    ]);
  });

  it(`${INCIDENTS_FAIL_AT} incidents: fail`, () => {
    expect(suggestMarks(observed({ rageClicks: 3 })).F4?.mark).toBe('fail');
    expect(suggestMarks(observed({ formErrors: 1 }, { formErrors: 1 }, { deadClicks: 1 })).F4?.mark).toBe('fail');
    expect(
      suggestMarks(observed({ formErrors: 1, rageClicks: 1, deadClicks: 1 })).F4?.reasons.map((r) => r.kind),
    ).toEqual(['form-errors', 'rage-clicks', 'dead-clicks']);
  });

  it('reasons follow journey order whatever the input order', () => {
    const steps = observed({ rageClicks: 1 }, {}, { deadClicks: 1 }).reverse();
    expect(suggestMarks(steps).F4?.reasons.map((r) => ('stepIndex' in r ? r.stepIndex : -1))).toEqual([0, 2]);
  });
});

describe('F5: Core Web Vitals', () => {
  it('has no suggestion when no vital was measured', () => {
    expect(suggestMarks(observed({ clicks: 3 })).F5).toBeUndefined();
  });

  it('passes at the good thresholds (LCP 2500 ms, CLS 0.1, INP 200 ms)', () => {
    const s = suggestMarks(observed({ lcpMs: 2500, cls: 0.1, inpMs: 200 }, { lcpMs: 1200 }, {})).F5;
    expect(s).toEqual({ mark: 'pass', reasons: [{ kind: 'vitals-good', measured: 4, steps: 2 }] });
  });

  it('just above good is partial: LCP 2501, CLS 0.11; at the poor thresholds still partial', () => {
    expect(suggestMarks(observed({ lcpMs: 2501 })).F5?.mark).toBe('partial');
    expect(suggestMarks(observed({ cls: 0.11 })).F5?.mark).toBe('partial');
    expect(suggestMarks(observed({ lcpMs: 4000, cls: 0.25, inpMs: 500 })).F5?.mark).toBe('partial');
  });

  it('above poor is fail: LCP 4001, CLS 0.26, INP 501', () => {
    expect(suggestMarks(observed({ lcpMs: 4001 })).F5?.mark).toBe('fail');
    expect(suggestMarks(observed({ cls: 0.26 })).F5?.mark).toBe('fail');
    expect(suggestMarks(observed({ inpMs: 501 })).F5?.mark).toBe('fail');
  });

  it('lists the vitals that are not good, worst first, then journey order', () => {
    const s = suggestMarks(
      observed({ lcpMs: 3000, cls: 0.05 }, { lcpMs: 1000, cls: 0.31 }, { inpMs: 700, lcpMs: 2600 }),
    ).F5;
    expect(s?.mark).toBe('fail');
    expect(s?.reasons).toEqual([
      { kind: 'cls', value: 0.31, rating: 'poor', stepIndex: 1, stepId: 's1' },
      { kind: 'inp', value: 700, rating: 'poor', stepIndex: 2, stepId: 's2' },
      { kind: 'lcp', value: 3000, rating: 'needs-improvement', stepIndex: 0, stepId: 's0' },
      { kind: 'lcp', value: 2600, rating: 'needs-improvement', stepIndex: 2, stepId: 's2' },
    ]);
  });
});
