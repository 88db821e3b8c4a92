// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { findSensitive } from '../../../src/content/masking/sensitive.ts';

afterEach(() => {
  document.body.innerHTML = '';
  delete (Element.prototype as { openOrClosedShadowRoot?: unknown }).openOrClosedShadowRoot;
});

/** A payment widget: a host whose shadow root (open or closed) holds a card field. */
function widget(mode: ShadowRootMode): { host: Element; root: ShadowRoot } {
  document.body.innerHTML = `<input id="plain" name="q"><pay-widget id="host"></pay-widget>`;
  const host = document.getElementById('host')!;
  const root = host.attachShadow({ mode });
  root.innerHTML = `<input id="card" autocomplete="cc-number"><input id="note" name="note">`;
  return { host, root };
}

describe('findSensitive inside shadow roots', () => {
  it('finds a card field in an open shadow root, and the auditor selectors reach in too', () => {
    widget('open');
    expect(findSensitive(document, []).map((el) => el.id)).toEqual(['card']);
    expect(findSensitive(document, ['#note']).map((el) => el.id)).toEqual(['card', 'note']);
  });

  it('cannot see into a closed shadow root where the browser offers no way in', () => {
    widget('closed');
    expect(findSensitive(document, [])).toEqual([]);
  });

  it("finds a card field in a closed shadow root through Firefox's openOrClosedShadowRoot property", () => {
    const { host, root } = widget('closed');
    Object.defineProperty(Element.prototype, 'openOrClosedShadowRoot', {
      configurable: true,
      get(this: Element) {
        return this === host ? root : null;
      },
    });
    expect(findSensitive(document, []).map((el) => el.id)).toEqual(['card']);
  });
});
