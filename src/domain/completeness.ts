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
import { holdsStage, stagesOfStep } from './step-stages.ts';
import type { JourneyTemplate } from './templates.ts';
import type { Channel } from './touchpoints.ts';

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

/** A touchpoint channel a template stage expects (TemplateStage.expects) that the audit lacks there. */
export interface UnmetExpectation {
  stage: string;
  channel: Channel;
}

const hasTouchpoint = (steps: readonly Step[], stage: string, channel: Channel): boolean =>
  steps.some((s) => s.kind === 'touchpoint' && (s.channel ?? 'other') === channel && holdsStage(s, stage));

/**
 * The template's expected touchpoints that no touchpoint of the audit meets (one of that channel
 * holding that stage), in template order. Apart from `completeness`: an expectation is advice for
 * the auditor (a site may deliver nothing), so it never makes an audit incomplete or its scores
 * provisional.
 */
export function unmetExpectations(
  template: Pick<JourneyTemplate, 'stages'> | null,
  steps: readonly Step[],
): UnmetExpectation[] {
  const out: UnmetExpectation[] = [];
  for (const stage of template?.stages ?? []) {
    for (const channel of stage.expects ?? []) {
      if (!hasTouchpoint(steps, stage.id, channel)) out.push({ stage: stage.id, channel });
    }
  }
  return out;
}

/**
 * What a touchpoint added at `position` (the 0-based index it takes) is expected to be: the stages
 * the journey is in there are those of the step before it, then the template's stages between that
 * step's and the next step's (all the rest at the end of the journey: after the confirmation page
 * comes post-purchase). The first of them that expects a channel gives it, an unmet one first; null
 * when none expects one.
 */
export function expectationAt(
  template: Pick<JourneyTemplate, 'stages'> | null,
  steps: readonly Step[],
  position: number,
): UnmetExpectation | null {
  if (!template) return null;
  const ordered = inJourneyOrder(steps);
  const before = ordered.filter((s) => s.index < position).at(-1);
  const after = ordered.find((s) => s.index >= position);
  const order = template.stages.map((s) => s.id);
  const rankOf = (step: Step | undefined, pick: (ranks: number[]) => number): number | null => {
    const ranks = step
      ? stagesOfStep(step)
          .map((id) => order.indexOf(id))
          .filter((i) => i >= 0)
      : [];
    return ranks.length > 0 ? pick(ranks) : null;
  };
  const from = rankOf(before, (r) => Math.max(...r));
  const to = rankOf(after, (r) => Math.min(...r));
  const candidates = [...(before ? stagesOfStep(before) : [])];
  if (from !== null || before === undefined) {
    for (let i = (from ?? -1) + 1; i < (to ?? order.length); i++) candidates.push(order[i] ?? '');
  }
  const expected: UnmetExpectation[] = [];
  for (const id of candidates) {
    for (const channel of template.stages.find((s) => s.id === id)?.expects ?? [])
      expected.push({ stage: id, channel });
  }
  return expected.find((e) => !hasTouchpoint(steps, e.stage, e.channel)) ?? expected[0] ?? null;
}
