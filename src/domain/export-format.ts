// The export format (docs/audit-export.schema.json): its name and version, the shape of the JSON,
// and the file names inside the zip bundle. Here, in the domain, because both sides use it: the
// report writes it and the import reads it back, and the import must not depend on the report.
import type { Completeness } from './completeness.ts';
import type { Audit, Screenshot, Step, UtcIso } from './model.ts';
import type { AuditScores } from './scores/index.ts';
import { attachmentExtension } from './attachments.ts';
import type { Probe } from './probes.ts';
import type { Attachment } from './touchpoints.ts';

export const EXPORT_FORMAT = 'peakend-audit';
/**
 * 3: channel probes. 2: touchpoint steps (kind, channel, occurredAt) and their attachments. 1 and 2
 * still import (import/upgrade.ts).
 */
export const EXPORT_FORMAT_VERSION = 3;

/** The JSON's name inside the zip bundle. */
export const BUNDLE_JSON_NAME = 'audit.json';

/** What screenshotFileNames makes: `screenshots/<name>.<ext>`. */
export const SCREENSHOT_FILE_PATTERN = /^screenshots\/[A-Za-z0-9_-]+\.[a-z0-9]+$/;

export interface ExportedScreenshot extends Screenshot {
  /** Path of the image inside the zip bundle; null when its pixels were not available. */
  file: string | null;
}

/** What attachmentFileNames makes: `attachments/<name>.<ext>`. */
export const ATTACHMENT_FILE_PATTERN = /^attachments\/[A-Za-z0-9_-]+\.[a-z0-9]+$/;

export interface ExportedAttachment extends Attachment {
  /** Path of the file inside the zip bundle; null when its bytes were not available. */
  file: string | null;
}

export interface AuditExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_FORMAT_VERSION;
  exportedAt: UtcIso;
  generator: { name: 'Peakend'; version: string | null };
  audit: Audit;
  /** Journey order. */
  steps: Step[];
  screenshots: ExportedScreenshot[];
  /** Files attached to touchpoint steps (redacted images as stored, PDFs). */
  attachments: ExportedAttachment[];
  /** Channel probes, in the order they were sent (the store's records as they are). */
  probes: Probe[];
  /** Derived numbers (computeScores) at export time, for readers that do not recompute them. */
  scores?: AuditScores;
  completeness?: Completeness;
}

const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** File extension of an image MIME type ('bin' when unknown). */
export const extensionOf = (mime: string): string => EXT[String(mime).toLowerCase()] ?? 'bin';

/**
 * Bundle file names of the screenshots: `screenshots/<id>.<ext>`, the id reduced to
 * [A-Za-z0-9_-] (ids come from imported data too) and made unique.
 */
export function screenshotFileNames(shots: readonly Screenshot[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const shot of shots) {
    const base =
      String(shot.id)
        .replace(/[^A-Za-z0-9_-]/g, '_')
        .slice(0, 80) || 'shot';
    const ext = extensionOf(shot.mime);
    let name = `screenshots/${base}.${ext}`;
    for (let n = 2; used.has(name); n++) name = `screenshots/${base}-${n}.${ext}`;
    used.add(name);
    names.set(shot.id, name);
  }
  return names;
}

/** Bundle file names of attachments: `attachments/<id>.<ext>`, reduced and made unique as screenshots' are. */
export function attachmentFileNames(attachments: readonly Attachment[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const attachment of attachments) {
    const base =
      String(attachment.id)
        .replace(/[^A-Za-z0-9_-]/g, '_')
        .slice(0, 80) || 'file';
    const ext = attachmentExtension(attachment.mime);
    let name = `attachments/${base}.${ext}`;
    for (let n = 2; used.has(name); n++) name = `attachments/${base}-${n}.${ext}`;
    used.add(name);
    names.set(attachment.id, name);
  }
  return names;
}
