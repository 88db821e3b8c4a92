import { describe, expect, it } from 'vitest';
import { EMOTIONS } from '../../../src/domain/emotions.ts';
import { LEXICONS, lexiconFor } from '../../../src/domain/lexicon/index.ts';
import { compileLexicon, suggestEmotions, tokenize } from '../../../src/domain/lexicon/suggest.ts';
import { ZH } from '../../../src/domain/lexicon/zh.ts';
import { noteLanguage } from '../../../src/domain/note-language.ts';
import { NEGATED_OPPOSITES } from '../../../src/domain/lexicon/opposites.ts';

const emotions = (note: string, lang?: string): string[] => suggestEmotions(note, lang).map((s) => s.emotion);

describe.each(Object.entries(LEXICONS))('lexicon data: %s', (_code, lex) => {
  it('has cues for every one of the 20 emotions', () => {
    for (const e of EMOTIONS) expect((lex.cues[e.id] ?? []).length, e.id).toBeGreaterThanOrEqual(5);
  });

  it('maps each cue to one emotion only', () => {
    const seen = new Map<string, string>();
    for (const [emotion, cues] of Object.entries(lex.cues)) {
      for (const cue of cues ?? []) {
        const key = cue.toLowerCase().replace(/-/g, ' ');
        expect(seen.get(key), `"${cue}" in ${emotion} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, emotion);
      }
    }
  });

  it('compiles, and negated opposites go from positive emotions to Destroying ones', () => {
    expect(() => compileLexicon(lex)).not.toThrow();
    const sign = new Map(EMOTIONS.map((e) => [e.id, e.sign]));
    for (const [from, to] of Object.entries(NEGATED_OPPOSITES)) {
      expect(sign.get(from as never)).toBe(1);
      expect(sign.get(to)).toBe(-1);
    }
  });
});

describe('registry', () => {
  it('resolves every language of issue 19, both Chinese scripts through zh', () => {
    for (const tag of ['en', 'ru', 'pl', 'he', 'zh-CN', 'zh_TW', 'ru-RU', 'pl-PL', 'he-IL']) {
      expect(lexiconFor(tag), tag).toBeDefined();
    }
    expect(lexiconFor('zh-TW')).toBe(lexiconFor('zh-CN'));
  });
});

describe('Russian', () => {
  it('matches inflected forms through stems', () => {
    expect(emotions('Меня раздражает этот баннер')).toEqual(['irritated']);
    expect(emotions('Баннер раздражал')).toEqual(['irritated']);
    expect(emotions('Сплошное раздражение')).toEqual(['irritated']);
    expect(emotions('Я разочарована доставкой')).toEqual(['disappointed']);
    expect(emotions('Форма была запутанной')).toEqual(['frustrated']);
  });

  it('reads ё as е', () => {
    expect(emotions('Всё чётко')).toEqual(['focused']);
    expect(emotions('Все четко')).toEqual(['focused']);
  });

  it('negates: "не понравилось" suggests unsatisfied, "не раздражает" nothing', () => {
    expect(suggestEmotions('Мне не понравилось оформление')).toMatchObject([
      { emotion: 'unsatisfied', cue: 'не понравилось', negated: true },
    ]);
    expect(emotions('Баннер не раздражает')).toEqual([]);
    expect(emotions('Совсем не сложно')).toEqual([]);
  });

  it('a negator inside a cue does not negate it ("не смог найти" is frustrated)', () => {
    expect(emotions('Не смог найти корзину')).toEqual(['frustrated']);
  });

  it('stops negation at "но"', () => {
    expect(emotions('не быстро но понятно')).toEqual(['unsatisfied', 'focused']);
  });
});

describe('Polish', () => {
  it('matches inflected forms through stems', () => {
    expect(emotions('To było frustrujące')).toEqual(['frustrated']);
    expect(emotions('Czułem frustrację')).toEqual(['frustrated']);
    expect(emotions('Jestem rozczarowana')).toEqual(['disappointed']);
    expect(emotions('Pomocna obsługa')).toEqual(['cared-for']);
  });

  it('negates: "nie było frustrujące" suggests nothing, "nie było jasne" frustrated', () => {
    expect(emotions('Nie było frustrujące')).toEqual([]);
    expect(emotions('Nie było jasne, co dalej')).toEqual(['frustrated']);
  });

  it('reads a one-word negated adjective as its own cue ("niejasny")', () => {
    expect(emotions('Formularz niejasny')).toEqual(['frustrated']);
    expect(emotions('Formularz jasny')).toEqual(['focused']);
  });

  it('does not take "po prostu" (simply) for "prosty"', () => {
    expect(emotions('Po prostu kliknąłem dalej')).toEqual([]);
  });
});

describe('Hebrew', () => {
  it('matches words with joined prefixes', () => {
    expect(emotions('והמתסכל מכל')).toEqual(['frustrated']);
    expect(emotions('הרגשתי שממהרים אותי')).toEqual(['hurried']);
  });

  it('matches stems across final letters (התעלם, התעלמו)', () => {
    expect(emotions('המוכר התעלם')).toEqual(['neglected']);
    expect(emotions('הם התעלמו')).toEqual(['neglected']);
  });

  it('negates: "לא מתסכל" suggests nothing, "לא ברור" frustrated, also with a joined prefix ("שלא")', () => {
    expect(emotions('לא מתסכל בכלל')).toEqual([]);
    expect(suggestEmotions('הטופס לא ברור')).toMatchObject([{ emotion: 'frustrated', cue: 'לא ברור', negated: true }]);
    expect(emotions('טוב שלא היה מעצבן')).toEqual(['pleased']);
  });

  it('does not read "ללחוץ" (to press) as stressed', () => {
    expect(emotions('צריך ללחוץ על הכפתור פעמיים')).toEqual([]);
  });
});

describe('Chinese', () => {
  it('cuts notes with Intl.Segmenter and keeps offsets into the note', () => {
    const note = '结账流程很顺畅，我很满意。';
    const s = suggestEmotions(note);
    expect(s.map((x) => x.emotion)).toEqual(['pleased']);
    expect(note.slice(s[0]!.start, s[0]!.end)).toBe(s[0]!.cue);
    expect(tokenize(note, ZH).map((t) => t.norm)).toContain('满意');
  });

  it('matches a cue however the segmenter cut it (贴心 as 贴|心)', () => {
    expect(emotions('服务很贴心')).toEqual(['cared-for']);
  });

  it('splits a glued degree word or negator off a cue, but not off other words', () => {
    expect(tokenize('价格不透明', ZH).map((t) => t.norm)).toEqual(['价格', '不', '透明']);
    expect(emotions('价格不透明')).toEqual(['stressed']);
    expect(tokenize('不断出错', ZH).map((t) => t.norm)).toEqual(['不断', '出', '错']);
    expect(emotions('不断出错')).toEqual(['frustrated']);
  });

  it('gives an overlapping cue that reaches further the words (很好奇 is curious, not 很好)', () => {
    expect(tokenize('很好奇', ZH).map((t) => t.norm)).toEqual(['很', '好', '奇']);
    expect(emotions('我对其他颜色很好奇')).toEqual(['interested']);
    expect(emotions('我很好')).toEqual(['pleased']);
  });

  it('negates in both scripts: 不满意, 沒有困惑, 一点也不麻烦', () => {
    expect(emotions('对配送不满意')).toEqual(['unsatisfied']);
    expect(emotions('對配送不滿意')).toEqual(['unsatisfied']);
    expect(emotions('沒有困惑')).toEqual([]);
    expect(emotions('没有困惑')).toEqual([]);
    expect(emotions('一点也不麻烦')).toEqual([]);
    expect(emotions('付款页面不太安全')).toEqual(['stressed']);
  });

  it('stops negation at 但是 and at punctuation', () => {
    expect(emotions('不快，但是很清楚')).toEqual(['focused']);
    expect(emotions('不清楚但是很安全')).toEqual(['frustrated', 'safe']);
  });
});

describe('noteLanguage', () => {
  it('reads the script: Cyrillic ru, Hebrew he, Han zh-CN or zh-TW, kana ja', () => {
    expect(noteLanguage('Очень удобно')).toBe('ru');
    expect(noteLanguage('ממש מתסכל')).toBe('he');
    expect(noteLanguage('这个页面让人困惑')).toBe('zh-CN');
    expect(noteLanguage('這個頁面讓人困惑')).toBe('zh-TW');
    expect(noteLanguage('とても便利です')).toBe('ja');
  });

  it('tells Polish from English by letters, common words and spellings', () => {
    expect(noteLanguage('Strona była czytelna')).toBe('pl');
    expect(noteLanguage('Formularz niejasny')).toBe('pl');
    expect(noteLanguage('The search was useless')).toBe('en');
    expect(noteLanguage('nie jest to trudne')).toBe('pl');
    expect(noteLanguage('The page was clear')).toBe('en');
  });

  it('the note beats the audit language when its script or words are clear', () => {
    expect(noteLanguage('Очень удобно', 'en')).toBe('ru');
    expect(noteLanguage('The page was clear', 'pl')).toBe('en');
    expect(emotions('Очень удобно', 'en')).toEqual(['pleased']);
  });

  it('falls back on the audit language, then English', () => {
    expect(noteLanguage('OK 👍', 'pl-PL')).toBe('pl');
    expect(noteLanguage('OK 👍', 'de')).toBe('de');
    expect(noteLanguage('OK 👍')).toBe('en');
    expect(noteLanguage('很好', 'zh-TW')).toBe('zh-TW');
    expect(noteLanguage('很好', 'en')).toBe('zh-CN');
  });

  it('keeps another Cyrillic language the audit names (no Russian words read into Ukrainian)', () => {
    expect(noteLanguage('Дуже зручно', 'uk')).toBe('uk');
    expect(suggestEmotions('Дуже зручно', 'uk')).toEqual([]);
  });
});
