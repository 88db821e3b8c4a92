// The stages one step holds (METHOD.md "Stage"): `Step.stage` is its first (primary) stage, which
// every older reader keeps using, and `Step.alsoStages` the further ones, so a one-page checkout is
// checkout-details, delivery and payment at once and comparison finds each of them in it. Pure.
import type { Step, StepPatch } from './model.ts';

/** Further stages one step may hold: more than any template's checkout has; the import refuses more. */
export const MAX_ALSO_STAGES = 20;

const isStageId = (stage: unknown): stage is string => typeof stage === 'string' && stage.trim() !== '';

/** Every stage the step holds, primary first, without blanks or repeats; [] when it has none. */
export function stagesOfStep(step: Pick<Step, 'stage' | 'alsoStages'>): string[] {
  if (!isStageId(step.stage)) return [];
  const out = [step.stage];
  for (const stage of Array.isArray(step.alsoStages) ? step.alsoStages : []) {
    if (isStageId(stage) && !out.includes(stage)) out.push(stage);
  }
  return out;
}

/** True when the step holds `stage`, as its primary stage or a further one. */
export const holdsStage = (step: Pick<Step, 'stage' | 'alsoStages'>, stage: string): boolean =>
  stagesOfStep(step).includes(stage);

/** True when the step holds more than one stage. */
export const holdsSeveralStages = (step: Pick<Step, 'stage' | 'alsoStages'>): boolean => stagesOfStep(step).length > 1;

/**
 * The auditor picks the primary stage: the further stages stay, less the new primary one; with no
 * stage at all the step holds none.
 */
export function primaryStagePatch(step: Pick<Step, 'stage' | 'alsoStages'>, stage: string | null): StepPatch {
  const also = stage === null ? [] : stagesOfStep(step).filter((s) => s !== stage && s !== step.stage);
  return { stage, stageSource: 'auditor', alsoStages: also };
}

/**
 * The auditor ticks (or unticks) a further stage: kept in the order of `order` (the template's),
 * stage ids the template does not know after them. The primary stage counts as the auditor's choice
 * from then on, so a later suggestion does not move it away from the stages ticked beside it.
 */
export function alsoStagePatch(
  step: Pick<Step, 'stage' | 'alsoStages'>,
  stage: string,
  on: boolean,
  order: readonly string[] = [],
): StepPatch {
  const current = stagesOfStep(step).slice(1);
  const next = on ? (current.includes(stage) ? current : [...current, stage]) : current.filter((s) => s !== stage);
  const rank = (s: string): number => {
    const i = order.indexOf(s);
    return i < 0 ? order.length : i;
  };
  const sorted = next
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map(({ s }) => s)
    .filter((s) => s !== step.stage);
  return { stageSource: 'auditor', alsoStages: sorted.slice(0, MAX_ALSO_STAGES) };
}
