// How the report tab and the compare tab start: language, direction, styles and title first, the
// screenshots as object URLs that live as long as the page, then the escaped markup into
// #report-root. A failure anywhere leaves a status line instead of a blank tab.
import {
  browserLanguageTag,
  languageDirection,
  languageTag,
  loadLanguage,
  resolveLanguage,
  type Language,
} from '../i18n/t.ts';
import { getBlob, getLanguageChoice, openPeakendDb, type PeakendDb } from '../store/index.ts';
import type { Screenshot } from '../domain/model.ts';
import type { ImageSource } from './data.ts';
import { urlMapImages } from './images.ts';
import { setStatus, TOOLBAR_CSS } from './page-kit.ts';

export interface PageSetup {
  /** BCP 47 tag of the page's language, for Intl and lang="…". */
  locale: string;
  dir: 'ltr' | 'rtl';
}

/** The panel's language: the one chosen in the panel, else the browser's nearest. */
export async function panelLanguage(db: PeakendDb): Promise<Language> {
  const chosen = await getLanguageChoice(db).catch(() => null);
  return resolveLanguage(chosen, browserLanguageTag());
}

/**
 * Opens the store and loads the panel's language, before anything is shown: the pages speak the
 * panel's language. A locale file that cannot be read leaves English.
 */
export async function startPage(): Promise<{ db: PeakendDb; language: Language }> {
  const db = await openPeakendDb();
  const language = await panelLanguage(db);
  await switchLanguage(language).catch((error: unknown) => console.error(error));
  return { db, language };
}

/** Loads `lang` for the whole page and sets <html lang dir> from it. */
export async function switchLanguage(lang: Language): Promise<PageSetup> {
  await loadLanguage(lang);
  return applyLanguage(lang);
}

function applyLanguage(lang: Language): PageSetup {
  const setup = { locale: languageTag(lang), dir: languageDirection(lang) };
  document.documentElement.lang = setup.locale;
  document.documentElement.dir = setup.dir;
  return setup;
}

/** The page's CSS (with the toolbar's) and its first title. */
export function preparePage(css: string, title: string): void {
  const style = document.createElement('style');
  style.textContent = css + TOOLBAR_CSS;
  document.head.append(style);
  document.title = title;
}

/** The full screenshots as object URLs, revoked when the page goes. */
export async function screenshotUrls(db: PeakendDb, shots: readonly Screenshot[]): Promise<ImageSource> {
  const urls = new Map<string, string>();
  for (const shot of shots) {
    const blob = await getBlob(db, shot.id, 'full');
    if (blob) urls.set(shot.id, URL.createObjectURL(blob));
  }
  addEventListener('pagehide', () => {
    for (const url of urls.values()) URL.revokeObjectURL(url);
  });
  return urlMapImages(urls);
}

/** Shows the rendered body: markup whose every piece of audit text went through escapeHtml. */
export function showBody(title: string, escapedMarkup: string): void {
  document.title = title;
  const root = document.getElementById('report-root');
  if (root) root.innerHTML = escapedMarkup;
}

/** Adds rendered markup, every piece of audit text through escapeHtml, at the end of `el`. */
export function appendBody(el: Element, escapedMarkup: string): void {
  el.insertAdjacentHTML('beforeend', escapedMarkup);
}

/** Runs a page's start-up; what throws is logged and shown as `failed`. */
export function runPage(main: () => Promise<void>, failed: () => string): void {
  main().catch((error: unknown) => {
    console.error(error);
    setStatus(failed());
  });
}
