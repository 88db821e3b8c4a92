// "Is this element shown?" without layout, so the same rule runs on real pages and on jsdom
// fixtures (jsdom has no layout: sizes and positions are all 0 there). Browsers answer most of it
// natively (Element.checkVisibility); the walk below is the rule itself, and what jsdom runs.
//
// An element is NOT visible when:
//  - it or an ancestor has the `hidden` attribute (any value, incl. "until-found");
//  - it or an ancestor has computed `display: none` (display is not inherited, hence the walk);
//  - its own computed `visibility` is `hidden` or `collapse` (visibility IS inherited, so an
//    ancestor's visibility:hidden shows up on the element itself, and a descendant that sets
//    visibility:visible again is correctly shown);
//  - it is inside a closed <details> and not in that details' own <summary>;
//  - it is a closed <dialog> (no `open` attribute, and no `popover` attribute, which shows a dialog
//    without `open`) or inside one. Like `hidden`, this is read from the markup, and so taken as
//    hidden even where a page's CSS displays it anyway.
// Layout-based tests (zero size, off-screen, clipped, opacity 0) are deliberately left out:
// they cannot be tested without layout, and custom checkboxes/radios commonly hide the native
// input that way while the shopper still fills the field.
//
// The ancestor walk crosses open shadow roots (a shadow root's parent is its host). A
// VisibilityCache memoises the per-element answers within one pass, so a form with 30 fields
// costs one getComputedStyle per distinct ancestor, not per field and ancestor.

type CheckVisibility = (options?: { visibilityProperty?: boolean; checkVisibilityCSS?: boolean }) => boolean;

export class VisibilityCache {
  private readonly hiddenSubtree = new Map<Element, boolean>();

  /** Whether `el` is shown by the rules above. */
  isVisible(el: Element): boolean {
    // In a browser one native call answers display:none up the tree, visibility and closed
    // <details> (measured the largest part of the content script's time on a form page, as a
    // getComputedStyle per ancestor); the `hidden` attribute, which a page's CSS may override, is
    // looked up apart.
    const check = (el as Element & { checkVisibility?: CheckVisibility }).checkVisibility;
    if (typeof check === 'function') {
      if (this.underHidingMarkup(el)) return false;
      if (check.call(el, { visibilityProperty: true, checkVisibilityCSS: true })) return true;
      // An element with no box of its own (display: contents, a common wrapper for alert regions)
      // is "not visible" natively; the walk judges it. Form controls and replaced elements cannot
      // be display: contents (CSS Display 3, appendix B: it computes to none), so a hidden field
      // costs no style read.
      if (NEVER_CONTENTS.has(el.localName) || computedDisplay(el) !== 'contents') return false;
    }
    if (this.subtreeHidden(el)) return false;
    const style = computedStyle(el);
    if (style && (style.visibility === 'hidden' || style.visibility === 'collapse')) return false;
    return true;
  }

  /**
   * One native `closest` per tree (document, then each shadow host up), not a step per ancestor.
   * It also finds the closed dialogs before any style is read: an alert region in a closed dialog
   * keeps its text (the demo shop's size finder), and the style read that tells its `display`
   * apart from `contents` measured about 0.3 ms a visit in the benchmark.
   */
  private underHidingMarkup(el: Element): boolean {
    for (let node: Element | null = el; node; node = hostOf(node)) {
      if (node.closest(HIDING_MARKUP)) return true;
    }
    return false;
  }

  /** Whether `el` or an ancestor removes its subtree from rendering. */
  private subtreeHidden(el: Element): boolean {
    const known = this.hiddenSubtree.get(el);
    if (known !== undefined) return known;
    let hidden = hidesSubtree(el);
    if (!hidden) {
      const parent = composedParent(el);
      if (parent) {
        hidden = this.subtreeHidden(parent);
        if (!hidden && isClosedDetails(parent) && !isOwnSummaryPart(el, parent)) hidden = true;
      }
    }
    this.hiddenSubtree.set(el, hidden);
    return hidden;
  }
}

/** Shorthand for a one-off check. */
export function isVisible(el: Element): boolean {
  return new VisibilityCache().isVisible(el);
}

const HIDING_MARKUP = '[hidden], dialog:not([open]):not([popover])';

function hidesSubtree(el: Element): boolean {
  if (el.matches(HIDING_MARKUP)) return true;
  const style = computedStyle(el);
  return style?.display === 'none';
}

function computedDisplay(el: Element): string | undefined {
  return computedStyle(el)?.display;
}

function computedStyle(el: Element): CSSStyleDeclaration | null {
  const view = el.ownerDocument.defaultView;
  return view ? view.getComputedStyle(el) : null;
}

const NEVER_CONTENTS = new Set(['input', 'select', 'textarea', 'img', 'iframe', 'video', 'canvas', 'embed', 'object']);

/** The shadow host `el` lives under, if it is in a shadow tree. */
function hostOf(el: Element): Element | null {
  const root = el.getRootNode();
  return root.nodeType === 11 /* DOCUMENT_FRAGMENT_NODE */ && 'host' in root ? (root as ShadowRoot).host : null;
}

/** Parent element, stepping from a shadow root to its host. */
export function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const parent = el.parentNode;
  if (parent && parent.nodeType === 11 /* DOCUMENT_FRAGMENT_NODE */ && 'host' in parent) {
    return (parent as ShadowRoot).host;
  }
  return null;
}

function isClosedDetails(el: Element): boolean {
  return el.localName === 'details' && !el.hasAttribute('open');
}

/** Whether `child` (a direct child of `details`) is the details' first <summary>. */
function isOwnSummaryPart(child: Element, details: Element): boolean {
  if (child.localName !== 'summary') return false;
  for (const c of Array.from(details.children)) {
    if (c.localName === 'summary') return c === child;
  }
  return false;
}

/**
 * Every element matching `selector` under `root`, including inside shadow roots (findShadowRoots).
 * Shadow roots are found with one TreeWalker pass over elements (no serialisation).
 */
export function queryAllDeep(root: ParentNode, selector: string): Element[] {
  const out = Array.from(root.querySelectorAll(selector));
  for (const shadow of shadowRoots(root)) out.push(...Array.from(shadow.querySelectorAll(selector)));
  return out;
}

/**
 * An element's shadow root, a closed one too where the browser shows it to a content script:
 * Firefox's Element.openOrClosedShadowRoot, a property only content scripts see. Elsewhere, and for
 * the user-agent shadow roots of built-in controls (which no page content lives in), closed roots
 * stay out of reach.
 */
function shadowRootOf(el: Element): ShadowRoot | null {
  return el.shadowRoot ?? (el as { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? null;
}

/** Every shadow root under `root` (closed ones where shadowRootOf can), nested ones included: one TreeWalker pass per scope. */
export function findShadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (scope: ParentNode): void => {
    const doc = ownerDocument(scope);
    if (!doc) return;
    const walker = doc.createTreeWalker(scope, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const shadow = shadowRootOf(n as Element);
      if (shadow) {
        found.push(shadow);
        visit(shadow);
      }
    }
  };
  visit(root);
  return found;
}

// The walk visits every element of the page. The content script, which counts often, installs a
// provider that reuses the last walk for a moment; tests and one-off callers walk each time.
let shadowRoots: (root: ParentNode) => ShadowRoot[] = findShadowRoots;

export function setShadowRootProvider(provider: ((root: ParentNode) => ShadowRoot[]) | null): void {
  shadowRoots = provider ?? findShadowRoots;
}

function ownerDocument(node: ParentNode): Document | null {
  const n = node as Node;
  return n.nodeType === 9 /* DOCUMENT_NODE */ ? (n as Document) : n.ownerDocument;
}
