// METHOD.md "Element scores".
// Element score = 100 * sum(w * s) / sum(w), s: pass 1, partial 0.5, fail 0, over the criteria of
// the element that are marked and not N/A.
//
// Choices (documented in the report's Method appendix):
// - N/A leaves the denominator (METHOD.md).
// - Unmarked criteria (mark null, or no entry in the audit's marks) are treated as "not yet
//   assessed": they are left out of the score like N/A, and completeness.ts lists them as missing.
//   The result counts them so a report can say how much of an element is still open.
// - No criterion that is marked and applicable: the element is "not assessed" (score null) and is
//   left out of the Immersion index.
// - A failed critical criterion caps its element at 50: score = min(raw, 50). `capped` is true
//   whenever a critical criterion failed (the cap is in force), even if the raw score was already
//   50 or less; `failedCritical` lists the ids for the report's first page.
// - Weights are 1-3 (default 1). Imports refuse any other weight (import/validate.ts); a stored
//   record that still holds one is clamped here so old data scores, and a non-numeric weight
//   counts as 1.
// - Marks for ids that are not in the rubric are ignored.
import type { CriterionMark, ElementId, Mark } from '../model.ts';
import { ELEMENT_IDS } from '../model.ts';
import type { Criterion, Rubric } from '../rubric.ts';

export const MARK_SCORE: Record<Exclude<Mark, 'na'>, number> = { pass: 1, partial: 0.5, fail: 0 };

/** METHOD.md: a failed critical criterion caps its element at 50. */
export const CRITICAL_CAP = 50;

export const WEIGHT_MIN = 1;
export const WEIGHT_MAX = 3;
export const DEFAULT_WEIGHT = 1;
/** The only weights METHOD.md allows; an import carrying any other is refused. */
export const CRITERION_WEIGHTS = [1, 2, 3] as const;

export interface MarkCounts {
  pass: number;
  partial: number;
  fail: number;
  na: number;
  unmarked: number;
}

export interface ElementScore {
  element: ElementId;
  /** 0-100 after the critical cap; null = not assessed. */
  score: number | null;
  /** 0-100 before the critical cap; null = not assessed. */
  uncappedScore: number | null;
  /** True when a critical criterion failed, so the element is capped at 50. */
  capped: boolean;
  /** True only when the cap lowered the score (uncapped above 50): the report says "capped at 50"
   *  then, and otherwise names the failed critical criterion (METHOD.md). */
  capLowered: boolean;
  /** Ids of the failed critical criteria, in rubric order. */
  failedCritical: string[];
  counts: MarkCounts;
  /** Criteria of this element in the rubric. */
  criteria: number;
  /** Criteria that entered the score (marked pass, partial or fail). */
  assessed: number;
  /** sum(w) over the assessed criteria. */
  weightSum: number;
}

/** A weight as used in the score: 1-3, default 1. */
export function effectiveWeight(weight: unknown): number {
  if (typeof weight !== 'number' || !Number.isFinite(weight)) return DEFAULT_WEIGHT;
  return Math.min(WEIGHT_MAX, Math.max(WEIGHT_MIN, weight));
}

/** Score of one element from its criteria and the audit's marks. */
export function elementScore(
  element: ElementId,
  criteria: readonly Criterion[],
  marks: Record<string, CriterionMark>,
): ElementScore {
  const counts: MarkCounts = { pass: 0, partial: 0, fail: 0, na: 0, unmarked: 0 };
  const failedCritical: string[] = [];
  let weighted = 0;
  let weightSum = 0;
  let assessed = 0;
  let total = 0;
  for (const criterion of criteria) {
    if (criterion.element !== element) continue;
    total += 1;
    const entry = Object.prototype.hasOwnProperty.call(marks, criterion.id) ? marks[criterion.id] : undefined;
    const mark = entry?.mark ?? null;
    if (mark !== 'pass' && mark !== 'partial' && mark !== 'fail' && mark !== 'na') {
      counts.unmarked += 1;
      continue;
    }
    counts[mark] += 1;
    if (mark === 'na') continue;
    const w = effectiveWeight(entry?.weight);
    weighted += w * MARK_SCORE[mark];
    weightSum += w;
    assessed += 1;
    if (mark === 'fail' && criterion.critical) failedCritical.push(criterion.id);
  }
  const uncappedScore = weightSum > 0 ? (100 * weighted) / weightSum : null;
  const capped = failedCritical.length > 0;
  const score = uncappedScore === null ? null : capped ? Math.min(uncappedScore, CRITICAL_CAP) : uncappedScore;
  const capLowered = capped && uncappedScore !== null && uncappedScore > CRITICAL_CAP;
  return {
    element,
    score,
    uncappedScore,
    capped,
    capLowered,
    failedCritical,
    counts,
    criteria: total,
    assessed,
    weightSum,
  };
}

export type ElementScores = Record<ElementId, ElementScore>;

/** Scores of all five elements. */
export function elementScores(rubric: Rubric, marks: Record<string, CriterionMark>): ElementScores {
  const out = {} as ElementScores;
  for (const element of ELEMENT_IDS) out[element] = elementScore(element, rubric.criteria, marks);
  return out;
}

export interface CriticalFailure {
  criterionId: string;
  element: ElementId;
}

/** Every failed critical criterion, in element then rubric order: the report's first-page flags. */
export function criticalFailures(scores: ElementScores): CriticalFailure[] {
  return ELEMENT_IDS.flatMap((element) =>
    scores[element].failedCritical.map((criterionId) => ({ criterionId, element })),
  );
}
