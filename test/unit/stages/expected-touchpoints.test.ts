// Templates that name touchpoints (TemplateStage.expects): what the completeness list says the audit
// lacks, and what the add-touchpoint form starts on at a place in the journey.
import { describe, expect, it } from 'vitest';
import { completeness, expectationAt, unmetExpectations } from '../../../src/domain/completeness.ts';
import type { Step } from '../../../src/domain/model.ts';
import { ECOMMERCE_TEMPLATE, SIGNUP_TEMPLATE } from '../../../src/domain/templates.ts';
import { makeAudit, makeStep } from '../scores/factory.ts';

const page = (index: number, stage: string | null, alsoStages?: string[]): Step =>
  makeStep({ id: `p${index}`, index, stage, ...(alsoStages ? { alsoStages } : {}), ease: 6, valence: 1 });
const touchpoint = (index: number, stage: string | null, channel: Step['channel']): Step =>
  makeStep({ id: `t${index}`, index, stage, kind: 'touchpoint', channel, url: '', ease: 6, valence: 2 });

const journey = [
  page(0, 'landing'),
  page(1, 'cart'),
  page(2, 'checkout-details', ['delivery', 'payment']),
  page(3, 'confirmation'),
];

describe('unmetExpectations', () => {
  it('says post-purchase expects a delivery touchpoint until the audit has one there', () => {
    expect(unmetExpectations(ECOMMERCE_TEMPLATE, journey)).toEqual([{ stage: 'post-purchase', channel: 'delivery' }]);
    const delivered = [...journey, touchpoint(4, 'post-purchase', 'delivery')];
    expect(unmetExpectations(ECOMMERCE_TEMPLATE, delivered)).toEqual([]);
  });

  it('counts only a touchpoint of that channel that holds that stage', () => {
    expect(unmetExpectations(ECOMMERCE_TEMPLATE, [...journey, touchpoint(4, 'post-purchase', 'phone')])).toHaveLength(
      1,
    );
    expect(unmetExpectations(ECOMMERCE_TEMPLATE, [...journey, touchpoint(4, 'confirmation', 'delivery')])).toHaveLength(
      1,
    );
    // A delivery that holds post-purchase as a further stage meets it.
    const also = { ...touchpoint(4, 'confirmation', 'delivery'), alsoStages: ['post-purchase'] };
    expect(unmetExpectations(ECOMMERCE_TEMPLATE, [...journey, also])).toEqual([]);
  });

  it('expects nothing of a template that names no touchpoint, or of no template', () => {
    expect(unmetExpectations(SIGNUP_TEMPLATE, journey)).toEqual([]);
    expect(unmetExpectations(null, journey)).toEqual([]);
  });

  it('is advice: it never makes an audit incomplete', () => {
    const audit = makeAudit();
    const before = completeness(audit, journey);
    expect(completeness(audit, [...journey, touchpoint(4, 'post-purchase', 'delivery')]).missing).toEqual(
      before.missing.map((item) => item),
    );
    expect(before.missing.some((item) => (item.kind as string) === 'expected-touchpoint')).toBe(false);
  });
});

describe('expectationAt', () => {
  it('after the last page (the confirmation) the journey is in post-purchase: a delivery', () => {
    expect(expectationAt(ECOMMERCE_TEMPLATE, journey, 4)).toEqual({ stage: 'post-purchase', channel: 'delivery' });
  });

  it('between the cart and the checkout nothing is expected', () => {
    expect(expectationAt(ECOMMERCE_TEMPLATE, journey, 2)).toBeNull();
    expect(expectationAt(ECOMMERCE_TEMPLATE, journey, 0)).toBeNull();
  });

  it('after a post-purchase page it is that stage’s too, and still one when already met', () => {
    const withAccount = [...journey, page(4, 'post-purchase')];
    expect(expectationAt(ECOMMERCE_TEMPLATE, withAccount, 5)).toEqual({ stage: 'post-purchase', channel: 'delivery' });
    const met = [...withAccount, touchpoint(5, 'post-purchase', 'delivery')];
    expect(expectationAt(ECOMMERCE_TEMPLATE, met, 6)).toEqual({ stage: 'post-purchase', channel: 'delivery' });
  });

  it('knows nothing without a template or with one that expects nothing', () => {
    expect(expectationAt(null, journey, 4)).toBeNull();
    expect(expectationAt(SIGNUP_TEMPLATE, journey, 4)).toBeNull();
  });
});
