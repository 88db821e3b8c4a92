// Registry of emotion lexicons by language code. Another language: add `xx.ts` (a LexiconData,
// see types.ts) and one line below.
import { EN } from './en.ts';
import { HE } from './he.ts';
import { PL } from './pl.ts';
import { RU } from './ru.ts';
import type { LexiconData } from './types.ts';
import { ZH } from './zh.ts';

export type { LexiconData } from './types.ts';

export const LEXICONS: Readonly<Record<string, LexiconData>> = {
  en: EN,
  ru: RU,
  pl: PL,
  he: HE,
  // Both scripts in one lexicon: zh-CN and zh-TW resolve here through their primary tag.
  zh: ZH,
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
