// Which rubric criteria a step's stage is the place to judge (ours, not METHOD.md's): guest checkout
// is seen on the checkout's details page, the full cost in the cart, the payment methods on the
// payment page. The panel shows these criteria on the step, so the auditor marks them while looking
// at the page instead of finding them again in the rubric. Keyed by stage id across the built-in
// templates (a template copied by the auditor keeps its stage ids); a stage not listed has none, and
// criteria about the whole journey (M5, S3, F4, F5) belong to no single stage.
import type { Step } from './model.ts';
import type { Criterion, Rubric } from './rubric.ts';
import { stagesOfStep } from './step-stages.ts';

export const CRITERIA_BY_STAGE: Readonly<Record<string, readonly string[]>> = {
  // e-commerce
  landing: ['S1'],
  'search-browse': ['I4'],
  product: ['M1', 'M2', 'P1', 'S2'],
  cart: ['F2', 'P3'],
  'checkout-details': ['F1', 'F3', 'I5'],
  delivery: ['F2'],
  payment: ['F6', 'F2'],
  confirmation: ['S4', 'S5', 'P5'],
  'post-purchase': ['P5'],
  // sign-up
  plans: ['F2'],
  'account-form': ['F3', 'I5'],
  onboarding: ['S2'],
  // booking
  search: ['I4'],
  option: ['M1', 'P1'],
  'guest-details': ['F1', 'F3', 'I5'],
  'manage-booking': ['F7'],
  // support contact
  'help-search': ['I4'],
  article: ['F7'],
  'contact-options': ['I1', 'F7'],
  request: ['F3', 'I5'],
  response: ['I6', 'I1'],
};

/** The criteria of `rubric` judged at the step's stages, in rubric order, each once. */
export function criteriaForStep(step: Pick<Step, 'stage' | 'alsoStages'>, rubric: Rubric): Criterion[] {
  const ids = new Set(stagesOfStep(step).flatMap((stage) => CRITERIA_BY_STAGE[stage] ?? []));
  return rubric.criteria.filter((criterion) => ids.has(criterion.id));
}
