// Where this frame's covers are in the top viewport, so the worker can find them in the captured
// image. Same-origin frames add up their iframes' content-box offsets; a cross-origin parent hides
// its iframe element from us, and those covers are reported as not placed (checked by their paint
// only; see README).

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function offsetInTop(): { x: number; y: number } | null {
  let x = 0;
  let y = 0;
  try {
    for (let w: Window = window; w !== w.top; w = w.parent) {
      const el = w.frameElement;
      if (!el) return null;
      const r = el.getBoundingClientRect();
      const style = w.parent.getComputedStyle(el);
      x += r.left + el.clientLeft + parseFloat(style.paddingLeft || '0');
      y += r.top + el.clientTop + parseFloat(style.paddingTop || '0');
    }
  } catch {
    return null;
  }
  return { x, y };
}

/** The boxes moved into the top viewport's CSS px, or null when this frame cannot know where it is. */
export function placeInTop(boxes: readonly Box[]): Box[] | null {
  if (window === window.top) return [...boxes];
  if (boxes.length === 0) return [];
  const offset = offsetInTop();
  if (!offset) return null;
  return boxes.map((b) => ({ ...b, x: b.x + offset.x, y: b.y + offset.y }));
}
