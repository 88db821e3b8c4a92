import type { Audit, AuditId, AuditPatch, CriterionMark } from '../domain/model.ts';
import { emptyCriterionMark } from '../domain/rubric.ts';
import type { PeakendDb } from './db.ts';
import { PeakendFailure } from '../domain/errors.ts';
import { guarded } from './errors.ts';
import { touchScores } from './score-cache.ts';

export async function listAudits(db: PeakendDb): Promise<Audit[]> {
  const audits = await db.getAllFromIndex('audits', 'by-updated');
  return audits.reverse();
}

export function getAudit(db: PeakendDb, id: AuditId): Promise<Audit | undefined> {
  return db.get('audits', id);
}

export function putAudit(db: PeakendDb, audit: Audit): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction(['audits', 'steps', 'scoreCache'], 'readwrite');
    await Promise.all([tx.objectStore('audits').put(audit), touchScores(tx, audit.id, audit), tx.done]);
  });
}

/**
 * Reads the audit, derives its next state and writes it in one transaction, so two writers never
 * undo each other's fields. `change` may throw a PeakendFailure to refuse; nothing is written then.
 */
export function changeAudit(
  db: PeakendDb,
  id: AuditId,
  change: (current: Audit) => Partial<Audit>,
  now: string,
): Promise<Audit> {
  return guarded(async () => {
    const tx = db.transaction(['audits', 'steps', 'scoreCache'], 'readwrite');
    const audits = tx.objectStore('audits');
    const current = await audits.get(id);
    if (!current) throw new PeakendFailure({ code: 'audit-missing', auditId: id });
    const next: Audit = { ...current, ...change(current), updatedAt: now };
    await audits.put(next);
    await touchScores(tx, id, next);
    await tx.done;
    return next;
  });
}

export function patchAudit(db: PeakendDb, id: AuditId, patch: AuditPatch, now: string): Promise<Audit> {
  return changeAudit(db, id, () => patch, now);
}

/**
 * Changes one criterion's mark in the audit's freshly read rubric, in one transaction, so writes of
 * different criteria (or of a mark and a comment) never undo each other.
 */
export function updateCriterionMark(
  db: PeakendDb,
  id: AuditId,
  criterionId: string,
  apply: (prev: CriterionMark) => CriterionMark,
  now: string,
): Promise<Audit> {
  return changeAudit(
    db,
    id,
    (current) => {
      const marks = current.rubric.marks ?? {};
      return {
        rubric: {
          ...current.rubric,
          marks: { ...marks, [criterionId]: apply(marks[criterionId] ?? emptyCriterionMark()) },
        },
      };
    },
    now,
  );
}

/** Deletes the audit with its steps, screenshots, attachments, probes and blobs, in one transaction. */
export function deleteAudit(db: PeakendDb, id: AuditId): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction(
      ['audits', 'steps', 'screenshots', 'blobs', 'meta', 'attachments', 'attachmentBlobs', 'probes', 'scoreCache'],
      'readwrite',
    );
    const stepKeys = await tx
      .objectStore('steps')
      .index('by-audit')
      .getAllKeys(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
    const shotKeys = await tx.objectStore('screenshots').index('by-audit').getAllKeys(id);
    const blobs = tx.objectStore('blobs');
    for (const shotId of shotKeys) {
      const blobKeys = await blobs.index('by-shot').getAllKeys(shotId);
      for (const key of blobKeys) await blobs.delete(key);
      await tx.objectStore('screenshots').delete(shotId);
    }
    const attachmentBlobs = tx.objectStore('attachmentBlobs');
    for (const attachmentId of await tx.objectStore('attachments').index('by-audit').getAllKeys(id)) {
      for (const key of await attachmentBlobs.index('by-attachment').getAllKeys(attachmentId)) {
        await attachmentBlobs.delete(key);
      }
      await tx.objectStore('attachments').delete(attachmentId);
    }
    for (const probeId of await tx.objectStore('probes').index('by-audit').getAllKeys(id)) {
      await tx.objectStore('probes').delete(probeId);
    }
    for (const stepId of stepKeys) await tx.objectStore('steps').delete(stepId);
    await tx.objectStore('audits').delete(id);
    await tx.objectStore('scoreCache').delete(id);
    const active = await tx.objectStore('meta').get('active');
    if (active && 'auditId' in active && active.auditId === id) await tx.objectStore('meta').delete('active');
    await tx.done;
  });
}
