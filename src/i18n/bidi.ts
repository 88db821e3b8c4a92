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
