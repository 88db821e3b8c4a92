// The capture window, from the covers' scan until they are taken away: a field added or moved in it
// may be in the pixels with no cover over it. The sensitive fields are measured again just before the
// covers go: any in view and not under a cover makes the capture invalid (the worker retries it or
// stores no screenshot). A form control added and removed again within the window cannot be measured
// any more: a MutationObserver sees it come, and it counts as bare.
import { MASK_LAYER_TAG } from './layer-tag.ts';
import { findSensitive } from './sensitive.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const FIELD_SELECTOR = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
/** Sub-pixel layout shifts are not moves: the cover overhangs its field by 2 px. */
const TOLERANCE_PX = 1.5;

interface Watch {
  observer: MutationObserver;
  /** Added elements that are or hold a form control. */
  added: Element[];
  selectors: readonly string[];
  boxes: Box[];
}

let watching: Watch | null = null;

function noteAdded(state: Watch, records: readonly MutationRecord[]): void {
  for (const record of records)
    for (const node of record.addedNodes) {
      if (!(node instanceof Element) || node.localName === MASK_LAYER_TAG) continue;
      if (node.matches(FIELD_SELECTOR) || node.querySelector(FIELD_SELECTOR)) state.added.push(node);
    }
}

/** Starts watching before the scan, so a field added while it runs is seen too. */
export function startWatch(selectors: readonly string[]): void {
  watching?.observer.disconnect();
  const state: Watch = { added: [], selectors, boxes: [], observer: new MutationObserver(() => undefined) };
  state.observer = new MutationObserver((records) => noteAdded(state, records));
  state.observer.observe(document, { childList: true, subtree: true });
  watching = state;
}

/** The boxes the covers were drawn over (CSS px of this frame's viewport). */
export function watchCovered(boxes: readonly Box[]): void {
  if (watching) watching.boxes = [...boxes];
}

/** A frame outside the top-level viewport is not in the capture: nothing in it can change the image. */
export function stopWatch(): void {
  watching?.observer.disconnect();
  watching = null;
}

const inside = (r: DOMRect, b: Box) =>
  r.left >= b.x - TOLERANCE_PX &&
  r.top >= b.y - TOLERANCE_PX &&
  r.right <= b.x + b.width + TOLERANCE_PX &&
  r.bottom <= b.y + b.height + TOLERANCE_PX;

/**
 * Ends the watch: how many sensitive fields are now in view outside every cover (moved, or added after
 * the scan), plus the form controls that came and went meanwhile. Called before the covers go.
 */
export function endWatch(): number {
  const state = watching;
  if (!state) return 0;
  watching = null;
  noteAdded(state, state.observer.takeRecords());
  state.observer.disconnect();
  // Still in the page: measured below with every other field (only a sensitive one counts).
  const gone = state.added.filter((el) => !el.isConnected).length;
  const vw = innerWidth;
  const vh = innerHeight;
  let bare = 0;
  for (const el of findSensitive(document, state.selectors)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.right < 0 || r.top > vh || r.left > vw) continue;
    if (!state.boxes.some((b) => inside(r, b))) bare += 1;
  }
  return gone + bare;
}
