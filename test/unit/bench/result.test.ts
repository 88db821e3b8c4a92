import { describe, expect, it } from 'vitest';
import { failed, intervalReaches, judged, straddles, table } from '../../../scripts/bench/lib/result.ts';
import { describeTargets, TARGETS, targetText, type Target } from '../../../scripts/bench/lib/targets.ts';

const ratio: Target = {
  section: 'scale',
  name: 'a / b',
  unit: 'x',
  cmp: '<=',
  limit: 1.15,
  meaning: 'a is not dearer',
};
const excess: Target = {
  section: 'content',
  name: 'a above b',
  unit: 'ms',
  cmp: 'ci95-low',
  limit: 0,
  meaning: 'a within b',
};

describe('bench verdicts: a ratio against its limit', () => {
  it('is met at or under the limit, missed above it, and unmeasured without a value', () => {
    expect(judged(ratio, 1.15, {}).met).toBe(true);
    expect(judged(ratio, 1.16, {}).met).toBe(false);
    expect(judged(ratio, null, {}).met).toBeNull();
    expect(judged(ratio, 1.1, {}).target).toBe('<= 1.15');
  });

  it('is not firm when its interval contains the limit', () => {
    expect(straddles(judged(ratio, 1.1, { ci95: [1.02, 1.2] }))).toBe(true);
    expect(straddles(judged(ratio, 1.1, { ci95: [1.02, 1.12] }))).toBe(false);
  });
});

describe('bench verdicts: a paired excess judged on its interval', () => {
  it('is met when the 95% interval reaches 0 or below, whatever the median', () => {
    expect(judged(excess, 2.3, { ci95: [-2.8, 5.1] }).met).toBe(true);
    expect(judged(excess, -1, { ci95: [-3, -0.5] }).met).toBe(true);
    expect(judged(excess, 0.8, { ci95: [0, 1.6] }).met).toBe(true);
  });

  it('is missed when the whole interval lies above 0', () => {
    const r = judged(excess, 2.3, { ci95: [0.4, 5.1] });
    expect(r.met).toBe(false);
    expect(r.target).toBe('ci95-low <= 0');
  });

  it('has no verdict without an interval (one round) or without a value', () => {
    expect(judged(excess, 2.3, {}).met).toBeNull();
    expect(judged(excess, 2.3, { ci95: [Number.NaN, Number.NaN] }).met).toBeNull();
    expect(judged(excess, null, { ci95: [-1, 1] }).met).toBeNull();
    expect(intervalReaches([1, 'x'], 0)).toBeNull();
  });

  it('is never flagged as straddling: the interval is the verdict itself', () => {
    expect(straddles(judged(excess, 2.3, { ci95: [-2.8, 5.1] }))).toBe(false);
    expect(table([judged(excess, 2.3, { ci95: [-2.8, 5.1] })])).toMatch(/ci95-low <= 0 ms\s+met\s/);
  });
});

describe('bench targets', () => {
  it('judge every timing as a ratio or a paired excess within the run, never as absolute milliseconds', () => {
    const targets = Object.values(TARGETS) as Target[];
    for (const t of targets.filter((t) => t.unit === 'ms')) expect(t.cmp, t.name).toBe('ci95-low');
    for (const t of targets.filter((t) => t.unit !== 'ms')) expect(['x', 'kB'], t.name).toContain(t.unit);
  });

  it('a section that broke reports its targets unmeasured, with the error', () => {
    const out = failed([TARGETS.panelSize, TARGETS.panelStartup], new Error('panel did not open\nstack'));
    expect(out.map((r) => [r.name, r.target, r.met, r.value])).toEqual([
      [TARGETS.panelSize.name, '<= 1.15', null, null],
      [TARGETS.panelStartup.name, '<= 2', null, null],
    ]);
    expect(out[0]!.detail.summary).toBe('not measured: panel did not open');
  });

  it('are printed with their limits and units', () => {
    const text = describeTargets([TARGETS.panelSize, TARGETS.contentVsMethod]);
    expect(text).toContain(`${TARGETS.panelSize.name}: <= 1.15 x`);
    expect(text).toContain(`${TARGETS.contentVsMethod.name}: ci95-low <= 0 ms`);
    expect(targetText(TARGETS.contentVsRrweb)).toBe('<= 0.3');
  });
});
