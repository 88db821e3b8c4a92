// The JSON export: the whole audit, versioned (the format is src/domain/export-format.ts, described
// by docs/audit-export.schema.json). Screenshots are listed with their metadata, SHA-256 and the name
// of the file that holds the pixels in the zip bundle; the JSON alone carries no pixels.
import {
  attachmentFileNames,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  screenshotFileNames,
  type AuditExport,
} from '../domain/export-format.ts';
import type { UtcIso } from '../domain/model.ts';
import type { ReportData } from './data.ts';

export interface BuildExportOptions {
  /** Include the derived scores and completeness (default true). */
  scores?: boolean;
  /** The extension's version (chrome.runtime.getManifest().version). */
  generatorVersion?: string | null;
  /** When given, screenshots whose id is not in this set get `file: null` (no pixels exported). */
  available?: ReadonlySet<string>;
  /** When given, attachments whose id is not in this set get `file: null` (no bytes exported). */
  attachmentsAvailable?: ReadonlySet<string>;
  exportedAt?: UtcIso;
}

/** Pure: the export object of a report's data. JSON.parse(JSON.stringify(x)) round-trips it. */
export function buildExport(data: ReportData, opts: BuildExportOptions = {}): AuditExport {
  const files = screenshotFileNames(data.screenshots);
  const attachmentFiles = attachmentFileNames(data.attachments);
  const out: AuditExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_FORMAT_VERSION,
    exportedAt: opts.exportedAt ?? data.generatedAt,
    generator: { name: 'Peakend', version: opts.generatorVersion ?? null },
    audit: data.audit,
    steps: data.steps,
    screenshots: data.screenshots.map((shot) => ({
      ...shot,
      file: opts.available && !opts.available.has(shot.id) ? null : (files.get(shot.id) ?? null),
    })),
    attachments: data.attachments.map((attachment) => ({
      ...attachment,
      file:
        opts.attachmentsAvailable && !opts.attachmentsAvailable.has(attachment.id)
          ? null
          : (attachmentFiles.get(attachment.id) ?? null),
    })),
    probes: data.probes,
  };
  if (opts.scores !== false) {
    out.scores = data.scores;
    out.completeness = data.completeness;
  }
  return out;
}

/** The export as JSON text (2-space indented, UTF-8 when encoded). */
export function exportJsonText(exp: AuditExport): string {
  return `${JSON.stringify(exp, null, 2)}\n`;
}
