import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { directionOf } from '../../../src/i18n/bidi.ts';
import {
  browserLanguageTag,
  languageDirection,
  languageTag,
  resolveLanguage,
  uiLanguage,
} from '../../../src/i18n/t.ts';
import { standaloneDocument } from '../../../src/report/html/render.ts';

const LOCALES = join(import.meta.dirname, '../../../public/_locales');

/** The extension's chrome.i18n as Chrome serves it when it has chosen `locale`'s messages. */
function chosenLocale(locale: string): void {
  const table = JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
  vi.stubGlobal('chrome', {
    i18n: {
      // What Chrome said with --lang=he: the browser's locale, not the one whose messages it shows.
      getMessage: (key: string) => (key === '@@ui_locale' ? 'en_US' : (table[key]?.message ?? '')),
      getUILanguage: () => 'en-US',
    },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe("the browser's language: the locale Chrome chose, not what it says of itself", () => {
  it.each([
    ['en', 'en', 'ltr'],
    ['ru', 'ru', 'ltr'],
    ['pl', 'pl', 'ltr'],
    ['he', 'he', 'rtl'],
    ['zh_CN', 'zh-CN', 'ltr'],
    ['zh_TW', 'zh-TW', 'ltr'],
  ])('Chrome showing %s messages gives lang %s, dir %s', (locale, lang, dir) => {
    chosenLocale(locale);
    const followed = resolveLanguage(null, browserLanguageTag());
    expect(languageTag(followed)).toBe(lang);
    expect(languageDirection(followed)).toBe(dir);
    expect(directionOf(languageTag(followed))).toBe(dir);
  });

  it('every shipped locale names itself', () => {
    expect(readdirSync(LOCALES).sort()).toEqual(['en', 'he', 'pl', 'ru', 'zh_CN', 'zh_TW']);
  });

  it('is English outside the extension', () => {
    expect(uiLanguage()).toBe('en');
  });
});

describe('directionOf', () => {
  it('is rtl for Hebrew only among the shipped languages', () => {
    expect(directionOf('he')).toBe('rtl');
    expect(directionOf('he-IL')).toBe('rtl');
    for (const lang of ['en', 'ru', 'pl', 'zh-CN', 'zh-TW']) expect(directionOf(lang)).toBe('ltr');
  });

  it('gives an exported document the direction of its language when none is passed', () => {
    const doc = standaloneDocument({ title: 't', css: '', body: '' }, { lang: 'he' });
    expect(doc).toContain('<html lang="he" dir="rtl">');
    const en = standaloneDocument({ title: 't', css: '', body: '' }, { lang: 'en', locale: 'he-IL' });
    expect(en).toContain('<html lang="en" dir="ltr">');
  });
});
