// The check that makes masking a guarantee rather than an intention: after the capture, each cover's
// box is looked at in the decoded image itself. A box counts as covered when its pixels are near the
// cover colour (black) and nearly uniform; text, a caret or a page drawn over the cover shows up as
// brightness or as variance. Pure: the caller decodes the JPEG and hands over each box's pixels.

/** A box in CSS px of the top viewport, as a frame's content script reports a cover. */
export interface CssBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A box in whole pixels of the captured image. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Pixels kept away from each edge of a box: JPEG's 8x8 blocks and the browser's antialiasing blur the
 * cover's edge into the page around it. The cover itself overhangs its field by 2 CSS px, so the
 * field's own box, inset by this, lies well inside the black.
 */
export const EDGE_INSET_PX = 2;
/** Mean luminance (0-255) at or under which a box reads as the black cover. */
export const MAX_MEAN_LUMA = 40;
/** Standard deviation of luminance at or under which a box reads as uniform. */
export const MAX_LUMA_SPREAD = 14;

/**
 * The image boxes to check for the covers' CSS boxes: scaled by the image's pixels per CSS px (device
 * pixel ratio and zoom, as the capture applied them), inset for the blurred edge, clipped to the
 * image. Boxes left with no pixel inside the image (off-screen, or thinner than the inset) are not
 * checked: nothing of them is in the image.
 */
export function imageBoxes(
  boxes: readonly CssBox[],
  scale: number,
  imageWidth: number,
  imageHeight: number,
): PixelBox[] {
  const out: PixelBox[] = [];
  for (const b of boxes) {
    const left = Math.max(0, Math.ceil(b.x * scale) + EDGE_INSET_PX);
    const top = Math.max(0, Math.ceil(b.y * scale) + EDGE_INSET_PX);
    const right = Math.min(imageWidth, Math.floor((b.x + b.width) * scale) - EDGE_INSET_PX);
    const bottom = Math.min(imageHeight, Math.floor((b.y + b.height) * scale) - EDGE_INSET_PX);
    if (right > left && bottom > top) out.push({ x: left, y: top, width: right - left, height: bottom - top });
  }
  return out;
}

/** Whether RGBA pixels (4 bytes each, any row order) read as the cover: dark and uniform. */
export function looksCovered(rgba: ArrayLike<number>): boolean {
  const n = Math.floor(rgba.length / 4);
  if (n === 0) return true;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n * 4; i += 4) {
    // Rec. 601 luma in integers: cheap, and exact enough to tell black from anything drawn.
    const y = (77 * rgba[i]! + 150 * rgba[i + 1]! + 29 * rgba[i + 2]!) >> 8;
    sum += y;
    sumSq += y * y;
  }
  const mean = sum / n;
  const spread = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
  return mean <= MAX_MEAN_LUMA && spread <= MAX_LUMA_SPREAD;
}

export interface CoverVerdict {
  ok: boolean;
  /** How many boxes were looked at. */
  checked: number;
  /** The boxes whose pixels are not the cover. */
  failing: PixelBox[];
}

/** The verdict over every box, given a reader of a box's RGBA pixels from the decoded image. */
export function verifyCovers(boxes: readonly PixelBox[], pixelsOf: (box: PixelBox) => ArrayLike<number>): CoverVerdict {
  const failing = boxes.filter((box) => !looksCovered(pixelsOf(box)));
  return { ok: failing.length === 0, checked: boxes.length, failing };
}

/** What a 2D canvas offers to read pixels back (kept structural: the domain knows no DOM). */
export interface PixelReader {
  getImageData(x: number, y: number, width: number, height: number): { data: ArrayLike<number> };
}

/** The verdict read from a canvas the captured image is drawn on at its own size. */
export function verifyOnCanvas(ctx: PixelReader, boxes: readonly PixelBox[]): CoverVerdict {
  return verifyCovers(boxes, (b) => ctx.getImageData(b.x, b.y, b.width, b.height).data);
}
