// Everything an audit's export is made of, as stored, without reading a byte of any image or file:
// the records, and which screenshots and attachments have their bytes stored. The sync fingerprints
// this to know whether an audit changed since it was shared (rebuilding the export reads every image).
import type { Audit, AuditId, Screenshot, Step } from '../domain/model.ts';
import type { Probe } from '../domain/probes.ts';
import type { Attachment } from '../domain/touchpoints.ts';
import type { PeakendDb } from './db.ts';

export interface AuditRecords {
  audit: Audit;
  steps: Step[];
  screenshots: Screenshot[];
  attachments: Attachment[];
  probes: Probe[];
  /** Screenshots whose full image is stored (an export names a file only for those). */
  shotsWithBytes: string[];
  /** Attachments whose bytes are stored. */
  attachmentsWithBytes: string[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The records of several audits, read in one transaction; null for an audit that does not exist. */
export async function readAuditRecords(
  db: PeakendDb,
  auditIds: readonly AuditId[],
): Promise<Map<AuditId, AuditRecords | null>> {
  const tx = db.transaction(
    ['audits', 'steps', 'screenshots', 'blobs', 'attachments', 'attachmentBlobs', 'probes'],
    'readonly',
  );
  const one = async (auditId: AuditId): Promise<AuditRecords | null> => {
    const [audit, steps, screenshots, attachments, probes] = await Promise.all([
      tx.objectStore('audits').get(auditId),
      tx
        .objectStore('steps')
        .index('by-audit')
        .getAll(IDBKeyRange.bound([auditId, -Infinity], [auditId, Infinity])),
      tx.objectStore('screenshots').index('by-audit').getAll(auditId),
      tx.objectStore('attachments').index('by-audit').getAll(auditId),
      tx.objectStore('probes').index('by-audit').getAll(auditId),
    ]);
    if (!audit) return null;
    steps.sort(byId);
    screenshots.sort(byId);
    attachments.sort(byId);
    probes.sort(byId);
    // Counting by key reads no value: the bytes stay on disk.
    const [shotCounts, attachmentCounts] = await Promise.all([
      Promise.all(screenshots.map((s) => tx.objectStore('blobs').count([s.id, 'full']))),
      Promise.all(attachments.map((a) => tx.objectStore('attachmentBlobs').count([a.id, 'full']))),
    ]);
    return {
      audit,
      steps,
      screenshots,
      attachments,
      probes,
      shotsWithBytes: screenshots.filter((_, i) => shotCounts[i]! > 0).map((s) => s.id),
      attachmentsWithBytes: attachments.filter((_, i) => attachmentCounts[i]! > 0).map((a) => a.id),
    };
  };
  const all = await Promise.all(auditIds.map(one));
  await tx.done;
  return new Map(auditIds.map((id, i) => [id, all[i] ?? null]));
}
