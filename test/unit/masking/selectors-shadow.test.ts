// @vitest-environment jsdom
// The auditor's own selectors pierce shadow roots as the built-in rules do: open ones, and closed
// ones where the browser gives a way in (Firefox's openOrClosedShadowRoot property, stood in for here).
import { afterEach, describe, expect, it } from 'vitest';
import { findSensitive } from '../../../src/content/masking/sensitive.ts';

afterEach(() => {
  document.body.innerHTML = '';
  delete (Element.prototype as { openOrClosedShadowRoot?: unknown }).openOrClosedShadowRoot;
});

describe("auditor's selectors in shadow roots", () => {
  it('reach a loyalty number inside a closed root nested in an open one', () => {
    document.body.innerHTML = `<p class="loyalty">outside</p><x-account></x-account>`;
    const open = document.querySelector('x-account')!.attachShadow({ mode: 'open' });
    open.innerHTML = `<x-card></x-card>`;
    const host = open.querySelector('x-card')!;
    const closed = host.attachShadow({ mode: 'closed' });
    closed.innerHTML = `<span class="loyalty" id="inner">LOY-1234</span>`;
    Object.defineProperty(Element.prototype, 'openOrClosedShadowRoot', {
      configurable: true,
      get(this: Element) {
        return this === host ? closed : null;
      },
    });
    const found = findSensitive(document, ['.loyalty']);
    expect(found.map((el) => el.id || el.textContent)).toEqual(['outside', 'inner']);
  });
});
