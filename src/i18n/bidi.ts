// Direction follows the language of the text shown, not the browser's: a Hebrew browser showing
// English messages lays out left to right, and an English browser showing a Hebrew export right to left.

const RTL_LANGUAGES = new Set(['he', 'iw', 'ar', 'fa', 'ur', 'yi']);

/** 'rtl' for a right-to-left language tag ('he', 'he-IL'), otherwise 'ltr'. */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(lang.toLowerCase().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';
}

/** Sets lang and dir on a document's root element, for pages whose text is in `lang`. */
export function applyLanguage(root: HTMLElement, lang: string): void {
  root.lang = lang;
  root.dir = directionOf(lang);
}

/**
 * Plain-text isolation (U+2068 first-strong isolate … U+2069 pop): text the user or the page wrote,
 * put into a message, keeps its own direction and leaves the message's punctuation where it was.
 * For strings that end in an attribute, an <option> or a notice; markup uses <bdi> instead.
 */
export function isolate(text: string | number): string {
  return `\u2068${text}\u2069`;
}

/** A number with its sign or unit ("+3", "-0.25") kept left to right inside right-to-left text, so "+3" never shows as "3+". */
export function isolateLtr(text: string | number): string {
  return `\u2066${text}\u2069`;
}
