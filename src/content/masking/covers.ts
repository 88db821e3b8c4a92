// Opaque boxes over sensitive fields, drawn in a layer on top of the page, so the pixels that reach
// captureVisibleTab never show what was typed. The layer is removed right after the capture.
//
// The layer is a manual popover shown after everything the page has put in the top layer: a modal
// <dialog>, a popover or a fullscreen element is drawn above any z-index, and the top layer is
// stacked in the order its elements were shown, so only a later top-layer element is drawn above
// them. A top-layer element is also laid out against the viewport whatever its ancestors are, so a
// transform, filter or containment on <html> or <body> (which would make them the containing block
// of a fixed layer, and move it off its fields once scrolled) cannot move the covers. Inertness
// under a modal dialog changes hit-testing and focus, not painting. The popover lives in the host's
// closed shadow root, so no page style sheet reaches it, and its toggle events, which are not
// composed, never leave the shadow root.
import { holdAnimations, releaseAnimations } from './freeze.ts';
import { MASK_LAYER_TAG } from './layer-tag.ts';
import { maskScopes } from './scopes.ts';
import { findSensitive } from './sensitive.ts';
import { phaseTimer } from '../../domain/phase-timer.ts';

// A tag of our own with a closed shadow root: no page style sheet can hide or restyle the boxes.
export { MASK_LAYER_TAG };

const HOST_STYLE: Record<string, string> = {
  display: 'block',
  position: 'fixed',
  inset: '0',
  'pointer-events': 'none',
  'z-index': '2147483647',
  visibility: 'visible',
  opacity: '1',
  margin: '0',
  padding: '0',
  border: '0',
  transform: 'none',
};

export interface CoverResult {
  fields: number;
  offscreenFrames: string[];
  /** 1 when the covers were not seen painted in time. */
  unpainted?: number;
  /** Each covered field's box in CSS px of this frame's viewport: the capture is checked against them. */
  boxes: Array<{ x: number; y: number; width: number; height: number }>;
  /** When each part of the covering ended, in ms from the call (the bench reads them: docs/performance.md). */
  phases?: Record<string, number>;
}

/**
 * Iframes wholly outside the viewport. Chromium does not render such a cross-origin frame, so it
 * would wait for a paint that never comes; and it is not in the captured pixels anyway.
 */
function offscreenFrames(vw: number, vh: number): string[] {
  const out: string[] = [];
  for (const frame of document.querySelectorAll('iframe')) {
    const r = frame.getBoundingClientRect();
    if (frame.src && (r.width === 0 || r.height === 0 || r.bottom <= 0 || r.right <= 0 || r.top >= vh || r.left >= vw))
      out.push(frame.src);
  }
  return out;
}

/**
 * Resolves once the covers are in a frame the compositor has taken: a message posted from
 * requestAnimationFrame arrives after that frame's paint, and the next frame's callback only runs
 * once that frame was committed. With `frames` 1 it resolves after the paint, before the commit is
 * known: a capture then misses the covers now and then (about 2 in 100, docs/performance.md), and
 * the worker's pixel check refuses that image and takes another at once with two frames. A busy
 * machine can hold a frame back well past 100 ms, so there is no short timeout (an early answer
 * would let the capture show the fields); a hidden document, which paints nothing, answers at once.
 * A frame that never comes is given up after a second and reported, so the worker refuses the
 * capture instead of storing what may be unmasked pixels.
 */
function afterCoversPainted(frames: number, onFrame: () => void = () => undefined): Promise<boolean> {
  if (document.visibilityState === 'hidden') return Promise.resolve(true);
  const cap = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000));
  return Promise.race([
    frame()
      .then(onFrame)
      .then(() => (frames > 1 ? frame() : undefined))
      .then(() => true),
    cap,
  ]);
}

// The popover's user-agent style (centred, fit-content, a border, Canvas background) undone; without
// the popover API (before Chrome 114 and Firefox 125) the same element is a plain fixed layer. Set
// through CSSOM, as the boxes are: a style element could be refused by the page's CSP. Its ::backdrop
// is transparent by default, and no page style sheet reaches into the closed shadow root to change it.
const LAYER_STYLE =
  'display:block;position:fixed;inset:0;width:auto;height:auto;max-width:none;max-height:none;margin:0;' +
  'padding:0;border:0;background:transparent;overflow:visible;pointer-events:none;visibility:visible;opacity:1;' +
  'transform:none;filter:none;';

/** Puts the layer in the top layer, above whatever the page has there; false where that cannot be done. */
function raise(layer: HTMLElement): boolean {
  if (typeof layer.showPopover !== 'function') return false;
  try {
    layer.setAttribute('popover', 'manual');
    layer.showPopover();
    return true;
  } catch {
    // Left as a fixed layer at the highest z-index: still above all but the top layer.
    layer.removeAttribute('popover');
    return false;
  }
}

/** Resolves after the next frame's paint (a message posted from its requestAnimationFrame callback). */
function frame(): Promise<void> {
  return new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
}

/**
 * One more painted frame for covers put up with `frames` 1 that the pixel check cannot read (a frame
 * that could not learn its place in the page): for them the wait is the only assurance. False when
 * no frame came within a second, as afterCoversPainted.
 */
export function oneMoreFrame(): Promise<boolean> {
  return afterCoversPainted(1);
}

let current: { host: HTMLElement; count: number } | null = null;
/** How many times the layer was put in or taken away: the signals' mutation observer skips its own records by it. */
let layerChanges = 0;
export const maskLayerChanges = (): number => layerChanges;

function removeLayer(): number {
  if (!current) return 0;
  const { host, count } = current;
  host.remove();
  layerChanges += 1;
  current = null;
  releaseAnimations();
  return count;
}

/**
 * `moreBoxes` adds boxes that are not fields (text the page shows): they are covered the same way and
 * not counted as fields. It is given the scopes already walked, so it need not walk again.
 */
export async function cover(
  extraSelectors: readonly string[],
  preview = false,
  moreBoxes: (scopes?: readonly ParentNode[]) => readonly DOMRect[] = () => [],
  frames = 2,
): Promise<CoverResult> {
  const { timing: phases, mark } = phaseTimer(() => performance.now());
  removeLayer();
  const vw = innerWidth;
  const vh = innerHeight;
  const scopes = maskScopes(document);
  mark('scopes');
  // Held still before measuring, so each box is where its field stays until the covers go. A preview
  // stays up while the auditor looks: the page keeps moving then.
  if (!preview) holdAnimations(scopes);
  mark('held');
  const rects: DOMRect[] = [];
  const inView = (r: DOMRect) =>
    !(r.width === 0 || r.height === 0 || r.bottom < 0 || r.right < 0 || r.top > vh || r.left > vw);
  for (const el of findSensitive(document, extraSelectors, scopes)) {
    const r = el.getBoundingClientRect();
    if (inView(r)) rects.push(r);
  }
  const fields = rects.length;
  mark('fields');
  for (const r of moreBoxes(scopes)) if (inView(r)) rects.push(r);
  mark('text');
  const offscreen = window === window.top ? offscreenFrames(vw, vh) : [];
  const boxes = rects.map((r) => ({ x: r.left, y: r.top, width: r.width, height: r.height }));
  // Nothing to cover (most pages of a journey): no layer is built, nothing to wait for.
  if (rects.length === 0) {
    releaseAnimations();
    return { fields, offscreenFrames: offscreen, boxes, phases };
  }
  const host = document.createElement(MASK_LAYER_TAG);
  host.setAttribute('aria-hidden', 'true');
  for (const [name, value] of Object.entries(HOST_STYLE)) host.style.setProperty(name, value, 'important');
  // CSS zoom on <html> multiplies into the layer's lengths, while the boxes were measured in viewport
  // pixels: the host undoes it (zoom multiplies down the tree; the top layer does not escape it).
  const rootZoom = (document.documentElement as { currentCSSZoom?: number }).currentCSSZoom ?? 1;
  if (rootZoom > 0 && rootZoom !== 1) host.style.setProperty('zoom', String(1 / rootZoom), 'important');
  const shadow = host.attachShadow({ mode: 'closed' });
  const layer = document.createElement('div');
  layer.style.cssText = LAYER_STYLE;
  shadow.append(layer);
  for (const r of rects) {
    const box = document.createElement('div');
    // Padding of 2px covers focus rings and caret glyphs drawn just outside the box.
    box.style.cssText =
      `position:absolute;left:${r.left - 2}px;top:${r.top - 2}px;width:${r.width + 4}px;height:${r.height + 4}px;` +
      (preview
        ? 'background:repeating-linear-gradient(45deg,rgba(15,118,110,.55) 0 6px,rgba(0,0,0,.55) 6px 12px);outline:2px solid #0f766e;'
        : 'background:#000;');
    layer.append(box);
  }
  document.documentElement.append(host);
  raise(layer);
  layerChanges += 1;
  current = { host, count: rects.length };
  mark('layer');
  const painted = await afterCoversPainted(frames, () => mark('frame-1'));
  mark('painted');
  return painted
    ? { fields, offscreenFrames: offscreen, boxes, phases }
    : { fields, offscreenFrames: offscreen, boxes, phases, unpainted: 1 };
}

export function uncover(): number {
  return removeLayer();
}
