// METHOD.md "Effort (ours)": Effort100 = 100 * (1 - mean f_i), f_i = (7 - ease_i) / 6, over the
// steps with an ease rating. Null when no step carries one.
import type { Step } from '../model.ts';
import { easeOf, friction, mean } from './normalise.ts';

export interface EffortScore {
  /** Steps with an ease rating. */
  ratedSteps: number;
  /** Mean friction of the rated steps, 0..1. */
  meanFriction: number;
  /** 100 * (1 - mean friction): 100 effortless ... 0 very difficult everywhere. */
  effort100: number;
  /** Mean raw ease 1-7, for comparison with the 5.5 SEQ benchmark. */
  meanEase: number;
}

export function effortScore(steps: readonly Pick<Step, 'ease'>[]): EffortScore | null {
  const eases = steps.map(easeOf).filter((e): e is number => e !== null);
  const meanFriction = mean(eases.map(friction));
  const meanEase = mean(eases);
  if (meanFriction === null || meanEase === null) return null;
  return { ratedSteps: eases.length, meanFriction, effort100: 100 * (1 - meanFriction), meanEase };
}
