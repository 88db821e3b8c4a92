// The shape of one language's emotion lexicon. A lexicon is plain data; suggest.ts compiles it.
// Adding a language = one more data file like en.ts plus one line in index.ts.
import type { EmotionId } from '../model.ts';

export interface LexiconData {
  /** BCP 47 primary language code, e.g. 'en'. */
  lang: string;
  /**
   * Cues per emotion. A cue is one or more words separated by spaces or hyphens, matched against
   * the note's words case-insensitively (apostrophes ’ and ' are the same). A word ending in `*`
   * matches any word starting with it (`annoy*`: annoyed, annoying, annoyance); the part before
   * `*` must have at least 3 letters. Each cue belongs to one emotion only. Where cues overlap,
   * the one covering more words wins, then an exact word over a `*` word.
   */
  cues: Partial<Record<EmotionId, readonly string[]>>;
  /** Words that negate a cue following within `negationWindow` words. */
  negators: readonly string[];
  /** Word endings that make a word a negator (English: "n't": isn't, didn't, can't ...). */
  negatorSuffixes: readonly string[];
  /** Words that end a negation's reach, like punctuation does ("not fast but clear"). */
  scopeBreakers: readonly string[];
  /** How many words before a cue a negator may stand (METHOD: up to 3). */
  negationWindow: number;
  /**
   * What a NEGATED POSITIVE cue suggests instead ("not happy" -> unhappy); an emotion not listed
   * suggests nothing when negated. Negated negative cues ("not annoying") never suggest anything.
   */
  negatedOpposites: Partial<Record<EmotionId, EmotionId>>;
}
