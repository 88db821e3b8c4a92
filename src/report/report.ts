// The report tab (report.html?audit=<id>): loads the audit from IndexedDB, renders the report
// markup (escaped, the same as the HTML export) with object URLs for the screenshots, and offers
// the exports as downloads through <a download> links on Blob URLs (no downloads permission).
// Audit text never reaches a script: it only ever enters the page as escaped markup.
import { t } from '../i18n/t.ts';
import { openPeakendDb, type PeakendDb } from '../store/index.ts';
import { loadReportData, type ReportData } from './data.ts';
import { csvExport, htmlExport, jsonExport, markdownExport, zipExport } from './exports.ts';
import { renderReportBody, reportTitle, type RenderOptions } from './html/render.ts';
import { REPORT_CSS } from './html/styles.ts';
import { dataUrlImages } from './images.ts';
import { collectBlobs } from './zip.ts';
import {
  attachmentDataUrls,
  attachmentUrls,
  collectAttachmentBytes,
  isImageAttachment,
  withAttachmentImages,
} from './attachments.ts';
import { preparePage, runPage, screenshotUrls, showBody } from './page-boot.ts';
import { extensionVersion, mountToolbar, setStatus, toolbarButton as button } from './page-kit.ts';

function renderToolbar(data: ReportData, db: PeakendDb, opts: RenderOptions): void {
  const version = extensionVersion();
  mountToolbar(t('report_toolbar'), reportTitle(data), (busy) => [
    button(t('report_print'), () => window.print(), true),
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

async function main(): Promise<void> {
  const { locale, dir } = preparePage(REPORT_CSS, t('report_title'));
  const auditId = new URLSearchParams(location.search).get('audit');
  if (!auditId) {
    setStatus(t('report_noAuditParam'));
    return;
  }
  setStatus(t('loading'));
  const db = await openPeakendDb();
  const data = await loadReportData(db, auditId);
  if (!data) {
    setStatus(t('auditMissing'));
    return;
  }
  const images = withAttachmentImages(
    await screenshotUrls(db, data.screenshots),
    await attachmentUrls(db, data.attachments),
  );
  const opts: RenderOptions = { locale, lang: locale, dir };
  showBody(reportTitle(data), renderReportBody(data, images, opts));
  renderToolbar(data, db, opts);
}

runPage(main, () => t('report_loadFailed'));
