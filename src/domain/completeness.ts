// METHOD.md conduct: a report is "complete" only when every step has ease and valence, every
// criterion is marked, and every fail and every ease rating of 1-2 has a comment. For an ease of
// 1-2 the comment is the step's note (non-empty after trimming); for a failed criterion it is the
// criterion's comment. N/A is a mark. A rating that is not a valid value on its scale counts as
// missing (same rule as the scores, see scores/normalise.ts).
// Choice: an audit without any step is not complete (item kind 'no-steps'): there is nothing to
// report on, even though every (zero) step is rated.
import type { Audit, Step, StepId } from './model.ts';
import { RUBRIC_V1, type Rubric } from './rubric.ts';
import { easeOf, inJourneyOrder, valenceOf } from './scores/normalise.ts';

export const MISSING_KINDS = [
  'no-steps',
  'step-ease',
  'step-valence',
  'step-comment',
  'criterion-mark',
  'criterion-comment',
] as const;
export type MissingKind = (typeof MISSING_KINDS)[number];

export interface MissingItem {
  kind: MissingKind;
  /** For step-* kinds. */
  stepId?: StepId;
  /** The step's 0-based journey index, for step-* kinds ("step 3"). */
  stepIndex?: number;
  /** For criterion-* kinds. */
  criterionId?: string;
}

export interface Completeness {
  complete: boolean;
  /** In panel order: steps in journey order (ease, valence, comment each), then criteria in rubric order. */
  missing: MissingItem[];
}

/** Ease ratings at or below this need a comment (the step's note). */
export const EASE_NEEDS_COMMENT_AT_OR_BELOW = 2;

const blank = (text: unknown): boolean => typeof text !== 'string' || text.trim() === '';

export function completeness(
  audit: Pick<Audit, 'rubric'>,
  steps: readonly Step[],
  rubric: Rubric = RUBRIC_V1,
): Completeness {
  const missing: MissingItem[] = [];
  if (steps.length === 0) missing.push({ kind: 'no-steps' });
  for (const step of inJourneyOrder(steps)) {
    const at = { stepId: step.id, stepIndex: step.index };
    const ease = easeOf(step);
    if (ease === null) missing.push({ kind: 'step-ease', ...at });
    if (valenceOf(step) === null) missing.push({ kind: 'step-valence', ...at });
    if (ease !== null && ease <= EASE_NEEDS_COMMENT_AT_OR_BELOW && blank(step.note)) {
      missing.push({ kind: 'step-comment', ...at });
    }
  }
  const marks = audit.rubric.marks;
  for (const criterion of rubric.criteria) {
    const entry = Object.prototype.hasOwnProperty.call(marks, criterion.id) ? marks[criterion.id] : undefined;
    const mark = entry?.mark ?? null;
    if (mark !== 'pass' && mark !== 'partial' && mark !== 'fail' && mark !== 'na') {
      missing.push({ kind: 'criterion-mark', criterionId: criterion.id });
    } else if (mark === 'fail' && blank(entry?.comment)) {
      missing.push({ kind: 'criterion-comment', criterionId: criterion.id });
    }
  }
  return { complete: missing.length === 0, missing };
}
