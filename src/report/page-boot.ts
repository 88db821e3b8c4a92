// How the report tab and the compare tab start: direction, language, styles and title first, the
// screenshots as object URLs that live as long as the page, then the escaped markup into
// #report-root. A failure anywhere leaves a status line instead of a blank tab.
import { applyLanguage, directionOf } from '../i18n/bidi.ts';
import { uiLanguage } from '../i18n/t.ts';
import { getBlob, type PeakendDb } from '../store/index.ts';
import type { Screenshot } from '../domain/model.ts';
import type { ImageSource } from './data.ts';
import { urlMapImages } from './images.ts';
import { setStatus, TOOLBAR_CSS, uiLocale } from './page-kit.ts';

export interface PageSetup {
  /** The browser's locale, for numbers and dates. */
  locale: string;
  /** The language of the messages shown, for lang="" here and in exports. */
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** Direction, language, the page's CSS (with the toolbar's) and its first title. */
export function preparePage(css: string, title: string): PageSetup {
  const lang = uiLanguage();
  applyLanguage(document.documentElement, lang);
  const style = document.createElement('style');
  style.textContent = css + TOOLBAR_CSS;
  document.head.append(style);
  document.title = title;
  return { locale: uiLocale(), lang, dir: directionOf(lang) };
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

/** Runs a page's start-up; what throws is logged and shown as `failed`. */
export function runPage(main: () => Promise<void>, failed: () => string): void {
  main().catch((error: unknown) => {
    console.error(error);
    setStatus(failed());
  });
}
