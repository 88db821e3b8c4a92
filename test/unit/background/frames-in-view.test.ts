import { describe, expect, it } from 'vitest';
import { planFrameWait, type FrameRef } from '../../../src/background/capture/frames-in-view.ts';

const frame = (frameId: number, parentFrameId: number, url: string, errorOccurred = false): FrameRef => ({
  frameId,
  parentFrameId,
  url,
  errorOccurred,
});

describe('planFrameWait', () => {
  const tab = [
    frame(0, -1, 'https://shop.test/checkout'),
    frame(1, 0, 'https://pay.test/card'), // in view
    frame(2, 0, 'https://pay.test/wrapper'), // below the fold
    frame(3, 2, 'https://pay.test/cvc'), // inside the wrapper
    frame(4, 3, 'https://pay.test/deeper'), // two levels down
    frame(5, 1, 'https://pay.test/inner'), // inside the visible frame
  ];

  it('awaits the top frame and every frame not inside an offscreen iframe, and names the others', () => {
    const plan = planFrameWait(tab, [2]);
    expect(plan.awaited).toEqual([0, 1, 5]);
    expect(plan.skipped).toEqual([
      { frameId: 2, url: 'https://pay.test/wrapper', reason: 'offscreen' },
      { frameId: 3, url: 'https://pay.test/cvc', reason: 'offscreen' },
      { frameId: 4, url: 'https://pay.test/deeper', reason: 'offscreen' },
    ]);
  });

  it('awaits every frame when nothing is offscreen, and a nested frame outside takes only its own subtree', () => {
    expect(planFrameWait(tab, []).awaited).toEqual([0, 1, 2, 3, 4, 5]);
    expect(planFrameWait(tab, [3])).toEqual({
      awaited: [0, 1, 2, 5],
      skipped: [
        { frameId: 3, url: 'https://pay.test/cvc', reason: 'offscreen' },
        { frameId: 4, url: 'https://pay.test/deeper', reason: 'offscreen' },
      ],
    });
  });

  it('tells twin frames with the same address apart by frame id (issue 18)', () => {
    const twins = [
      frame(0, -1, 'https://shop.test/checkout'),
      frame(1, 0, 'https://pay.test/card'), // in view
      frame(2, 0, 'https://pay.test/card'), // the same address, below the fold
      frame(3, 1, 'https://pay.test/cvc'), // inside the in-view twin
    ];
    expect(planFrameWait(twins, [2])).toEqual({
      awaited: [0, 1, 3],
      skipped: [{ frameId: 2, url: 'https://pay.test/card', reason: 'offscreen' }],
    });
    expect(planFrameWait(twins, [1]).awaited).toEqual([0, 2]);
  });

  it('does not await a frame showing the browser error page, in view or not, and says it did not load', () => {
    const page = [
      frame(0, -1, 'https://news.test/article'),
      frame(1, 0, 'https://ads.test/banner', true), // refused host, in view
      frame(2, 0, 'https://widget.test/like', true), // refused to be framed, below the fold
      frame(3, 0, 'https://video.test/embed'), // loaded: still awaited
    ];
    expect(planFrameWait(page, [2])).toEqual({
      awaited: [0, 3],
      skipped: [
        { frameId: 1, url: 'https://ads.test/banner', reason: 'not-loaded' },
        { frameId: 2, url: 'https://widget.test/like', reason: 'not-loaded' },
      ],
    });
  });

  it('always awaits the top frame, even when its own load failed', () => {
    expect(planFrameWait([frame(0, -1, 'https://down.test/', true)], []).awaited).toEqual([0]);
  });

  it('ends on a broken parent chain instead of looping', () => {
    const broken = [frame(0, -1, 'https://a.test/'), frame(7, 8, 'https://b.test/'), frame(8, 7, 'https://c.test/')];
    expect(planFrameWait(broken, [9]).awaited).toEqual([0, 7, 8]);
  });
});
