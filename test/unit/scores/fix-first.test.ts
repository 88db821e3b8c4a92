// METHOD.md "Fix first (ours)": priority = severity x memory weight; memory weight 2 on the peak or
// the end step, 1.5 on a step rated ease 1-2 or valence -3..-4, 1 otherwise; ties: higher severity,
// then the earlier stage; severity 0 listed apart, as what to keep.
import { describe, expect, it } from 'vitest';
import { fixFirst, memoryWeight } from '../../../src/domain/fix-first.ts';
import type { Finding } from '../../../src/domain/model.ts';
import { makeStep } from './factory.ts';

const finding = (id: string, severity: number): Finding => ({
  id,
  title: id,
  severity,
  element: null,
  evidence: null,
  createdAt: '2026-11-23T10:00:00.000Z',
});

const STAGES = ['landing', 'product', 'cart', 'checkout-details', 'payment', 'confirmation'];

/** landing (ordinary) · product (hard: ease 2) · cart (peak) · payment (hard: valence -3) · confirmation (end). */
function journey(findings: Record<string, Finding[]>) {
  return [
    makeStep({ id: 'land', index: 0, stage: 'landing', ease: 6, valence: 1, findings: findings.land ?? [] }),
    makeStep({ id: 'prod', index: 1, stage: 'product', ease: 2, valence: -1, findings: findings.prod ?? [] }),
    makeStep({ id: 'cart', index: 2, stage: 'cart', ease: 3, valence: -4, findings: findings.cart ?? [] }),
    makeStep({ id: 'pay', index: 3, stage: 'payment', ease: 4, valence: -3, findings: findings.pay ?? [] }),
    makeStep({ id: 'conf', index: 4, stage: 'confirmation', ease: 6, valence: 2, findings: findings.conf ?? [] }),
  ];
}
const moments = { peakStepId: 'cart', endStepId: 'conf' };
const ids = (list: { finding: Finding }[]) => list.map((r) => r.finding.id);

describe('memory weight', () => {
  it('is 2 on the peak and the end, 1.5 on a step rated ease 1-2 or valence -3..-4, 1 otherwise', () => {
    const [land, prod, cart, pay, conf] = journey({});
    expect(memoryWeight(cart!, moments)).toEqual({ weight: 2, reason: 'peak' });
    expect(memoryWeight(conf!, moments)).toEqual({ weight: 2, reason: 'end' });
    expect(memoryWeight(prod!, moments)).toEqual({ weight: 1.5, reason: 'hard-step' });
    expect(memoryWeight(pay!, moments)).toEqual({ weight: 1.5, reason: 'hard-step' });
    expect(memoryWeight(land!, moments)).toEqual({ weight: 1, reason: 'none' });
  });
});

describe('fix first', () => {
  it('a major problem at the end (3 x 2 = 6) comes before a catastrophe on an ordinary step (4 x 1 = 4)', () => {
    const { fix } = fixFirst(
      journey({ land: [finding('catastrophe', 4)], conf: [finding('major-end', 3)] }),
      moments,
      STAGES,
    );
    expect(ids(fix)).toEqual(['major-end', 'catastrophe']);
    expect(fix.map((r) => r.priority)).toEqual([6, 4]);
  });

  it('a minor problem on a hard step (2 x 1.5 = 3) comes before the same on an ordinary step (2 x 1 = 2)', () => {
    const { fix } = fixFirst(journey({ land: [finding('ordinary', 2)], prod: [finding('hard', 2)] }), moments, STAGES);
    expect(ids(fix)).toEqual(['hard', 'ordinary']);
  });

  it('on equal priority the higher severity wins: 4 x 1.5 = 6 before 3 x 2 = 6', () => {
    const { fix } = fixFirst(journey({ cart: [finding('peak-3', 3)], pay: [finding('hard-4', 4)] }), moments, STAGES);
    expect(fix.map((r) => r.priority)).toEqual([6, 6]);
    expect(ids(fix)).toEqual(['hard-4', 'peak-3']);
  });

  it('on equal priority and severity the earlier stage wins, whatever the journey order', () => {
    // The same steps walked with payment before product: product's stage is still the earlier one.
    const [land, prod, cart, pay, conf] = journey({ prod: [finding('product', 2)], pay: [finding('payment', 2)] });
    const { fix } = fixFirst([land!, pay!, prod!, cart!, conf!], moments, STAGES);
    expect(ids(fix)).toEqual(['product', 'payment']);
  });

  it('lists severity 0 apart, as what to keep, and leaves it out of the fix list', () => {
    const { fix, keep } = fixFirst(
      journey({ land: [finding('nice-photos', 0), finding('slow', 1)], conf: [finding('clear-thanks', 0)] }),
      moments,
      STAGES,
    );
    expect(ids(fix)).toEqual(['slow']);
    expect(ids(keep)).toEqual(['nice-photos', 'clear-thanks']);
  });

  it('a step that is both peak and end weighs 2, once', () => {
    const { fix } = fixFirst(journey({ conf: [finding('x', 2)] }), { peakStepId: 'conf', endStepId: 'conf' });
    expect(fix[0]).toMatchObject({ memoryWeight: 2, reason: 'peak', priority: 4 });
  });
});
