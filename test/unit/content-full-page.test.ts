// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fullPage } from '../../src/content/full-page.ts';

// jsdom has no layout and no scrolling: what is checked here is which elements are hidden from the
// second slice on, and that they all come back (the scrolling itself is covered in Chromium, e2e).
beforeEach(() => {
  document.body.innerHTML = `
    <header id="bar" style="position: fixed; top: 0">Bar</header>
    <nav id="stuck" style="position: sticky; top: 0">Off-screen sticky (no layout here)</nav>
    <main id="content"><p>Text</p></main>
    <peakend-mask-layer id="layer" style="position: fixed"></peakend-mask-layer>`;
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});
afterEach(async () => {
  await fullPage({ kind: 'restore', x: 0, y: 0 });
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const hidden = () => [...document.querySelectorAll('[data-peakend-hidden]')].map((el) => el.id);

describe('content script: full page', () => {
  it('shows everything on the first slice and hides fixed elements from the second, never its own covers', async () => {
    await fullPage({ kind: 'scroll', y: 0, hideFixed: false });
    expect(hidden()).toEqual([]);
    await fullPage({ kind: 'scroll', y: 800, hideFixed: true });
    // The sticky element is outside the (empty) viewport here, so it stays: only one stuck in view is hidden.
    expect(hidden()).toEqual(['bar']);
    const style = [...document.querySelectorAll('style')].map((s) => s.textContent).join('');
    expect(style).toContain('[data-peakend-hidden]{visibility:hidden!important;opacity:0!important}');
    expect(window.scrollTo).toHaveBeenLastCalledWith({ left: expect.any(Number), top: 800, behavior: 'instant' });
  });

  it('puts back every hidden element, removes its style and scrolls to where the auditor was', async () => {
    await fullPage({ kind: 'scroll', y: 800, hideFixed: true });
    await fullPage({ kind: 'restore', x: 0, y: 300 });
    expect(hidden()).toEqual([]);
    expect(document.querySelectorAll('style')).toHaveLength(0);
    expect(window.scrollTo).toHaveBeenLastCalledWith({ left: 0, top: 300, behavior: 'instant' });
  });

  it('shows the hidden elements again when the worker stops mid-capture and never sends restore', async () => {
    vi.useFakeTimers();
    const scrolled = fullPage({ kind: 'scroll', y: 800, hideFixed: true });
    await vi.advanceTimersByTimeAsync(600);
    await scrolled;
    expect(hidden()).toEqual(['bar']);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(hidden()).toEqual([]);
  });
});
