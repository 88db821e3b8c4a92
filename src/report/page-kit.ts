// What the report tab and the compare tab share: the toolbar and its buttons, status text, and
// downloads through <a download> on Blob URLs (no downloads permission needed). The panel's
// library uses download() for its own exports too.
import { LANGUAGE_NAMES, LANGUAGES, isLanguage, languageTag, t, type Language } from '../i18n/t.ts';
import { exportBlob, type ExportFile } from './exports.ts';

export type Exporting = (make: () => Promise<ExportFile> | ExportFile) => Promise<void>;

export const TOOLBAR_CSS = `
.toolbar { position: sticky; inset-block-start: 0; z-index: 10; display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 10px 20px; background: #14213d; color: #fff; box-shadow: 0 2px 10px rgb(0 0 0 / .15); }
.toolbar .tb-head { display: flex; flex-direction: column; flex: 1 1 10em; min-inline-size: 0; margin-inline-end: auto; }
.toolbar > .tb-title { margin-inline-end: auto; }
.toolbar .tb-title { font-weight: 700; font-size: 14px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.toolbar button { font: inherit; font-size: 13px; font-weight: 600; padding: 6px 11px; white-space: nowrap; border-radius: 6px; border: 1px solid rgb(255 255 255 / .35); background: transparent; color: #fff; cursor: pointer; }
.toolbar button.primary { background: #fff; color: #14213d; border-color: #fff; }
.toolbar button:hover { background: rgb(255 255 255 / .12); }
.toolbar button.primary:hover { background: #e3e8f2; }
.toolbar button:disabled { opacity: .5; cursor: progress; }
.toolbar .tb-language { display: inline-flex; align-items: center; gap: 6px; font-size: 13px; }
.toolbar .tb-language select { font: inherit; padding: 5px 6px; border-radius: 6px; border: 1px solid rgb(255 255 255 / .35); background: #14213d; color: #fff; }
.toolbar .tb-status { font-size: 12px; color: #c6d0e2; min-block-size: 1.2em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.report-status { max-inline-size: 600px; margin: 80px auto; padding: 24px; background: #fff; border-radius: 8px; text-align: center; }
@media print { .toolbar { display: none !important; } }
`;

export function extensionVersion(): string | null {
  try {
    return globalThis.chrome?.runtime?.getManifest?.().version ?? null;
  } catch {
    return null;
  }
}

export function download(file: ExportFile): void {
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

/** Replaces the page's content with one status line (loading, not found, failed). */
export function setStatus(text: string): void {
  const root = document.getElementById('report-root');
  if (!root) return;
  const p = document.createElement('p');
  p.className = 'report-status';
  p.setAttribute('role', 'status');
  p.textContent = text;
  root.replaceChildren(p);
}

/** A toolbar button that is disabled while its work runs and reports a failure in the status line. */
export function toolbarButton(label: string, onClick: () => Promise<void> | void, primary = false): HTMLButtonElement {
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

/**
 * Puts the tab's toolbar in #toolbar-root: a title, a status line, and the buttons `controls` makes.
 * `exporting` runs an export, downloads the file and says so in the status line.
 */
export function mountToolbar(
  label: string,
  titleText: string,
  controls: (exporting: Exporting) => HTMLElement[],
): void {
  const root = document.getElementById('toolbar-root');
  if (!root) return;
  const bar = document.createElement('div');
  bar.className = 'toolbar no-print';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', label);
  const title = document.createElement('span');
  title.className = 'tb-title';
  title.textContent = titleText;
  const status = document.createElement('span');
  status.className = 'tb-status';
  status.setAttribute('role', 'status');
  const head = document.createElement('div');
  head.className = 'tb-head';
  head.append(title, status);
  const exporting: Exporting = async (make) => {
    status.textContent = t('report_preparing');
    const file = await make();
    download(file);
    status.textContent = t('report_downloaded', file.filename);
  };
  bar.append(head, ...controls(exporting));
  root.replaceChildren(bar);
}

/**
 * The toolbar's language picker: each language named in itself. `onChange` runs with the picker
 * disabled, so a second choice waits for the first to be shown.
 */
export function languageSelect(
  label: string,
  current: Language,
  onChange: (lang: Language) => Promise<void>,
): HTMLElement {
  const wrap = document.createElement('span');
  wrap.className = 'tb-language';
  const select = document.createElement('select');
  select.id = 'report-language';
  const caption = document.createElement('label');
  caption.htmlFor = select.id;
  caption.textContent = label;
  for (const lang of LANGUAGES) {
    const option = document.createElement('option');
    option.value = lang;
    option.lang = languageTag(lang);
    option.textContent = LANGUAGE_NAMES[lang];
    option.selected = lang === current;
    select.append(option);
  }
  select.addEventListener('change', () => {
    const lang = select.value;
    if (!isLanguage(lang)) return;
    select.disabled = true;
    onChange(lang)
      .catch((error: unknown) => {
        console.error(error);
        const status = document.querySelector('.tb-status');
        if (status) status.textContent = t('report_loadFailed');
      })
      .finally(() => {
        select.disabled = false;
      });
  });
  wrap.append(caption, select);
  return wrap;
}
