// computeScores: every number a report needs, from one audit and its steps (METHOD.md "Scores").
// Pure: no browser or Node API. Numbers are not rounded; rounding is the report's job.
//
// Summary of the choices documented in the modules:
// - Steps are taken in journey order (Step.index). Each score uses only the steps that carry the
//   rating it needs; `rated` says how many, `warnings` lists the unrated steps.
// - Peak-end: the end step v_n is the last step WITH a valence rating (peak-end.ts).
// - Element scores: unmarked criteria are left out like N/A (and reported as missing by
//   completeness.ts); a failed critical criterion caps the element at 50 (elements.ts).
// - Immersion leaves out elements that are not assessed (immersion.ts).
// - Overall renormalises the weights over the components that exist (overall.ts).
// - End survey: difference = remembered - predicted (PE); positive: remembered better than the
//   peak-end rule predicts.
import {
  DEFAULT_SCORE_WEIGHTS,
  type Audit,
  type ScoreWeights,
  type Step,
  type StepId,
  type TouchpointScenario,
} from '../model.ts';
import { RUBRIC_V1, type Rubric } from '../rubric.ts';
import { scoreBasis, type ScoreBasis } from './basis.ts';
import { effortScore, type EffortScore } from './effort.ts';
import { criticalFailures, elementScores, type CriticalFailure, type ElementScores } from './elements.ts';
import { journeyEmotionalValue, type EmotionalValue } from './emotional-value.ts';
import { immersionIndex, type ImmersionIndex } from './immersion.ts';
import {
  arousalOf,
  easeOf,
  friction,
  inJourneyOrder,
  isValence,
  normArousal,
  normValence,
  to100,
  valenceOf,
} from './normalise.ts';
import { overallScore, type OverallScore } from './overall.ts';
import { easePeakEnd, peakEnd, type EasePeakEnd, type PeakEndScores } from './peak-end.ts';
import { checkoutBenchmark, stepVitals, type CheckoutBenchmark, type StepVitals } from './vitals.ts';

export type ScoreWarning =
  | { kind: 'no-steps' }
  | { kind: 'steps-without-valence'; count: number; stepIds: StepId[] }
  | { kind: 'steps-without-ease'; count: number; stepIds: StepId[] }
  | { kind: 'criteria-unmarked'; count: number }
  | { kind: 'rubric-version-mismatch'; auditVersion: string; rubricVersion: string };
/** Every ScoreWarning['kind'] (test/unit/domain-values.test.ts holds the two together). */
export const SCORE_WARNING_KINDS = [
  'no-steps',
  'steps-without-valence',
  'steps-without-ease',
  'criteria-unmarked',
  'rubric-version-mismatch',
] as const satisfies readonly ScoreWarning['kind'][];

/** One step's ratings on their raw and normalised scales (null when not rated). */
export interface StepScore {
  stepId: StepId;
  index: number;
  ease: number | null;
  /** f = (7 - ease) / 6 */
  friction: number | null;
  valence: number | null;
  /** v = valence / 4 */
  v: number | null;
  arousal: number | null;
  /** a = (arousal - 5) / 4 */
  a: number | null;
  vitals: StepVitals;
}

export interface EndSurveyComparison {
  taskCompleted: boolean | null;
  /** Customer Effort Score 2.0, 1-7; null when not given. */
  ces: number | null;
  /** CES 5-7 is positive. */
  cesPositive: boolean | null;
  /** Retrospective valence, raw -4..+4. */
  rememberedValence: number | null;
  /** rememberedValence / 4, in [-1, 1], on the scale of PE. */
  remembered: number | null;
  /** 50 * (remembered + 1), on the scale of PE100. */
  remembered100: number | null;
  /** PE, the peak-end prediction; null when no step has a valence. */
  predicted: number | null;
  /** PE100. */
  predicted100: number | null;
  /** remembered - PE; positive: remembered better than predicted. */
  difference: number | null;
  /** remembered100 - PE100. */
  difference100: number | null;
}

export interface AuditScores {
  auditId: string;
  /** Version of the rubric the element scores were computed with. */
  rubricVersion: string;
  stepCount: number;
  /** How many steps carry each rating. */
  rated: { valence: number; ease: number };
  warnings: ScoreWarning[];
  /** Every step in journey order. */
  steps: StepScore[];
  /** Peak, end, PE, PE100, mean m, memory gap, negative and positive peak-end; null: no valence. */
  peakEnd: PeakEndScores | null;
  /** (min ease + ease_n) / 2 against 5.5; null: no ease. */
  easePeakEnd: EasePeakEnd | null;
  /** NEV (null when no emotions logged) and signature. */
  emotional: EmotionalValue;
  /** Effort100 and mean friction; null: no ease. */
  effort: EffortScore | null;
  elements: ElementScores;
  /** Failed critical criteria: the report's first-page flags. */
  criticalFailures: CriticalFailure[];
  immersion: ImmersionIndex;
  overall: OverallScore;
  /** What the scores rest on, and whether the overall score is final, provisional or not assessed. */
  basis: ScoreBasis;
  /** null when the journey-end survey was not filled in. */
  endSurvey: EndSurveyComparison | null;
  checkout: CheckoutBenchmark;
}

function stepScore(step: Step): StepScore {
  const ease = easeOf(step);
  const valence = valenceOf(step);
  const arousal = arousalOf(step);
  return {
    stepId: step.id,
    index: step.index,
    ease,
    friction: ease === null ? null : friction(ease),
    valence,
    v: valence === null ? null : normValence(valence),
    arousal,
    a: arousal === null ? null : normArousal(arousal),
    vitals: stepVitals(step.signals),
  };
}

export function endSurveyComparison(survey: Audit['endSurvey'], pe: PeakEndScores | null): EndSurveyComparison | null {
  if (!survey) return null;
  const ces =
    typeof survey.ces === 'number' && Number.isInteger(survey.ces) && survey.ces >= 1 && survey.ces <= 7
      ? survey.ces
      : null;
  const rememberedValence = isValence(survey.rememberedValence) ? survey.rememberedValence : null;
  const remembered = rememberedValence === null ? null : normValence(rememberedValence);
  const remembered100 = remembered === null ? null : to100(remembered);
  const predicted = pe?.pe ?? null;
  const predicted100 = pe?.pe100 ?? null;
  return {
    taskCompleted: typeof survey.taskCompleted === 'boolean' ? survey.taskCompleted : null,
    ces,
    cesPositive: ces === null ? null : ces >= 5,
    rememberedValence,
    remembered,
    remembered100,
    predicted,
    predicted100,
    difference: remembered === null || predicted === null ? null : remembered - predicted,
    difference100: remembered100 === null || predicted100 === null ? null : remembered100 - predicted100,
  };
}

export function computeScores(audit: Audit, steps: Step[], rubric: Rubric = RUBRIC_V1): AuditScores {
  const ordered = inJourneyOrder(steps);
  const perStep = ordered.map(stepScore);
  const warnings: ScoreWarning[] = [];

  if (ordered.length === 0) warnings.push({ kind: 'no-steps' });
  const noValence = perStep.filter((s) => s.valence === null).map((s) => s.stepId);
  const noEase = perStep.filter((s) => s.ease === null).map((s) => s.stepId);
  if (noValence.length > 0)
    warnings.push({ kind: 'steps-without-valence', count: noValence.length, stepIds: noValence });
  if (noEase.length > 0) warnings.push({ kind: 'steps-without-ease', count: noEase.length, stepIds: noEase });

  const marks = audit.rubric?.marks ?? {};
  const auditVersion = audit.rubric?.rubricVersion;
  if (auditVersion !== undefined && auditVersion !== rubric.version) {
    warnings.push({ kind: 'rubric-version-mismatch', auditVersion, rubricVersion: rubric.version });
  }
  const elements = elementScores(rubric, marks);
  const unmarked = Object.values(elements).reduce((n, e) => n + e.counts.unmarked, 0);
  if (unmarked > 0) warnings.push({ kind: 'criteria-unmarked', count: unmarked });

  const pe = peakEnd(ordered);
  const effort = effortScore(ordered);
  const touchpoint: TouchpointScenario | null = audit.touchpoint ?? null;
  const immersion = immersionIndex(elements, touchpoint);
  const weights: ScoreWeights = audit.weights ?? DEFAULT_SCORE_WEIGHTS;
  const overall = overallScore(
    { immersion: immersion.value, peakEnd: pe?.pe100 ?? null, effort: effort?.effort100 ?? null },
    weights,
  );

  return {
    auditId: audit.id,
    rubricVersion: rubric.version,
    stepCount: ordered.length,
    rated: { valence: ordered.length - noValence.length, ease: ordered.length - noEase.length },
    warnings,
    steps: perStep,
    peakEnd: pe,
    easePeakEnd: easePeakEnd(ordered),
    emotional: journeyEmotionalValue(ordered),
    effort,
    elements,
    criticalFailures: criticalFailures(elements),
    immersion,
    overall,
    basis: scoreBasis(
      elements,
      perStep.filter((s) => s.ease !== null && s.valence !== null).length,
      ordered.length,
      overall,
    ),
    endSurvey: endSurveyComparison(audit.endSurvey, pe),
    checkout: checkoutBenchmark(ordered),
  };
}

export * from './normalise.ts';
export * from './peak-end.ts';
export * from './emotional-value.ts';
export * from './effort.ts';
export * from './elements.ts';
export * from './immersion.ts';
export * from './overall.ts';
export * from './basis.ts';
export * from './vitals.ts';
