import { describe, expect, it } from 'vitest';
import { bestOf, compareAudits, headlineRows } from '../../../src/domain/compare/index.ts';
import { computeScores } from '../../../src/domain/scores/index.ts';
import { A_SPECS, B_SPECS, auditA, auditB, stepsOf } from './fixtures.ts';

describe('headline table', () => {
  it('one row per measure with each audit’s value from computeScores, the best marked', () => {
    const sa = computeScores(auditA(), stepsOf('audA', A_SPECS));
    const sb = computeScores(auditB(), stepsOf('audB', B_SPECS));
    const rows = headlineRows([sa, sb]);
    const byMetric = Object.fromEntries(rows.map((r) => [r.metric, r]));
    expect(rows.map((r) => r.metric)).toEqual([
      'overall',
      'immersion',
      'pe100',
      'effort100',
      'nev',
      'ces',
      'checkoutSteps',
      'checkoutFields',
      'steps',
    ]);
    expect(byMetric.overall!.values).toEqual([sa.overall.value, sb.overall.value]);
    expect(byMetric.pe100!.values).toEqual([sa.peakEnd!.pe100, sb.peakEnd!.pe100]);
    expect(byMetric.ces!.values).toEqual([6, 3]);
    expect(byMetric.checkoutSteps!.values).toEqual([1, 4]);
    expect(byMetric.checkoutFields!.values).toEqual([16, 24]);
    // Higher is better for scores, lower for checkout steps and fields: A is best everywhere.
    for (const metric of [
      'overall',
      'immersion',
      'pe100',
      'effort100',
      'nev',
      'ces',
      'checkoutSteps',
      'checkoutFields',
    ]) {
      expect(byMetric[metric]!.best, metric).toEqual([0]);
    }
    // The number of steps recorded is shown, never judged.
    expect(byMetric.steps!).toMatchObject({ values: [8, 11], better: null, best: [] });
  });

  it('marks every audit that ties for best, as displayed (rounded)', () => {
    expect(bestOf([72.4, 71.6, 60], 'higher')).toEqual([0, 1]);
    expect(bestOf([72.4, 72.6], 'higher')).toEqual([1]);
    expect(bestOf([5, 3, 3], 'lower')).toEqual([1, 2]);
  });

  it('needs two audits with a value; a missing value is never best', () => {
    expect(bestOf([null, 40], 'higher')).toEqual([]);
    expect(bestOf([null, 40, 20], 'higher')).toEqual([1]);
    expect(bestOf([null, 40, 20], 'lower')).toEqual([2]);
    expect(bestOf([1, 2], null)).toEqual([]);
  });

  it('compareAudits carries the same table', () => {
    const cmp = compareAudits([
      { audit: auditA(), steps: stepsOf('audA', A_SPECS) },
      { audit: auditB(), steps: stepsOf('audB', B_SPECS) },
    ]);
    expect(cmp.headline).toEqual(headlineRows(cmp.audits.map((a) => a.scores)));
    // A lower NEV for B: B logged only destroying emotions.
    expect(cmp.headline.find((r) => r.metric === 'nev')!.values).toEqual([100, -100]);
  });
});
