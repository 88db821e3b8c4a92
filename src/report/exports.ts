// One function per export format, each returning a file to download. File names come from the
// site and the audit's date, reduced to [a-z0-9-] so they are safe on every file system.
import type { ImageSource, ReportData } from './data.ts';
import { stepsCsv } from './csv.ts';
import { renderReportHtml, type RenderOptions } from './html/render.ts';
import { buildExport, exportJsonText, type BuildExportOptions } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { buildZip } from './zip.ts';

export interface TextFile {
  filename: string;
  mime: string;
  text: string;
}

export interface BytesFile {
  filename: string;
  mime: string;
  bytes: Uint8Array;
}

export type ExportFile = TextFile | BytesFile;

export type ExportFormat = 'html' | 'md' | 'csv' | 'json' | 'zip';

/** "Shop Ünïcode / Test" -> "shop-unicode-test"; empty -> "audit". */
export function slug(text: string, max = 48): string {
  const s = String(text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return s || 'audit';
}

/** "peakend-<site>-<yyyy-mm-dd>.<ext>", the date being the audit's start (UTC). */
export function exportFilename(data: ReportData, ext: string): string {
  const iso = data.audit.startedAt ?? data.audit.createdAt ?? data.generatedAt;
  const date = /^\d{4}-\d{2}-\d{2}/.exec(String(iso))?.[0] ?? 'undated';
  const safeExt =
    String(ext)
      .replace(/[^a-z0-9]/gi, '')
      .toLowerCase() || 'txt';
  return `peakend-${slug(data.audit.site)}-${date}.${safeExt}`;
}

/** The standalone HTML file. Only data: image URLs get in: the file must open offline. */
export function htmlExport(data: ReportData, images: ImageSource, opts: RenderOptions = {}): TextFile {
  const inline: ImageSource = (shotId, kind) => {
    const url = images(shotId, kind);
    return url !== null && /^data:image\/(jpeg|png|webp|gif);base64,/.test(url) ? url : null;
  };
  return {
    filename: exportFilename(data, 'html'),
    mime: 'text/html;charset=utf-8',
    text: renderReportHtml(data, inline, opts),
  };
}

export function markdownExport(data: ReportData, opts: RenderOptions = {}): TextFile {
  return {
    filename: exportFilename(data, 'md'),
    mime: 'text/markdown;charset=utf-8',
    text: renderMarkdown(data, opts),
  };
}

export function csvExport(data: ReportData): TextFile {
  return { filename: exportFilename(data, 'csv'), mime: 'text/csv;charset=utf-8', text: stepsCsv(data) };
}

export function jsonExport(data: ReportData, opts: BuildExportOptions = {}): TextFile {
  return {
    filename: exportFilename(data, 'json'),
    mime: 'application/json',
    text: exportJsonText(buildExport(data, opts)),
  };
}

/** `blobs`: full screenshot bytes by screenshot id (collectBlobs); `attachmentBytes` likewise by attachment id. */
export function zipExport(
  data: ReportData,
  blobs: ReadonlyMap<string, Uint8Array>,
  opts: BuildExportOptions = {},
  attachmentBytes: ReadonlyMap<string, Uint8Array> = new Map(),
): BytesFile {
  const exp = buildExport(data, {
    ...opts,
    available: new Set(blobs.keys()),
    attachmentsAvailable: new Set(attachmentBytes.keys()),
  });
  return {
    filename: exportFilename(data, 'zip'),
    mime: 'application/zip',
    bytes: buildZip(exp, blobs, attachmentBytes),
  };
}

/** The file as a Blob, for an <a download> link. */
export function exportBlob(file: ExportFile): Blob {
  if ('text' in file) return new Blob([file.text], { type: file.mime });
  return new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mime });
}
