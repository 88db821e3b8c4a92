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
//  - LANGUAGE: the note's own (note-language.ts): its script decides (Cyrillic, Hebrew, Han), else
//    Polish or English words, else the language the caller passes (the audit's), else English.
//    Inflected languages list stems (`раздраж*`, `frustruj*`); Hebrew words may carry joined
//    prefixes (types.ts attachedPrefixes); Chinese is cut with Intl.Segmenter (types.ts words).
import { emotionDef } from '../emotions.ts';
import type { EmotionId } from '../model.ts';
import { noteLanguage } from '../note-language.ts';
import { lexiconFor } from './index.ts';
import type { LexiconData } from './types.ts';
import { NEGATED_OPPOSITES } from './opposites.ts';

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
  /** norm, then norm without each run of joined prefixes it may carry (Hebrew). */
  forms: string[];
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
  /** What "longest" compares: words, or with a segmenter, characters. */
  size: number;
  order: number;
}

interface Compiled {
  /** Spaced languages: cues by their first word. Segmented ones: by its first character. */
  byFirst: Map<string, CompiledCue[]>;
  prefixFirst: CompiledCue[];
  negators: Set<string>;
  negatorSuffixes: string[];
  scopeBreakers: Set<string>;
  window: number;
  opposites: Partial<Record<EmotionId, EmotionId>>;
  segmenter: Intl.Segmenter | null;
  attached: Set<string>;
  /** Longest first. */
  glued: string[];
  /** Every cue's first word, and every beginning of one (for splitGlued, per token). */
  cueFirstWords: Set<string>;
  cueFirstWordStarts: Set<string>;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
/** Characters allowed between two words without breaking a phrase or a negation's reach. */
const SOFT_GAP = /^[\s\-\u2010\u2011\u05be'"‘’“”]*$/u;
/** Joined prefixes a word may carry (Hebrew: "וכשה"), and the letters that must be left. */
const MAX_ATTACHED = 3;
const MIN_LEFT = 2;

/** Hebrew final letters read as their ordinary forms, so a stem (`התעלמ*`) matches "התעלם". */
const HEBREW_FINALS: Readonly<Record<string, string>> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };

// ё is written as е in most Russian text; reading both as е lets one cue match either.
export const normaliseWord = (w: string): string =>
  w
    .normalize('NFC')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/ё/g, 'е')
    .replace(/[ךםןףץ]/g, (c) => HEBREW_FINALS[c] ?? c);

/** Words of a note: letter runs, or with a lexicon that asks for it, Intl.Segmenter's words. */
export function tokenize(note: string, lexicon?: LexiconData): Token[] {
  return tokenizeWith(lexicon ? compiledFor(lexicon) : null, note);
}

function tokenizeWith(lex: Compiled | null, note: string): Token[] {
  const raw: { text: string; start: number }[] = [];
  if (lex?.segmenter) {
    for (const s of lex.segmenter.segment(note)) if (s.isWordLike) raw.push({ text: s.segment, start: s.index });
  } else {
    for (const m of note.matchAll(WORD)) raw.push({ text: m[0], start: m.index });
  }
  const tokens: Token[] = [];
  let prevEnd = 0;
  for (const { text, start } of raw) {
    const end = start + text.length;
    const breakBefore = !SOFT_GAP.test(note.slice(prevEnd, start));
    const pieces = lex
      ? splitGlued(lex, normaliseWord(text), text)
      : [{ norm: normaliseWord(text), offset: 0, length: text.length }];
    pieces.forEach((p, k) => {
      tokens.push({
        norm: p.norm,
        forms: lex ? formsOf(lex, p.norm) : [p.norm],
        start: start + p.offset,
        end: start + p.offset + p.length,
        breakBefore: k === 0 ? breakBefore : false,
      });
    });
    prevEnd = end;
  }
  return tokens;
}

/** A glued modifier split off a segmenter word ("太慢" -> 太 | 慢) when the rest begins a cue. */
function splitGlued(lex: Compiled, norm: string, text: string): { norm: string; offset: number; length: number }[] {
  // Offsets are kept only where normalising kept the length (always so for Han).
  if (lex.glued.length === 0 || norm.length !== text.length) return [{ norm, offset: 0, length: text.length }];
  const out: { norm: string; offset: number; length: number }[] = [];
  let offset = 0;
  let rest = norm;
  for (;;) {
    if (lex.negators.has(rest) || lex.scopeBreakers.has(rest)) break;
    const p = lex.glued.find(
      (g) => rest.length > g.length && rest.startsWith(g) && beginsCue(lex, rest.slice(g.length)),
    );
    if (!p) break;
    out.push({ norm: p, offset, length: p.length });
    offset += p.length;
    rest = rest.slice(p.length);
  }
  out.push({ norm: rest, offset, length: rest.length });
  return out;
}

function beginsCue(lex: Compiled, s: string): boolean {
  return (
    isNegatorWord(lex, s) ||
    lex.glued.some((g) => s.startsWith(g) && s.length > g.length) ||
    lex.cueFirstWordStarts.has(s) ||
    Array.from({ length: s.length }, (_, k) => s.slice(0, k + 1)).some((p) => lex.cueFirstWords.has(p))
  );
}

const firstChar = (s: string): string => String.fromCodePoint(s.codePointAt(0) ?? 0);

function formsOf(lex: Compiled, norm: string): string[] {
  if (lex.attached.size === 0) return [norm];
  // Hebrew letters are single UTF-16 units, so string indices are letters here.
  const forms = [norm];
  for (let k = 1; k <= MAX_ATTACHED && norm.length - k >= MIN_LEFT; k++) {
    if (!lex.attached.has(norm.charAt(k - 1))) break;
    forms.push(norm.slice(k));
  }
  return forms;
}

/** Compiles a lexicon. Throws on malformed cues, so a bad data file fails its tests. */
export function compileLexicon(lex: LexiconData): Compiled {
  const segmented = lex.words === 'segmenter';
  const byFirst = new Map<string, CompiledCue[]>();
  const prefixFirst: CompiledCue[] = [];
  const cueFirstWords = new Set<string>();
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
        size: segmented ? words.reduce((n, w) => n + w.text.length, 0) : words.length,
        order: order++,
      };
      const first = words[0]!;
      cueFirstWords.add(first.text);
      if (first.prefix && !segmented) prefixFirst.push(compiled);
      else {
        const key = segmented ? firstChar(first.text) : first.text;
        const list = byFirst.get(key) ?? [];
        list.push(compiled);
        byFirst.set(key, list);
      }
    }
  }
  return {
    byFirst,
    prefixFirst,
    negators: new Set(lex.negators.map(normaliseWord)),
    negatorSuffixes: lex.negatorSuffixes.map(normaliseWord),
    scopeBreakers: new Set(lex.scopeBreakers.map(normaliseWord)),
    window: lex.negationWindow,
    opposites: lex.negatedOpposites ?? NEGATED_OPPOSITES,
    segmenter: segmented ? new Intl.Segmenter(lex.lang, { granularity: 'word' }) : null,
    attached: new Set(lex.attachedPrefixes ?? []),
    glued: [...(lex.gluedPrefixes ?? [])].map(normaliseWord).sort((a, b) => b.length - a.length),
    cueFirstWords,
    cueFirstWordStarts: new Set(
      [...cueFirstWords].flatMap((w) => Array.from({ length: w.length }, (_, k) => w.slice(0, k + 1))),
    ),
  };
}

const wordMatches = (w: CueWord, form: string): boolean => (w.prefix ? form.startsWith(w.text) : form === w.text);

/**
 * Where cue word `w` ends if it starts at token i: the token's index (letters), or the last of
 * the consecutive tokens whose letters spell it (segmenter); -1 when it does not match.
 */
function wordEndAt(w: CueWord, tokens: readonly Token[], i: number, segmented: boolean): number {
  if (!segmented) return tokens[i]!.forms.some((f) => wordMatches(w, f)) ? i : -1;
  let s = '';
  for (let j = i; j < tokens.length; j++) {
    if (j > i && tokens[j]!.breakBefore) return -1;
    s += tokens[j]!.norm;
    if (w.prefix ? s.startsWith(w.text) : s === w.text) return j;
    if (!w.text.startsWith(s)) return -1;
  }
  return -1;
}

/** The last token index of `cue` starting at token i, or -1. */
function cueEndAt(cue: CompiledCue, tokens: readonly Token[], i: number, segmented: boolean): number {
  let at = i;
  let end = -1;
  for (const w of cue.words) {
    if (at >= tokens.length || (at > i && tokens[at]!.breakBefore)) return -1;
    end = wordEndAt(w, tokens, at, segmented);
    if (end < 0) return -1;
    at = end + 1;
  }
  return end;
}

function bestCueAt(lex: Compiled, tokens: readonly Token[], i: number): { cue: CompiledCue; last: number } | null {
  const segmented = lex.segmenter !== null;
  let best: { cue: CompiledCue; last: number } | null = null;
  const consider = (cue: CompiledCue): void => {
    const last = cueEndAt(cue, tokens, i, segmented);
    if (last < 0) return;
    if (
      !best ||
      cue.size > best.cue.size ||
      (cue.size === best.cue.size &&
        (cue.exactWords > best.cue.exactWords ||
          (cue.exactWords === best.cue.exactWords && cue.order < best.cue.order)))
    ) {
      best = { cue, last };
    }
  };
  const keys = segmented ? [firstChar(tokens[i]!.norm)] : tokens[i]!.forms;
  for (const key of new Set(keys)) for (const cue of lex.byFirst.get(key) ?? []) consider(cue);
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

function isNegatorWord(lex: Compiled, word: string): boolean {
  return lex.negators.has(word) || lex.negatorSuffixes.some((s) => word.endsWith(s));
}

const isNegator = (lex: Compiled, t: Token): boolean => t.forms.some((f) => isNegatorWord(lex, f));

/**
 * Emotion suggestions for a note (rules at the top of this file). `lang` is the language the
 * caller expects (the audit's); the note's own script and words take precedence (note-language.ts).
 * [] for a language without a lexicon.
 */
export function suggestEmotions(note: string, lang?: string): Suggestion[] {
  const data = lexiconFor(noteLanguage(note, lang));
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
  const tokens = tokenizeWith(lex, note);
  // 1. Cues, longest first at each word, left to right.
  const matches: CueMatch[] = [];
  /** For each token: the match covering it, if any. */
  const owner = Array.from<CueMatch | undefined>({ length: tokens.length });
  for (let i = 0; i < tokens.length;) {
    const found = bestCueAt(lex, tokens, i);
    // Segmented text: when a cue's last word also begins a cue reaching further, that one wins
    // ("很好奇" is 很 + 好奇, curious, not 很好 + 奇); the segmenter cuts such runs either way.
    const next = found && lex.segmenter && found.last > i ? bestCueAt(lex, tokens, found.last) : null;
    if (!found || (next && next.last > found.last)) {
      i += 1;
      continue;
    }
    const match: CueMatch = { emotion: found.cue.emotion, first: i, last: found.last, negator: -1 };
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
        if (t.forms.some((f) => lex.scopeBreakers.has(f))) break;
        if (isNegator(lex, t)) {
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
