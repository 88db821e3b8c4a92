// METHOD.md "Stage": a step may hold several stages at once (a one-page checkout is
// checkout-details, delivery and payment); comparison finds each of them in that step.
import { describe, expect, it } from 'vitest';
import { alignByStage, compareAudits, stageStats } from '../../../src/domain/compare/index.ts';
import type { Step } from '../../../src/domain/model.ts';
import { checkoutBenchmark } from '../../../src/domain/scores/vitals.ts';
import { A_SPECS, B_SPECS, auditA, auditB, stepsOf } from './fixtures.ts';

/** Variant A's one-page checkout, given the three stages it holds. */
function onePageCheckout(): Step[] {
  return stepsOf('audA', A_SPECS).map((step) =>
    step.stage === 'checkout-details' ? { ...step, alsoStages: ['delivery', 'payment'] } : step,
  );
}

const one = () => ({ audit: auditA(), steps: onePageCheckout() });
const multi = () => ({ audit: auditB(), steps: stepsOf('audB', B_SPECS) });
const rowOf = (stage: string, alignment = alignByStage([one(), multi()])) =>
  alignment.rows.find((row) => row.stage === stage)!;

describe('alignByStage: a one-page checkout against a multi-page one', () => {
  it('finds the one-page checkout in each stage it holds, not missing', () => {
    for (const stage of ['checkout-details', 'delivery', 'payment']) {
      const row = rowOf(stage);
      expect(row.cells[0]!.missing).toBe(false);
      expect(row.cells[0]!.steps.map((s) => s.title)).toEqual(['Checkout']);
    }
    // The multi-page one keeps its own pages there.
    expect(rowOf('checkout-details').cells[1]!.steps.map((s) => s.title)).toEqual([
      'Create your account',
      'Shipping address',
    ]);
    expect(rowOf('payment').cells[1]!.steps.map((s) => s.title)).toEqual(['Payment']);
  });

  it('puts the very same step in every row it holds', () => {
    const alignment = alignByStage([one(), multi()]);
    const [details, delivery, payment] = ['checkout-details', 'delivery', 'payment'].map(
      (s) => rowOf(s, alignment).cells[0]!.steps[0],
    );
    expect(delivery).toBe(details);
    expect(payment).toBe(details);
  });

  it('keeps the row order of the template and adds no row for the further stages', () => {
    const rows = alignByStage([one(), multi()]).rows.map((row) => row.stage);
    expect(rows).toEqual([
      'landing',
      'search-browse',
      'product',
      'cart',
      'checkout-details',
      'delivery',
      'payment',
      'confirmation',
      'post-purchase',
    ]);
  });

  it('says nothing about a missing delivery or payment step any more', () => {
    const before = compareAudits([{ audit: auditA(), steps: stepsOf('audA', A_SPECS) }, multi()]).differences.filter(
      (d) => d.kind === 'stage-missing',
    );
    expect(before.map((d) => d.stage).toSorted((x, y) => String(x).localeCompare(String(y)))).toEqual([
      'delivery',
      'payment',
    ]);
    const after = compareAudits([one(), multi()]).differences.filter((d) => d.kind === 'stage-missing');
    expect(after).toEqual([]);
  });

  it('counts the step in each stage it holds, and once over the journey', () => {
    const alignment = alignByStage([one(), multi()]);
    const stats = ['checkout-details', 'delivery', 'payment'].map((s) =>
      stageStats(rowOf(s, alignment).cells[0]!.steps),
    );
    expect(stats.map((s) => [s.steps, s.easeMean, s.fields])).toEqual([
      [1, 5, 16],
      [1, 5, 16],
      [1, 5, 16],
    ]);
    const compared = compareAudits([one(), multi()]);
    // The checkout benchmark counts pages: the one-page checkout is one, with its 16 fields.
    expect(compared.audits[0]!.scores.checkout.steps).toBe(1);
    expect(compared.audits[0]!.scores.checkout.fields).toBe(16);
    // The journey's ratings count it once: the same mean ease as without the further stages.
    const plain = compareAudits([{ audit: auditA(), steps: stepsOf('audA', A_SPECS) }, multi()]);
    expect(compared.audits[0]!.scores.effort).toEqual(plain.audits[0]!.scores.effort);
    expect(compared.audits[0]!.scores.peakEnd).toEqual(plain.audits[0]!.scores.peakEnd);
  });

  it('lines a touchpoint that holds two stages up in both', () => {
    const steps = [
      ...onePageCheckout(),
      {
        ...stepsOf('audA', [{ stage: 'confirmation', title: 'Courier', ease: 6, valence: 3 }])[0]!,
        id: 'audA_tp',
        index: 8,
        kind: 'touchpoint' as const,
        channel: 'delivery' as const,
        alsoStages: ['post-purchase'],
      },
    ];
    const compared = compareAudits([{ audit: auditA(), steps }, multi()]);
    const rows = compared.touchpoints.map((row) => [row.stage, row.channel, row.cells.map((c) => c.missing)]);
    expect(rows).toEqual([
      ['confirmation', 'delivery', [false, true]],
      ['post-purchase', 'delivery', [false, true]],
    ]);
  });

  it('treats a step without further stages as before, and a blank or repeated further stage as none', () => {
    const steps = stepsOf('audA', A_SPECS).map((step) =>
      step.stage === 'checkout-details' ? { ...step, alsoStages: ['', 'checkout-details', ' '] } : step,
    );
    const alignment = alignByStage([{ audit: auditA(), steps }, multi()]);
    expect(alignment.rows.find((r) => r.stage === 'payment')!.cells[0]!.missing).toBe(true);
    expect(checkoutBenchmark(steps).steps).toBe(1);
  });
});
