import type { AuditId, Screenshot, ShotId, StepId } from '../domain/model.ts';
import type { PeakendDb } from './db.ts';
import { guarded, StoreError } from './errors.ts';
import type { BlobKind } from './schema.ts';

/**
 * Stores the metadata, the JPEG, its thumbnail and the step's capture state together, or nothing at
 * all. A screenshot whose thumbnail could not be drawn is stored without one (the panel then shows
 * the screenshot itself).
 */
export function addScreenshot(db: PeakendDb, shot: Screenshot, full: Blob, thumb: Blob | null, now: string): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction(['steps', 'screenshots', 'blobs'], 'readwrite');
    const step = await tx.objectStore('steps').get(shot.stepId);
    if (!step) throw new StoreError(`Step ${shot.stepId} no longer exists.`, 'not-found');
    await tx.objectStore('screenshots').add(thumb ? { ...shot, thumbBytes: thumb.size } : shot);
    await tx.objectStore('blobs').put({ shotId: shot.id, kind: 'full', blob: full });
    if (thumb) await tx.objectStore('blobs').put({ shotId: shot.id, kind: 'thumb', blob: thumb });
    await tx.objectStore('steps').put({ ...step, capture: { status: 'ok' }, updatedAt: now });
    await tx.done;
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
