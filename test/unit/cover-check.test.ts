import { describe, expect, it } from 'vitest';
import { imageBoxes, looksCovered, verifyCovers, type PixelBox } from '../../src/domain/cover-check.ts';

/** An RGBA image filled with one colour, with a rectangle of another drawn on it. */
function image(width: number, height: number, fill: number, rect?: PixelBox & { value: number }) {
  const data = new Uint8ClampedArray(width * height * 4).fill(fill);
  if (rect)
    for (let y = rect.y; y < rect.y + rect.height; y++)
      for (let x = rect.x; x < rect.x + rect.width; x++)
        data.fill(rect.value, (y * width + x) * 4, (y * width + x) * 4 + 3);
  return {
    pixelsOf: (box: PixelBox) => {
      const out: number[] = [];
      for (let y = box.y; y < box.y + box.height; y++)
        out.push(...data.subarray((y * width + box.x) * 4, (y * width + box.x + box.width) * 4));
      return out;
    },
  };
}

describe('imageBoxes', () => {
  it('scales CSS boxes by the image pixels per CSS px and insets the blurred edge', () => {
    expect(imageBoxes([{ x: 10, y: 20, width: 100, height: 30 }], 1, 1280, 800)).toEqual([
      { x: 12, y: 22, width: 96, height: 26 },
    ]);
    // Device scale factor 2 (or zoom 200%): the image is twice the CSS size.
    expect(imageBoxes([{ x: 10, y: 20, width: 100, height: 30 }], 2, 2560, 1600)).toEqual([
      { x: 22, y: 42, width: 196, height: 56 },
    ]);
    // Zoom 150% on fractional positions: rounded inwards.
    expect(imageBoxes([{ x: 10.5, y: 0, width: 20.3, height: 10 }], 1.5, 1920, 1200)).toEqual([
      { x: 18, y: 2, width: 26, height: 11 },
    ]);
  });

  it('clips boxes to the image and drops those with nothing inside it', () => {
    expect(imageBoxes([{ x: -50, y: 790, width: 100, height: 40 }], 1, 1280, 800)).toEqual([
      { x: 0, y: 792, width: 48, height: 8 },
    ]);
    expect(imageBoxes([{ x: 0, y: 900, width: 100, height: 40 }], 1, 1280, 800)).toEqual([]);
    expect(imageBoxes([{ x: 0, y: 0, width: 100, height: 3 }], 1, 1280, 800)).toEqual([]);
  });
});

describe('looksCovered', () => {
  it('reads black with JPEG noise as covered', () => {
    const noisy = Array.from({ length: 400 }, (_, i) => (i % 4 === 3 ? 255 : (i * 7) % 9));
    expect(looksCovered(noisy)).toBe(true);
  });

  it('reads a light field, and dark text on it, as not covered', () => {
    expect(looksCovered(Array.from({ length: 400 }, () => 250))).toBe(false);
    // A dark-mode field: dark, but its white text makes it vary.
    const text = Array.from({ length: 400 }, (_, i) => (Math.floor(i / 4) % 5 === 0 ? 255 : 20));
    expect(looksCovered(text)).toBe(false);
  });

  it('reads a mid-grey uniform box as not covered (not the cover colour)', () => {
    expect(looksCovered(Array.from({ length: 400 }, () => 120))).toBe(false);
  });
});

describe('verifyCovers', () => {
  it('passes when every box is black and names each box that is not', () => {
    const covered = { x: 10, y: 10, width: 40, height: 10 };
    const img = image(100, 60, 255, { ...covered, value: 0 });
    expect(verifyCovers([covered], img.pixelsOf)).toEqual({ ok: true, checked: 1, failing: [] });
    const bare = { x: 10, y: 40, width: 40, height: 10 };
    expect(verifyCovers([covered, bare], img.pixelsOf)).toEqual({ ok: false, checked: 2, failing: [bare] });
  });

  it('fails a cover that was drawn a few pixels off its field', () => {
    // The cover slid 6 px down: the field's top rows show.
    const img = image(100, 60, 255, { x: 10, y: 16, width: 40, height: 10, value: 0 });
    expect(verifyCovers([{ x: 10, y: 10, width: 40, height: 10 }], img.pixelsOf).ok).toBe(false);
  });

  it('has nothing to fail when there are no boxes', () => {
    expect(verifyCovers([], () => [])).toEqual({ ok: true, checked: 0, failing: [] });
  });
});
