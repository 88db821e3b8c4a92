// Where this frame's covers are in the top viewport, so the worker can find them in the captured
// image. A same-origin frame reads its iframe elements up to the top itself; a frame with a
// cross-origin ancestor cannot, and is told by its parent frame's content script (frame-place.ts).
import { childOrigin, TOP_ORIGIN, type FrameOrigin, type IframeMeasure } from './frame-origin.ts';

/** An iframe element as its own document lays it out. */
export function measureIframe(el: Element, view: Window): IframeMeasure {
  const r = el.getBoundingClientRect();
  const style = view.getComputedStyle(el);
  const px = (value: string) => parseFloat(value) || 0;
  return {
    left: r.left,
    top: r.top,
    width: r.width,
    layoutWidth: (el as Partial<HTMLElement>).offsetWidth ?? r.width,
    borderLeft: px(style.borderLeftWidth),
    borderTop: px(style.borderTopWidth),
    paddingLeft: px(style.paddingLeft),
    paddingTop: px(style.paddingTop),
  };
}

/** This frame's origin in the top viewport when every frame up to the top is same-origin, else null. */
export function sameOriginOffset(): FrameOrigin | null {
  const chain: IframeMeasure[] = [];
  try {
    for (let w: Window = window; w !== w.top; w = w.parent) {
      const el = w.frameElement;
      if (!el) return null;
      chain.unshift(measureIframe(el, w.parent));
    }
  } catch {
    return null;
  }
  return chain.reduce(childOrigin, TOP_ORIGIN);
}
