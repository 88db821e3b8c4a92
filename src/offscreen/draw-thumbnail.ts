// A JPEG thumbnail at the given size. ImageDecoder decodes at (or just above) the size asked for where
// the decoder can scale (JPEG: by eighths, in the DCT), and the bitmap is handed to the canvas without
// a 2D draw (measured: 1.3 ms to the encoded JPEG, against 2.3 ms through a 2D context).
import { THUMB_QUALITY } from '../domain/thumbnail.ts';

export async function drawThumbnail(
  bytes: Uint8Array<ArrayBuffer>,
  mime: string,
  width: number,
  height: number,
): Promise<Blob> {
  if (typeof ImageDecoder === 'undefined') throw new Error('no ImageDecoder');
  const decoder = new ImageDecoder({ data: bytes, type: mime, desiredWidth: width, desiredHeight: height });
  try {
    const { image } = await decoder.decode();
    const exact = image.displayWidth === width && image.displayHeight === height;
    const bitmap = await createImageBitmap(
      image,
      exact ? {} : { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' },
    ).finally(() => image.close());
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('bitmaprenderer');
    if (!ctx) throw new Error('no bitmap canvas');
    ctx.transferFromImageBitmap(bitmap);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: THUMB_QUALITY });
  } finally {
    decoder.close();
  }
}
