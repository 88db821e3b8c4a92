// The covers' boxes read straight from a decoded frame, without drawing the whole image on a canvas.
// VideoFrame.copyTo converts only the rectangle asked for to RGBA (a viewport JPEG: 2.4 ms for the
// decode and seven boxes, against 11-13 ms for a full bitmap drawn on a 2D canvas and read back; the
// same pixels, byte for byte, measured in Chromium 156). A JPEG decodes to subsampled YUV (I420), and
// Chromium moves an odd rectangle origin down to the even sample it starts in, silently: so each box
// is read from the even-aligned rectangle around it, and the box's own pixels are cut out of that.
import type { PixelBox } from '../domain/cover-check.ts';

/** What reading a rectangle needs of a VideoFrame (kept structural, so a fake frame can stand in). */
export interface RectCopier {
  copyTo(
    destination: Uint8Array<ArrayBuffer>,
    options: { rect: PixelBox; format: 'RGBA' },
  ): Promise<ReadonlyArray<{ offset: number; stride: number }>>;
}

/** The smallest rectangle with an even origin that holds the box (its size need not be even). */
export function evenRect(box: PixelBox): PixelBox {
  const x = box.x - (box.x % 2);
  const y = box.y - (box.y % 2);
  return { x, y, width: box.width + box.x - x, height: box.height + box.y - y };
}

/** One box's RGBA pixels, row after row, exactly those of the box. */
export async function readBox(frame: RectCopier, box: PixelBox): Promise<Uint8Array<ArrayBuffer>> {
  const rect = evenRect(box);
  const copied = new Uint8Array(rect.width * rect.height * 4);
  const [layout] = await frame.copyTo(copied, { rect, format: 'RGBA' });
  const stride = layout?.stride ?? rect.width * 4;
  const offset = layout?.offset ?? 0;
  const dx = box.x - rect.x;
  const dy = box.y - rect.y;
  if (dx === 0 && dy === 0 && stride === box.width * 4 && offset === 0) return copied;
  const out = new Uint8Array(box.width * box.height * 4);
  for (let row = 0; row < box.height; row++) {
    const from = offset + (row + dy) * stride + dx * 4;
    out.set(copied.subarray(from, from + box.width * 4), row * box.width * 4);
  }
  return out;
}

/** Every box's pixels, in the boxes' order. */
export function readBoxes(frame: RectCopier, boxes: readonly PixelBox[]): Promise<Array<Uint8Array<ArrayBuffer>>> {
  return Promise.all(boxes.map((box) => readBox(frame, box)));
}
