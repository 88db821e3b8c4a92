// Whether this frame shows in the top-level viewport, told by the frame itself: an IntersectionObserver
// with the implicit root measures against the top-level viewport, across origins. The worker then tells
// frames apart by the frame id that answers, never by address (two frames may share one).
let state: boolean | null = null;
let observer: IntersectionObserver | null = null;
const waiting: Array<(inView: boolean) => void> = [];

/** Started in child frames when the content script loads, so the answer is known before a capture. */
export function watchInView(): void {
  if (window === window.top || observer || typeof IntersectionObserver === 'undefined') return;
  observer = new IntersectionObserver((entries) => {
    const last = entries.at(-1);
    if (!last) return;
    state = last.isIntersecting;
    for (const resolve of waiting.splice(0)) resolve(state);
  });
  observer.observe(document.documentElement);
}

/**
 * True when the frame is in the viewport, false when wholly outside it; a frame not yet measured is
 * given `ms` for its first observation, then counts as in view (so its covers are awaited).
 */
export function inTopViewport(ms: number): Promise<boolean> {
  if (window === window.top || state !== null || !observer) return Promise.resolve(state ?? true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    waiting.push((inView) => {
      clearTimeout(timer);
      resolve(inView);
    });
  });
}
