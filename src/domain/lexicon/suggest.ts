// METHOD.md: "words in [the note] may *suggest* emotions, the auditor confirms". This finds the
// lexicon's cues in a note and returns at most one suggestion per emotion, in order of
// appearance, with the character offsets of the words that suggested it.
//
// Rules (ours):
//  - Words: runs of Unicode letters, marks and digits, with inner apostrophes kept ("can't",
//    "didn’t"); compared lower-cased, NFC-normalised, ’ read as '. Offsets are UTF-16 indices
//    into the original note (note.slice(start, end) is the matched text).
//  - Multi-word cues match consecutive words separated only by spaces, hyphens or quotes
//    ("hassle-free" matches "hassle free"). At each word the longest cue wins (then exact over
//    `*`), and matched words are consumed, so "can't find" is one frustrated cue.
//  - NEGATION: a negator (not, no, never, hardly, without, n't forms like isn't/didn't/can't, ...)
//    up to 3 words before a cue negates it. The reach stops at punctuation (anything but spaces,
//    hyphens and quotes between two words), at a scope breaker ("but", "however", ...), and at an
//    earlier cue that was not itself negated ("not working and confusing": "confusing" stands).
//    It passes through an earlier negated cue, so "not fast or clear" negates both. Words inside
//    a cue are never negators of another cue ("couldn't be happier" is a happy cue).
//  - A negated NEGATIVE cue (Destroying cluster: "not annoying", "not bad", "no errors") suggests
//    nothing: absence of a bad feeling is not evidence of a good one.
//  - A negated POSITIVE cue never suggests its own emotion. It suggests the lexicon's opposite
//    when one is listed (English: happy->unhappy, pleased->unsatisfied, trusting->stressed,
//    valued/cared-for->neglected, focused->frustrated, safe->stressed, so "not clear" ->
//    frustrated and "not reassuring" -> stressed), else nothing ("not interesting"). Such a
//    suggestion has negated: true and spans from the negator to the end of the cue.
//  - One suggestion per emotion: the first one in the note.
import { emotionDef } from '../emotions.ts';
import type { EmotionId } from '../model.ts';
import { lexiconFor } from './index.ts';
import type { LexiconData } from './types.ts';

export interface Suggestion {
  emotion: EmotionId;
  /** The matched words as written in the note (note.slice(start, end)). */
  cue: string;
  /** UTF-16 offsets into the note. */
  start: number;
  end: number;
  /** True when a negated positive cue suggested its opposite ("not clear" -> frustrated). */
  negated: boolean;
}

interface Token {
  norm: string;
  start: number;
  end: number;
  /** Whether the text between the previous token and this one breaks a phrase or negation. */
  breakBefore: boolean;
}

interface CueWord {
  text: string;
  prefix: boolean;
}

interface CompiledCue {
  emotion: EmotionId;
  words: CueWord[];
  exactWords: number;
  order: number;
}

interface Compiled {
  byFirstWord: Map<string, CompiledCue[]>;
  prefixFirst: CompiledCue[];
  negators: Set<string>;
  negatorSuffixes: string[];
  scopeBreakers: Set<string>;
  window: number;
  opposites: Partial<Record<EmotionId, EmotionId>>;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
/** Characters allowed between two words without breaking a phrase or a negation's reach. */
const SOFT_GAP = /^[\s\-\u2010\u2011'"‘’“”]*$/u;

export const normaliseWord = (w: string): string => w.normalize('NFC').toLowerCase().replace(/’/g, "'");

export function tokenize(note: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  for (const m of note.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    tokens.push({
      norm: normaliseWord(m[0]),
      start,
      end,
      breakBefore: !SOFT_GAP.test(note.slice(prevEnd, start)),
    });
    prevEnd = end;
  }
  return tokens;
}

const compiledCache = new WeakMap<LexiconData, Compiled>();

/** Compiles a lexicon (cached). Throws on malformed cues, so a bad data file fails its tests. */
export function compileLexicon(lex: LexiconData): Compiled {
  const cached = compiledCache.get(lex);
  if (cached) return cached;
  const byFirstWord = new Map<string, CompiledCue[]>();
  const prefixFirst: CompiledCue[] = [];
  let order = 0;
  for (const [emotion, cues] of Object.entries(lex.cues) as [EmotionId, readonly string[]][]) {
    emotionDef(emotion); // throws on an unknown id
    for (const cue of cues) {
      const words = normaliseWord(cue)
        .split(/[\s-]+/)
        .filter(Boolean)
        .map((w): CueWord => (w.endsWith('*') ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false }));
      if (words.length === 0) throw new Error(`Empty cue for ${emotion} in lexicon ${lex.lang}`);
      for (const w of words) {
        if (w.prefix && Array.from(w.text).length < 3) throw new Error(`Stem too short: "${cue}" (${lex.lang})`);
        if (w.text.replace(WORD, '') !== '') throw new Error(`Cue word is not one word: "${cue}" (${lex.lang})`);
      }
      const compiled: CompiledCue = {
        emotion,
        words,
        exactWords: words.filter((w) => !w.prefix).length,
        order: order++,
      };
      const first = words[0]!;
      if (first.prefix) prefixFirst.push(compiled);
      else {
        const list = byFirstWord.get(first.text) ?? [];
        list.push(compiled);
        byFirstWord.set(first.text, list);
      }
    }
  }
  const result: Compiled = {
    byFirstWord,
    prefixFirst,
    negators: new Set(lex.negators.map(normaliseWord)),
    negatorSuffixes: lex.negatorSuffixes.map(normaliseWord),
    scopeBreakers: new Set(lex.scopeBreakers.map(normaliseWord)),
    window: lex.negationWindow,
    opposites: lex.negatedOpposites,
  };
  compiledCache.set(lex, result);
  return result;
}

const wordMatches = (w: CueWord, token: string): boolean => (w.prefix ? token.startsWith(w.text) : token === w.text);

function cueMatchesAt(cue: CompiledCue, tokens: readonly Token[], i: number): boolean {
  if (i + cue.words.length > tokens.length) return false;
  return cue.words.every((w, k) => {
    const t = tokens[i + k]!;
    return (k === 0 || !t.breakBefore) && wordMatches(w, t.norm);
  });
}

function bestCueAt(lex: Compiled, tokens: readonly Token[], i: number): CompiledCue | null {
  const first = tokens[i]!.norm;
  let best: CompiledCue | null = null;
  const consider = (cue: CompiledCue): void => {
    if (!cueMatchesAt(cue, tokens, i)) return;
    if (
      !best ||
      cue.words.length > best.words.length ||
      (cue.words.length === best.words.length &&
        (cue.exactWords > best.exactWords || (cue.exactWords === best.exactWords && cue.order < best.order)))
    ) {
      best = cue;
    }
  };
  for (const cue of lex.byFirstWord.get(first) ?? []) consider(cue);
  for (const cue of lex.prefixFirst) consider(cue);
  return best;
}

interface CueMatch {
  emotion: EmotionId;
  first: number;
  last: number;
  /** Token index of the negator, or -1. */
  negator: number;
}

function isNegator(lex: Compiled, word: string): boolean {
  return lex.negators.has(word) || lex.negatorSuffixes.some((s) => word.endsWith(s));
}

/** Emotion suggestions for a note (rules at the top of this file); [] for a language without a lexicon. */
export function suggestEmotions(note: string, lang = 'en'): Suggestion[] {
  const data = lexiconFor(lang);
  if (!data) return [];
  return suggestWith(compiledFor(data), note);
}

/** suggestEmotions with an explicit lexicon (for tests and for user-supplied lexicons). */
export function suggestEmotionsWith(lexicon: LexiconData, note: string): Suggestion[] {
  return suggestWith(compiledFor(lexicon), note);
}

// Suggestions run on every keystroke of a note: each lexicon is compiled once.
const compiled = new WeakMap<LexiconData, Compiled>();
function compiledFor(lexicon: LexiconData): Compiled {
  let c = compiled.get(lexicon);
  if (!c) compiled.set(lexicon, (c = compileLexicon(lexicon)));
  return c;
}

function suggestWith(lex: Compiled, note: string): Suggestion[] {
  const tokens = tokenize(note);
  // 1. Cues, longest first at each word, left to right.
  const matches: CueMatch[] = [];
  /** For each token: the match covering it, if any. */
  const owner = Array.from<CueMatch | undefined>({ length: tokens.length });
  for (let i = 0; i < tokens.length;) {
    const cue = bestCueAt(lex, tokens, i);
    if (!cue) {
      i += 1;
      continue;
    }
    const match: CueMatch = { emotion: cue.emotion, first: i, last: i + cue.words.length - 1, negator: -1 };
    matches.push(match);
    for (let k = match.first; k <= match.last; k++) owner[k] = match;
    i = match.last + 1;
  }
  // 2. Negation, in order, so an earlier cue's negation is known when a later one looks back.
  for (const m of matches) {
    let seen = 0;
    for (let k = m.first - 1; k >= 0 && seen < lex.window; k--) {
      if (tokens[k + 1]!.breakBefore) break;
      const t = tokens[k]!;
      const inCue = owner[k];
      if (inCue) {
        if (inCue.negator < 0) break;
      } else {
        if (lex.scopeBreakers.has(t.norm)) break;
        if (isNegator(lex, t.norm)) {
          m.negator = k;
          break;
        }
      }
      seen += 1;
    }
  }
  // 3. Suggestions, one per emotion, in order of appearance.
  const out: Suggestion[] = [];
  for (const m of matches) {
    let emotion: EmotionId | undefined = m.emotion;
    let from = m.first;
    if (m.negator >= 0) {
      emotion = emotionDef(m.emotion).sign > 0 ? lex.opposites[m.emotion] : undefined;
      from = m.negator;
    }
    if (!emotion) continue;
    const start = tokens[from]!.start;
    const end = tokens[m.last]!.end;
    out.push({ emotion, cue: note.slice(start, end), start, end, negated: m.negator >= 0 });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  const seenEmotions = new Set<EmotionId>();
  return out.filter((s) => (seenEmotions.has(s.emotion) ? false : (seenEmotions.add(s.emotion), true)));
}
