// Open shadow roots are found by a walk over every element of the page, a call into the page per
// element: 0.3-0.6 ms a walk on the demo shop's product page (240 elements) just after it loaded.
// Error scans and field counts need them several times a second, so a walk's answer is kept while
// the page shows no sign of a new shadow root:
//  - a new element (the page's number of elements changes) or a custom element defined in place
//    (the number of undefined ones changes) walks again at once;
//  - in a page with shadow roots, elements added inside them leave the document's count as it was,
//    so the answer is kept SHORT_MS at most;
//  - in a page with none, only attachShadow on an element already there is not seen: LONG_MS at most.
import { findShadowRoots } from './visibility.ts';

export const SHORT_MS = 2000;
export const LONG_MS = 10_000;

interface Walk {
  at: number;
  count: number;
  undefinedCount: number;
  roots: ShadowRoot[];
}

export class ShadowRootCache {
  private last: Walk | null = null;

  constructor(
    private readonly doc: Document,
    private readonly clock: () => number,
    private readonly walk: (root: ParentNode) => ShadowRoot[] = findShadowRoots,
    private readonly undefinedCount: () => number = () => undefinedElements(doc),
  ) {}

  /** The open shadow roots under `root` (the document's kept as above; any other root walked). */
  roots(root: ParentNode): ShadowRoot[] {
    if (root !== this.doc) return this.walk(root);
    const at = this.clock();
    // Counted by the browser in one call: no element is handed to this script.
    const count = this.doc.querySelectorAll('*').length;
    const undefinedCount = this.undefinedCount();
    const last = this.last;
    if (last && count === last.count && undefinedCount === last.undefinedCount && at - last.at < (last.roots.length > 0 ? SHORT_MS : LONG_MS)) {
      return last.roots;
    }
    this.last = { at, count, undefinedCount, roots: this.walk(root) };
    return this.last.roots;
  }
}

/** Custom elements not defined yet (any element matches :defined once its name is defined). */
function undefinedElements(doc: Document): number {
  try {
    return doc.querySelectorAll(':not(:defined)').length;
  } catch {
    // An engine without :defined: no sign to go by, so a different count every time (always walk).
    return Number.NaN;
  }
}
