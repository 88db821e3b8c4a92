// The compare tab (compare.html?audits=<id1>,<id2>[,<id3>,<id4>]): loads each audit's report data
// from IndexedDB, renders the comparison (escaped markup, the same as the HTML export) with object
// URLs for the screenshots, and offers the exports through <a download> links on Blob URLs.
// Audit text never reaches a script: it only ever enters the page as escaped markup.
import { t, uiDirection } from '../../i18n/t.ts';
import { getBlob, openPeakendDb, type PeakendDb } from '../../store/index.ts';
import { exportBlob, type ExportFile } from '../exports.ts';
import { REPORT_CSS } from '../html/styles.ts';
import { urlMapImages } from '../images.ts';
import { collectBlobs } from '../zip.ts';
import type { RenderOptions } from './context.ts';
import { loadCompareData, parseAuditIds, type CompareData } from './data.ts';
import { compareCsvExport, compareHtmlExportFromBytes, shownScreenshots } from './exports.ts';
import { comparisonTitle, renderComparisonBody } from './render.ts';
import { COMPARE_CSS } from './styles.ts';

const TOOLBAR_CSS = `
.toolbar { position: sticky; inset-block-start: 0; z-index: 10; display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 10px 20px; background: #14213d; color: #fff; box-shadow: 0 2px 10px rgb(0 0 0 / .15); }
.toolbar .tb-title { font-weight: 700; margin-inline-end: auto; font-size: 14px; }
.toolbar button { font: inherit; font-size: 13px; font-weight: 600; padding: 7px 12px; border-radius: 6px; border: 1px solid rgb(255 255 255 / .35); background: transparent; color: #fff; cursor: pointer; }
.toolbar button.primary { background: #fff; color: #14213d; border-color: #fff; }
.toolbar button:hover { background: rgb(255 255 255 / .12); }
.toolbar button.primary:hover { background: #e3e8f2; }
.toolbar button:disabled { opacity: .5; cursor: progress; }
.toolbar .tb-status { font-size: 12.5px; color: #c6d0e2; min-inline-size: 10em; }
.report-status { max-inline-size: 600px; margin: 80px auto; padding: 24px; background: #fff; border-radius: 8px; text-align: center; }
@media print { .toolbar { display: none !important; } }
`;

function uiLocale(): string {
  try {
    return globalThis.chrome?.i18n?.getUILanguage?.() || navigator.language || 'en';
  } catch {
    return 'en';
  }
}

function download(file: ExportFile): void {
  const url = URL.createObjectURL(exportBlob(file));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function setStatus(text: string): void {
  const root = document.getElementById('report-root');
  if (!root) return;
  const p = document.createElement('p');
  p.className = 'report-status';
  p.setAttribute('role', 'status');
  p.textContent = text;
  root.replaceChildren(p);
}

function button(label: string, onClick: () => Promise<void> | void, primary = false): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (primary) b.className = 'primary';
  b.addEventListener('click', () => {
    void (async () => {
      b.disabled = true;
      try {
        await onClick();
      } catch (error) {
        console.error(error);
        const status = document.querySelector('.tb-status');
        if (status) status.textContent = t('report_exportFailed');
      } finally {
        b.disabled = false;
      }
    })();
  });
  return b;
}

function renderToolbar(data: CompareData, db: PeakendDb, opts: RenderOptions): void {
  const root = document.getElementById('toolbar-root');
  if (!root) return;
  const bar = document.createElement('div');
  bar.className = 'toolbar no-print';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', t('compare_toolbar'));
  const title = document.createElement('span');
  title.className = 'tb-title';
  title.textContent = comparisonTitle(data, opts);
  const status = document.createElement('span');
  status.className = 'tb-status';
  status.setAttribute('role', 'status');
  const busy = async (fn: () => Promise<ExportFile> | ExportFile): Promise<void> => {
    status.textContent = t('report_preparing');
    const file = await fn();
    download(file);
    status.textContent = t('report_downloaded', file.filename);
  };
  bar.append(
    title,
    button(t('compare_exportHtml'), () =>
      busy(async () => compareHtmlExportFromBytes(data, await collectBlobs(db, shownScreenshots(data), 'full'), opts)),
      true,
    ),
    button(t('compare_exportCsv'), () => busy(() => compareCsvExport(data, opts))),
    button(t('compare_print'), () => window.print()),
    status,
  );
  root.replaceChildren(bar);
}

async function main(): Promise<void> {
  const dir = uiDirection();
  const locale = uiLocale();
  document.documentElement.dir = dir;
  document.documentElement.lang = locale;
  const style = document.createElement('style');
  style.textContent = REPORT_CSS + COMPARE_CSS + TOOLBAR_CSS;
  document.head.append(style);
  document.title = t('compare_title');

  const parsed = parseAuditIds(location.search);
  if (!parsed.ok) {
    setStatus(parsed.reason === 'too-many' ? t('compare_tooMany') : t('compare_chooseAudits'));
    return;
  }
  setStatus(t('loading'));
  const db = await openPeakendDb();
  const loaded = await loadCompareData(db, parsed.ids);
  if (!loaded.ok) {
    setStatus(t('compare_auditsMissing', loaded.missing.join(', ')));
    return;
  }
  const { data } = loaded;
  const urls = new Map<string, string>();
  for (const shot of shownScreenshots(data)) {
    const blob = await getBlob(db, shot.id, 'full');
    if (blob) urls.set(shot.id, URL.createObjectURL(blob));
  }
  addEventListener('pagehide', () => {
    for (const url of urls.values()) URL.revokeObjectURL(url);
  });

  const opts: RenderOptions = { locale, lang: locale, dir };
  document.title = comparisonTitle(data, opts);
  const root = document.getElementById('report-root');
  // Escaped markup only: every piece of audit text went through escapeHtml in the renderer.
  if (root) root.innerHTML = renderComparisonBody(data, urlMapImages(urls), opts);
  renderToolbar(data, db, opts);
}

main().catch((error: unknown) => {
  console.error(error);
  setStatus(t('compare_loadFailed'));
});
