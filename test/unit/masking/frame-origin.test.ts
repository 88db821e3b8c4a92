// Where a frame's covers sit in the top viewport: the iframe's place in its parent, its border and
// padding, a scale transform on it, and the parent's own place, chained through nested frames.
import { describe, expect, it } from 'vitest';
import { boxesInTop, childOrigin, TOP_ORIGIN, type IframeMeasure } from '../../../src/content/masking/frame-origin.ts';

const frame = (over: Partial<IframeMeasure> = {}): IframeMeasure => ({
  left: 100,
  top: 50,
  width: 400,
  layoutWidth: 400,
  borderLeft: 0,
  borderTop: 0,
  paddingLeft: 0,
  paddingTop: 0,
  ...over,
});

describe('childOrigin', () => {
  it('puts a plain iframe’s document at its box', () => {
    expect(childOrigin(TOP_ORIGIN, frame())).toEqual({ x: 100, y: 50, scale: 1 });
  });

  it('starts the document inside the border and padding (the content box), each side on its own', () => {
    const o = childOrigin(TOP_ORIGIN, frame({ borderLeft: 2, borderTop: 3, paddingLeft: 10, paddingTop: 4 }));
    expect(o).toEqual({ x: 112, y: 57, scale: 1 });
  });

  it('scales border, padding and content by a scale transform on the iframe', () => {
    // transform: scale(0.5) about the top-left corner: the box is half as wide as its layout.
    const o = childOrigin(TOP_ORIGIN, frame({ width: 200, layoutWidth: 400, borderLeft: 2, borderTop: 2 }));
    expect(o).toEqual({ x: 101, y: 51, scale: 0.5 });
  });

  it('chains a nested frame through its parent’s origin and scale', () => {
    const outer = childOrigin(TOP_ORIGIN, frame({ width: 800, layoutWidth: 400, borderLeft: 1, borderTop: 1 }));
    expect(outer).toEqual({ x: 102, y: 52, scale: 2 });
    const inner = childOrigin(outer, frame({ left: 10, top: 20, borderLeft: 2, borderTop: 2 }));
    expect(inner).toEqual({ x: 102 + 2 * 12, y: 52 + 2 * 22, scale: 2 });
  });

  it('reads an iframe laid out with no width as unscaled', () => {
    expect(childOrigin(TOP_ORIGIN, frame({ width: 0, layoutWidth: 0 })).scale).toBe(1);
  });
});

describe('boxesInTop', () => {
  it('moves and scales each box, keeping its other fields', () => {
    const boxes = [{ x: 10, y: 20, width: 100, height: 30, id: 'a' }];
    expect(boxesInTop(boxes, { x: 5, y: 7, scale: 0.5 })).toEqual([{ x: 10, y: 17, width: 50, height: 15, id: 'a' }]);
    expect(boxesInTop(boxes, TOP_ORIGIN)).toEqual(boxes);
  });
});
