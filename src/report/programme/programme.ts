// The programme tab (programme.html[?programme=<id>][&lang=<language>]): every audit of a programme
// read together from IndexedDB, rendered as escaped markup (the same as the HTML export), with a
// programme picker, the report's language picker and the exports as <a download> links.
// Audit text never reaches a script: it only ever enters the page as escaped markup.
import { programmeLanguage } from '../../domain/programme-view/index.ts';
import { isolate } from '../../i18n/bidi.ts';
import { isLanguage, t, type Language } from '../../i18n/t.ts';
import { REPORT_CSS } from '../html/styles.ts';
import type { RenderOptions } from '../html/context.ts';
import { appendBody, panelLanguage, preparePage, runPage, showBody, switchLanguage } from '../page-boot.ts';
import { openPeakendDb } from '../../store/index.ts';
import { languageSelect, mountToolbar, setStatus, toolbarButton as button } from '../page-kit.ts';
import {
  loadProgrammeData,
  loadProgrammeHead,
  saveScoreSummaries,
  type ProgrammeData,
  type ProgrammeHead,
} from './data.ts';
import { programmeCsvExport, programmeHtmlExport } from './exports.ts';
import { programmeTitle, renderProgrammeBody, renderProgrammeHead, renderProgrammeRest } from './render.ts';
import { PROGRAMME_CSS } from './styles.ts';
import { programmePagePath } from './url.ts';

/** The programme picker: choosing another opens it in this tab. */
function programmePicker(data: ProgrammeHead, lang: Language): HTMLElement {
  const wrap = document.createElement('span');
  wrap.className = 'programme-picker';
  const select = document.createElement('select');
  select.id = 'programme-select';
  const caption = document.createElement('label');
  caption.htmlFor = select.id;
  caption.textContent = t('programme_pick');
  for (const p of data.programmes) {
    const option = document.createElement('option');
    option.value = p.id;
    option.dir = 'auto';
    option.textContent = p.name;
    option.selected = p.id === data.programme.id;
    select.append(option);
  }
  select.addEventListener('change', () => {
    location.assign(`${new URL(`/${programmePagePath(select.value)}`, location.href).href}&lang=${lang}`);
  });
  wrap.append(caption, select);
  return wrap;
}

/** ?lang= first, else the language most of the programme's audits were made in, else the panel's. */
function viewLanguage(data: ProgrammeHead, panel: Language): Language {
  const asked = new URLSearchParams(location.search).get('lang');
  if (isLanguage(asked)) return asked;
  const most = programmeLanguage(data.items.map((i) => i.audit));
  return isLanguage(most) ? most : panel;
}

/** Lets the browser paint what is in the DOM before more work runs. */
const afterPaint = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function main(): Promise<void> {
  const db = await openPeakendDb();
  performance.mark('peakend:programme-start');
  // The audits and steps are read while the page's language loads: neither waits for the other.
  const loading = loadProgrammeHead(db, new URLSearchParams(location.search).get('programme'));
  loading.catch(() => undefined);
  const panel = await panelLanguage(db);
  await switchLanguage(panel).catch((error: unknown) => console.error(error));
  preparePage(REPORT_CSS + PROGRAMME_CSS, t('programme_title'));
  setStatus(t('loading'));
  const loaded = await loading;
  if (!loaded.ok) {
    setStatus(loaded.reason === 'no-programmes' ? t('programme_none') : t('programme_missing'));
    return;
  }
  const { head } = loaded;
  // The bench reads these: how much of the first render is reading and computing, how much drawing.
  performance.mark('peakend:programme-data');
  // The rest needs every step: read and computed once, after the first paint or for an export before it.
  let whole: ProgrammeData | null = null;
  let completing: Promise<ProgrammeData> | null = null;
  const complete = (): Promise<ProgrammeData> =>
    (completing ??= loadProgrammeData(db, loaded).then((data) => (whole = data)));
  let saved = false;
  let shown = 0;
  const show = async (lang: Language): Promise<void> => {
    const { locale, dir } = await switchLanguage(lang);
    const opts: RenderOptions = { locale, lang: locale, dir };
    const turn = ++shown;
    // The first time, the scores per site and wave are drawn alone, the rest after a paint.
    showBody(programmeTitle(head), whole ? renderProgrammeBody(whole, opts) : renderProgrammeHead(head, opts));
    mountToolbar(t('programme_toolbar'), t('programme_docTitle', isolate(head.programme.name)), (busy) => [
      programmePicker(head, lang),
      languageSelect(t('report_language'), lang, show),
      button(t('programme_exportHtml'), () => busy(async () => programmeHtmlExport(await complete(), opts)), true),
      button(t('programme_exportCsv'), () => busy(async () => programmeCsvExport(await complete()))),
      button(t('report_print'), () => window.print()),
    ]);
    const main = document.getElementById('programme');
    if (!main?.hasAttribute('aria-busy')) return;
    await afterPaint();
    if (!saved) {
      saved = true;
      // Summaries scored for this page are kept for the next; a failure to keep them costs only time.
      saveScoreSummaries(db, loaded).catch((error: unknown) => console.error(error));
    }
    const rest = renderProgrammeRest(await complete(), opts);
    // A language chosen meanwhile has drawn the whole page again.
    if (turn !== shown) return;
    appendBody(main, rest);
    main.removeAttribute('aria-busy');
    performance.mark('peakend:programme-complete');
  };
  await show(viewLanguage(head, panel));
}

runPage(main, () => t('programme_loadFailed'));
