// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { LONG_MS, SHORT_MS, ShadowRootCache } from '../../../src/content/dom/shadow-roots.ts';
import { findShadowRoots } from '../../../src/content/dom/visibility.ts';

/** A cache over the test document with a clock the test moves, counting its walks. */
function setup(undefinedCount?: () => number) {
  let time = 0;
  const walks: number[] = [];
  const walk = (root: ParentNode) => {
    walks.push(time);
    return findShadowRoots(root);
  };
  const cache = undefinedCount ? new ShadowRootCache(document, () => time, walk, undefinedCount) : new ShadowRootCache(document, () => time, walk);
  return {
    cache,
    walks,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ShadowRootCache', () => {
  it('keeps the answer of a page without shadow roots while its elements stay the same, up to LONG_MS', () => {
    document.body.innerHTML = '<form><input id="a"></form>';
    const { cache, walks, advance } = setup();
    expect(cache.roots(document)).toEqual([]);
    advance(LONG_MS - 1);
    document.getElementById('a')!.setAttribute('aria-invalid', 'true');
    expect(cache.roots(document)).toEqual([]);
    expect(walks).toHaveLength(1);
    advance(1);
    cache.roots(document);
    expect(walks).toHaveLength(2);
  });

  it('walks again at once when an element is added, and finds the shadow root it brings', () => {
    document.body.innerHTML = '<p>Checkout</p>';
    const { cache, walks, advance } = setup();
    expect(cache.roots(document)).toEqual([]);
    advance(10);
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input required>';
    document.body.append(host);
    expect(cache.roots(document)).toEqual([shadow]);
    expect(walks).toEqual([0, 10]);
  });

  it('walks again when a custom element already in the page is defined', () => {
    document.body.innerHTML = '<card-field></card-field>';
    // jsdom matches no element with :defined; Chromium does, so the count is the one it would give.
    const { cache, walks, advance } = setup(() => (customElements.get('card-field') ? 0 : 1));
    expect(cache.roots(document)).toEqual([]);
    customElements.define(
      'card-field',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<input>';
        }
      },
    );
    advance(10);
    const roots = cache.roots(document);
    expect(roots).toHaveLength(1);
    expect(roots[0]!.host.localName).toBe('card-field');
    expect(walks).toEqual([0, 10]);
  });

  it('in a page with shadow roots, keeps the answer SHORT_MS at most: what is added inside them is not counted', () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    const { cache, walks, advance } = setup();
    expect(cache.roots(document)).toEqual([shadow]);
    // A nested shadow root, added inside the first: the document's count does not move.
    const inner = document.createElement('span');
    const nested = inner.attachShadow({ mode: 'open' });
    shadow.append(inner);
    advance(SHORT_MS - 1);
    expect(cache.roots(document)).toEqual([shadow]);
    advance(1);
    expect(cache.roots(document)).toEqual([shadow, nested]);
    expect(walks).toEqual([0, SHORT_MS]);
  });

  it('walks any root other than the document every time', () => {
    document.body.innerHTML = '<section id="s"><div id="h"></div></section>';
    const shadow = document.getElementById('h')!.attachShadow({ mode: 'open' });
    const { cache, walks } = setup();
    const section = document.getElementById('s')!;
    expect(cache.roots(section)).toEqual([shadow]);
    expect(cache.roots(section)).toEqual([shadow]);
    expect(walks).toHaveLength(2);
  });
});
