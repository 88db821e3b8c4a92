// The page's side of a full-page capture: it scrolls where the worker asks, one viewport at a time,
// hides fixed and sticky elements after the first slice (a header would otherwise repeat on every
// slice of the stitched image) and puts everything back afterwards. The worker masks each slice
// through the usual Mask message, so the covers are laid out for each scroll position.
import type { FullPageOp, PageScroll } from '../protocol.ts';
import { MASK_LAYER_TAG } from './masking/covers.ts';

const HIDDEN_ATTR = 'data-peakend-hidden';
/** Images still loading after the lazy pass are waited for this long at most. */
const IMAGE_WAIT_MS = 500;

let style: HTMLStyleElement | null = null;
let hidden: Element[] = [];
/** A capture whose worker stopped mid-way never sends 'restore': the hidden elements come back anyway. */
const ABANDONED_MS = 15_000;
let abandoned: ReturnType<typeof setTimeout> | undefined;

function measure(): PageScroll {
  const root = document.scrollingElement ?? document.documentElement;
  return {
    x: scrollX,
    y: scrollY,
    pageHeight: Math.max(root.scrollHeight, document.body?.scrollHeight ?? 0),
    // The scale of the captured image is its width over the window's; the slices are the content
    // area above any horizontal scroll bar.
    viewWidth: innerWidth,
    viewHeight: window.visualViewport?.height ?? root.clientHeight,
    scale: devicePixelRatio,
  };
}

/** Resolves after the next frame the compositor has taken (see afterCoversPainted in covers.ts). */
function nextPaint(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const cap = setTimeout(resolve, 500);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        clearTimeout(cap);
        resolve();
      };
      channel.port2.postMessage(null);
    });
  });
}

// 'instant' overrides a page's `scroll-behavior: smooth`, which would make every scroll an animation.
const jump = (x: number, y: number) => scrollTo({ left: x, top: y, behavior: 'instant' });

async function imagesLoaded(limit: number): Promise<void> {
  const pending = [...document.images].filter((img) => !img.complete && img.getBoundingClientRect().top < limit);
  if (pending.length === 0) return;
  const all = Promise.all(
    pending.map(
      (img) =>
        new Promise<void>((resolve) => {
          img.addEventListener('load', () => resolve(), { once: true });
          img.addEventListener('error', () => resolve(), { once: true });
        }),
    ),
  );
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, IMAGE_WAIT_MS))]);
}

/** Scrolls through the page a viewport at a time, so content loaded on scrolling is there for the slices. */
async function lazyPass(limit: number): Promise<void> {
  const { viewHeight } = measure();
  for (let y = viewHeight; y < Math.min(measure().pageHeight, limit); y += viewHeight) {
    jump(scrollX, y);
    await nextPaint();
  }
  jump(scrollX, 0);
  await imagesLoaded(limit);
  await nextPaint();
}

/**
 * Fixed elements, and sticky ones stuck in the viewport, as the second slice is taken: shown in the
 * first slice only. A sticky element that first sticks further down still repeats (rare; it is not
 * told apart from one in its own place).
 */
function hideFixed(): void {
  if (style) return;
  const { viewHeight } = measure();
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    if (el.localName === MASK_LAYER_TAG) continue;
    const position = getComputedStyle(el).position;
    if (position !== 'fixed' && position !== 'sticky') continue;
    const r = el.getBoundingClientRect();
    if (position === 'sticky' && (r.bottom <= 0 || r.top >= viewHeight)) continue;
    el.setAttribute(HIDDEN_ATTR, '');
    hidden.push(el);
  }
  style = document.createElement('style');
  // Opacity as well: a child's own `visibility: visible` would show through a hidden parent.
  style.textContent = `[${HIDDEN_ATTR}]{visibility:hidden!important;opacity:0!important}`;
  document.documentElement.append(style);
}

function showFixed(): void {
  for (const el of hidden) el.removeAttribute(HIDDEN_ATTR);
  hidden = [];
  style?.remove();
  style = null;
}

export async function fullPage(op: FullPageOp): Promise<PageScroll> {
  clearTimeout(abandoned);
  if (op.kind !== 'restore') abandoned = setTimeout(showFixed, ABANDONED_MS);
  switch (op.kind) {
    case 'measure':
      return measure();
    case 'lazy-pass':
      await lazyPass(op.limit);
      return measure();
    case 'scroll':
      jump(scrollX, op.y);
      if (op.hideFixed) hideFixed();
      // The slice is captured from the compositor's next frame, at the new position.
      await nextPaint();
      return measure();
    case 'restore':
      showFixed();
      jump(op.x, op.y);
      return measure();
  }
}
