// Where a full-page capture scrolls to. captureVisibleTab sees one viewport at a time, so a page is
// taken as slices one viewport apart; the last slice ends at the page's (or the limit's) bottom and
// overlaps the one before it rather than showing what lies past the end.

/** The tallest stitched page, in CSS pixels; past it the capture is cut and says so. */
export const FULL_PAGE_MAX_CSS_PX = 16_384;
/** Chromium refuses a canvas taller than 32,767 device pixels: the limit shrinks on high-density screens. */
export const MAX_CANVAS_PX = 32_767;

export interface PageMetrics {
  /** The document's scroll height, CSS px. */
  pageHeight: number;
  /** The viewport's height, CSS px. */
  viewHeight: number;
  /** Device pixels per CSS pixel in the captured image. */
  scale: number;
}

export interface SlicePlan {
  /** The scroll offset (CSS px) of each slice, top first. */
  offsets: number[];
  /** Height of the stitched image, CSS px. */
  height: number;
  /** True when the page is taller than the limit and only its top is taken. */
  cut: boolean;
  /** The limit that applied, CSS px (for the note on a cut image). */
  limit: number;
}

export function heightLimit(scale: number, max = FULL_PAGE_MAX_CSS_PX): number {
  return Math.max(1, Math.min(max, Math.floor(MAX_CANVAS_PX / Math.max(scale, 1e-6))));
}

/** The slices for a page, or null when it has nothing below the fold (one viewport shows it all). */
export function planSlices(m: PageMetrics, max = FULL_PAGE_MAX_CSS_PX): SlicePlan | null {
  const view = Math.floor(m.viewHeight);
  const page = Math.ceil(m.pageHeight);
  if (view <= 0 || page <= view) return null;
  const limit = Math.max(view, heightLimit(m.scale, max));
  const cut = page > limit;
  const height = cut ? limit : page;
  const offsets: number[] = [];
  for (let y = 0; y + view < height; y += view) offsets.push(y);
  // The last slice is aligned to the bottom, overlapping the one before.
  offsets.push(height - view);
  return { offsets, height, cut, limit };
}

/**
 * Whether the page kept the height the slices were planned for. A page taller than a cut plan
 * may grow further below it (an endless list): only what is above the cut must stay put.
 */
export function heightStillFits(plan: SlicePlan, plannedPageHeight: number, pageHeightNow: number): boolean {
  const now = Math.ceil(pageHeightNow);
  if (plan.cut) return now >= plan.height;
  return Math.abs(now - Math.ceil(plannedPageHeight)) <= 1;
}
