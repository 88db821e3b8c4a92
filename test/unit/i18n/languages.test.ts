// The tables t() reads are loaded by the page (not chrome.i18n), so the panel can switch language
// while running; counts take their plural form from Intl.PluralRules of the language shown.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  currentLanguage,
  forgetLoadedTables,
  inLanguage,
  loadLanguage,
  matchLanguage,
  onLanguageChange,
  resolveLanguage,
  setMessages,
  t,
  tp,
  uiDirection,
  uiLanguage,
  type Table,
} from '../../../src/i18n/t.ts';

const read = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Table;
/** Serves public/_locales/ as the extension would, counting the requests. */
const served = () =>
  vi.fn<(url: string) => Promise<unknown>>(async (url) => read(/_locales\/([^/]+)\//.exec(url)![1]!));

afterEach(() => {
  forgetLoadedTables();
  setMessages(read('en'), 'en');
});

describe('matching the browser language', () => {
  it.each([
    ['en-US', 'en'],
    ['ru', 'ru'],
    ['pl-PL', 'pl'],
    ['he-IL', 'he'],
    ['iw', 'he'],
    ['zh-CN', 'zh_CN'],
    ['zh', 'zh_CN'],
    ['zh-SG', 'zh_CN'],
    ['zh-Hans-HK', 'zh_TW'],
    ['zh-TW', 'zh_TW'],
    ['zh-HK', 'zh_TW'],
    ['zh-Hant', 'zh_TW'],
    ['zh_TW', 'zh_TW'],
    ['de-DE', 'en'],
    ['', 'en'],
  ])('%s -> %s', (tag, lang) => {
    expect(matchLanguage(tag)).toBe(lang);
  });

  it('a language chosen in the panel wins over the browser; an unknown choice does not', () => {
    expect(resolveLanguage('pl', 'ru-RU')).toBe('pl');
    expect(resolveLanguage(null, 'ru-RU')).toBe('ru');
    expect(resolveLanguage('xx', 'he')).toBe('he');
  });
});

describe('plural forms (tp)', () => {
  const steps = (n: number) => tp('stepCount', n, String(n));

  it('Polish: one, few, many', async () => {
    await loadLanguage('pl', served());
    expect([1, 2, 4, 5, 12, 22, 25, 101].map(steps)).toEqual([
      '1 krok',
      '2 kroki',
      '4 kroki',
      '5 kroków',
      '12 kroków',
      '22 kroki',
      '25 kroków',
      '101 kroków',
    ]);
  });

  it('Russian: one (also 21), few, many', async () => {
    await loadLanguage('ru', served());
    expect([1, 3, 5, 11, 21, 24].map(steps)).toEqual(['1 шаг', '3 шага', '5 шагов', '11 шагов', '21 шаг', '24 шага']);
    expect(tp('signal_rageClicks', 1, '1')).toBe('1 яростный клик');
    expect(tp('signal_rageClicks', 7, '7')).toBe('7 яростных кликов');
  });

  it('English: "1 field", not "1 fields"', async () => {
    await loadLanguage('en', served());
    expect(tp('report_maskedFields', 1, '1')).toBe('1 field');
    expect(tp('report_maskedFields', 3, '3')).toBe('3 fields');
    expect(tp('signal_rageClicks', 1, '1')).toBe('1 rage click');
    expect(tp('report_incompleteText', 23, '23')).toMatch(/^23 items are missing/);
  });

  it('Hebrew: one in words, two and more with the number', async () => {
    await loadLanguage('he', served());
    expect(steps(1)).toBe('צעד אחד');
    expect(steps(2)).toBe('2 צעדים');
    expect(steps(10)).toBe('10 צעדים');
  });

  it('Chinese has one form for every count', async () => {
    await loadLanguage('zh_TW', served());
    expect([1, 2, 5].map(steps)).toEqual(['1 個步驟', '2 個步驟', '5 個步驟']);
    await loadLanguage('zh_CN', served());
    expect(steps(1)).toBe('1 个步骤');
  });

  it('a count not known yet takes the general form', async () => {
    await loadLanguage('pl', served());
    expect(tp('signal_clicks', Number.NaN, '–')).toBe('– kliknięcia');
  });
});

describe('loading and switching', () => {
  it('loads the language and English once each, and says so to listeners', async () => {
    const get = served();
    const heard: string[] = [];
    const off = onLanguageChange((lang) => heard.push(lang));
    await loadLanguage('pl', get);
    expect(t('language_label')).toBe('Język');
    expect(uiLanguage()).toBe('pl');
    await loadLanguage('he', get);
    expect(uiDirection()).toBe('rtl');
    expect(uiLanguage()).toBe('he');
    await loadLanguage('pl', get);
    off();
    expect(heard).toEqual(['pl', 'he', 'pl']);
    const urls = get.mock.calls.map(([url]) => url);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('falls back to English for a key the language lacks, and to the key when English lacks it too', () => {
    const ru = read('ru');
    delete ru.language_label;
    setMessages(ru, 'ru', read('en'));
    expect(t('language_browser')).toBe('Язык браузера');
    expect(t('language_label')).toBe('Language');
    const en = read('en');
    delete en.language_label;
    setMessages(ru, 'ru', en);
    expect(t('language_label')).toBe('language_label');
  });

  it('zh-TW is the lang tag of Traditional Chinese, and the page direction is left to right', async () => {
    await loadLanguage('zh_TW', served());
    expect(uiLanguage()).toBe('zh-TW');
    expect(uiDirection()).toBe('ltr');
  });

  it('a failed load leaves the language as it was', async () => {
    await loadLanguage('pl', served());
    await expect(loadLanguage('ru', () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(currentLanguage()).toBe('pl');
    expect(t('language_label')).toBe('Język');
  });

  it('inLanguage renders in another language and puts the page language back', async () => {
    await loadLanguage('ru', served());
    const heard: string[] = [];
    const off = onLanguageChange((lang) => heard.push(lang));
    const text = await inLanguage('pl', () => tp('stepCount', 5, '5'), served());
    off();
    expect(text).toBe('5 kroków');
    expect(tp('stepCount', 5, '5')).toBe('5 шагов');
    expect(heard).toEqual([]);
  });
});
