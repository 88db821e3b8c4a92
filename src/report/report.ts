// The report tab (report.html?audit=<id>): loads the audit from IndexedDB, renders the report
// markup (escaped, the same as the HTML export) with object URLs for the screenshots, and offers
// the exports as downloads through <a download> links on Blob URLs (no downloads permission).
// Audit text never reaches a script: it only ever enters the page as escaped markup.
import { isLanguage, t, type Language } from '../i18n/t.ts';
import type { PeakendDb } from '../store/index.ts';
import { loadReportData, type ReportData } from './data.ts';
import { csvExport, htmlExport, jsonExport, markdownExport, zipExport } from './exports.ts';
import { renderReportBody, reportTitle, type RenderOptions } from './html/render.ts';
import { REPORT_CSS } from './html/styles.ts';
import { dataUrlImages } from './images.ts';
import { collectBlobs } from './zip.ts';
import { makeFormatter } from './format.ts';
import { openSummaryEditor } from './summary-editor.ts';
import { preparePage, runPage, screenshotUrls, showBody, startPage, switchLanguage } from './page-boot.ts';
import { extensionVersion, languageSelect, mountToolbar, setStatus, toolbarButton as button } from './page-kit.ts';
import { isolate } from '../i18n/bidi.ts';
import {
  attachmentDataUrls,
  attachmentUrls,
  collectAttachmentBytes,
  isImageAttachment,
  withAttachmentImages,
} from './attachments.ts';

function renderToolbar(data: ReportData, db: PeakendDb, opts: RenderOptions, language: LanguageControl): void {
  const version = extensionVersion();
  const edit: HTMLButtonElement = button(t('report_editSummary'), () =>
    openSummaryEditor(data, db, makeFormatter(opts.locale ?? 'en'), edit, () => {
      // The whole report is drawn again from the store, saying now who wrote which part, in the
      // language it was shown in (reportLanguage reads ?lang= first).
      const url = new URL(location.href);
      url.searchParams.set('lang', language.current);
      url.hash = 'summary';
      history.replaceState(null, '', url);
      location.reload();
    }),
  );
  mountToolbar(t('report_toolbar'), reportTitle(data, isolate), (busy) => [
    languageSelect(t('report_language'), language.current, language.choose),
    button(t('report_print'), () => window.print(), true),
    edit,
    button(t('report_exportHtml'), () =>
      busy(async () => {
        const blobs = await collectBlobs(db, data.screenshots, 'full');
        const attached = await collectAttachmentBytes(db, data.attachments, isImageAttachment);
        const images = withAttachmentImages(
          dataUrlImages(data.screenshots, blobs),
          attachmentDataUrls(data.attachments, attached),
        );
        return htmlExport(data, images, opts);
      }),
    ),
    button(t('report_exportMarkdown'), () => busy(() => markdownExport(data, opts))),
    button(t('report_exportCsv'), () => busy(() => csvExport(data))),
    button(t('report_exportJson'), () => busy(() => jsonExport(data, { generatorVersion: version }))),
    button(t('report_exportZip'), () =>
      busy(async () =>
        zipExport(
          data,
          await collectBlobs(db, data.screenshots, 'full'),
          { generatorVersion: version },
          await collectAttachmentBytes(db, data.attachments),
        ),
      ),
    ),
  ]);
}

interface LanguageControl {
  current: Language;
  choose: (lang: Language) => Promise<void>;
}

/**
 * The report's language: ?lang= when the link names one, else the audit's (the panel's language
 * when it was created), else the panel's. The tab and every export made from it speak it.
 */
function reportLanguage(audit: ReportData['audit'], fallback: Language): Language {
  const asked = new URLSearchParams(location.search).get('lang');
  if (isLanguage(asked)) return asked;
  return isLanguage(audit.language) ? audit.language : fallback;
}

async function main(): Promise<void> {
  const { db, language: panel } = await startPage();
  preparePage(REPORT_CSS, t('report_title'));
  const auditId = new URLSearchParams(location.search).get('audit');
  if (!auditId) {
    setStatus(t('report_noAuditParam'));
    return;
  }
  setStatus(t('loading'));
  const data = await loadReportData(db, auditId);
  if (!data) {
    setStatus(t('auditMissing'));
    return;
  }
  const images = withAttachmentImages(
    await screenshotUrls(db, data.screenshots),
    await attachmentUrls(db, data.attachments),
  );
  const show = async (lang: Language): Promise<void> => {
    const { locale, dir } = await switchLanguage(lang);
    const opts: RenderOptions = { locale, lang: locale, dir };
    showBody(reportTitle(data, isolate), renderReportBody(data, images, opts));
    renderToolbar(data, db, opts, { current: lang, choose: show });
  };
  await show(reportLanguage(data.audit, panel));
}

runPage(main, () => t('report_loadFailed'));
