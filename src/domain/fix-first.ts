// METHOD.md "Fix first (ours)": findings ranked for the report by priority = severity x memory
// weight. Memory weight 2 on the peak step or the end step (the moments memory keeps), 1.5 on a step
// rated ease 1-2 or valence -3..-4, 1 otherwise. Ties: higher severity, then the earlier stage.
// Severity 0 (not a problem) is listed apart, as what to keep. Pure.
import type { Finding, Step, StepId } from './model.ts';

export type MemoryReason = 'peak' | 'end' | 'hard-step' | 'none';

export interface RankedFinding {
  finding: Finding;
  step: Step;
  /** 0-based position of the step in the journey. */
  position: number;
  /** Nielsen 0-4; null when the finding has none (ranked after every finding that has one). */
  severity: number | null;
  memoryWeight: number;
  /** Why the memory weight is what it is (the peak wins over the end when a step is both). */
  reason: MemoryReason;
  /** severity x memory weight; null without a severity. */
  priority: number | null;
}

export interface FixFirst {
  /** Severity 1-4 (and findings without a severity), highest priority first. */
  fix: RankedFinding[];
  /** Severity 0: what to keep, in journey order. */
  keep: RankedFinding[];
}

export interface KeyMoments {
  peakStepId: StepId | null;
  endStepId: StepId | null;
}

function severityOf(finding: Finding): number | null {
  const s: unknown = finding.severity;
  return typeof s === 'number' && Number.isInteger(s) && s >= 0 && s <= 4 ? s : null;
}

/** A step rated ease 1-2 or valence -3..-4: a hard moment, though not the peak or the end. */
function isHardStep(step: Step): boolean {
  const ease: unknown = step.ease;
  const valence: unknown = step.valence;
  return (typeof ease === 'number' && ease >= 1 && ease <= 2) || (typeof valence === 'number' && valence <= -3);
}

export function memoryWeight(step: Step, moments: KeyMoments): { weight: number; reason: MemoryReason } {
  if (step.id === moments.peakStepId) return { weight: 2, reason: 'peak' };
  if (step.id === moments.endStepId) return { weight: 2, reason: 'end' };
  if (isHardStep(step)) return { weight: 1.5, reason: 'hard-step' };
  return { weight: 1, reason: 'none' };
}

/**
 * The fix-first list of a journey. `steps` in journey order; `stageOrder` is the journey
 * template's stage ids in order (a step whose stage is not in it counts after every stage there;
 * equal stages keep journey order).
 */
export function fixFirst(steps: readonly Step[], moments: KeyMoments, stageOrder: readonly string[] = []): FixFirst {
  const ranked: RankedFinding[] = [];
  steps.forEach((step, position) => {
    const { weight, reason } = memoryWeight(step, moments);
    for (const finding of Array.isArray(step.findings) ? step.findings : []) {
      const severity = severityOf(finding);
      ranked.push({
        finding,
        step,
        position,
        severity,
        memoryWeight: weight,
        reason,
        priority: severity === null ? null : severity * weight,
      });
    }
  });
  const stageRank = (step: Step): number => {
    const i = step.stage === null ? -1 : stageOrder.indexOf(step.stage);
    return i < 0 ? stageOrder.length : i;
  };
  const fix = ranked
    .filter((r) => r.severity !== 0)
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        (b.r.priority ?? -1) - (a.r.priority ?? -1) ||
        (b.r.severity ?? -1) - (a.r.severity ?? -1) ||
        stageRank(a.r.step) - stageRank(b.r.step) ||
        a.i - b.i,
    )
    .map(({ r }) => r);
  return { fix, keep: ranked.filter((r) => r.severity === 0) };
}
