// What "Share this audit" sends: the audit's export, built by the same serialiser as Export (the
// report's buildExport over its report data), with the bytes of every screenshot and attachment it
// names. The sync layer cuts it into CouchDB documents (src/sync/documents.ts).
import { loadReportData } from '../report/data.ts';
import { collectAttachmentBytes } from '../report/attachments.ts';
import { buildExport } from '../report/json.ts';
import { collectBlobs } from '../report/zip.ts';
import { EXPORT_FORMAT_VERSION } from '../domain/export-format.ts';
import { readAuditRecords, type PeakendDb } from '../store/index.ts';
import type { Bundle, Sha256 } from '../sync/documents.ts';

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

const utf8 = new TextEncoder();

/**
 * A fingerprint of everything auditBundle reads, made from the stored records without reading an
 * image: the audit, its steps, screenshots' and attachments' metadata (their SHA-256 among it),
 * probes, which files have bytes, the export format and the extension's version. An unchanged
 * fingerprint means an unchanged export (but for its export time), so the sync need not rebuild it.
 */
export async function auditFingerprints(
  db: PeakendDb,
  auditIds: readonly string[],
  generatorVersion: string | null,
  sha256: Sha256,
): Promise<Map<string, string | null>> {
  const records = await readAuditRecords(db, auditIds);
  const out = new Map<string, string | null>();
  for (const [auditId, stored] of records) {
    const text = JSON.stringify({ format: EXPORT_FORMAT_VERSION, generatorVersion, stored });
    out.set(auditId, stored ? await sha256(utf8.encode(text)) : null);
  }
  return out;
}
