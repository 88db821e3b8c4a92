// The covers' check on the captured JPEG: decoded at full size, and only the covers' boxes read from
// the frame (box-pixels.ts); drawing the frame on a canvas to read it cost 7-10 ms more. A capture
// is stored only once this says every box is black.
import { verifyCovers, verifyOnCanvas, type CoverVerdict, type PixelBox } from '../domain/cover-check.ts';
import { phaseTimer } from '../domain/phase-timer.ts';
import { readBoxes } from './box-pixels.ts';

export interface CheckedCovers {
  verdict: CoverVerdict;
  /** When each part ended, in ms from the request (for the bench: docs/performance.md). */
  timing: Record<string, number>;
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

export async function checkCovers(
  bytes: Uint8Array<ArrayBuffer>,
  mime: string,
  boxes: readonly PixelBox[],
): Promise<CheckedCovers> {
  if (typeof ImageDecoder === 'undefined') throw new Error('no ImageDecoder');
  const { timing, mark } = phaseTimer(() => performance.now());
  const decoder = new ImageDecoder({ data: bytes, type: mime });
  try {
    const { image } = await decoder.decode();
    mark('full-decoded');
    try {
      const pixels = await readBoxes(image, boxes).catch(() => null);
      mark('boxes-read');
      if (!pixels) return { verdict: await checkOnCanvas(image, boxes), timing };
      const byBox = new Map(boxes.map((box, i) => [box, pixels[i]!]));
      const verdict = verifyCovers(boxes, (box) => byBox.get(box)!);
      mark('verified');
      return { verdict, timing };
    } finally {
      image.close();
    }
  } finally {
    decoder.close();
  }
}
