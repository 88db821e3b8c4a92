// Attachments of touchpoint steps: metadata in `attachments`, bytes in `attachmentBlobs` (migration 3),
// as screenshots keep theirs apart, so listing a step never reads a photo.
import { abandon } from './abandon.ts';
import type { AuditId, StepId } from '../domain/model.ts';
import type { Attachment, AttachmentId } from '../domain/touchpoints.ts';
import type { PeakendDb } from './db.ts';
import { PeakendFailure } from '../domain/errors.ts';
import { guarded } from './errors.ts';
import { touchScores } from './score-cache.ts';
import type { BlobKind } from './schema.ts';

/** Stores the metadata, the bytes and (for an image) its small copy together, or nothing at all. */
export function addAttachment(
  db: PeakendDb,
  attachment: Attachment,
  full: Blob,
  thumb: Blob | null,
  now: string,
): Promise<Attachment> {
  return guarded(async () => {
    const tx = db.transaction(['audits', 'steps', 'attachments', 'attachmentBlobs', 'scoreCache'], 'readwrite');
    try {
      const step = await tx.objectStore('steps').get(attachment.stepId);
      if (!step || step.auditId !== attachment.auditId) {
        throw new PeakendFailure({ code: 'step-missing', stepId: attachment.stepId });
      }
      const blobs = tx.objectStore('attachmentBlobs');
      await Promise.all([
        tx.objectStore('attachments').add(attachment),
        blobs.put({ attachmentId: attachment.id, kind: 'full', blob: full }),
        thumb ? blobs.put({ attachmentId: attachment.id, kind: 'thumb', blob: thumb }) : null,
        tx.objectStore('steps').put({ ...step, updatedAt: now }),
      ]);
      const audit = await tx.objectStore('audits').get(attachment.auditId);
      const written = audit && { ...audit, updatedAt: now };
      if (written) await tx.objectStore('audits').put(written);
      await touchScores(tx, attachment.auditId, written);
      await tx.done;
      return attachment;
    } catch (error) {
      await abandon(tx);
      throw error;
    }
  });
}

const byAdded = (a: Attachment, b: Attachment) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id);

export async function listAttachments(db: PeakendDb, auditId: AuditId): Promise<Attachment[]> {
  return (await db.getAllFromIndex('attachments', 'by-audit', auditId)).sort(byAdded);
}

export async function attachmentsOfStep(db: PeakendDb, stepId: StepId): Promise<Attachment[]> {
  return (await db.getAllFromIndex('attachments', 'by-step', stepId)).sort(byAdded);
}

export async function getAttachmentBlob(db: PeakendDb, id: AttachmentId, kind: BlobKind): Promise<Blob | undefined> {
  return (await db.get('attachmentBlobs', [id, kind]))?.blob;
}

/** Removes an attachment with its bytes. */
export function deleteAttachment(db: PeakendDb, id: AttachmentId): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction(['attachments', 'attachmentBlobs'], 'readwrite');
    const blobs = tx.objectStore('attachmentBlobs');
    for (const key of await blobs.index('by-attachment').getAllKeys(id)) await blobs.delete(key);
    await tx.objectStore('attachments').delete(id);
    await tx.done;
  });
}
