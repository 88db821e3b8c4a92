// What the panel holds of one audit, and the reads that fill it: the whole audit, only its newest
// steps (a long audit opening), or one step that changed (each capture and signals batch names one).
import type { Audit, Screenshot, Step } from '../domain/model.ts';
import {
  getAudit,
  getBlob,
  getStep,
  listScreenshots,
  listSteps,
  newestSteps,
  screenshotsOfStep,
  screenshotsOfSteps,
  type PeakendDb,
} from '../store/index.ts';

export interface AuditData {
  audit: Audit;
  /** Oldest first: every step, or (while `before` > 0) the newest ones only. */
  steps: Step[];
  /** How many older steps are not read yet; 0 once the whole audit is in. */
  before: number;
  shotsByStep: Map<string, Screenshot[]>;
}

function groupShots(shots: Screenshot[]): Map<string, Screenshot[]> {
  const byStep = new Map<string, Screenshot[]>();
  for (const shot of shots) {
    const list = byStep.get(shot.stepId);
    if (list) list.push(shot);
    else byStep.set(shot.stepId, [shot]);
  }
  return byStep;
}

export async function readAudit(db: PeakendDb, auditId: string): Promise<AuditData | null> {
  const [audit, steps, shots] = await Promise.all([
    getAudit(db, auditId),
    listSteps(db, auditId),
    listScreenshots(db, auditId),
  ]);
  return audit ? { audit, steps, before: 0, shotsByStep: groupShots(shots) } : null;
}

/** The audit with only its newest `count` steps and their screenshots. */
export async function readAuditTail(db: PeakendDb, auditId: string, count: number): Promise<AuditData | null> {
  const [audit, tail] = await Promise.all([getAudit(db, auditId), newestSteps(db, auditId, count)]);
  if (!audit) return null;
  const shots = await screenshotsOfSteps(
    db,
    tail.steps.map((s) => s.id),
  );
  return { audit, steps: tail.steps, before: tail.before, shotsByStep: groupShots(shots) };
}

/** A screenshot's image: its small one (or, when none could be drawn, the full one), or the full one. */
export async function readShotImage(db: PeakendDb, shotId: string, kind: 'thumb' | 'full'): Promise<Blob | undefined> {
  return (kind === 'thumb' ? await getBlob(db, shotId, 'thumb') : undefined) ?? (await getBlob(db, shotId, 'full'));
}

export interface StepChange {
  audit: Audit | undefined;
  stepId: string;
  step: Step | undefined;
  shots: Screenshot[];
}

export async function readStepChange(db: PeakendDb, auditId: string, stepId: string): Promise<StepChange> {
  const [audit, step, shots] = await Promise.all([
    getAudit(db, auditId),
    getStep(db, stepId),
    screenshotsOfStep(db, stepId),
  ]);
  return { audit, stepId, step, shots };
}

/** Applies one re-read step to what the panel holds: replaced in place, appended when new, dropped when gone. */
export function applyStepChange(data: AuditData | null | undefined, change: StepChange): AuditData | null | undefined {
  if (!data) return data;
  if (!change.audit) return null;
  const { step, stepId } = change;
  let steps = data.steps;
  const at = steps.findIndex((s) => s.id === stepId);
  if (step && step.auditId !== data.audit.id) return { ...data, audit: change.audit };
  if (at >= 0) steps = step ? steps.with(at, step) : steps.toSpliced(at, 1);
  else if (step) {
    // Steps arrive in index order almost always; an out-of-order one still lands in its place.
    let pos = steps.length;
    while (pos > 0 && (steps[pos - 1]?.index ?? -Infinity) > step.index) pos -= 1;
    if (pos === 0 && data.before > 0) return { ...data, audit: change.audit };
    steps = steps.toSpliced(pos, 0, step);
  }
  const shotsByStep = new Map(data.shotsByStep);
  if (step && change.shots.length > 0) shotsByStep.set(stepId, change.shots);
  else shotsByStep.delete(stepId);
  return { ...data, audit: change.audit, steps, shotsByStep };
}
