import { describe, expect, it } from 'vitest';
import { maskRefusal } from '../../../src/background/capture/refusal.ts';

const skipped = [{ url: 'https://ads.test/x', reason: 'not-loaded' as const }];

describe('maskRefusal', () => {
  it('lets a page whose frames all answered with painted covers be captured, whatever was skipped', () => {
    expect(maskRefusal({ frames: 2, fields: 3, unpainted: 0, skippedFrames: skipped })).toBeNull();
  });

  it('names the truest reason first: a silent page, then a silent frame, then late covers', () => {
    const all = { frames: 1, fields: 1, unpainted: 1, silentFrames: ['https://pay.test/card'], skippedFrames: skipped };
    expect(maskRefusal({ ...all, pageSilent: true })).toEqual({
      reason: 'page-silent',
      details: { skippedFrames: skipped },
    });
    expect(maskRefusal(all)).toEqual({
      reason: 'frame-silent',
      details: { frames: ['https://pay.test/card'], skippedFrames: skipped },
    });
    expect(maskRefusal({ frames: 1, fields: 1, unpainted: 1 })).toEqual({ reason: 'mask-not-painted', details: {} });
  });
});
