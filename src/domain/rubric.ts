// The default element rubric of ../shared/METHOD.md ("Element criteria (default rubric, v1)") as
// versioned data. Ids are stable and never reused; the English text is the fallback of the i18n
// key `textKey`. A new rubric version gets a new object here and an entry in RUBRICS.
import type { CriterionMark, ElementId, RubricMarks } from './model.ts';

export interface Criterion {
  /** Stable id, e.g. 'M1'. */
  id: string;
  element: ElementId;
  /** A failed critical criterion caps its element at 50 and is flagged (METHOD.md). */
  critical: boolean;
  /** METHOD.md "(A)": the extension can suggest a mark from signals; the auditor confirms. */
  auto: boolean;
  /** i18n key of the criterion's text, e.g. 'criterion_M1'. */
  textKey: string;
  /** English text from METHOD.md. */
  text: string;
}

export interface Rubric {
  version: string;
  criteria: readonly Criterion[];
}

const c = (
  id: string,
  element: ElementId,
  text: string,
  opts: { critical?: boolean; auto?: boolean } = {},
): Criterion => ({
  id,
  element,
  critical: opts.critical ?? false,
  auto: opts.auto ?? false,
  textKey: `criterion_${id}`,
  text,
});

export const RUBRIC_V1: Rubric = {
  version: 'v1',
  criteria: [
    c('M1', 'multisensory', 'Several product images (3 or more) with zoom or enlarge'),
    c('M2', 'multisensory', 'An image that shows scale or the product in use'),
    c('M3', 'multisensory', 'Video, 360 degree, or AR view where the product warrants it'),
    c('M4', 'multisensory', 'Sound and motion only when the user starts them'),
    c('M5', 'multisensory', 'Consistent visual identity across every step'),

    c('I1', 'interactive', 'Help (chat, call-back, contact) reachable from the step; note how fast it answered', {
      auto: true,
    }),
    c('I2', 'interactive', "Tools that answer the shopper's question (size finder, configurator, calculator)"),
    c('I3', 'interactive', 'Every action gives visible feedback: no dead clicks, responsive input', { auto: true }),
    c('I4', 'interactive', 'Search, filter and sort that work'),
    c('I5', 'interactive', 'Inline validation that explains how to fix a field', { auto: true }),
    c(
      'I6',
      'interactive',
      "A chat or bot answers the shopper's actual question, not a generic reply; note the time to a useful answer",
      { auto: true },
    ),

    c('P1', 'participative', 'Reviews with count and distribution'),
    c('P2', 'participative', 'Customer photos, questions and answers'),
    c('P3', 'participative', 'Personal tools: save, wishlist, customise'),
    c('P4', 'participative', 'Community, loyalty or playful elements'),
    c('P5', 'participative', 'An invitation to give feedback at or after the end'),

    c('F1', 'frictionless', 'Guest checkout, no forced account', { critical: true }),
    c('F2', 'frictionless', 'Full cost (delivery, tax, fees) shown before the payment step', { critical: true }),
    c('F3', 'frictionless', 'Few fields: at most about 8 per form, optional ones marked, a reason given for phone', {
      auto: true,
    }),
    c('F4', 'frictionless', 'No errors, rage clicks or dead ends on the way', { auto: true }),
    c('F5', 'frictionless', 'Pages load and respond fast: Core Web Vitals good', { auto: true }),
    c('F6', 'frictionless', 'At least two payment methods, one of them a wallet'),
    c('F7', 'frictionless', 'The task can be finished self-service, without having to call or write to anyone', {
      auto: true,
    }),

    c('S1', 'storytelling', 'A brand story that is easy to reach'),
    c('S2', 'storytelling', 'Products told as stories, not only specs'),
    c('S3', 'storytelling', 'Consistent tone and claims across steps'),
    c('S4', 'storytelling', 'The confirmation closes the story: thanks, what happens next, when'),
    c('S5', 'storytelling', 'What the first step promised (price, delivery date) is what checkout delivers'),
  ],
};

/** Every rubric version the extension knows, by version. */
export const RUBRICS: readonly Rubric[] = [RUBRIC_V1];

export const DEFAULT_RUBRIC: Rubric = RUBRIC_V1;

/** The rubric of a version, or null when the version is unknown. */
export function rubricById(version: string): Rubric | null {
  return RUBRICS.find((r) => r.version === version) ?? null;
}

/** A fresh, unmarked criterion: no mark, weight 1, no evidence, no comment. */
export function emptyCriterionMark(): CriterionMark {
  return { mark: null, weight: 1, evidence: null, comment: '' };
}

/** Marks for a new audit: every criterion of `rubric` unmarked with weight 1. */
export function emptyRubricMarks(rubric: Rubric = RUBRIC_V1): RubricMarks {
  const marks: Record<string, CriterionMark> = {};
  for (const criterion of rubric.criteria) marks[criterion.id] = emptyCriterionMark();
  return { rubricVersion: rubric.version, marks };
}

/** The criteria of one element, in rubric order. */
export function criteriaOf(rubric: Rubric, element: ElementId): Criterion[] {
  return rubric.criteria.filter((criterion) => criterion.element === element);
}

/** The rubric an audit was marked against: its recorded version, else the default. */
export function rubricOf(audit: { rubric?: { rubricVersion?: string } | null }): Rubric {
  return rubricById(audit.rubric?.rubricVersion ?? '') ?? DEFAULT_RUBRIC;
}
