// Burning redaction boxes into an attached image before it is stored: the picture is drawn on a
// canvas, the boxes filled black over it, and the canvas encoded anew. Only that encoding is
// stored; the original's bytes (and any metadata in them, such as a photo's location) are not.
import type { Rect } from '../../../domain/model.ts';
import type { AttachmentMime } from '../../../domain/touchpoints.ts';

/** JPEG stays JPEG (a photo); anything else becomes PNG (a screenshot keeps its sharp text). */
export const redactedMime = (mime: AttachmentMime): 'image/jpeg' | 'image/png' =>
  mime === 'image/jpeg' ? 'image/jpeg' : 'image/png';

export const THUMB_WIDTH = 320;

/** A box dragged from one corner to the other, in either direction, kept inside the image. */
export function boxBetween(a: { x: number; y: number }, b: { x: number; y: number }, w: number, h: number): Rect {
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));
  const x0 = clamp(Math.min(a.x, b.x), w);
  const y0 = clamp(Math.min(a.y, b.y), h);
  const x1 = clamp(Math.max(a.x, b.x), w);
  const y1 = clamp(Math.max(a.y, b.y), h);
  return { x: Math.round(x0), y: Math.round(y0), width: Math.round(x1 - x0), height: Math.round(y1 - y0) };
}

export function paint(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  image: ImageBitmap,
  boxes: readonly Rect[],
): void {
  ctx.drawImage(image, 0, 0);
  ctx.fillStyle = '#000';
  for (const box of boxes) ctx.fillRect(box.x, box.y, box.width, box.height);
}

/** The image with its boxes burned in, encoded, and a small copy for the step card. */
export async function burn(
  image: ImageBitmap,
  boxes: readonly Rect[],
  mime: AttachmentMime,
): Promise<{ full: Blob; thumb: Blob; type: 'image/jpeg' | 'image/png' }> {
  const type = redactedMime(mime);
  const canvas = new OffscreenCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas');
  paint(ctx, image, boxes);
  const full = await canvas.convertToBlob(type === 'image/jpeg' ? { type, quality: 0.92 } : { type });
  const scale = Math.min(1, THUMB_WIDTH / image.width);
  const small = new OffscreenCanvas(
    Math.max(1, Math.round(image.width * scale)),
    Math.max(1, Math.round(image.height * scale)),
  );
  // Drawn from the burned canvas, never from the original: the thumbnail hides what the image hides.
  small.getContext('2d')?.drawImage(canvas, 0, 0, small.width, small.height);
  const thumb = await small.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  return { full, thumb, type };
}
