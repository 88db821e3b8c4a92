// METHOD.md "Overall CX score": what the scores rest on. An incomplete audit's scores are
// provisional and say so with their basis ("5 of 28 criteria marked, 8 of 8 steps rated"); with no
// part at all the overall score is "not assessed", never a number.
import type { ElementScores } from './elements.ts';
import type { OverallScore } from './overall.ts';

export const SCORE_STATUSES = ['final', 'provisional', 'not-assessed'] as const;
export type ScoreStatus = (typeof SCORE_STATUSES)[number];

export interface ScoreBasis {
  /** Criteria with a mark (N/A included) and all criteria of the rubric. */
  criteriaMarked: number;
  criteriaTotal: number;
  /** Steps that carry both ease and valence, and all steps. */
  stepsRated: number;
  stepCount: number;
  /** Overall: not assessed (no part), provisional (a part missing or the audit's marks or ratings
   *  incomplete), or final. */
  status: ScoreStatus;
}

export function scoreBasis(
  elements: ElementScores,
  stepsRated: number,
  stepCount: number,
  overall: OverallScore,
): ScoreBasis {
  let criteriaMarked = 0;
  let criteriaTotal = 0;
  for (const e of Object.values(elements)) {
    criteriaTotal += e.criteria;
    criteriaMarked += e.criteria - e.counts.unmarked;
  }
  const incomplete = criteriaMarked < criteriaTotal || stepsRated < stepCount || overall.missing.length > 0;
  const status: ScoreStatus = overall.value === null ? 'not-assessed' : incomplete ? 'provisional' : 'final';
  return { criteriaMarked, criteriaTotal, stepsRated, stepCount, status };
}
