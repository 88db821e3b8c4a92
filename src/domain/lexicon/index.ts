// Registry of emotion lexicons by language code. Another language: add `xx.ts` (a LexiconData,
// see types.ts) and one line below.
import { EN } from './en.ts';
import type { LexiconData } from './types.ts';

export type { LexiconData } from './types.ts';

export const LEXICONS: Readonly<Record<string, LexiconData>> = {
  en: EN,
};

/**
 * The lexicon for a BCP 47 tag: the exact tag, else its primary language ('en-GB' -> 'en'),
 * else undefined (no suggestions rather than another language's words).
 */
export function lexiconFor(lang: string): LexiconData | undefined {
  const tag = lang.trim().toLowerCase().replace(/_/g, '-');
  const primary = tag.split('-')[0] ?? tag;
  return (
    (Object.hasOwn(LEXICONS, tag) ? LEXICONS[tag] : undefined) ??
    (Object.hasOwn(LEXICONS, primary) ? LEXICONS[primary] : undefined)
  );
}

/** Language codes that have a lexicon. */
export function lexiconLanguages(): string[] {
  return Object.keys(LEXICONS);
}
