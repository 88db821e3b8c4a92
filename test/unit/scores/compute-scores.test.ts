import { describe, expect, it } from 'vitest';
import type { EmotionId, FeltEmotion } from '../../../src/domain/model.ts';
import { computeScores } from '../../../src/domain/scores/index.ts';
import { makeAudit, makeSignals, makeStep, mark, marksWith } from './factory.ts';

const e = (emotion: EmotionId, intensity: number): FeltEmotion => ({ emotion, intensity });

/** A five-step guest checkout; s3 (payment) was not rated. */
function journey() {
  return [
    makeStep({ id: 's0', index: 0, stage: 'landing', ease: 6, valence: 2, emotions: [e('interested', 3)] }),
    makeStep({ id: 's1', index: 1, stage: 'product', ease: 5, valence: 3, emotions: [e('happy', 4)] }),
    makeStep({
      id: 's2',
      index: 2,
      stage: 'checkout-details',
      ease: 2,
      valence: -3,
      note: 'had to create an account',
      emotions: [e('frustrated', 4)],
      signals: makeSignals({ fields: 9 }),
    }),
    makeStep({ id: 's3', index: 3, stage: 'payment', signals: makeSignals({ fields: 4, lcpMs: 4200 }) }),
    makeStep({ id: 's4', index: 4, stage: 'confirmation', ease: 6, valence: 1, emotions: [e('pleased', 2)] }),
  ];
}

function audit(overrides: Parameters<typeof makeAudit>[0] = {}) {
  return makeAudit({
    touchpoint: 1,
    endSurvey: { taskCompleted: true, ces: 5, rememberedValence: 0 },
    rubric: {
      rubricVersion: 'v1',
      marks: marksWith({
        M1: mark('pass'),
        M2: mark('pass'),
        I1: mark('partial'),
        I3: mark('pass'),
        P1: mark('na'),
        P2: mark('na'),
        P3: mark('na'),
        P4: mark('na'),
        P5: mark('na'),
        F1: mark('fail', 2, 'account forced'),
        F2: mark('pass'),
        F3: mark('pass'),
        F4: mark('pass'),
        S4: mark('pass', 3),
        S5: mark('fail', 1, 'delivery date moved'),
      }),
    },
    ...overrides,
  });
}

describe('computeScores on a hand-computed journey', () => {
  // In a shuffled order, to check journey order comes from Step.index.
  const steps = journey().reverse();
  const scores = computeScores(audit(), steps);

  it('counts rated steps and warns about the unrated one', () => {
    expect(scores.stepCount).toBe(5);
    expect(scores.rated).toEqual({ valence: 4, ease: 4 });
    expect(scores.warnings).toEqual([
      { kind: 'steps-without-valence', count: 1, stepIds: ['s3'] },
      { kind: 'steps-without-ease', count: 1, stepIds: ['s3'] },
      { kind: 'criteria-unmarked', count: 13 },
    ]);
    expect(scores.steps.map((s) => s.stepId)).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(scores.steps[2]).toMatchObject({ ease: 2, friction: 5 / 6, valence: -3, v: -0.75 });
    expect(scores.steps[3]?.vitals.lcp).toBe('poor');
  });

  it('peak-end: |0.75| tie goes to the negative s2, end is s4', () => {
    // v = 0.5, 0.75, -0.75, 0.25
    const pe = scores.peakEnd;
    expect(pe?.peak).toEqual({ stepId: 's2', index: 2, valence: -3, v: -0.75 });
    expect(pe?.end).toEqual({ stepId: 's4', index: 4, valence: 1, v: 0.25 });
    expect(pe?.pe).toBe(-0.25);
    expect(pe?.pe100).toBe(37.5);
    expect(pe?.mean).toBe(0.1875);
    expect(pe?.memoryGap).toBe(-0.4375);
    expect(pe?.negativePeakEnd).toBe(-0.25);
    expect(pe?.positivePeakEnd).toBe(0.5);
  });

  it('ease peak-end (2 + 6) / 2 = 4, below 5.5', () => {
    expect(scores.easePeakEnd?.value).toBe(4);
    expect(scores.easePeakEnd?.belowBenchmark).toBe(true);
  });

  it('Effort100: frictions 1/6, 2/6, 5/6, 1/6 -> mean 0.375 -> 62.5', () => {
    expect(scores.effort?.effort100).toBeCloseTo(62.5, 10);
  });

  it('NEV: P = 9, N = 4 -> 500 / 13; signature shares', () => {
    expect(scores.emotional.nev).toBeCloseTo(500 / 13, 10);
    expect(scores.emotional.signature?.advocacy).toBeCloseTo(6 / 13, 12);
    expect(scores.emotional.signature?.attention).toBeCloseTo(3 / 13, 12);
    expect(scores.emotional.signature?.recommendation).toBe(0);
    expect(scores.emotional.signature?.destroying).toBeCloseTo(4 / 13, 12);
  });

  it('element scores, N/A-only participative not assessed, frictionless capped and flagged', () => {
    expect(scores.elements.multisensory.score).toBe(100);
    expect(scores.elements.interactive.score).toBe(75);
    expect(scores.elements.participative.score).toBeNull();
    expect(scores.elements.frictionless.uncappedScore).toBe(60); // (0*2 + 1 + 1 + 1) / 5
    expect(scores.elements.frictionless.score).toBe(50);
    expect(scores.elements.frictionless.capped).toBe(true);
    expect(scores.elements.storytelling.score).toBe(75); // (3*1 + 0) / 4
    expect(scores.criticalFailures).toEqual([{ criterionId: 'F1', element: 'frictionless' }]);
  });

  it('Immersion under scenario 1: (100 + 75 + 2*50 + 75) / 5 = 70', () => {
    expect(scores.immersion.value).toBe(70);
    expect(scores.immersion.notAssessed).toEqual(['participative']);
  });

  it('overall = 0.5 * 70 + 0.25 * 37.5 + 0.25 * 62.5 = 60', () => {
    expect(scores.overall.value).toBeCloseTo(60, 10);
    expect(scores.overall.renormalised).toBe(false);
  });

  it('sets the end survey beside the PE prediction', () => {
    expect(scores.endSurvey).toEqual({
      taskCompleted: true,
      ces: 5,
      cesPositive: true,
      rememberedValence: 0,
      remembered: 0,
      remembered100: 50,
      predicted: -0.25,
      predicted100: 37.5,
      difference: 0.25,
      difference100: 12.5,
    });
  });

  it('checkout: 2 steps (checkout-details, payment) with 13 fields', () => {
    expect(scores.checkout.steps).toBe(2);
    expect(scores.checkout.fields).toBe(13);
  });
});

describe('computeScores variants', () => {
  it("follows the audit's custom weights", () => {
    const scores = computeScores(audit({ weights: { immersion: 0, peakEnd: 0.5, effort: 0.5 } }), journey());
    expect(scores.overall.value).toBeCloseTo(50, 10); // (37.5 + 62.5) / 2
  });

  it('with another touchpoint the same marks weigh differently', () => {
    // scenario 4: interactive, storytelling x2 -> (100 + 2*75 + 50 + 2*75) / 6 = 450 / 6 = 75
    expect(computeScores(audit({ touchpoint: 4 }), journey()).immersion.value).toBe(75);
    // none: (100 + 75 + 50 + 75) / 4 = 75
    expect(computeScores(audit({ touchpoint: null }), journey()).immersion.value).toBe(75);
    // scenario 2: interactive, multisensory x2 -> (200 + 150 + 50 + 75) / 6
    expect(computeScores(audit({ touchpoint: 2 }), journey()).immersion.value).toBeCloseTo(475 / 6, 10);
  });

  it('with nothing marked and no valence: no PE, no Immersion, overall from Effort alone', () => {
    const steps = journey().map((s) => ({ ...s, valence: null, emotions: [] }));
    const scores = computeScores(makeAudit(), steps);
    expect(scores.peakEnd).toBeNull();
    expect(scores.immersion.value).toBeNull();
    expect(scores.emotional.nev).toBeNull();
    expect(scores.overall.value).toBeCloseTo(62.5, 10);
    expect(scores.overall.missing).toEqual(['immersion', 'peakEnd']);
    expect(scores.overall.weightsUsed).toEqual({ immersion: 0, peakEnd: 0, effort: 1 });
    expect(scores.overall.renormalised).toBe(true);
    expect(scores.warnings).toContainEqual({
      kind: 'steps-without-valence',
      count: 5,
      stepIds: ['s0', 's1', 's2', 's3', 's4'],
    });
    expect(scores.warnings).toContainEqual({ kind: 'criteria-unmarked', count: 28 });
  });

  it('no steps: every journey score is null and a warning says so', () => {
    const scores = computeScores(audit({ endSurvey: null }), []);
    expect(scores.stepCount).toBe(0);
    expect(scores.peakEnd).toBeNull();
    expect(scores.effort).toBeNull();
    expect(scores.easePeakEnd).toBeNull();
    expect(scores.endSurvey).toBeNull();
    expect(scores.warnings[0]).toEqual({ kind: 'no-steps' });
    expect(scores.overall.value).toBe(70); // Immersion alone
  });

  it('end survey without a remembered rating has no difference; invalid CES is dropped', () => {
    const scores = computeScores(
      audit({ endSurvey: { taskCompleted: false, ces: 9, rememberedValence: null } }),
      journey(),
    );
    expect(scores.endSurvey?.taskCompleted).toBe(false);
    expect(scores.endSurvey?.ces).toBeNull();
    expect(scores.endSurvey?.cesPositive).toBeNull();
    expect(scores.endSurvey?.difference).toBeNull();
    expect(scores.endSurvey?.predicted100).toBe(37.5);
  });

  it('CES 4 is not positive', () => {
    const scores = computeScores(
      audit({ endSurvey: { taskCompleted: true, ces: 4, rememberedValence: -2 } }),
      journey(),
    );
    expect(scores.endSurvey?.cesPositive).toBe(false);
    expect(scores.endSurvey?.remembered100).toBe(25); // 50 * (1 - 0.5)
    expect(scores.endSurvey?.difference100).toBe(-12.5);
  });

  it('warns when the audit was marked against another rubric version', () => {
    const a = audit();
    const scores = computeScores({ ...a, rubric: { ...a.rubric, rubricVersion: 'v0' } }, journey());
    expect(scores.warnings).toContainEqual({
      kind: 'rubric-version-mismatch',
      auditVersion: 'v0',
      rubricVersion: 'v1',
    });
  });
});
