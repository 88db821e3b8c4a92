import { afterEach, describe, expect, it, vi } from 'vitest';
import { directionOf } from '../../../src/i18n/bidi.ts';
import { uiLanguage } from '../../../src/i18n/t.ts';
import { standaloneDocument } from '../../../src/report/html/render.ts';

function browserLocale(uiLocale: string): void {
  vi.stubGlobal('chrome', {
    i18n: { getMessage: (key: string) => (key === '@@ui_locale' ? uiLocale : '') },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('uiLanguage: the language of the messages shown, not the browser', () => {
  it.each([
    ['he', 'he'],
    ['en_US', 'en'],
    ['ru', 'ru'],
    ['pl_PL', 'pl'],
    ['zh_CN', 'zh-CN'],
    ['zh_TW', 'zh-TW'],
    // No such locale shipped: Chrome shows the default (English) messages, so the page is English.
    ['pt_BR', 'en'],
    ['ar', 'en'],
    ['zh_HK', 'en'],
  ])('browser %s shows %s', (ui, lang) => {
    browserLocale(ui);
    expect(uiLanguage()).toBe(lang);
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
