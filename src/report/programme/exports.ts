// The programme view's downloads: a self-contained HTML file and a CSV file, named after the
// programme and the generation date, reduced to [a-z0-9-].
import { slug, type ExportFile } from '../exports.ts';
import type { RenderOptions } from '../html/context.ts';
import { programmeCsv } from './csv.ts';
import type { ProgrammeData } from './data.ts';
import { renderProgrammeHtml } from './render.ts';

/** "peakend-programme-<name>-<yyyy-mm-dd>.<ext>", the date being the generation date (UTC). */
export function programmeFilename(data: ProgrammeData, ext: 'html' | 'csv'): string {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(String(data.generatedAt))?.[0] ?? 'undated';
  return `peakend-programme-${slug(data.programme.name, 40)}-${date}.${ext}`;
}

export const programmeHtmlExport = (data: ProgrammeData, opts: RenderOptions = {}): ExportFile => ({
  filename: programmeFilename(data, 'html'),
  mime: 'text/html;charset=utf-8',
  text: renderProgrammeHtml(data, opts),
});

export const programmeCsvExport = (data: ProgrammeData): ExportFile => ({
  filename: programmeFilename(data, 'csv'),
  mime: 'text/csv;charset=utf-8',
  text: programmeCsv(data),
});
