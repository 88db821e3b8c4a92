import { describe, expect, it } from 'vitest';
import { framesToAwait, type FrameRef } from '../../../src/background/capture/frames-in-view.ts';

const frame = (frameId: number, parentFrameId: number, url: string): FrameRef => ({ frameId, parentFrameId, url });

describe('framesToAwait', () => {
  const tab = [
    frame(0, -1, 'https://shop.test/checkout'),
    frame(1, 0, 'https://pay.test/card'), // in view
    frame(2, 0, 'https://pay.test/wrapper'), // below the fold
    frame(3, 2, 'https://pay.test/cvc'), // inside the wrapper
    frame(4, 3, 'https://pay.test/deeper'), // two levels down
    frame(5, 1, 'https://pay.test/inner'), // inside the visible frame
  ];

  it('awaits the top frame and every frame not inside an offscreen iframe', () => {
    expect(framesToAwait(tab, ['https://pay.test/wrapper'])).toEqual([0, 1, 5]);
  });

  it('awaits every frame when nothing is offscreen, and only names of direct children count', () => {
    expect(framesToAwait(tab, [])).toEqual([0, 1, 2, 3, 4, 5]);
    // A nested frame's own address is not one the top page can name.
    expect(framesToAwait(tab, ['https://pay.test/cvc'])).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('ends on a broken parent chain instead of looping', () => {
    const broken = [frame(0, -1, 'https://a.test/'), frame(7, 8, 'https://b.test/'), frame(8, 7, 'https://c.test/')];
    expect(framesToAwait(broken, ['https://b.test/'])).toEqual([0, 7, 8]);
  });
});
