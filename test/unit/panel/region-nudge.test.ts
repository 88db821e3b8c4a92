// The keyboard's box on a screenshot: arrows move it, Shift+arrows resize it, always inside the image.
import { describe, expect, it } from 'vitest';
import { nudge } from '../../../src/panel/components/RegionDrawer.tsx';

const W = 1000;
const H = 600;
const box = { x: 100, y: 100, width: 200, height: 100 };

describe('nudge', () => {
  it('moves the box by a fiftieth of the image width per key', () => {
    expect(nudge(box, 'ArrowRight', false, W, H)).toEqual({ ...box, x: 120 });
    expect(nudge(box, 'ArrowLeft', false, W, H)).toEqual({ ...box, x: 80 });
    expect(nudge(box, 'ArrowDown', false, W, H)).toEqual({ ...box, y: 120 });
    expect(nudge(box, 'ArrowUp', false, W, H)).toEqual({ ...box, y: 80 });
  });

  it('resizes with Shift, never below 4 px', () => {
    expect(nudge(box, 'ArrowRight', true, W, H)).toEqual({ ...box, width: 220 });
    expect(nudge(box, 'ArrowUp', true, W, H)).toEqual({ ...box, height: 80 });
    expect(nudge({ ...box, width: 10 }, 'ArrowLeft', true, W, H)).toEqual({ ...box, width: 4 });
  });

  it('keeps the box inside the image', () => {
    expect(nudge({ ...box, x: 5 }, 'ArrowLeft', false, W, H)).toEqual({ ...box, x: 0 });
    expect(nudge({ ...box, x: 790 }, 'ArrowRight', false, W, H)).toEqual({ ...box, x: 800 });
    expect(nudge({ ...box, y: 495 }, 'ArrowDown', false, W, H)).toEqual({ ...box, y: 500 });
    expect(nudge({ ...box, x: 790 }, 'ArrowRight', true, W, H)).toEqual({ ...box, x: 790, width: 210 });
  });
});
