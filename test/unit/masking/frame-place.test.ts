// @vitest-environment jsdom
// A frame with a cross-origin parent learns its place only from a message that comes from its own
// parent window and carries the round's nonce; anything else leaves its covers unplaced. A parent
// tells each in-view iframe its place, and no iframe out of view.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listenForPlace, originInTop, placeChildren } from '../../../src/content/masking/frame-place.ts';

let parentWin: Window;
let otherWin: Window;

function box(el: Element, left: number, top: number, width: number, height: number): void {
  vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({
    x: left,
    y: top,
    left,
    top,
    width,
    height,
    right: left + width,
    bottom: top + height,
    toJSON: () => ({}),
  });
}

function post(source: Window, data: unknown): void {
  window.dispatchEvent(new MessageEvent('message', { data, source }));
}

beforeAll(() => {
  // This document plays a child frame: its parent and top are another window, and it has no frameElement.
  const a = document.createElement('iframe');
  const b = document.createElement('iframe');
  document.body.append(a, b);
  parentWin = a.contentWindow!;
  otherWin = b.contentWindow!;
  vi.spyOn(window, 'parent', 'get').mockReturnValue(parentWin);
  vi.spyOn(window, 'top', 'get').mockReturnValue(parentWin);
  listenForPlace();
});

afterEach(() => {
  document.querySelectorAll('.child').forEach((el) => el.remove());
});

describe('a child frame told its place', () => {
  it('takes the origin its parent posts with the round’s nonce, even before the round asks', async () => {
    post(parentWin, { kind: 'peakend/place', nonce: 'n1', x: 12, y: 34, scale: 1 });
    expect(await originInTop('n1', 50)).toEqual({ x: 12, y: 34, scale: 1 });
  });

  it('takes an origin that comes while it waits', async () => {
    const waiting = originInTop('n2', 1000);
    post(parentWin, { kind: 'peakend/place', nonce: 'n2', x: 1, y: 2, scale: 0.5 });
    expect(await waiting).toEqual({ x: 1, y: 2, scale: 0.5 });
  });

  it('ignores a message from any window but its parent, one with another nonce, and a malformed one', async () => {
    post(otherWin, { kind: 'peakend/place', nonce: 'n3', x: 0, y: 0, scale: 1 });
    post(parentWin, { kind: 'peakend/place', nonce: 'other', x: 0, y: 0, scale: 1 });
    post(parentWin, { kind: 'peakend/place', nonce: 'n3', x: 'a', y: 0, scale: 1 });
    post(parentWin, { kind: 'peakend/place', nonce: 'n3', x: 0, y: 0, scale: 0 });
    expect(await originInTop('n3', 30)).toBeNull();
  });

  it('keeps the first origin of a round', async () => {
    post(parentWin, { kind: 'peakend/place', nonce: 'n4', x: 5, y: 5, scale: 1 });
    post(parentWin, { kind: 'peakend/place', nonce: 'n4', x: 900, y: 900, scale: 1 });
    expect(await originInTop('n4', 30)).toEqual({ x: 5, y: 5, scale: 1 });
  });

  it('without a nonce (a worker from before this) stays unplaced', async () => {
    expect(await originInTop(undefined, 30)).toBeNull();
  });
});

describe('a parent telling its iframes', () => {
  it('posts each in-view iframe its content box in the top viewport, and skips one out of view', () => {
    const near = document.createElement('iframe');
    const far = document.createElement('iframe');
    near.className = far.className = 'child';
    near.style.cssText = 'border: 2px solid; padding: 3px';
    document.body.append(near, far);
    box(near, 40, 60, 300, 100);
    box(far, 40, 5000, 300, 100);
    const nearPost = vi.spyOn(near.contentWindow!, 'postMessage').mockImplementation(() => undefined);
    const farPost = vi.spyOn(far.contentWindow!, 'postMessage').mockImplementation(() => undefined);
    placeChildren('r1', { x: 100, y: 200, scale: 1 });
    expect(nearPost).toHaveBeenCalledWith({ kind: 'peakend/place', nonce: 'r1', x: 145, y: 265, scale: 1 }, '*');
    expect(farPost).not.toHaveBeenCalled();
  });
});
