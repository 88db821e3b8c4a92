/**
 * Decodes a stored JPEG in the browser and, for each [x, y, w, h] box, returns the luminance's mean,
 * standard deviation, minimum and maximum (0-255). A covered box is dark and flat; readable text on
 * white has a bright maximum, a dark minimum and a wide spread.
 */
export const PIXEL_STATS_SCRIPT = String.raw`async ({ base64, boxes }) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(bitmap, 0, 0);
  return boxes.map(([x, y, w, h]) => {
    const data = ctx.getImageData(x, y, w, h).data;
    let sum = 0, sq = 0, min = 255, max = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const l = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
      sum += l; sq += l * l; min = Math.min(min, l); max = Math.max(max, l);
    }
    const mean = sum / n;
    return { mean, sd: Math.sqrt(Math.max(0, sq / n - mean * mean)), min, max };
  });
}`;

export interface PixelStats {
  mean: number;
  sd: number;
  min: number;
  max: number;
}
