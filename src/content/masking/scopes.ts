// Where sensitive fields can be: the document and every shadow root under it, closed ones included.
// A page's closed shadow root hides its fields from page scripts, not from what is painted, so the
// masking must reach it. Chrome gives content scripts chrome.dom.openOrClosedShadowRoot (Chrome 88);
// Firefox gives them the property Element.openOrClosedShadowRoot (Firefox 63). Where neither exists
// (jsdom), only open roots are found.
import { MASK_LAYER_TAG } from './layer-tag.ts';

type Opener = (el: Element) => ShadowRoot | null;

function closedRootOpener(): Opener | null {
  const chromeDom = (
    globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (el: HTMLElement) => ShadowRoot | null } } }
  ).chrome?.dom?.openOrClosedShadowRoot;
  if (typeof chromeDom === 'function') return (el) => (el instanceof HTMLElement ? chromeDom(el) : null);
  // Firefox's is a property that only content scripts see on an element (not a method, and not
  // visible on Element.prototype), so it is read per element; elsewhere it is undefined.
  return (el) => (el as { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? null;
}

// attachShadow accepts only custom elements (a name with a hyphen) and these (DOM standard,
// attachShadow). Asking the browser costs about 2 us an element (measured 11-15 ms over 6,000 divs
// and spans), so among these only empty ones are asked: a closed root on a plain <div> usually is
// the whole content of its host. Missed: such an element with a closed root and light-DOM children.
const CAN_HOST = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

function mayHostClosedRoot(el: Element): boolean {
  const name = el.localName;
  if (name.includes('-')) return name !== MASK_LAYER_TAG;
  return el.firstChild === null && CAN_HOST.has(name);
}

let opener: Opener | null | undefined;

/** The document (or root) and every shadow root under it, open or closed, nested ones included. */
export function maskScopes(root: ParentNode): ParentNode[] {
  if (opener === undefined) opener = closedRootOpener();
  const open = opener;
  const scopes: ParentNode[] = [root];
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  if (!doc) return scopes;
  for (let i = 0; i < scopes.length; i++) {
    const walker = doc.createTreeWalker(scopes[i] as Node, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let n = walker.nextNode() as Element | null; n; n = walker.nextNode() as Element | null) {
      let shadow = n.shadowRoot;
      if (!shadow && open && mayHostClosedRoot(n)) shadow = open(n);
      if (shadow) scopes.push(shadow);
    }
  }
  return scopes;
}
