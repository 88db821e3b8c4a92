import { abandon } from './abandon.ts';
import type { AuditId, CaptureState, Screenshot, ShotId, StepId } from '../domain/model.ts';
import type { PeakendDb } from './db.ts';
import { PeakendFailure } from '../domain/errors.ts';
import { guarded } from './errors.ts';
import { touchScores } from './score-cache.ts';
import type { BlobKind } from './schema.ts';

/**
 * Stores the metadata, the JPEG, its thumbnail and the step's capture record together, or nothing at
 * all. A screenshot whose thumbnail could not be drawn is stored without one (the panel then shows
 * the screenshot itself).
 */
export function addScreenshot(
  db: PeakendDb,
  shot: Screenshot,
  full: Blob,
  thumb: Blob | null,
  now: string,
  capture: CaptureState & { status: 'ok' } = { status: 'ok' },
): Promise<void> {
  return guarded(async () => {
    // 'audits' only for touchScores, which reads the audit's status there.
    const tx = db.transaction(['audits', 'steps', 'screenshots', 'blobs', 'scoreCache'], 'readwrite');
    const steps = tx.objectStore('steps');
    const blobs = tx.objectStore('blobs');
    // Requested at once rather than each after the last one's answer (a Log step waits for this
    // commit: measured 4.6 ms with the round trips one after another). A transaction runs its
    // requests in order, and a missing step aborts them all.
    const requests = Promise.all([
      steps.get(shot.stepId),
      tx.objectStore('screenshots').add(thumb ? { ...shot, thumbBytes: thumb.size } : shot),
      blobs.put({ shotId: shot.id, kind: 'full', blob: full }),
      thumb ? blobs.put({ shotId: shot.id, kind: 'thumb', blob: thumb }) : null,
    ]);
    try {
      const [step] = await requests;
      if (!step) throw new PeakendFailure({ code: 'step-missing', stepId: shot.stepId });
      await Promise.all([steps.put({ ...step, capture, updatedAt: now }), touchScores(tx, step.auditId), tx.done]);
    } catch (error) {
      // Nothing of the screenshot stays, and the transaction's own failure is not left unhandled.
      await abandon(tx);
      throw error;
    }
  });
}

/**
 * A stored screenshot's thumbnail, drawn after it was stored. False when the screenshot is gone
 * meanwhile (its step or audit deleted): no thumbnail is left behind without it.
 */
export function addThumbnail(db: PeakendDb, shotId: ShotId, thumb: Blob): Promise<boolean> {
  return guarded(async () => {
    const tx = db.transaction(['screenshots', 'blobs'], 'readwrite');
    const shots = tx.objectStore('screenshots');
    const shot = await shots.get(shotId);
    if (!shot) {
      await tx.done;
      return false;
    }
    await Promise.all([
      shots.put({ ...shot, thumbBytes: thumb.size }),
      tx.objectStore('blobs').put({ shotId, kind: 'thumb', blob: thumb }),
      tx.done,
    ]);
    return true;
  });
}

export async function listScreenshots(db: PeakendDb, auditId: AuditId): Promise<Screenshot[]> {
  const shots = await db.getAllFromIndex('screenshots', 'by-audit', auditId);
  return shots.sort((a, b) => a.takenAt.localeCompare(b.takenAt));
}

export async function screenshotsOfStep(db: PeakendDb, stepId: StepId): Promise<Screenshot[]> {
  const shots = await db.getAllFromIndex('screenshots', 'by-step', stepId);
  return shots.sort((a, b) => a.takenAt.localeCompare(b.takenAt));
}

/** The screenshots of several steps, read in one transaction. */
export async function screenshotsOfSteps(db: PeakendDb, stepIds: readonly StepId[]): Promise<Screenshot[]> {
  const index = db.transaction('screenshots').store.index('by-step');
  const lists = await Promise.all(stepIds.map((id) => index.getAll(id)));
  return lists.flat().sort((a, b) => a.takenAt.localeCompare(b.takenAt));
}

export async function getBlob(db: PeakendDb, shotId: ShotId, kind: BlobKind): Promise<Blob | undefined> {
  return (await db.get('blobs', [shotId, kind]))?.blob;
}
