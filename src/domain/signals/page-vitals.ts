// LCP and CLS of METHOD.md ("Core Web Vitals from the page"), computed from the browser's own
// performance entries, by the rules web-vitals applies (web.dev definitions). Pure: the content
// script reads the buffered entries when it sends a batch and passes them in, instead of keeping
// live observers on the audited page (web-vitals' onLCP and onCLS observers measured the largest
// part of the time Peakend added to a page: docs/performance.md).

/** What LCP needs of a `largest-contentful-paint` entry. */
export interface PaintCandidate {
  /** renderTime, or loadTime when the render time is hidden (cross-origin image without TAO). */
  startTime: number;
}

/** What CLS needs of a `layout-shift` entry. */
export interface LayoutShift {
  startTime: number;
  value: number;
  hadRecentInput: boolean;
}

/**
 * LCP in ms: the last candidate the browser reported before the page was first hidden, from the
 * page's activation (a prerendered page is measured from when it was shown), never below 0. The
 * browser stops reporting candidates at the first input, so the last one is the final one. Null
 * when there is none (nothing painted yet, or the page was hidden first).
 */
export function largestContentfulPaint(
  candidates: readonly PaintCandidate[],
  opts: { activationStart?: number; firstHiddenTime?: number } = {},
): number | null {
  const hiddenAt = opts.firstHiddenTime ?? Number.POSITIVE_INFINITY;
  let last: PaintCandidate | null = null;
  for (const c of candidates) if (c.startTime < hiddenAt) last = c;
  return last ? Math.max(last.startTime - (opts.activationStart ?? 0), 0) : null;
}

const SESSION_GAP_MS = 1000;
const SESSION_MAX_MS = 5000;

/**
 * CLS: the largest session window of layout shifts not caused by recent input. A shift joins the
 * current window when it comes less than 1 s after the window's previous shift and less than 5 s
 * after its first; otherwise it opens a new window. 0 when nothing shifted.
 */
export function cumulativeLayoutShift(shifts: readonly LayoutShift[]): number {
  let largest = 0;
  let sum = 0;
  let first = Number.NEGATIVE_INFINITY;
  let previous = Number.NEGATIVE_INFINITY;
  for (const shift of shifts) {
    if (shift.hadRecentInput) continue;
    if (sum > 0 && shift.startTime - previous < SESSION_GAP_MS && shift.startTime - first < SESSION_MAX_MS) {
      sum += shift.value;
    } else {
      sum = shift.value;
      first = shift.startTime;
    }
    previous = shift.startTime;
    largest = Math.max(largest, sum);
  }
  return largest;
}
