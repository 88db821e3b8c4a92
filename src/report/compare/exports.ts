// The comparison's downloads: a self-contained HTML file and a CSV file, named after the sites
// and the generation date, reduced to [a-z0-9-].
import type { Screenshot } from '../../domain/model.ts';
import type { ImageSource } from '../data.ts';
import { slug, type ExportFile } from '../exports.ts';
import { dataUrlImages } from '../images.ts';
import { makeFormatter } from '../format.ts';
import { auditLabels, makeCompareContext, type RenderOptions } from './context.ts';
import { compareCsv } from './csv.ts';
import type { CompareData } from './data.ts';
import { renderComparisonHtml } from './render.ts';

/** "peakend-compare-<site>-vs-<site>-<yyyy-mm-dd>.<ext>", the date being the generation date (UTC). */
export function compareFilename(data: CompareData, ext: string): string {
  const labels = auditLabels(data, makeFormatter('en'));
  const sites = labels.map((label) => slug(label, 24)).join('-vs-');
  const date = /^\d{4}-\d{2}-\d{2}/.exec(String(data.generatedAt))?.[0] ?? 'undated';
  const safeExt = ext.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'txt';
  return `peakend-compare-${sites}-${date}.${safeExt}`;
}

/** The screenshots the comparison shows: the first one of every step of every audit. */
export function shownScreenshots(data: CompareData): Screenshot[] {
  const out: Screenshot[] = [];
  for (const item of data.items) {
    const seen = new Set<string>();
    for (const shot of item.screenshots) {
      if (seen.has(shot.stepId)) continue;
      seen.add(shot.stepId);
      out.push(shot);
    }
  }
  return out;
}

export function compareHtmlExport(data: CompareData, images: ImageSource, opts: RenderOptions = {}): ExportFile {
  return {
    filename: compareFilename(data, 'html'),
    mime: 'text/html;charset=utf-8',
    text: renderComparisonHtml(data, images, opts),
  };
}

/** HTML export with the given full-size screenshot bytes inlined as data: URLs. */
export function compareHtmlExportFromBytes(
  data: CompareData,
  bytes: ReadonlyMap<string, Uint8Array>,
  opts: RenderOptions = {},
): ExportFile {
  return compareHtmlExport(data, dataUrlImages(shownScreenshots(data), bytes), opts);
}

export function compareCsvExport(data: CompareData, opts: RenderOptions = {}): ExportFile {
  const ctx = makeCompareContext(data, () => null, opts);
  return {
    filename: compareFilename(data, 'csv'),
    mime: 'text/csv;charset=utf-8',
    text: compareCsv(data, { stageName: ctx.stageName }),
  };
}
