// METHOD.md "Immersion index" and "Touchpoint scenario (optional, per audit; ours)".
// Immersion = weighted mean of the ASSESSED element scores (after the critical cap); elements that
// are not assessed are left out, weights and all. Each element listed for the audit's touchpoint
// scenario weighs 2, the others 1; with no scenario every element weighs 1.
// Null when no element is assessed.
import { ELEMENT_IDS, type ElementId, type TouchpointScenario } from '../model.ts';
import type { ElementScores } from './elements.ts';

/** METHOD.md table: which elements weigh double per touchpoint scenario. */
export const TOUCHPOINT_DOUBLE: Record<TouchpointScenario, readonly ElementId[]> = {
  1: ['frictionless'],
  2: ['interactive', 'multisensory'],
  3: ['interactive', 'participative'],
  4: ['interactive', 'storytelling'],
};

export type ElementWeights = Record<ElementId, number>;

/** Immersion weight of each element for a touchpoint scenario (null: all 1). */
export function touchpointWeights(touchpoint: TouchpointScenario | null): ElementWeights {
  const doubled: readonly ElementId[] = touchpoint === null ? [] : (TOUCHPOINT_DOUBLE[touchpoint] ?? []);
  const weights = {} as ElementWeights;
  for (const element of ELEMENT_IDS) weights[element] = doubled.includes(element) ? 2 : 1;
  return weights;
}

export interface ImmersionIndex {
  /** 0-100; null when no element is assessed. */
  value: number | null;
  touchpoint: TouchpointScenario | null;
  /** Weight of every element under the scenario (including those not assessed). */
  weights: ElementWeights;
  /** Elements that entered the index, in ELEMENT_IDS order. */
  assessed: ElementId[];
  /** Elements left out because they are not assessed. */
  notAssessed: ElementId[];
}

export function immersionIndex(scores: ElementScores, touchpoint: TouchpointScenario | null): ImmersionIndex {
  const weights = touchpointWeights(touchpoint);
  const assessed: ElementId[] = [];
  const notAssessed: ElementId[] = [];
  let weighted = 0;
  let weightSum = 0;
  for (const element of ELEMENT_IDS) {
    const score = scores[element].score;
    if (score === null) {
      notAssessed.push(element);
      continue;
    }
    assessed.push(element);
    weighted += weights[element] * score;
    weightSum += weights[element];
  }
  return {
    value: weightSum > 0 ? weighted / weightSum : null,
    touchpoint,
    weights,
    assessed,
    notAssessed,
  };
}
