// Turns the captured data URL into stored Blobs: the JPEG as taken, a small thumbnail, pixel sizes
// and the SHA-256 that lets a report show the evidence was not altered after capture.
export const THUMB_WIDTH = 320;

export interface ProcessedImage {
  full: Blob;
  thumb: Blob;
  width: number;
  height: number;
  thumbWidth: number;
  thumbHeight: number;
  sha256: string;
}

export async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function dataUrlToBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  const header = dataUrl.slice(5, comma);
  const mime = header.split(';')[0] || 'application/octet-stream';
  const binary = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/** Pixel size from a JPEG's start-of-frame marker, so the full image need not be decoded for it. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xc3) return { height: (bytes[i + 5]! << 8) | bytes[i + 6]!, width: (bytes[i + 7]! << 8) | bytes[i + 8]! };
    i += 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
  }
  return null;
}

/** The browser decodes base64 natively; the JS loop is the fallback where fetch cannot read data: URLs. */
async function decodeDataUrl(dataUrl: string): Promise<Blob> {
  try {
    return await (await fetch(dataUrl)).blob();
  } catch {
    return dataUrlToBlob(dataUrl);
  }
}

export async function processCapture(dataUrl: string): Promise<ProcessedImage> {
  const full = await decodeDataUrl(dataUrl);
  const bytes = new Uint8Array(await full.arrayBuffer());
  let size = jpegSize(bytes);
  if (!size) {
    const probe = await createImageBitmap(full);
    size = { width: probe.width, height: probe.height };
    probe.close();
  }
  const { width, height } = size;
  const thumbWidth = Math.min(THUMB_WIDTH, width);
  const thumbHeight = Math.max(1, Math.round((height * thumbWidth) / width));
  // The decoder scales while decoding: one small decode instead of a full one and a resize.
  const [bitmap, sha256] = await Promise.all([
    createImageBitmap(full, { resizeWidth: thumbWidth, resizeHeight: thumbHeight, resizeQuality: 'medium' }),
    sha256Hex(bytes.buffer),
  ]);
  const canvas = new OffscreenCanvas(thumbWidth, thumbHeight);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas for the thumbnail');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const thumb = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
  return { full, thumb, width, height, thumbWidth, thumbHeight, sha256 };
}
