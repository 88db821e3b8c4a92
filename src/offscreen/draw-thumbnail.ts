// A JPEG thumbnail at the given size, and the covers' check. ImageDecoder decodes at (or just above)
// the size asked for where the decoder can scale (JPEG: by eighths, in the DCT), and the bitmap is
// handed to the canvas without a 2D draw (measured: 1.3 ms to the encoded JPEG, against 2.3 ms
// through a 2D context). A capture with covers is also decoded at full size, beside the thumbnail's
// own small decode, and only the covers' boxes are read from that frame (box-pixels.ts): scaling the
// thumbnail from the full frame, or drawing the frame on a canvas to read it, cost 7-10 ms more.
import { verifyCovers, verifyOnCanvas, type CoverVerdict, type PixelBox } from '../domain/cover-check.ts';
import { THUMB_QUALITY } from '../domain/thumbnail.ts';
import { readBoxes } from './box-pixels.ts';

export interface DrawnThumbnail {
  thumb: Blob;
  /** Null when there were no boxes to check. */
  verdict: CoverVerdict | null;
  /** When each part ended, in ms from the request (for the bench: docs/performance.md). */
  timing: Record<string, number>;
}

async function encode(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('bitmaprenderer');
  if (!ctx) throw new Error('no bitmap canvas');
  ctx.transferFromImageBitmap(bitmap);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: THUMB_QUALITY });
}

async function smallThumbnail(bytes: Uint8Array<ArrayBuffer>, mime: string, width: number, height: number) {
  const decoder = new ImageDecoder({ data: bytes, type: mime, desiredWidth: width, desiredHeight: height });
  try {
    const { image } = await decoder.decode();
    const exact = image.displayWidth === width && image.displayHeight === height;
    const bitmap = await createImageBitmap(
      image,
      exact ? {} : { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' },
    ).finally(() => image.close());
    return await encode(bitmap, width, height);
  } finally {
    decoder.close();
  }
}

/** The boxes as a 2D canvas reads them, where a frame cannot copy a rectangle to RGBA. */
async function checkOnCanvas(image: VideoFrame, boxes: readonly PixelBox[]): Promise<CoverVerdict> {
  const full = await createImageBitmap(image);
  try {
    const ctx = new OffscreenCanvas(full.width, full.height).getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(full, 0, 0);
    return verifyOnCanvas(ctx, boxes);
  } finally {
    full.close();
  }
}

async function checkCovers(
  bytes: Uint8Array<ArrayBuffer>,
  mime: string,
  boxes: readonly PixelBox[],
  mark: (name: string) => void,
) {
  const decoder = new ImageDecoder({ data: bytes, type: mime });
  try {
    const { image } = await decoder.decode();
    mark('full-decoded');
    try {
      const pixels = await readBoxes(image, boxes).catch(() => null);
      mark('boxes-read');
      if (!pixels) return await checkOnCanvas(image, boxes);
      const byBox = new Map(boxes.map((box, i) => [box, pixels[i]!]));
      const verdict = verifyCovers(boxes, (box) => byBox.get(box)!);
      mark('verified');
      return verdict;
    } finally {
      image.close();
    }
  } finally {
    decoder.close();
  }
}

export async function drawThumbnail(
  bytes: Uint8Array<ArrayBuffer>,
  mime: string,
  width: number,
  height: number,
  boxes: readonly PixelBox[] = [],
): Promise<DrawnThumbnail> {
  if (typeof ImageDecoder === 'undefined') throw new Error('no ImageDecoder');
  const t0 = performance.now();
  const timing: Record<string, number> = {};
  const mark = (name: string) => (timing[name] = Math.round((performance.now() - t0) * 100) / 100);
  const thumb = smallThumbnail(bytes, mime, width, height).finally(() => mark('thumbnail'));
  if (boxes.length === 0) return { thumb: await thumb, verdict: null, timing };
  const verdict = await checkCovers(bytes, mime, boxes, mark).catch(async (error: unknown) => {
    await thumb.catch(() => undefined);
    throw error;
  });
  // An image that fails its check is never stored: its thumbnail is not handed out.
  if (!verdict.ok) {
    await thumb.catch(() => undefined);
    return { thumb: new Blob([]), verdict, timing };
  }
  return { thumb: await thumb, verdict, timing };
}
