// Opaque boxes over sensitive fields, drawn in a fixed layer on top of the page, so the pixels that
// reach captureVisibleTab never show what was typed. The layer is removed right after the capture.
import { findSensitive } from './sensitive.ts';

// A tag of our own with a closed shadow root: no page style sheet can hide or restyle the boxes.
export const MASK_LAYER_TAG = 'peakend-mask-layer';

const HOST_STYLE: Record<string, string> = {
  display: 'block',
  position: 'fixed',
  inset: '0',
  'pointer-events': 'none',
  'z-index': '2147483647',
  visibility: 'visible',
  opacity: '1',
  contain: 'strict',
  margin: '0',
  padding: '0',
  border: '0',
  transform: 'none',
};

export interface CoverResult {
  fields: number;
  offscreenFrames: string[];
}

/**
 * Iframes wholly outside the viewport. Chromium does not render such a cross-origin frame, so it
 * would wait for a paint that never comes; and it is not in the captured pixels anyway.
 */
function offscreenFrames(vw: number, vh: number): string[] {
  const out: string[] = [];
  for (const frame of document.querySelectorAll('iframe')) {
    const r = frame.getBoundingClientRect();
    if (frame.src && (r.width === 0 || r.height === 0 || r.bottom <= 0 || r.right <= 0 || r.top >= vh || r.left >= vw)) out.push(frame.src);
  }
  return out;
}

/**
 * Resolves just after the next frame is painted (the covers are in it): a message posted from
 * requestAnimationFrame is delivered after that frame's paint.
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    // rAF does not fire in a hidden frame; the capture would not show it either.
    setTimeout(resolve, 100);
  });
}

let current: { host: HTMLElement; count: number } | null = null;

function removeLayer(): number {
  if (!current) return 0;
  const { host, count } = current;
  host.remove();
  current = null;
  return count;
}

export async function cover(extraSelectors: readonly string[], preview = false): Promise<CoverResult> {
  removeLayer();
  const targets = findSensitive(document, extraSelectors);
  const host = document.createElement(MASK_LAYER_TAG);
  host.setAttribute('aria-hidden', 'true');
  for (const [name, value] of Object.entries(HOST_STYLE)) host.style.setProperty(name, value, 'important');
  const layer = host.attachShadow({ mode: 'closed' });
  const vw = innerWidth;
  const vh = innerHeight;
  let fields = 0;
  for (const el of targets) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.right < 0 || r.top > vh || r.left > vw) continue;
    const box = document.createElement('div');
    // Padding of 2px covers focus rings and caret glyphs drawn just outside the box.
    box.style.cssText =
      `position:fixed;left:${r.left - 2}px;top:${r.top - 2}px;width:${r.width + 4}px;height:${r.height + 4}px;` +
      (preview
        ? 'background:repeating-linear-gradient(45deg,rgba(15,118,110,.55) 0 6px,rgba(0,0,0,.55) 6px 12px);outline:2px solid #0f766e;'
        : 'background:#000;');
    layer.append(box);
    fields++;
  }
  const offscreen = window === window.top ? offscreenFrames(vw, vh) : [];
  // Nothing to cover: nothing to wait for.
  if (fields === 0) return { fields, offscreenFrames: offscreen };
  document.documentElement.append(host);
  current = { host, count: fields };
  await afterNextPaint();
  return { fields, offscreenFrames: offscreen };
}

export function uncover(): number {
  return removeLayer();
}
