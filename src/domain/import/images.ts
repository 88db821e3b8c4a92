// What an image file really is, from its first bytes (its "magic number"), whatever its name says.

/** Image types a screenshot may have when its pixels are imported. */
export const IMAGE_MIMES = ['image/jpeg', 'image/png'] as const;
export type ImageMime = (typeof IMAGE_MIMES)[number];

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function detectImage(bytes: Uint8Array): ImageMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= PNG.length && PNG.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

/** "image/jpg" is a common misspelling of image/jpeg. */
export function sameImageType(mime: string, detected: ImageMime): boolean {
  const m = mime.toLowerCase();
  return m === detected || (detected === 'image/jpeg' && m === 'image/jpg');
}
