// The compare tab (compare.html?audits=<id1>,<id2>[,<id3>,<id4>]): loads each audit's report data
// from IndexedDB, renders the comparison (escaped markup, the same as the HTML export) with object
// URLs for the screenshots, and offers the exports through <a download> links on Blob URLs.
// Audit text never reaches a script: it only ever enters the page as escaped markup.
import { languageDirection, languageTag, t } from '../../i18n/t.ts';
import type { PeakendDb } from '../../store/index.ts';
import { REPORT_CSS } from '../html/styles.ts';
import { collectBlobs } from '../zip.ts';
import type { RenderOptions } from './context.ts';
import { loadCompareData, parseAuditIds, type CompareData } from './data.ts';
import { compareCsvExport, compareHtmlExportFromBytes, shownScreenshots } from './exports.ts';
import { comparisonTitle, renderComparisonBody } from './render.ts';
import { COMPARE_CSS } from './styles.ts';
import { preparePage, runPage, screenshotUrls, showBody, startPage } from '../page-boot.ts';
import { mountToolbar, setStatus, toolbarButton as button } from '../page-kit.ts';

function renderToolbar(data: CompareData, db: PeakendDb, opts: RenderOptions): void {
  mountToolbar(t('compare_toolbar'), comparisonTitle(data, opts), (busy) => [
    button(
      t('compare_exportHtml'),
      () =>
        busy(async () =>
          compareHtmlExportFromBytes(data, await collectBlobs(db, shownScreenshots(data), 'full'), opts),
        ),
      true,
    ),
    button(t('compare_exportCsv'), () => busy(() => compareCsvExport(data, opts))),
    button(t('compare_print'), () => window.print()),
  ]);
}

async function main(): Promise<void> {
  // The comparison speaks the panel's language (each audit may have been made in another).
  const { db, language } = await startPage();
  const { locale, dir } = { locale: languageTag(language), dir: languageDirection(language) };
  preparePage(REPORT_CSS + COMPARE_CSS, t('compare_title'));
  const parsed = parseAuditIds(location.search);
  if (!parsed.ok) {
    setStatus(parsed.reason === 'too-many' ? t('compare_tooMany') : t('compare_chooseAudits'));
    return;
  }
  setStatus(t('loading'));
  const loaded = await loadCompareData(db, parsed.ids);
  if (!loaded.ok) {
    setStatus(t('compare_auditsMissing', loaded.missing.join(', ')));
    return;
  }
  const { data } = loaded;
  const images = await screenshotUrls(db, shownScreenshots(data));
  const opts: RenderOptions = { locale, lang: locale, dir };
  showBody(comparisonTitle(data, opts), renderComparisonBody(data, images, opts));
  renderToolbar(data, db, opts);
}

runPage(main, () => t('compare_loadFailed'));
