// Fixtures for the score tests: complete, valid objects with only the fields under test overridden.
import type { Audit, CriterionMark, Mark, Step, StepSignals } from '../../../src/domain/model.ts';
import { DEFAULT_SCORE_WEIGHTS } from '../../../src/domain/model.ts';
import { emptyRubricMarks } from '../../../src/domain/rubric.ts';

export function makeSignals(overrides: Partial<StepSignals> = {}): StepSignals {
  return {
    clicks: 0,
    rageClicks: 0,
    deadClicks: 0,
    fields: 0,
    requiredFields: 0,
    formErrors: 0,
    backNavigations: 0,
    lcpMs: null,
    cls: null,
    inpMs: null,
    ...overrides,
  };
}

let stepCounter = 0;

export function makeStep(overrides: Partial<Step> = {}): Step {
  const index = overrides.index ?? stepCounter;
  stepCounter += 1;
  return {
    id: `s${index}`,
    auditId: 'a1',
    index,
    url: `https://shop.example/${index}`,
    title: `Step ${index}`,
    stage: null,
    stageSource: null,
    trigger: 'navigation',
    startedAt: '2026-11-23T10:00:00.000Z',
    capture: { status: 'ok' },
    ease: null,
    valence: null,
    arousal: null,
    emotions: [],
    note: '',
    findings: [],
    signals: null,
    updatedAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
  };
}

/** Steps with the given valences (null = unrated), indexes 0..n-1, ids s0..s(n-1). */
export function stepsWithValence(valences: readonly (number | null)[], ease: number | null = 6): Step[] {
  return valences.map((valence, index) => makeStep({ index, valence, ease }));
}

/** Steps with the given eases (null = unrated), indexes 0..n-1. */
export function stepsWithEase(eases: readonly (number | null)[], valence: number | null = 0): Step[] {
  return eases.map((ease, index) => makeStep({ index, ease, valence }));
}

export function mark(m: Mark | null, weight = 1, comment = ''): CriterionMark {
  return { mark: m, weight, evidence: null, comment };
}

/** Rubric v1 marks: every criterion unmarked, then the given ones set. */
export function marksWith(set: Record<string, CriterionMark>): Record<string, CriterionMark> {
  return { ...emptyRubricMarks().marks, ...set };
}

export function makeAudit(overrides: Partial<Audit> = {}): Audit {
  return {
    id: 'a1',
    site: 'shop.example',
    scenario: 'buy a size-M jacket as a guest',
    successCriterion: 'order confirmation shown',
    auditor: 'Fox',
    startUrl: 'https://shop.example/',
    viewport: { width: 1280, height: 800 },
    browser: 'Chrome 130',
    locale: 'en',
    device: 'desktop',
    templateId: 'ecommerce',
    templateVersion: 1,
    touchpoint: null,
    status: 'ended',
    createdAt: '2026-11-23T09:59:00.000Z',
    startedAt: '2026-11-23T10:00:00.000Z',
    endedAt: '2026-11-23T10:20:00.000Z',
    updatedAt: '2026-11-23T10:20:00.000Z',
    autoSteps: true,
    masking: true,
    maskSelectors: [],
    jpegQuality: 80,
    stepCount: 0,
    endSurvey: null,
    rubric: emptyRubricMarks(),
    weights: { ...DEFAULT_SCORE_WEIGHTS },
    ...overrides,
  };
}
