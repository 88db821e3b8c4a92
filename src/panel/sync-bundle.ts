// What "Share this audit" sends: the audit's export, built by the same serialiser as Export (the
// report's buildExport over its report data), with the bytes of every screenshot and attachment it
// names. The sync layer cuts it into CouchDB documents (src/sync/documents.ts).
import { loadReportData } from '../report/data.ts';
import { collectAttachmentBytes } from '../report/attachments.ts';
import { buildExport } from '../report/json.ts';
import { collectBlobs } from '../report/zip.ts';
import type { PeakendDb } from '../store/index.ts';
import type { Bundle } from '../sync/documents.ts';

export async function auditBundle(
  db: PeakendDb,
  auditId: string,
  generatorVersion: string | null,
): Promise<Bundle | null> {
  const data = await loadReportData(db, auditId);
  if (!data) return null;
  const blobs = await collectBlobs(db, data.screenshots, 'full');
  const attached = await collectAttachmentBytes(db, data.attachments);
  const exp = buildExport(data, {
    generatorVersion,
    available: new Set(blobs.keys()),
    attachmentsAvailable: new Set(attached.keys()),
  });
  const files = new Map<string, Uint8Array>();
  for (const shot of exp.screenshots) {
    const bytes = blobs.get(shot.id);
    if (shot.file !== null && bytes) files.set(shot.file, bytes);
  }
  for (const attachment of exp.attachments) {
    const bytes = attached.get(attachment.id);
    if (attachment.file !== null && bytes) files.set(attachment.file, bytes);
  }
  return { exp, files };
}
