// Image sources for the renderer: data: URLs for the standalone HTML export (from bytes), object
// URLs for the report tab (from blobs).
import type { Screenshot } from '../domain/model.ts';
import type { ImageSource } from './data.ts';

/** Base64 of bytes, in chunks so large screenshots do not overflow the argument stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

const IMAGE_MIME = /^image\/(jpeg|png|webp|gif)$/;

/** A data: URL for image bytes; the MIME type is restricted to raster images. */
export function dataUrl(bytes: Uint8Array, mime: string): string {
  const type = IMAGE_MIME.test(mime) ? mime : 'image/jpeg';
  return `data:${type};base64,${bytesToBase64(bytes)}`;
}

/** An ImageSource of data: URLs for the given full-size bytes (thumbnails fall back to them). */
export function dataUrlImages(shots: readonly Screenshot[], full: ReadonlyMap<string, Uint8Array>): ImageSource {
  const mime = new Map(shots.map((s) => [s.id, s.mime]));
  const cache = new Map<string, string>();
  return (shotId) => {
    const hit = cache.get(shotId);
    if (hit) return hit;
    const bytes = full.get(shotId);
    if (!bytes) return null;
    const url = dataUrl(bytes, mime.get(shotId) ?? 'image/jpeg');
    cache.set(shotId, url);
    return url;
  };
}

/** An ImageSource over object URLs made by the caller (the report tab); revoke them when done. */
export function urlMapImages(urls: ReadonlyMap<string, string>): ImageSource {
  return (shotId) => urls.get(shotId) ?? null;
}
