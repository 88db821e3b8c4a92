import { describe, expect, it } from 'vitest';
import { dwellLabel } from '../../../src/panel/components/SignalsRow.tsx';
import { ratingFromKey } from '../../../src/panel/keyboard.ts';

const key = (code: string, opts: { altKey?: boolean; ctrlKey?: boolean; shiftKey?: boolean; target?: object } = {}) =>
  ratingFromKey({
    code,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    target: { tagName: 'BODY' },
    ...opts,
  } as never);

describe('rating keys', () => {
  it('1-7 set ease, 8 and 9 alone do nothing', () => {
    expect(key('Digit1')).toEqual({ kind: 'ease', value: 1 });
    expect(key('Numpad7')).toEqual({ kind: 'ease', value: 7 });
    expect(key('Digit8')).toBeNull();
  });

  it('Alt+1..9 set valence -4..+4', () => {
    expect(key('Digit1', { altKey: true })).toEqual({ kind: 'valence', value: -4 });
    expect(key('Digit5', { altKey: true })).toEqual({ kind: 'valence', value: 0 });
    expect(key('Digit9', { altKey: true })).toEqual({ kind: 'valence', value: 4 });
  });

  it('never steals a digit typed into a note or field, but works on a focused radio', () => {
    expect(key('Digit3', { target: { tagName: 'TEXTAREA' } })).toBeNull();
    expect(key('Digit3', { target: { tagName: 'INPUT', type: 'text' } })).toBeNull();
    expect(key('Digit3', { target: { tagName: 'DIV', isContentEditable: true } })).toBeNull();
    expect(key('Digit3', { target: { tagName: 'INPUT', type: 'radio' } })).toEqual({ kind: 'ease', value: 3 });
  });

  it('never takes a key whose field was just re-rendered away, nor one typed in a select or checkbox', () => {
    expect(
      ratingFromKey(
        {
          code: 'Digit5',
          altKey: false,
          ctrlKey: false,
          metaKey: false,
          shiftKey: false,
          target: { tagName: 'BODY' },
        } as never,
        true,
      ),
    ).toBeNull();
    expect(key('Digit5', { target: { tagName: 'SELECT' } })).toBeNull();
    expect(key('Digit5', { target: { tagName: 'INPUT', type: 'checkbox' } })).toBeNull();
    expect(key('Digit5', { target: { tagName: 'DIV' } })).toEqual({ kind: 'ease', value: 5 });
  });

  it('leaves browser shortcuts alone', () => {
    expect(key('Digit1', { ctrlKey: true })).toBeNull();
    expect(key('Digit1', { shiftKey: true })).toBeNull();
    expect(key('KeyA')).toBeNull();
  });
});

describe('dwell label', () => {
  // Node has no Intl.DurationFormat, so a minute or more is two unit amounts here; Chromium writes
  // it through DurationFormat ("2 min, 5 sec").
  it('shows seconds, then minutes and seconds, in the units of the language shown', () => {
    expect(dwellLabel(12_400, 'en')).toBe('12 sec');
    expect(dwellLabel(59_499, 'en')).toBe('59 sec');
    expect(dwellLabel(125_000, 'en')).toBe('2 min 5 sec');
    expect(dwellLabel(12_400, 'ru')).toBe('12 с');
    expect(dwellLabel(125_000, 'pl')).toBe('2 min 5 sek.');
    expect(dwellLabel(12_400, 'zh-TW')).toBe('12 秒');
  });
});
