// The one translation function. In the extension it asks chrome.i18n (which picks the user's
// locale from _locales/); on a plain page and in unit tests it falls back to a table loaded with
// setMessages(), so the panel runs outside the extension too.
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
type Table = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

let fallback: Table | null = null;

export function setMessages(table: Table): void {
  fallback = table;
}

function substitute(entry: Table[string], subs: readonly string[]): string {
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

export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const strings = subs.map(String);
  const native = globalThis.chrome?.i18n?.getMessage?.(key, strings);
  if (native) return native;
  const entry = fallback?.[key];
  return entry ? substitute(entry, strings) : key;
}

/** Text direction of the UI language, for dir="rtl" on Hebrew (and later Arabic) layouts. */
export function uiDirection(): 'ltr' | 'rtl' {
  const dir = globalThis.chrome?.i18n?.getMessage?.('@@bidi_dir');
  return dir === 'rtl' ? 'rtl' : 'ltr';
}

/**
 * The language of the messages t() shows, as a BCP 47 tag for lang="" ('en', 'he', 'zh-TW'): each
 * locale names itself in its languageTag message, so this is the locale Chrome actually chose,
 * which neither @@ui_locale nor getUILanguage() reliably says (with --lang=he both say en-US while
 * the messages are Hebrew).
 */
export function uiLanguage(): string {
  return globalThis.chrome?.i18n?.getMessage?.('languageTag') || fallback?.['languageTag']?.message || 'en';
}
