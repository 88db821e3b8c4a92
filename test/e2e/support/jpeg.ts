import { jpegSize as readSize } from '../../../src/domain/jpeg.ts';

/** Pixel size from a JPEG's start-of-frame marker, to check a stored screenshot really is the viewport. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  const size = readSize(bytes);
  if (!size) throw new Error('not a JPEG with a start-of-frame marker');
  return size;
}

/** Decodes a stored JPEG in the browser and returns the RGBA of one pixel (for masking checks). */
export const PIXEL_SCRIPT = String.raw`async ({ base64, points }) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(bitmap, 0, 0);
  return points.map(([x, y, w, h]) => {
    const data = ctx.getImageData(x, y, w, h).data;
    let r = 0, g = 0, b = 0, max = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      r += data[i]; g += data[i + 1]; b += data[i + 2];
      max = Math.max(max, data[i], data[i + 1], data[i + 2]);
    }
    return { r: r / n, g: g / n, b: b / n, max };
  });
}`;
