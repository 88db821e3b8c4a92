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
   * What a NEGATED POSITIVE cue suggests instead; NEGATED_OPPOSITES (opposites.ts) when not given.
   * Negated negative cues ("not annoying") never suggest anything.
   */
  negatedOpposites?: Partial<Record<EmotionId, EmotionId>>;
  /**
   * How a note is cut into words. 'letters' (default): runs of letters, for languages written with
   * spaces. 'segmenter': Intl.Segmenter's word boundaries, for scripts written without spaces
   * (Chinese); a cue word then matches one or more consecutive words whose letters spell it, so
   * it matches however the segmenter cut it ("贴心" as 贴|心 or as one word).
   */
  words?: 'letters' | 'segmenter';
  /**
   * Letters written joined to the next word (Hebrew ו ה ב ל מ ש כ: "והמתסכל" = "and the
   * frustrating"). A cue word or a negator also matches a word that starts with up to three of
   * them, when at least two letters are left.
   */
  attachedPrefixes?: readonly string[];
  /**
   * With 'segmenter': words the segmenter may glue to the word they modify (Chinese 很, 太, 不:
   * "太慢", "不透明"). Such a word is split after the prefix, but only when the rest begins a cue,
   * so "不断" (constantly) stays one word and never negates what follows.
   */
  gluedPrefixes?: readonly string[];
}
