// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { watchLostFocus } from '../../../src/panel/keyboard.ts';

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  document.body.replaceChildren();
});

function field(tag: 'textarea' | 'button'): HTMLElement {
  const el = document.createElement(tag);
  document.body.append(el);
  return el;
}

describe('focus lost to a re-render', () => {
  it('is lost when the focused element is removed, until the auditor presses or focuses something', () => {
    const w = watchLostFocus(document);
    stop = w.stop;
    const note = field('textarea');
    note.focus();
    expect(w.lost()).toBe(false);
    note.remove();
    expect(document.activeElement).toBe(document.body);
    expect(w.lost()).toBe(true);
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(w.lost()).toBe(false);

    const other = field('textarea');
    other.focus();
    other.remove();
    expect(w.lost()).toBe(true);
    field('button').focus();
    expect(w.lost()).toBe(false);
  });

  it('is not lost when the field is still there (the auditor left it, or the panel lost focus)', () => {
    const w = watchLostFocus(document);
    stop = w.stop;
    const note = field('textarea');
    note.focus();
    note.blur();
    expect(document.activeElement).toBe(document.body);
    expect(w.lost()).toBe(false);
  });

  it('stops watching', () => {
    const w = watchLostFocus(document);
    w.stop();
    const note = field('textarea');
    note.focus();
    note.remove();
    expect(w.lost()).toBe(false);
  });
});
