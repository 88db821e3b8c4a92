// Suggests a step's stage in a journey template from its URL, title and (optionally) a sample of
// its visible text. The auditor confirms or changes it (Step.stageSource). Pure: the URL is
// split by hand, no URL API.
//
// Evidence and its weight (the strongest single piece of evidence decides):
//   12+  a decisive text phrase ("!thank you for your order", title or text)
//   11   a URL segment pattern ending at the last path segment ("p/*" on /p/123-jacket),
//        +0.6 per literal segment beyond the first ("requests/new" beats "requests/*")
//   10   a cue word equal to the last path segment (/checkout/payment -> payment)
//    9   a cue word that is part of the last segment (/cart-summary -> cart)
//  7-9   a cue word in an earlier segment, later segments weigh more (/checkout/x -> checkout)
//  6.5   a query parameter (/?q=shoes)
//    6   the site root (/, /index.html, /en/)
//    5   a phrase in the title
//    3   a phrase in the visible-text sample
// Text phrases are whole-word, case-insensitive; a longer phrase consumes the words it covers
// ("proceed to checkout" on a cart page is not also "checkout"). Several different phrases of
// one stage add a little (0.1 each, at most 0.5) on top of that stage's best text evidence, so a
// page with "add to cart", "size guide" and "in stock" is a product page even if a mini-cart
// says "your cart". Ties go to the LATER stage of the template (a checkout page that mentions
// the cart is checkout). With no evidence at all the previous stage is kept (confidence 0.2),
// else the stage is null.
//
// Confidence (0..1, ours): 0.9 decisive text, 0.85 last URL segment or pattern, 0.65 earlier
// segment or query, 0.6 root, 0.55 title, 0.4 text; +0.1 (max 0.95) when a second, different kind
// of evidence agrees; x0.75 when another stage scored within 0.5.
import type { JourneyTemplate, TemplateStage } from './templates.ts';

export interface StageInput {
  url: string;
  title: string;
  /** Headings or a visible-text sample (optional). */
  text?: string;
  previousStage?: string | null;
}

export type EvidenceSource =
  | 'text-decisive'
  | 'url-pattern'
  | 'url-segment'
  | 'url-part'
  | 'url-query'
  | 'url-root'
  | 'title'
  | 'text'
  | 'previous';

export interface StageEvidence {
  stage: string;
  source: EvidenceSource;
  /** The cue that matched, as written in the template. */
  cue: string;
  score: number;
}

export interface StageSuggestion {
  stage: string | null;
  /** Human-readable (English) account of the decision. */
  reason: string;
  confidence: number;
  /** The best evidence per stage, strongest first. */
  evidence: StageEvidence[];
}

// ---------------------------------------------------------------------------------------------
// URL

export interface UrlParts {
  /** Lower-cased, decoded path segments without file extensions, locale prefix and trailing index. */
  segments: string[];
  /** Lower-cased query parameter names. */
  query: string[];
  /** A one-word fragment ("#shipping"), lower-cased; route-like fragments are in `segments`. */
  fragment: string | null;
  /** The path named an index page ("/b/index.html"): a section's home, read as a landing page. */
  indexPage: boolean;
}

const EXTENSION = /\.(?:html?|xhtml|php\d?|aspx?|jspx?|cfm|cgi|do|action|shtml)$/;
const INDEX_SEGMENT = /^(?:index|default)$/;
// Two-letter language, optionally with a region ("en", "en-gb", "es_419"); three letters ("app") is a word.
const LOCALE_SEGMENT = /^[a-z]{2}(?:[-_](?:[a-z]{2}|\d{3}))?$/;

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/**
 * Splits a URL (absolute, or a path) into path segments and query keys. A hash that looks like a
 * route ("#/checkout/payment", "#!/cart") is read as more path; a one-word hash ("#shipping") is
 * returned as `fragment`. `isCueWord` protects cue words from being taken for a locale prefix
 * ("/kb/...").
 */
export function splitUrl(url: string, isCueWord: (w: string) => boolean = () => false): UrlParts {
  let rest = url.trim();
  rest = rest.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, ''); // scheme and authority
  const hashAt = rest.indexOf('#');
  const hash = hashAt >= 0 ? rest.slice(hashAt + 1) : '';
  if (hashAt >= 0) rest = rest.slice(0, hashAt);
  const queryAt = rest.indexOf('?');
  let query = queryAt >= 0 ? rest.slice(queryAt + 1) : '';
  const path = queryAt >= 0 ? rest.slice(0, queryAt) : rest;
  let hashPath = '';
  let fragment: string | null = null;
  const route = /^!?\/(.*)$/.exec(hash);
  if (route) {
    hashPath = route[1] ?? '';
    const q = hashPath.indexOf('?');
    if (q >= 0) {
      query = query ? `${query}&${hashPath.slice(q + 1)}` : hashPath.slice(q + 1);
      hashPath = hashPath.slice(0, q);
    }
  } else if (/^[A-Za-z][\w-]*$/.test(hash)) {
    fragment = hash.toLowerCase();
  }
  const toSegments = (p: string): string[] =>
    p
      .split('/')
      .map((s) => decode(s).trim().toLowerCase().replace(EXTENSION, ''))
      .filter((s) => s !== '');
  let indexPage = false;
  const stripIndex = (segs: string[]): string[] => {
    while (segs.length > 0 && INDEX_SEGMENT.test(segs[segs.length - 1]!)) {
      segs.pop();
      indexPage = true;
    }
    return segs;
  };
  const segments = [...stripIndex(toSegments(path)), ...stripIndex(toSegments(hashPath))];
  if (segments.length > 0 && LOCALE_SEGMENT.test(segments[0]!) && !isCueWord(segments[0]!)) segments.shift();
  const keys = query
    .split('&')
    .map((kv) =>
      decode(kv.split('=')[0] ?? '')
        .trim()
        .toLowerCase(),
    )
    .filter((k) => k !== '');
  return { segments, query: [...new Set(keys)], fragment, indexPage };
}

const splitSegment = (segment: string): string[] => segment.split(/[-_.+~\s]+/).filter((p) => p !== '');

// ---------------------------------------------------------------------------------------------
// Text

const normaliseText = (s: string): string =>
  ` ${s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{M}\p{N}']+/gu, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/g, '$1')
    .trim()} `;

interface PhraseCue {
  stage: string;
  cue: string;
  words: string[];
  decisive: boolean;
}

/** Non-overlapping phrase matches in `text`, longest first. */
function matchPhrases(text: string, phrases: readonly PhraseCue[]): PhraseCue[] {
  const words = normaliseText(text).trim().split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const sorted = [...phrases].sort((a, b) => b.words.length - a.words.length);
  const used = Array.from({ length: words.length }, () => false);
  const found: PhraseCue[] = [];
  for (const p of sorted) {
    const n = p.words.length;
    if (n === 0) continue;
    for (let i = 0; i + n <= words.length; i++) {
      let ok = true;
      for (let k = 0; k < n; k++) {
        if (used[i + k] || words[i + k] !== p.words[k]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      for (let k = 0; k < n; k++) used[i + k] = true;
      found.push(p);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Scoring

const SCORE = {
  decisive: 12,
  pattern: 11,
  lastSegment: 10,
  lastPart: 9,
  query: 6.5,
  root: 6,
  title: 5,
  text: 3,
} as const;

interface CompiledTemplate {
  words: Map<string, string[]>; // cue word -> stages
  patterns: { stage: string; cue: string; parts: string[] }[];
  queries: Map<string, string[]>;
  root: string[];
  phrases: PhraseCue[];
  order: Map<string, number>;
}

const compiledTemplates = new WeakMap<JourneyTemplate, CompiledTemplate>();

function compile(template: JourneyTemplate): CompiledTemplate {
  const cached = compiledTemplates.get(template);
  if (cached) return cached;
  const add = (m: Map<string, string[]>, k: string, stage: string): void => {
    const list = m.get(k) ?? [];
    if (!list.includes(stage)) list.push(stage);
    m.set(k, list);
  };
  const c: CompiledTemplate = {
    words: new Map(),
    patterns: [],
    queries: new Map(),
    root: [],
    phrases: [],
    order: new Map(),
  };
  template.stages.forEach((s: TemplateStage, i) => {
    c.order.set(s.id, i);
    for (const raw of s.cues.url) {
      const cue = raw.trim().toLowerCase();
      if (cue === '/') c.root.push(s.id);
      else if (cue.startsWith('?')) add(c.queries, cue.slice(1), s.id);
      else if (cue.includes('/')) c.patterns.push({ stage: s.id, cue, parts: cue.split('/').filter(Boolean) });
      else add(c.words, cue, s.id);
    }
    for (const raw of s.cues.text) {
      const decisive = raw.startsWith('!');
      const body = decisive ? raw.slice(1) : raw;
      c.phrases.push({
        stage: s.id,
        cue: body,
        words: normaliseText(body).trim().split(' ').filter(Boolean),
        decisive,
      });
    }
  });
  compiledTemplates.set(template, c);
  return c;
}

/** Suggests the stage of a page in `template` (rules at the top of this file). */
export function suggestStage(template: JourneyTemplate, input: StageInput): StageSuggestion {
  const c = compile(template);
  const best = new Map<string, StageEvidence>();
  const kinds = new Map<string, Set<string>>();
  const offer = (e: StageEvidence): void => {
    const cur = best.get(e.stage);
    if (!cur || e.score > cur.score) best.set(e.stage, e);
    const k = kinds.get(e.stage) ?? new Set<string>();
    k.add(e.source.startsWith('url') ? 'url' : e.source === 'text-decisive' ? 'text' : e.source);
    kinds.set(e.stage, k);
  };

  // URL.
  const url = splitUrl(input.url, (w) => c.words.has(w));
  const { query } = url;
  // A one-word fragment that is a cue word ("/checkout/#shipping") reads as a last step of the
  // path; others ("#top", "#reviews") are in-page anchors and ignored.
  const segments = url.fragment !== null && c.words.has(url.fragment) ? [...url.segments, url.fragment] : url.segments;
  const n = segments.length;
  // The site root, or a section's index page; any path cue ("/checkout/index.html") still outscores it.
  if (n === 0 || url.indexPage)
    for (const stage of c.root) offer({ stage, source: 'url-root', cue: '/', score: SCORE.root });
  segments.forEach((seg, i) => {
    const last = i === n - 1;
    const position = last ? SCORE.lastSegment : 7 + (2 * i) / n;
    for (const stage of c.words.get(seg) ?? []) offer({ stage, source: 'url-segment', cue: seg, score: position });
    const parts = splitSegment(seg);
    if (parts.length > 1) {
      for (const part of parts) {
        if (part.length <= 2) continue; // short cues ("p", "s", "kb") only as whole segments
        for (const stage of c.words.get(part) ?? []) {
          offer({ stage, source: 'url-part', cue: part, score: last ? SCORE.lastPart : position - 1 });
        }
      }
    }
  });
  for (const p of c.patterns) {
    const len = p.parts.length;
    for (let i = 0; i + len <= n; i++) {
      const ok = p.parts.every((part, k) => {
        const seg = segments[i + k]!;
        return part === '*' ? !c.words.has(seg) : part === seg;
      });
      if (!ok) continue;
      const end = i + len - 1;
      const literals = p.parts.filter((x) => x !== '*').length;
      const base = end === n - 1 ? SCORE.pattern : 7 + (2 * end) / n + 0.5;
      offer({ stage: p.stage, source: 'url-pattern', cue: p.cue, score: base + 0.6 * (literals - 1) });
    }
  }
  for (const key of query) {
    for (const stage of c.queries.get(key) ?? [])
      offer({ stage, source: 'url-query', cue: `?${key}`, score: SCORE.query });
  }

  // Title and text.
  const textSources: [string, 'title' | 'text', number][] = [
    [input.title, 'title', SCORE.title],
    [input.text ?? '', 'text', SCORE.text],
  ];
  for (const [text, source, base] of textSources) {
    if (!text.trim()) continue;
    const found = matchPhrases(text, c.phrases);
    const distinct = new Map<string, Set<string>>();
    for (const p of found) {
      const set = distinct.get(p.stage) ?? new Set<string>();
      set.add(p.cue);
      distinct.set(p.stage, set);
    }
    for (const p of found) {
      const extra = 0.1 * Math.min((distinct.get(p.stage)?.size ?? 1) - 1, 5);
      if (p.decisive) offer({ stage: p.stage, source: 'text-decisive', cue: p.cue, score: SCORE.decisive + extra });
      else offer({ stage: p.stage, source, cue: p.cue, score: base + extra });
    }
  }

  const ranked = [...best.values()].sort(
    (a, b) => b.score - a.score || (c.order.get(b.stage) ?? 0) - (c.order.get(a.stage) ?? 0),
  );
  const top = ranked[0];
  if (!top) {
    const prev = input.previousStage ?? null;
    if (prev !== null && c.order.has(prev)) {
      return { stage: prev, reason: 'no cue matched; kept the previous stage', confidence: 0.2, evidence: [] };
    }
    return { stage: null, reason: 'no cue matched', confidence: 0, evidence: [] };
  }
  let confidence = baseConfidence(top);
  if ((kinds.get(top.stage)?.size ?? 0) > 1) confidence = Math.min(0.95, confidence + 0.1);
  const runnerUp = ranked[1];
  if (runnerUp && top.score - runnerUp.score < 0.5) confidence *= 0.75;
  let reason = describe(top);
  if (runnerUp) reason += `; next best: ${runnerUp.stage} (${describe(runnerUp)})`;
  return { stage: top.stage, reason, confidence: Math.round(confidence * 100) / 100, evidence: ranked };
}

function baseConfidence(e: StageEvidence): number {
  switch (e.source) {
    case 'text-decisive':
      return 0.9;
    case 'url-pattern':
    case 'url-segment':
    case 'url-part':
      return e.score >= SCORE.lastPart ? 0.85 : 0.65;
    case 'url-query':
      return 0.65;
    case 'url-root':
      return 0.6;
    case 'title':
      return 0.55;
    case 'text':
      return 0.4;
    case 'previous':
      return 0.2;
  }
}

function describe(e: StageEvidence): string {
  switch (e.source) {
    case 'text-decisive':
      return `page says "${e.cue}"`;
    case 'url-pattern':
      return `URL path matches "${e.cue}"`;
    case 'url-segment':
      return `URL path segment "${e.cue}"`;
    case 'url-part':
      return `URL path contains "${e.cue}"`;
    case 'url-query':
      return `URL query parameter "${e.cue.slice(1)}"`;
    case 'url-root':
      return 'site root';
    case 'title':
      return `title mentions "${e.cue}"`;
    case 'text':
      return `page text mentions "${e.cue}"`;
    case 'previous':
      return 'kept the previous stage';
  }
}
