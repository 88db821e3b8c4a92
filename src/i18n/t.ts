// The one translation function, over public/_locales/<lang>/messages.json. The tables are loaded by
// the page itself (loadLanguage) rather than asked of chrome.i18n: Chrome picks an extension's
// language from the browser's UI, cannot switch it while running, and some Chromium builds ship an
// English UI only, while the auditor chooses the panel's language and each report's. t() stays
// synchronous: a page loads its tables before its first render. English stands in for a message a
// language lacks; before any table is loaded (the worker, a page that failed to load) chrome.i18n does.
import { directionOf } from './bidi.ts';
import type en from '../../public/_locales/en/messages.json';

type Keys = keyof typeof en;
/** Plural groups: `name_one`, `name_few`, … `name_other`, chosen by tp(name, n). */
export type PluralKey = Keys extends infer K ? (K extends `${infer B}_other` ? B : never) : never;
type PluralForm = `${PluralKey}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`;
export type MessageKey = Exclude<Keys, PluralForm>;
type Entry = { message: string; placeholders?: Record<string, { content: string }> };
export type Table = Record<string, Entry>;

/** The languages Peakend speaks, by their folder in public/_locales/. */
export const LANGUAGES = ['en', 'ru', 'pl', 'he', 'zh_CN', 'zh_TW'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Each language named in itself, as a language picker shows it: a name, not a message, so it is the
 * same whatever language the panel is in.
 */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ru: 'Русский',
  pl: 'Polski',
  he: 'עברית',
  zh_CN: '简体中文',
  zh_TW: '繁體中文',
};

let current: Table | null = null;
let english: Table | null = null;
let language: Language = 'en';
const listeners = new Set<(language: Language) => void>();

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/**
 * The nearest of Peakend's languages to a BCP 47 tag (a browser's UI language): Traditional Chinese
 * for Taiwan, Hong Kong, Macau and any "Hant" tag, Simplified for other Chinese, English for a
 * language Peakend does not speak.
 */
export function matchLanguage(tag: string | null | undefined): Language {
  const parts = String(tag ?? '')
    .toLowerCase()
    .replace(/_/g, '-')
    .split('-');
  const primary = parts[0] ?? '';
  if (primary === 'zh') return parts.some((p) => ['hant', 'tw', 'hk', 'mo'].includes(p)) ? 'zh_TW' : 'zh_CN';
  if (primary === 'iw') return 'he'; // Hebrew's old code, which some systems still report
  return LANGUAGES.find((l) => l === primary) ?? 'en';
}

/** The panel's language: the one chosen in the panel, else the browser's nearest. */
export function resolveLanguage(chosen: string | null | undefined, browserTag: string | null | undefined): Language {
  return isLanguage(chosen) ? chosen : matchLanguage(browserTag);
}

/**
 * The browser's language, for resolveLanguage. First the locale Chrome chose among Peakend's own,
 * which each locale names in its languageTag message: with --lang=he both @@ui_locale and
 * getUILanguage() say en-US while Chrome picks the Hebrew messages.
 */
export function browserLanguageTag(): string {
  try {
    return (
      globalThis.chrome?.i18n?.getMessage?.('languageTag') ||
      globalThis.chrome?.i18n?.getUILanguage?.() ||
      globalThis.navigator?.language ||
      'en'
    );
  } catch {
    return 'en';
  }
}

/**
 * Installs a loaded table (`table` in `lang`, English for what it lacks) and tells the listeners.
 * Unit tests call it with a table read from disk.
 */
export function setMessages(table: Table, lang: Language = 'en', englishTable?: Table): void {
  current = table;
  english = lang === 'en' ? table : (englishTable ?? english);
  const changed = lang !== language;
  language = lang;
  if (changed) for (const listener of listeners) listener(lang);
}

/** Where a language's messages are: the extension's own file, or the page's /_locales/ when served. */
function localeUrl(lang: Language): string {
  const path = `_locales/${lang}/messages.json`;
  const url = globalThis.chrome?.runtime?.getURL?.(path);
  return url || `/${path}`;
}

export type FetchJson = (url: string) => Promise<unknown>;

const fetchJson: FetchJson = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
};

const tables = new Map<Language, Promise<Table>>();

/** One fetch per language per page; a failed one is forgotten, so the next switch tries again. */
function table(lang: Language, get: FetchJson): Promise<Table> {
  let pending = tables.get(lang);
  if (!pending) {
    pending = get(localeUrl(lang)).then((json) => json as Table);
    pending.catch(() => tables.delete(lang));
    tables.set(lang, pending);
  }
  return pending;
}

/** Forgets the tables loaded so far (tests: each starts from nothing). */
export function forgetLoadedTables(): void {
  tables.clear();
}

/** Loads `lang` (and English, its fallback) and makes it the language t() speaks. */
export async function loadLanguage(lang: Language, get: FetchJson = fetchJson): Promise<void> {
  const [en, mine] = await Promise.all([table('en', get), lang === 'en' ? null : table(lang, get)]);
  setMessages(mine ?? en, lang, en);
}

/**
 * Runs `render` with t() and tp() speaking `lang`, then puts the page's language back: a report or an
 * export in another language than the page's. `render` is synchronous, so nothing else sees the swap.
 */
export async function inLanguage<T>(lang: Language, render: () => T, get: FetchJson = fetchJson): Promise<T> {
  const [en, mine] = await Promise.all([table('en', get), lang === 'en' ? null : table(lang, get)]);
  const saved = { current, english, language };
  current = mine ?? en;
  english = en;
  language = lang;
  try {
    return render();
  } finally {
    ({ current, english, language } = saved);
  }
}

/** Calls `listener` whenever the language changes; returns the unsubscribe. */
export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentLanguage(): Language {
  return language;
}

function substitute(entry: Entry, subs: readonly string[]): string {
  // One pass over the message, as chrome.i18n does: named placeholders ($NAME$) resolve to their
  // content ($1..$9), and inserted values are never scanned again, so a value containing "$1" stays.
  const positional = (content: string) => content.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$|\$(\d)|\$\$/g, (_match, name?: string, digit?: string) => {
    if (name !== undefined) {
      const ph = entry.placeholders?.[name.toLowerCase()] ?? entry.placeholders?.[name];
      return ph ? positional(ph.content) : '';
    }
    if (digit !== undefined) return subs[Number(digit) - 1] ?? '';
    return '$';
  });
}

function lookup(key: string, strings: string[]): string | null {
  const entry = current?.[key] ?? english?.[key];
  if (entry) return substitute(entry, strings);
  if (current || english) return null;
  return globalThis.chrome?.i18n?.getMessage?.(key, strings) || null;
}

export function t(key: MessageKey, ...subs: Array<string | number>): string {
  return lookup(key, subs.map(String)) ?? key;
}

/** The BCP 47 tag of the language shown, for lang="…" and Intl: "he", "zh-TW". */
export function languageTag(lang: Language): string {
  return lang.replace('_', '-');
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** Intl's plural category of `n` in `lang`: "one", "few", "many", "other"… */
export function pluralCategory(n: number, lang: Language = language): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(languageTag(lang));
    pluralRules.set(lang, rules);
  }
  return rules.select(n);
}

/**
 * A message that depends on a count: `key_<category>` for `n` in the current language (Intl.PluralRules),
 * `key_other` when the language has no message of its own for that category. `subs` fill the
 * placeholders as in t(); the count is usually the first of them, formatted by the caller.
 */
export function tp(key: PluralKey, n: number, ...subs: Array<string | number>): string {
  const strings = subs.map(String);
  return lookup(`${key}_${pluralCategory(n)}`, strings) ?? lookup(`${key}_other`, strings) ?? key;
}

/** The language of the text shown, as a BCP 47 tag for lang="…": "he", "zh-TW". */
export function uiLanguage(): string {
  return languageTag(language);
}

/** Text direction of the language shown, for dir="rtl" on Hebrew (and later Arabic) layouts. */
export function uiDirection(): 'ltr' | 'rtl' {
  return directionOf(languageTag(language));
}

/** Direction of any of Peakend's languages (a report's may differ from the panel's). */
export function languageDirection(lang: Language): 'ltr' | 'rtl' {
  return directionOf(languageTag(lang));
}
