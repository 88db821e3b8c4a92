// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { VisibilityCache, findShadowRoots, queryAllDeep } from '../../../src/content/dom/visibility.ts';

const originalGetComputedStyle = window.getComputedStyle;

afterEach(() => {
  document.body.innerHTML = '';
  delete (Element.prototype as { checkVisibility?: unknown }).checkVisibility;
  window.getComputedStyle = originalGetComputedStyle;
});

/** The ids of the elements whose computed style is read from now on (restored after each test). */
function styleReads(): string[] {
  const reads: string[] = [];
  const original = originalGetComputedStyle.bind(window);
  window.getComputedStyle = (el: Element) => {
    reads.push(el.id);
    return original(el);
  };
  return reads;
}

/** A browser's Element.checkVisibility, answering from a data attribute, and recording its calls. */
function nativeCheck(): Array<{ id: string; options: unknown }> {
  const calls: Array<{ id: string; options: unknown }> = [];
  (Element.prototype as { checkVisibility?: unknown }).checkVisibility = function (this: Element, options: unknown) {
    calls.push({ id: this.id, options });
    return this.closest('[data-native-hidden]') === null;
  };
  return calls;
}

describe('VisibilityCache where the browser has checkVisibility', () => {
  it('takes the native answer for styles, asking about visibility too', () => {
    document.body.innerHTML = `<div data-native-hidden><input id="styled-away"></div><input id="shown">`;
    const calls = nativeCheck();
    const cache = new VisibilityCache();
    expect(cache.isVisible(document.getElementById('styled-away')!)).toBe(false);
    expect(cache.isVisible(document.getElementById('shown')!)).toBe(true);
    expect(calls.map((c) => c.id)).toEqual(['styled-away', 'shown']);
    expect(calls[0]?.options).toEqual({ visibilityProperty: true, checkVisibilityCSS: true });
  });

  it('still hides what sits under a hidden attribute, even where the page styles it shown', () => {
    document.body.innerHTML = `<style>[hidden] { display: block }</style><section hidden><p><input id="in-hidden"></p></section><input id="free">`;
    const calls = nativeCheck();
    const cache = new VisibilityCache();
    expect(cache.isVisible(document.getElementById('in-hidden')!)).toBe(false);
    expect(cache.isVisible(document.getElementById('free')!)).toBe(true);
    // The attribute rules first: no native call is spent on an element it already hides.
    expect(calls.map((c) => c.id)).toEqual(['free']);
  });

  it('falls back to the computed-style walk where there is no checkVisibility', () => {
    document.body.innerHTML = `<div style="display:none"><input id="a"></div><div style="visibility:hidden"><input id="b"></div><input id="c">`;
    const cache = new VisibilityCache();
    expect(['a', 'b', 'c'].map((id) => cache.isVisible(document.getElementById(id)!))).toEqual([false, false, true]);
  });
});

describe('VisibilityCache, a closed dialog', () => {
  // A popover dialog is shown without `open` (showPopover): the markup does not say, the browser does.
  const html = `<dialog id="closed"><p id="result" role="alert" style="display:contents">Size M</p><input id="in-closed"></dialog>
    <dialog id="open" open><p id="shown" aria-live="polite">Size L</p></dialog>
    <dialog id="popover" popover style="display:block"><p id="in-popover" role="alert">Saved</p></dialog>`;
  const ids = ['closed', 'result', 'in-closed', 'open', 'shown', 'popover', 'in-popover'];
  const expected = [false, false, false, true, true, true, true];

  it('hides its content from the markup, with no native call and no style read; a popover dialog is left to the browser', () => {
    document.body.innerHTML = html;
    const calls = nativeCheck();
    const reads = styleReads();
    const cache = new VisibilityCache();
    expect(ids.map((id) => cache.isVisible(document.getElementById(id)!))).toEqual(expected);
    expect(calls.map((c) => c.id)).toEqual(['open', 'shown', 'popover', 'in-popover']);
    expect(reads).toEqual([]);
  });

  it('hides its content in the walk too, where there is no checkVisibility', () => {
    document.body.innerHTML = html;
    const cache = new VisibilityCache();
    expect(ids.map((id) => cache.isVisible(document.getElementById(id)!))).toEqual(expected);
  });
});

describe('VisibilityCache, an element with no box of its own', () => {
  it('judges display: contents by the walk, which the native check calls hidden', () => {
    document.body.innerHTML = `<div id="alert" role="alert" style="display:contents">Card declined</div><div style="display:none"><div id="gone" style="display:contents"></div></div>`;
    nativeCheck();
    (Element.prototype as { checkVisibility?: unknown }).checkVisibility = () => false;
    const cache = new VisibilityCache();
    expect(cache.isVisible(document.getElementById('alert')!)).toBe(true);
    expect(cache.isVisible(document.getElementById('gone')!)).toBe(false);
  });
});

describe('VisibilityCache, the hidden attribute across shadow roots', () => {
  it('finds a hidden host above a field inside its shadow tree, and only there', () => {
    document.body.innerHTML = `<section hidden><x-card id="hidden-host"></x-card></section><x-card id="shown-host"></x-card>`;
    const inside = (hostId: string) => {
      const root = document.getElementById(hostId)!.attachShadow({ mode: 'open' });
      root.innerHTML = `<div><input></div>`;
      return root.querySelector('input')!;
    };
    const hiddenField = inside('hidden-host');
    const shownField = inside('shown-host');
    nativeCheck();
    const cache = new VisibilityCache();
    expect(cache.isVisible(hiddenField)).toBe(false);
    expect(cache.isVisible(shownField)).toBe(true);
  });
});

describe('VisibilityCache, a hidden form control', () => {
  it('is not visible without a style read: a field cannot be display: contents', () => {
    document.body.innerHTML = `<div data-native-hidden><input id="field" style="display:contents"><div id="box" role="alert" style="display:contents">x</div></div>`;
    nativeCheck();
    const reads = styleReads();
    const cache = new VisibilityCache();
    expect(cache.isVisible(document.getElementById('field')!)).toBe(false);
    expect(reads).toEqual([]);
    // Any other element the native check calls hidden is still asked whether it has a box.
    cache.isVisible(document.getElementById('box')!);
    expect(reads).toContain('box');
  });
});

describe('findShadowRoots, closed shadow roots', () => {
  afterEach(() => {
    delete (Element.prototype as { openOrClosedShadowRoot?: unknown }).openOrClosedShadowRoot;
  });

  /** A host with a closed shadow root holding a card field; returns the root the page keeps. */
  function closedCardField(): ShadowRoot {
    document.body.innerHTML = `<pay-field id="host"></pay-field>`;
    const root = document.getElementById('host')!.attachShadow({ mode: 'closed' });
    root.innerHTML = `<input id="card" autocomplete="cc-number">`;
    return root;
  }

  it('stay out of reach where the browser offers no way in', () => {
    closedCardField();
    expect(findShadowRoots(document)).toEqual([]);
    expect(queryAllDeep(document, 'input')).toEqual([]);
  });

  it("are searched through Firefox's openOrClosedShadowRoot property, as content scripts there have it", () => {
    const roots = new Map<Element, ShadowRoot>();
    const closed = closedCardField();
    roots.set(document.getElementById('host')!, closed);
    Object.defineProperty(Element.prototype, 'openOrClosedShadowRoot', {
      configurable: true,
      get(this: Element) {
        return roots.get(this) ?? null;
      },
    });
    expect(findShadowRoots(document)).toEqual([closed]);
    expect(queryAllDeep(document, 'input').map((el) => el.id)).toEqual(['card']);
  });
});
