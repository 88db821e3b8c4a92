// METHOD.md "What the auditor records per step": raw scales and their normalised forms.
// A rating counts as present only when it is an integer on its scale; anything else (null, NaN,
// out of range, fractional) is treated as "not rated", here and in completeness.ts alike.
import type { Step } from '../model.ts';

export const EASE_MIN = 1;
export const EASE_MAX = 7;
export const VALENCE_MIN = -4;
export const VALENCE_MAX = 4;
export const AROUSAL_MIN = 1;
export const AROUSAL_MAX = 9;

/** METHOD.md: the SEQ average across many studies is about 5.5. */
export const EASE_BENCHMARK = 5.5;

const onScale = (x: unknown, min: number, max: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;

export const isEase = (x: unknown): x is number => onScale(x, EASE_MIN, EASE_MAX);
export const isValence = (x: unknown): x is number => onScale(x, VALENCE_MIN, VALENCE_MAX);
export const isArousal = (x: unknown): x is number => onScale(x, AROUSAL_MIN, AROUSAL_MAX);

/** The step's ease 1-7, or null when it carries no valid ease rating. */
export const easeOf = (step: Pick<Step, 'ease'>): number | null => (isEase(step.ease) ? step.ease : null);
/** The step's valence -4..+4, or null when it carries no valid valence rating. */
export const valenceOf = (step: Pick<Step, 'valence'>): number | null =>
  isValence(step.valence) ? step.valence : null;
/** The step's arousal 1-9, or null when it carries no valid arousal rating. */
export const arousalOf = (step: Pick<Step, 'arousal'>): number | null =>
  isArousal(step.arousal) ? step.arousal : null;

/** Friction f = (7 - ease) / 6, in [0, 1]: 0 for ease 7, 1 for ease 1. */
export const friction = (ease: number): number => (EASE_MAX - ease) / 6;

/** Valence v = x / 4, in [-1, 1]. */
export const normValence = (x: number): number => x / 4;

/** Arousal a = (x - 5) / 4, in [-1, 1]. */
export const normArousal = (x: number): number => (x - 5) / 4;

/** A normalised score in [-1, 1] on the 0-100 scale: 50 * (x + 1) (as PE100). */
export const to100 = (x: number): number => 50 * (x + 1);

/** Arithmetic mean; null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Steps in journey order (by `index`; equal indexes keep their input order). Does not mutate. */
export function inJourneyOrder<T extends Pick<Step, 'index'>>(steps: readonly T[]): T[] {
  return steps
    .map((step, position) => ({ step, position }))
    .sort((a, b) => a.step.index - b.step.index || a.position - b.position)
    .map(({ step }) => step);
}
