// The covers' boxes read from a decoded frame: exactly each box's pixels, whatever the box's origin,
// from a frame that (as Chromium does for a subsampled JPEG) moves an odd rectangle origin down to
// the even sample, or (as the WebCodecs specification allows) refuses it.
import { describe, expect, it } from 'vitest';
import type { PixelBox } from '../../../src/domain/cover-check.ts';
import { evenRect, readBox, readBoxes, type RectCopier } from '../../../src/offscreen/box-pixels.ts';

const WIDTH = 40;
const HEIGHT = 30;

/** Every pixel different: R is x, G is y, B tells odd rows and columns apart, A is 255. */
const pixel = (x: number, y: number) => [x, y, (x % 2) * 100 + (y % 2) * 10, 255];

function expected(box: PixelBox): number[] {
  const out: number[] = [];
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = box.x; x < box.x + box.width; x++) out.push(...pixel(x, y));
  return out;
}

interface FakeFrame extends RectCopier {
  asked: PixelBox[];
}

/** A frame of WIDTH x HEIGHT; `odd` is what it does with an odd origin ('align' moves it down to even, 'refuse' throws). */
function frame(odd: 'align' | 'refuse'): FakeFrame {
  const asked: PixelBox[] = [];
  return {
    asked,
    async copyTo(destination, { rect }) {
      asked.push(rect);
      if ((rect.x % 2 || rect.y % 2) && odd === 'refuse') throw new TypeError('rect is not sample-aligned');
      const x0 = rect.x - (rect.x % 2);
      const y0 = rect.y - (rect.y % 2);
      if (x0 + rect.width > WIDTH || y0 + rect.height > HEIGHT) throw new RangeError('rect outside the frame');
      const stride = rect.width * 4;
      if (destination.length < stride * rect.height) throw new RangeError('destination too small');
      for (let row = 0; row < rect.height; row++)
        for (let col = 0; col < rect.width; col++) destination.set(pixel(x0 + col, y0 + row), row * stride + col * 4);
      return [{ offset: 0, stride }];
    },
  };
}

describe('evenRect', () => {
  it('keeps an even origin and moves an odd one down, keeping the far edges', () => {
    expect(evenRect({ x: 10, y: 4, width: 7, height: 3 })).toEqual({ x: 10, y: 4, width: 7, height: 3 });
    expect(evenRect({ x: 11, y: 5, width: 7, height: 3 })).toEqual({ x: 10, y: 4, width: 8, height: 4 });
    expect(evenRect({ x: 0, y: 3, width: 1, height: 1 })).toEqual({ x: 0, y: 2, width: 1, height: 2 });
  });
});

describe('readBox', () => {
  const boxes: PixelBox[] = [
    { x: 4, y: 6, width: 10, height: 5 },
    { x: 5, y: 7, width: 9, height: 4 },
    { x: 3, y: 2, width: 6, height: 3 },
    { x: 0, y: 0, width: 1, height: 1 },
    { x: 31, y: 21, width: 9, height: 9 },
  ];

  for (const odd of ['align', 'refuse'] as const)
    it(`returns exactly each box's pixels from a frame that would ${odd} an odd origin`, async () => {
      const f = frame(odd);
      for (const box of boxes) expect([...(await readBox(f, box))]).toEqual(expected(box));
      // Only even origins were asked for, so neither behaviour comes into play.
      expect(f.asked.every((r) => r.x % 2 === 0 && r.y % 2 === 0)).toBe(true);
    });

  it('reads several boxes in their order', async () => {
    const got = await readBoxes(frame('align'), boxes);
    expect(got.map((pixels) => [...pixels])).toEqual(boxes.map(expected));
  });
});
