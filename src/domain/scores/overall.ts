// METHOD.md "Overall CX score (ours)": default 0.5 * Immersion + 0.25 * PE100 + 0.25 * Effort100;
// the weights are settings (ScoreWeights). NEV is shown beside it, never inside it.
//
// Choices (documented in the report's Method appendix):
// - The score is sum(w_i * x_i) / sum(w_i) over the components that exist. With the default
//   weights (sum 1) and every component present this is exactly the METHOD.md formula; custom
//   weights that do not sum to 1 are thereby normalised, so the score stays on 0-100.
// - A missing component (Immersion not assessed, no valence rated for PE100, no ease rated for
//   Effort100) is left out and the remaining weights are renormalised to sum 1. The result lists
//   the missing components and the weights actually used, and says `renormalised`.
// - A negative or non-finite weight counts as 0. When the weights of every present component are
//   0 (or nothing is present) the overall score is null.
import type { ScoreWeights } from '../model.ts';

export type OverallComponent = keyof ScoreWeights;
export const OVERALL_COMPONENTS: readonly OverallComponent[] = ['immersion', 'peakEnd', 'effort'];

export type OverallInputs = Record<OverallComponent, number | null>;

export interface OverallScore {
  /** 0-100; null when no component with a positive weight is available. */
  value: number | null;
  /** The configured weights, as given. */
  weights: ScoreWeights;
  /** The weights applied: normalised to sum 1 over the present components, 0 for missing ones. */
  weightsUsed: ScoreWeights;
  /** Components with no value, left out of the score. */
  missing: OverallComponent[];
  /** True when weightsUsed differ from the configured weights (a component is missing, or the
   *  configured weights do not sum to 1). */
  renormalised: boolean;
}

const clean = (w: unknown): number => (typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 0);

export function overallScore(inputs: OverallInputs, weights: ScoreWeights): OverallScore {
  const missing: OverallComponent[] = [];
  let weightSum = 0;
  let weighted = 0;
  for (const component of OVERALL_COMPONENTS) {
    const x = inputs[component];
    if (x === null || !Number.isFinite(x)) {
      missing.push(component);
      continue;
    }
    const w = clean(weights[component]);
    weightSum += w;
    weighted += w * x;
  }
  const weightsUsed: ScoreWeights = { immersion: 0, peakEnd: 0, effort: 0 };
  if (weightSum > 0) {
    for (const component of OVERALL_COMPONENTS) {
      if (!missing.includes(component)) weightsUsed[component] = clean(weights[component]) / weightSum;
    }
  }
  const EPS = 1e-9;
  const renormalised = OVERALL_COMPONENTS.some((c) => !(Math.abs(weightsUsed[c] - weights[c]) <= EPS));
  return {
    value: weightSum > 0 ? weighted / weightSum : null,
    weights: { ...weights },
    weightsUsed,
    missing,
    renormalised,
  };
}
