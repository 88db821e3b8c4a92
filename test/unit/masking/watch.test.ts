// @vitest-environment jsdom
// The capture window's watch: a sensitive field that moved off its cover, or came after the scan, and a
// form control that came and went within the window, make the capture invalid; a field still under
// its cover and a neutral control that stays do not.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endWatch, startWatch, stopWatch, watchCovered } from '../../../src/content/masking/watch.ts';

/** jsdom lays nothing out: each element's box is set by hand. */
function place(el: Element, x: number, y: number, width = 200, height = 30): void {
  vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({
    x,
    y,
    left: x,
    top: y,
    width,
    height,
    right: x + width,
    bottom: y + height,
    toJSON: () => ({}),
  });
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  stopWatch();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function checkout(): HTMLInputElement {
  document.body.innerHTML = '<input id="card" autocomplete="cc-number">';
  const card = document.getElementById('card') as HTMLInputElement;
  place(card, 10, 100);
  return card;
}

describe('the capture window', () => {
  it('finds nothing when every field is still under its cover', async () => {
    checkout();
    startWatch([]);
    watchCovered([{ x: 10, y: 100, width: 200, height: 30 }]);
    await flush();
    expect(endWatch()).toBe(0);
  });

  it('counts a field that moved off its cover', () => {
    const card = checkout();
    startWatch([]);
    watchCovered([{ x: 10, y: 100, width: 200, height: 30 }]);
    place(card, 10, 140);
    expect(endWatch()).toBe(1);
  });

  it('counts a sensitive field added after the scan, and not a neutral one', async () => {
    checkout();
    startWatch([]);
    watchCovered([{ x: 10, y: 100, width: 200, height: 30 }]);
    const search = Object.assign(document.createElement('input'), { name: 'q' });
    place(search, 10, 10);
    document.body.append(search);
    const email = Object.assign(document.createElement('input'), { type: 'email' });
    place(email, 10, 200);
    document.body.append(email);
    await flush();
    expect(endWatch()).toBe(1);
  });

  it('counts a form control that came and went within the window (it cannot be measured)', async () => {
    checkout();
    startWatch([]);
    watchCovered([{ x: 10, y: 100, width: 200, height: 30 }]);
    const box = document.createElement('div');
    box.innerHTML = '<input name="q">';
    document.body.append(box);
    await flush();
    box.remove();
    expect(endWatch()).toBe(1);
  });

  it('has nothing to say once stopped, or when never started', () => {
    checkout();
    startWatch([]);
    stopWatch();
    expect(endWatch()).toBe(0);
  });
});
