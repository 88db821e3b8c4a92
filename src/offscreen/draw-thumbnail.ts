// A JPEG thumbnail at the given size. ImageDecoder decodes at (or just above) the size asked for
// where the decoder can scale (JPEG: by eighths, in the DCT), and the bitmap is handed to the canvas
// without a 2D draw (measured: 1.3 ms to the encoded JPEG, against 2.3 ms through a 2D context).
// Drawn after the screenshot is stored: a Log step does not wait for it.
import { phaseTimer } from '../domain/phase-timer.ts';
import { THUMB_QUALITY } from '../domain/thumbnail.ts';

export interface DrawnThumbnail {
  thumb: Blob;
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

export async function drawThumbnail(
  bytes: Uint8Array<ArrayBuffer>,
  mime: string,
  width: number,
  height: number,
): Promise<DrawnThumbnail> {
  if (typeof ImageDecoder === 'undefined') throw new Error('no ImageDecoder');
  const clock = phaseTimer(() => performance.now());
  const decoder = new ImageDecoder({ data: bytes, type: mime, desiredWidth: width, desiredHeight: height });
  try {
    const { image } = await decoder.decode();
    const exact = image.displayWidth === width && image.displayHeight === height;
    const bitmap = await createImageBitmap(
      image,
      exact ? {} : { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' },
    ).finally(() => image.close());
    const thumb = await encode(bitmap, width, height);
    clock.mark('thumbnail');
    return { thumb, timing: clock.timing };
  } finally {
    decoder.close();
  }
}
