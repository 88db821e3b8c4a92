import { describe, expect, it } from 'vitest';
import { FULL_PAGE_MAX_CSS_PX, heightLimit, heightStillFits, planSlices } from '../../src/domain/full-page-plan.ts';

describe('planSlices', () => {
  it('takes a page of whole viewports one viewport apart, with no overlap', () => {
    const plan = planSlices({ pageHeight: 4000, viewHeight: 800, scale: 1 })!;
    expect(plan.offsets).toEqual([0, 800, 1600, 2400, 3200]);
    expect(plan).toMatchObject({ height: 4000, cut: false });
  });

  it('aligns the last slice with the bottom, overlapping the one before', () => {
    const plan = planSlices({ pageHeight: 2100, viewHeight: 800, scale: 1 })!;
    expect(plan.offsets).toEqual([0, 800, 1300]);
    expect(plan.height).toBe(2100);
    // Every pixel row of the page is in some slice, and no slice reaches past the end.
    for (const y of plan.offsets) expect(y + 800).toBeLessThanOrEqual(2100);
    expect(plan.offsets.at(-1)! + 800).toBe(2100);
  });

  it('rounds a fractional page height up and a fractional viewport down', () => {
    const plan = planSlices({ pageHeight: 1600.4, viewHeight: 800.6, scale: 1 })!;
    expect(plan.offsets).toEqual([0, 800, 801]);
    expect(plan.height).toBe(1601);
  });

  it('gives no plan for a page that fits its viewport (nothing below the fold)', () => {
    expect(planSlices({ pageHeight: 800, viewHeight: 800, scale: 1 })).toBeNull();
    expect(planSlices({ pageHeight: 300, viewHeight: 800, scale: 1 })).toBeNull();
    expect(planSlices({ pageHeight: 3000, viewHeight: 0, scale: 1 })).toBeNull();
  });

  it('cuts a page taller than the limit at the limit, and says so', () => {
    const plan = planSlices({ pageHeight: 50_000, viewHeight: 800, scale: 1 })!;
    expect(plan.cut).toBe(true);
    expect(plan.height).toBe(FULL_PAGE_MAX_CSS_PX);
    expect(plan.limit).toBe(FULL_PAGE_MAX_CSS_PX);
    expect(plan.offsets).toHaveLength(Math.ceil(FULL_PAGE_MAX_CSS_PX / 800));
    expect(plan.offsets.at(-1)).toBe(FULL_PAGE_MAX_CSS_PX - 800);
  });

  it('is not cut at exactly the limit', () => {
    const plan = planSlices({ pageHeight: FULL_PAGE_MAX_CSS_PX, viewHeight: 800, scale: 1 })!;
    expect(plan.cut).toBe(false);
  });

  it('lowers the limit on a high-density screen so the canvas stays under 32,767 device pixels', () => {
    expect(heightLimit(1)).toBe(FULL_PAGE_MAX_CSS_PX);
    expect(heightLimit(2)).toBe(16_383);
    expect(heightLimit(3)).toBe(10_922);
    const plan = planSlices({ pageHeight: 20_000, viewHeight: 900, scale: 3 })!;
    expect(plan.height * 3).toBeLessThanOrEqual(32_767);
    expect(plan.cut).toBe(true);
  });
});

describe('heightStillFits', () => {
  const plan = planSlices({ pageHeight: 4000, viewHeight: 800, scale: 1 })!;
  const cut = planSlices({ pageHeight: 40_000, viewHeight: 800, scale: 1 })!;

  it('accepts the planned height (within a pixel of rounding)', () => {
    expect(heightStillFits(plan, 4000, 4000)).toBe(true);
    expect(heightStillFits(plan, 4000, 4000.8)).toBe(true);
  });

  it('refuses a page that grew or shrank while its slices were taken', () => {
    expect(heightStillFits(plan, 4000, 4400)).toBe(false);
    expect(heightStillFits(plan, 4000, 3600)).toBe(false);
  });

  it('lets a cut page grow below the cut, but not shrink above it', () => {
    expect(heightStillFits(cut, 40_000, 60_000)).toBe(true);
    expect(heightStillFits(cut, 40_000, 16_000)).toBe(false);
  });
});
