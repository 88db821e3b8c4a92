// The JSON export: the whole audit, versioned. Described by docs/audit-export.schema.json.
// Screenshots are listed with their metadata, SHA-256 and the name of the file that holds the
// pixels in the zip bundle (`screenshots/<id>.<ext>`); the JSON alone carries no pixels.
import type { Completeness } from '../domain/completeness.ts';
import type { Audit, Screenshot, Step, UtcIso } from '../domain/model.ts';
import type { AuditScores } from '../domain/scores/index.ts';
import type { ReportData } from './data.ts';

export const EXPORT_FORMAT = 'peakend-audit';
export const EXPORT_FORMAT_VERSION = 1;

export interface ExportedScreenshot extends Screenshot {
  /** Path of the image inside the zip bundle; null when its pixels were not available. */
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

export interface BuildExportOptions {
  /** Include the derived scores and completeness (default true). */
  scores?: boolean;
  /** The extension's version (chrome.runtime.getManifest().version). */
  generatorVersion?: string | null;
  /** When given, screenshots whose id is not in this set get `file: null` (no pixels exported). */
  available?: ReadonlySet<string>;
  exportedAt?: UtcIso;
}

/** Pure: the export object of a report's data. JSON.parse(JSON.stringify(x)) round-trips it. */
export function buildExport(data: ReportData, opts: BuildExportOptions = {}): AuditExport {
  const files = screenshotFileNames(data.screenshots);
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
