// Numbers, dates, durations and sizes in the report's language, through Intl.
import { describe, expect, it } from 'vitest';
import { bytesText, durationText } from '../../../src/i18n/format.ts';
import { makeFormatter } from '../../../src/report/format.ts';

describe('report formats per language', () => {
  it('writes decimals and groups as each language does', () => {
    expect(makeFormatter('en').fixed(1234.5, 1)).toBe('1,234.5');
    expect(makeFormatter('pl').fixed(1234.5, 1)).toBe('1234,5');
    expect(makeFormatter('ru').fixed(12345.5, 1)).toBe('12\u00a0345,5');
    expect(makeFormatter('ru').percent(0.4)).toBe('40\u00a0%');
    expect(makeFormatter('en').percent(0.4)).toBe('40%');
  });

  it('writes dates in the language: month names and order', () => {
    const iso = '2026-11-23T10:00:00Z';
    expect(makeFormatter('pl').date(iso)).toBe('23 listopada 2026');
    expect(makeFormatter('ru').date(iso)).toMatch(/^23 ноября 2026/);
    expect(makeFormatter('zh-TW').date(iso)).toBe('2026年11月23日');
    expect(makeFormatter('he').date(iso)).toMatch(/בנובמבר/);
  });

  it('writes durations and sizes in the units of the language', () => {
    expect(durationText(850, 'en')).toBe('850 ms');
    expect(durationText(12_400, 'ru')).toBe('12,4 с');
    expect(durationText(12_400, 'zh-CN')).toBe('12.4秒');
    expect(durationText(185_000, 'en')).toMatch(/^3 min,? 5 sec$/);
    expect(durationText(-1, 'en')).toBe('');
    expect(bytesText(12_345, 'pl')).toBe('12,3 kB');
    expect(bytesText(999, 'ru')).toBe('999 Б');
    expect(makeFormatter('he').duration(850)).toMatch(/^850/);
  });
});
