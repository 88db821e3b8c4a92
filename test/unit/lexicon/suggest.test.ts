import { describe, expect, it } from 'vitest';
import { EMOTIONS } from '../../../src/domain/emotions.ts';
import { EN } from '../../../src/domain/lexicon/en.ts';
import { LEXICONS, lexiconFor } from '../../../src/domain/lexicon/index.ts';
import { compileLexicon, suggestEmotions, suggestEmotionsWith, tokenize } from '../../../src/domain/lexicon/suggest.ts';
import type { LexiconData } from '../../../src/domain/lexicon/types.ts';
import { NEGATED_OPPOSITES } from '../../../src/domain/lexicon/opposites.ts';

const emotions = (note: string): string[] => suggestEmotions(note).map((s) => s.emotion);

describe('English lexicon data', () => {
  it('has 8-25 cues for every one of the 20 emotions', () => {
    for (const e of EMOTIONS) {
      const cues = EN.cues[e.id] ?? [];
      expect(cues.length, e.id).toBeGreaterThanOrEqual(8);
      expect(cues.length, e.id).toBeLessThanOrEqual(25);
    }
  });

  it('maps each cue to one emotion only', () => {
    const seen = new Map<string, string>();
    for (const [emotion, cues] of Object.entries(EN.cues)) {
      for (const cue of cues ?? []) {
        const key = cue.toLowerCase().replace(/-/g, ' ');
        expect(seen.get(key), `"${cue}" in ${emotion} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, emotion);
      }
    }
  });

  it('compiles (stems long enough, every cue made of words)', () => {
    expect(() => compileLexicon(EN)).not.toThrow();
  });

  it('negated opposites map positive emotions to Destroying ones', () => {
    const sign = new Map(EMOTIONS.map((e) => [e.id, e.sign]));
    for (const [from, to] of Object.entries(NEGATED_OPPOSITES)) {
      expect(sign.get(from as never)).toBe(1);
      expect(sign.get(to)).toBe(-1);
    }
  });

  it('a malformed lexicon fails to compile', () => {
    const bad: LexiconData = { ...EN, cues: { happy: ['ha*'] } };
    expect(() => compileLexicon(bad)).toThrow(/Stem too short/);
    const unknown = { ...EN, cues: { joyful: ['joy'] } } as unknown as LexiconData;
    expect(() => compileLexicon(unknown)).toThrow(/Unknown emotion/);
  });
});

describe('suggestEmotions', () => {
  it('suggests from single words and stems, case-insensitively', () => {
    expect(emotions('So IRRITATING')).toEqual(['irritated']);
    expect(emotions('I was annoyed')).toEqual(['irritated']);
    expect(emotions('felt rushed')).toEqual(['hurried']);
    expect(emotions('Very reassuring')).toEqual(['safe']);
    expect(emotions('I feel ignored')).toEqual(['neglected']);
    expect(emotions('Love it')).toEqual(['happy']);
  });

  it('matches multi-word cues, with curly apostrophes and hyphens', () => {
    expect(emotions('I can’t find the basket')).toEqual(['frustrated']);
    expect(emotions('totally let down')).toEqual(['disappointed']);
    expect(emotions('hassle-free returns')).toEqual(['pleased']);
    expect(emotions('hassle free returns')).toEqual(['pleased']);
  });

  it('does not match a multi-word cue across punctuation', () => {
    expect(emotions('let. Down')).toEqual([]);
  });

  it('gives offsets into the original note, and the cue as written', () => {
    const note = 'Checkout was Confusing; then I felt Rushed by the timer.';
    const s = suggestEmotions(note);
    expect(s.map((x) => [x.emotion, x.cue, x.start, x.end])).toEqual([
      ['frustrated', 'Confusing', 13, 22],
      ['hurried', 'Rushed', 36, 42],
    ]);
    for (const x of s) expect(note.slice(x.start, x.end)).toBe(x.cue);
  });

  it('lists several emotions in order of appearance, one suggestion per emotion', () => {
    const note =
      'Stuck on delivery, annoying pop-up, confusing form; the support agent was helpful and I love the jacket.';
    const s = suggestEmotions(note);
    expect(s.map((x) => x.emotion)).toEqual(['frustrated', 'irritated', 'cared-for', 'happy']);
    expect(s[0]).toMatchObject({ cue: 'Stuck', start: 0, end: 5 });
    // "confusing" is also frustrated: deduplicated, the first cue is kept.
    expect(s.filter((x) => x.emotion === 'frustrated')).toHaveLength(1);
  });

  it('keeps offsets right around non-ASCII text and emoji', () => {
    const note = 'Ärgerlich 😤 — the café page was confusing';
    const [s] = suggestEmotions(note);
    expect(s).toMatchObject({ emotion: 'frustrated', cue: 'confusing' });
    expect(note.slice(s!.start, s!.end)).toBe('confusing');
  });

  it('splits words by Unicode letters, not ASCII only', () => {
    expect(tokenize('naïve café, 東京 ok').map((t) => t.norm)).toEqual(['naïve', 'café', '東京', 'ok']);
    // A cue inside a longer word does not match.
    expect(emotions('unstuckness badge')).toEqual([]);
  });
});

describe('negation', () => {
  it('"not clear" suggests no positive emotion (it suggests frustrated)', () => {
    const s = suggestEmotions('The delivery options were not clear');
    expect(s.map((x) => x.emotion)).not.toContain('focused');
    expect(s).toEqual([{ emotion: 'frustrated', cue: 'not clear', start: 26, end: 35, negated: true }]);
  });

  it('"clear" alone suggests focused', () => {
    expect(emotions('The delivery options were clear')).toEqual(['focused']);
  });

  it('"not annoying" and "not bad" suggest nothing', () => {
    expect(suggestEmotions('The pop-up was not annoying')).toEqual([]);
    expect(suggestEmotions('not bad')).toEqual([]);
    expect(suggestEmotions("wasn't stressful at all")).toEqual([]);
  });

  it('"not reassuring" does not suggest safe; it suggests stressed', () => {
    expect(emotions('Not reassuring')).toEqual(['stressed']);
  });

  it('a negated positive without an opposite suggests nothing', () => {
    expect(suggestEmotions('not interesting')).toEqual([]);
  });

  it('recognises negators: not, no, never, n’t forms, hardly, without, cannot', () => {
    expect(emotions('never happy with this')).toEqual(['unhappy']);
    expect(emotions('isn’t easy')).toEqual(['unsatisfied']);
    expect(emotions("didn't feel safe")).toEqual(['stressed']);
    expect(emotions('hardly helpful')).toEqual(['neglected']);
    expect(emotions('no errors')).toEqual([]);
    expect(emotions('done without any hassle')).toEqual([]);
    expect(emotions('cannot trust them')).toEqual(['stressed']);
  });

  it('reaches up to 3 words back, not 4', () => {
    expect(emotions('not at all clear')).toEqual(['frustrated']);
    expect(emotions('not really at all clear')).toEqual(['focused']);
  });

  it('is broken by punctuation', () => {
    expect(emotions('Not really. Clear layout though')).toEqual(['focused']);
    expect(emotions('no, clear')).toEqual(['focused']);
    expect(emotions('not slow; annoying')).toEqual(['irritated']);
  });

  it('is broken by "but" and by a non-negated cue in between', () => {
    expect(emotions('not fast but clear')).toEqual(['unsatisfied', 'focused']);
    expect(emotions('not working and confusing')).toEqual(['frustrated']);
    expect(suggestEmotions('not working and annoying').map((x) => [x.emotion, x.negated])).toEqual([
      ['frustrated', false],
      ['irritated', false],
    ]);
  });

  it('passes through a negated cue ("not fast or clear" negates both)', () => {
    expect(emotions('not fast or clear')).toEqual(['unsatisfied', 'frustrated']);
  });

  it('does not treat words inside a cue as negators', () => {
    expect(emotions("couldn't be happier")).toEqual(['happy']);
    expect(emotions("I couldn't find the size guide")).toEqual(['frustrated']);
  });

  it('a negated suggestion spans the negator and the cue', () => {
    const note = 'Payment page: not very reassuring.';
    const [s] = suggestEmotions(note);
    expect(s).toMatchObject({ emotion: 'stressed', negated: true, cue: 'not very reassuring' });
    expect(note.slice(s!.start, s!.end)).toBe('not very reassuring');
  });
});

describe('languages', () => {
  it('resolves a region tag to its language and has English registered', () => {
    expect(Object.keys(LEXICONS)).toContain('en');
    expect(lexiconFor('en-GB')).toBe(EN);
    expect(lexiconFor('EN_us')).toBe(EN);
    expect(lexiconFor('xx')).toBeUndefined();
  });

  it('gives no suggestions for a language without a lexicon', () => {
    expect(suggestEmotions('confusing', 'xx')).toEqual([]);
    expect(suggestEmotions('confusing', 'en-GB')).toHaveLength(1);
  });

  it('works with another language as data only', () => {
    const de: LexiconData = {
      lang: 'de',
      cues: { frustrated: ['verwirrend', 'ärger*'], focused: ['klar', 'übersichtlich'] },
      negators: ['nicht', 'kein', 'keine', 'nie'],
      negatorSuffixes: [],
      scopeBreakers: ['aber'],
      negationWindow: 3,
      negatedOpposites: { focused: 'frustrated' },
    };
    expect(suggestEmotionsWith(de, 'Übersichtlich, aber der Versand war ärgerlich').map((s) => s.emotion)).toEqual([
      'focused',
      'frustrated',
    ]);
    expect(suggestEmotionsWith(de, 'Die Seite war nicht klar').map((s) => [s.emotion, s.cue])).toEqual([
      ['frustrated', 'nicht klar'],
    ]);
  });
});
