// Personal data the page shows as text ("Signed in as ada@example.org", an order confirmation's phone
// and card number): the boxes to cover, in viewport coordinates. Text nodes are read in the document
// and in every shadow root (open and closed, as maskScopes finds them); what a field holds is the
// field's covers' business, so script, style, textarea and the like are skipped. A value split
// across elements ("ada@<b>example.org</b>") is not seen: each text node is matched on its own.
import { findSensitiveText } from '../../domain/sensitive-text.ts';
import { MASK_LAYER_TAG } from './layer-tag.ts';
import { maskScopes } from './scopes.ts';

/** Parents whose text is not page text: code, styles, a field's own value, our own layer. */
const NOT_PAGE_TEXT = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'title', MASK_LAYER_TAG]);

/** The shortest text that can hold anything findSensitiveText finds (a@b.co, a masked card). */
const MIN_LENGTH = 6;

/** Boxes of every e-mail address, phone number, card number and IBAN shown as text under `root`. */
export function sensitiveTextBoxes(root: Document, scopes: readonly ParentNode[] = maskScopes(root)): DOMRect[] {
  const boxes: DOMRect[] = [];
  const range = root.createRange();
  for (const scope of scopes) {
    const start = scope === root ? (root.body ?? root.documentElement) : (scope as Node);
    if (!start) continue;
    const walker = root.createTreeWalker(start, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.data;
      if (text.length < MIN_LENGTH) continue;
      const parent = node.parentNode as Element | null;
      if (parent && NOT_PAGE_TEXT.has(parent.localName)) continue;
      for (const match of findSensitiveText(text)) {
        range.setStart(node, match.start);
        range.setEnd(node, match.end);
        for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) boxes.push(r);
      }
    }
  }
  range.detach();
  return boxes;
}
