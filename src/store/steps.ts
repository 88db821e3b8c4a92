import { createStep, type StepInit } from '../domain/factories.ts';
import type { AuditId, CaptureState, Step, StepId, StepPatch, StepSignals } from '../domain/model.ts';
import type { PeakendDb } from './db.ts';
import { PeakendFailure } from '../domain/errors.ts';
import { guarded } from './errors.ts';
import { touchScores } from './score-cache.ts';

export function listSteps(db: PeakendDb, auditId: AuditId): Promise<Step[]> {
  return db.getAllFromIndex('steps', 'by-audit', IDBKeyRange.bound([auditId, -Infinity], [auditId, Infinity]));
}

/**
 * The steps of many audits, each list in journey order, read in one transaction: a programme of 200
 * audits costs one transaction instead of 200 (listSteps each opens its own).
 */
export async function listStepsOfAudits(db: PeakendDb, auditIds: readonly AuditId[]): Promise<Map<AuditId, Step[]>> {
  const lists = await Promise.all(readStepsOfAudits(db, auditIds));
  return new Map(auditIds.map((id, i) => [id, lists[i] ?? []]));
}

/**
 * The same read, one promise per audit (in `auditIds` order), each settled as its list arrives: a
 * caller can work on the first audits while the browser still reads the others.
 */
export function readStepsOfAudits(db: PeakendDb, auditIds: readonly AuditId[]): Array<Promise<Step[]>> {
  const index = db.transaction('steps', 'readonly').store.index('by-audit');
  return auditIds.map((id) => index.getAll(IDBKeyRange.bound([id, -Infinity], [id, Infinity])));
}

/** The audit's newest step, read with one cursor step rather than the whole list. */
export async function lastStep(db: PeakendDb, auditId: AuditId): Promise<Step | undefined> {
  const cursor = await db
    .transaction('steps')
    .store.index('by-audit')
    .openCursor(IDBKeyRange.bound([auditId, -Infinity], [auditId, Infinity]), 'prev');
  return cursor?.value;
}

/**
 * The audit's newest `count` steps, oldest first, and how many come before them: a long audit opens
 * at its newest steps without reading the rest (one key-cursor jump, one ranged read, one count).
 */
export async function newestSteps(
  db: PeakendDb,
  auditId: AuditId,
  count: number,
): Promise<{ steps: Step[]; before: number }> {
  const all = IDBKeyRange.bound([auditId, -Infinity], [auditId, Infinity]);
  const index = db.transaction('steps').store.index('by-audit');
  const [first, total] = await Promise.all([
    index.openKeyCursor(all, 'prev').then((cursor) => (cursor && count > 1 ? cursor.advance(count - 1) : cursor)),
    index.count(all),
  ]);
  if (!first) return { steps: total > 0 ? await index.getAll(all) : [], before: 0 };
  const steps = await index.getAll(IDBKeyRange.bound(first.key, [auditId, Infinity]));
  return { steps, before: total - steps.length };
}

export function getStep(db: PeakendDb, id: StepId): Promise<Step | undefined> {
  return db.get('steps', id);
}

/** Appends a step; the audit's step counter moves in the same transaction, so indexes never collide. */
export function addStep(db: PeakendDb, auditId: AuditId, init: StepInit, now: string): Promise<Step> {
  return guarded(async () => {
    const tx = db.transaction(['audits', 'steps', 'scoreCache'], 'readwrite');
    const audit = await tx.objectStore('audits').get(auditId);
    if (!audit) throw new PeakendFailure({ code: 'audit-missing', auditId });
    const step = createStep(auditId, audit.stepCount, init, now);
    await tx.objectStore('steps').add(step);
    const written = { ...audit, stepCount: audit.stepCount + 1, updatedAt: now };
    await tx.objectStore('audits').put(written);
    await touchScores(tx, auditId, written);
    await tx.done;
    return step;
  });
}

async function updateStep(db: PeakendDb, id: StepId, now: string, change: (step: Step) => Step): Promise<Step> {
  return guarded(async () => {
    const tx = db.transaction(['steps', 'audits', 'scoreCache'], 'readwrite');
    const current = await tx.objectStore('steps').get(id);
    if (!current) throw new PeakendFailure({ code: 'step-missing', stepId: id });
    const next = { ...change(current), updatedAt: now };
    await tx.objectStore('steps').put(next);
    const audit = await tx.objectStore('audits').get(current.auditId);
    const written = audit && { ...audit, updatedAt: now };
    if (written) await tx.objectStore('audits').put(written);
    await touchScores(tx, current.auditId, written);
    await tx.done;
    return next;
  });
}

export function patchStep(db: PeakendDb, id: StepId, patch: StepPatch, now: string): Promise<Step> {
  return updateStep(db, id, now, (step) => withoutEmptyAlsoStages({ ...step, ...patch }));
}

/** `alsoStages` is absent when the step holds no further stage (or no stage at all). */
function withoutEmptyAlsoStages(step: Step): Step {
  if (step.stage !== null && Array.isArray(step.alsoStages) && step.alsoStages.length > 0) return step;
  const { alsoStages: _none, ...rest } = step;
  return rest;
}

/**
 * Stores `patch` and, unless the auditor has chosen the step's stage, `stage` as a suggestion. The
 * choice is read in the write's own transaction: one saved while the suggestion was worked out stays.
 */
export function patchStepSuggestingStage(
  db: PeakendDb,
  id: StepId,
  patch: StepPatch,
  stage: string | null,
  now: string,
): Promise<Step> {
  return updateStep(db, id, now, (step) =>
    stage === null || step.stageSource === 'auditor'
      ? { ...step, ...patch }
      : { ...step, ...patch, stage, stageSource: 'suggested' },
  );
}

export function setStepCapture(db: PeakendDb, id: StepId, capture: CaptureState, now: string): Promise<Step> {
  return updateStep(db, id, now, (step) => ({ ...step, capture }));
}

export function setStepSignals(db: PeakendDb, id: StepId, signals: StepSignals, now: string): Promise<Step> {
  return updateStep(db, id, now, (step) => ({ ...step, signals }));
}
