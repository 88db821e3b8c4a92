// The zip bundle: audit.json plus every original screenshot and attachment as a file, byte for byte as stored
// (so its SHA-256 still matches the one in the JSON). JPEG and PNG are already compressed, so the
// images are stored (level 0); the JSON is deflated.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { BUNDLE_JSON_NAME, type AuditExport } from '../domain/export-format.ts';
import type { Screenshot } from '../domain/model.ts';
import { getBlob, type PeakendDb } from '../store/index.ts';
import type { ImageKind } from './data.ts';
import { exportJsonText } from './json.ts';

/** Zip time stamps: DOS dates start in 1980; fall back to that for odd input. */
function mtimeOf(iso: string): Date {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1980 ? new Date('1980-01-01T00:00:00Z') : d;
}

/**
 * Builds the bundle. Screenshots without bytes in `blobs` are listed with `file: null` in the
 * bundled JSON, so every file the JSON names is in the zip.
 */
export function buildZip(
  exp: AuditExport,
  blobs: ReadonlyMap<string, Uint8Array>,
  attachmentBytes: ReadonlyMap<string, Uint8Array> = new Map(),
): Uint8Array {
  const mtime = mtimeOf(exp.exportedAt);
  const screenshots = exp.screenshots.map((shot) =>
    shot.file !== null && blobs.has(shot.id) ? shot : { ...shot, file: null },
  );
  const attachments = exp.attachments.map((a) =>
    a.file !== null && attachmentBytes.has(a.id) ? a : { ...a, file: null },
  );
  const bundled: AuditExport = { ...exp, screenshots, attachments };
  const files: Zippable = {
    [BUNDLE_JSON_NAME]: [strToU8(exportJsonText(bundled)), { level: 6, mtime }],
  };
  for (const shot of screenshots) {
    const bytes = blobs.get(shot.id);
    if (shot.file === null || !bytes) continue;
    files[shot.file] = [bytes, { level: 0, mtime }];
  }
  for (const attachment of attachments) {
    const bytes = attachmentBytes.get(attachment.id);
    if (attachment.file === null || !bytes) continue;
    // Byte for byte as stored, so the SHA-256 in the JSON still matches.
    files[attachment.file] = [bytes, { level: 0, mtime }];
  }
  return zipSync(files);
}

/** Reads screenshot pixels from the store; screenshots whose blob is missing are left out. */
export async function collectBlobs(
  db: PeakendDb,
  shots: readonly Screenshot[],
  kind: ImageKind = 'full',
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const shot of shots) {
    const blob = await getBlob(db, shot.id, kind);
    if (blob) out.set(shot.id, new Uint8Array(await blob.arrayBuffer()));
  }
  return out;
}
