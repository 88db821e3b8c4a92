/** Pixel size from a JPEG's start-of-frame marker, to check a stored screenshot really is the viewport. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('not a JPEG');
  let i = 2;
  while (i < bytes.length) {
    if (bytes[i] !== 0xff) throw new Error(`bad JPEG marker at ${i}`);
    const marker = bytes[i + 1]!;
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xc3) {
      return { height: (bytes[i + 5]! << 8) | bytes[i + 6]!, width: (bytes[i + 7]! << 8) | bytes[i + 8]! };
    }
    i += 2 + length;
  }
  throw new Error('no start-of-frame marker');
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
