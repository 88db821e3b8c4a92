// The whole report: the same markup in the report tab (object URLs) and in the exported HTML file
// (data: URLs, CSS inline, a CSP that forbids every script, readable with JavaScript off).
import { directionOf, isolate } from '../../i18n/bidi.ts';
import { t } from '../../i18n/t.ts';
import type { ImageSource, ReportData } from '../data.ts';
import { escapeAttr, escapeHtml, html, type SafeHtml } from '../escape.ts';
import { renderAppendix } from './appendix.ts';
import { renderChannels } from './channels.ts';
import { makeContext, type RenderContext, type RenderOptions } from './context.ts';
import { renderCover, renderFlags } from './cover.ts';
import { renderCurve } from './curve.ts';
import { renderElements } from './elements.ts';
import { renderFindings } from './findings.ts';
import { renderFixFirst } from './fix-first.ts';
import { renderHeadline } from './headline.ts';
import { renderRemembered } from './remembered.ts';
import { renderSteps } from './steps.ts';
import { renderSummary } from './summary.ts';
import { REPORT_CSS } from './styles.ts';

export type { RenderOptions } from './context.ts';

/**
 * The exported document's policy: no script of any kind, images only from data: URLs, styles only
 * inline. Nothing is fetched from the network.
 */
export const REPORT_CSP =
  "default-src 'none'; script-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'; object-src 'none'";

function footer(ctx: RenderContext): SafeHtml {
  return html`<footer class="report-footer"><span>${t('report_footer', ctx.fmt.dateTime(ctx.data.generatedAt))}</span><span>${t('report_footerMethod', ctx.data.rubric.version)}</span></footer>`;
}

/** The report's markup (the <main> element), for the report tab and for the standalone file. */
export function renderReportBody(data: ReportData, images: ImageSource, opts: RenderOptions = {}): string {
  const ctx = makeContext(data, images, opts);
  return html`<main class="report" id="report" data-audit-id="${data.audit.id}">
${renderCover(ctx)}
${renderFlags(ctx)}
${renderSummary(ctx)}
${renderFixFirst(ctx)}
${renderHeadline(ctx)}
${renderRemembered(ctx)}
${renderCurve(ctx)}
${renderChannels(ctx)}
${renderElements(ctx)}
${renderFindings(ctx)}
${renderSteps(ctx)}
${renderAppendix(ctx)}
${footer(ctx)}
</main>`.value;
}

/**
 * The document title: "<site> — customer-experience audit". Pages and the exported HTML pass
 * isolate(), so the site name keeps its own direction in the title; Markdown takes it plain.
 */
export function reportTitle(data: ReportData, wrap: (site: string) => string = (site) => site): string {
  return t('report_docTitle', wrap(data.audit.site?.trim() ? data.audit.site : t('untitledSite')));
}

/**
 * The shell every exported document shares: offline, no referrer, and a CSP that forbids all
 * scripts, so an export opened anywhere can run nothing. `body` is already escaped markup.
 */
export function standaloneDocument(
  doc: { title: string; css: string; body: string },
  opts: RenderOptions = {},
): string {
  const lang = opts.lang ?? opts.locale ?? 'en';
  const dir = opts.dir ?? directionOf(lang);
  return `<!doctype html>
<html lang="${escapeAttr(lang)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(REPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="Peakend">
<title>${escapeHtml(doc.title)}</title>
<style>${doc.css}</style>
</head>
<body>
${doc.body}
</body>
</html>
`;
}

/** A complete, self-contained HTML document. Pass an ImageSource that returns data: URLs. */
export function renderReportHtml(data: ReportData, images: ImageSource, opts: RenderOptions = {}): string {
  return standaloneDocument(
    { title: reportTitle(data, isolate), css: REPORT_CSS, body: renderReportBody(data, images, opts) },
    opts,
  );
}
