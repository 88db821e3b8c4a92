import { describe, expect, it } from 'vitest';
import {
  checkoutBenchmark,
  rateCls,
  rateInp,
  rateLcp,
  stepVitals,
  worstRating,
} from '../../../src/domain/scores/vitals.ts';
import { makeSignals, makeStep } from './factory.ts';

describe('Core Web Vitals ratings (web.dev thresholds)', () => {
  it('LCP: good <= 2500 ms, poor > 4000 ms', () => {
    expect(rateLcp(2500)).toBe('good');
    expect(rateLcp(2501)).toBe('needs-improvement');
    expect(rateLcp(4000)).toBe('needs-improvement');
    expect(rateLcp(4001)).toBe('poor');
  });

  it('INP: good <= 200 ms, poor > 500 ms', () => {
    expect(rateInp(200)).toBe('good');
    expect(rateInp(201)).toBe('needs-improvement');
    expect(rateInp(500)).toBe('needs-improvement');
    expect(rateInp(501)).toBe('poor');
  });

  it('CLS: good <= 0.1, poor > 0.25', () => {
    expect(rateCls(0)).toBe('good');
    expect(rateCls(0.1)).toBe('good');
    expect(rateCls(0.11)).toBe('needs-improvement');
    expect(rateCls(0.25)).toBe('needs-improvement');
    expect(rateCls(0.26)).toBe('poor');
  });

  it('a missing or invalid measurement has no rating', () => {
    expect(rateLcp(null)).toBeNull();
    expect(rateCls(undefined)).toBeNull();
    expect(rateInp(Number.NaN)).toBeNull();
    expect(rateInp(-1)).toBeNull();
  });

  it('rates a step and picks the worst measured rating', () => {
    expect(stepVitals(makeSignals({ lcpMs: 1800, inpMs: 350, cls: null }))).toEqual({
      lcp: 'good',
      inp: 'needs-improvement',
      cls: null,
      worst: 'needs-improvement',
    });
    expect(stepVitals(null).worst).toBeNull();
    expect(worstRating(['good', 'poor', null, 'needs-improvement'])).toBe('poor');
  });
});

describe('checkout benchmark (Baymard 2024)', () => {
  it('counts steps whose stage is checkout-details, delivery or payment and sums their fields', () => {
    const steps = [
      makeStep({ stage: 'cart', signals: makeSignals({ fields: 2 }) }),
      makeStep({ stage: 'checkout-details', signals: makeSignals({ fields: 7 }) }),
      makeStep({ stage: 'delivery', signals: makeSignals({ fields: 3 }) }),
      makeStep({ stage: 'payment', signals: makeSignals({ fields: 4 }) }),
      makeStep({ stage: 'confirmation', signals: makeSignals({ fields: 0 }) }),
      makeStep({ stage: null, signals: makeSignals({ fields: 9 }) }),
    ];
    const result = checkoutBenchmark(steps);
    expect(result.steps).toBe(3);
    expect(result.fields).toBe(14);
    expect(result.benchmarkSteps).toBe(5.1);
    expect(result.benchmarkFields).toBe(11.3);
    expect(result.achievableFields).toBe(8);
    expect(result.moreStepsThanAverage).toBe(false);
    expect(result.moreFieldsThanAverage).toBe(true);
    expect(result.moreFieldsThanAchievable).toBe(true);
  });

  it('a revisited stage counts again; steps without signals add no fields and are counted', () => {
    const steps = [
      makeStep({ stage: 'delivery', signals: makeSignals({ fields: 4 }) }),
      makeStep({ stage: 'payment', signals: null }),
      makeStep({ stage: 'delivery', signals: makeSignals({ fields: 4 }) }),
    ];
    const result = checkoutBenchmark(steps);
    expect(result.steps).toBe(3);
    expect(result.fields).toBe(8);
    expect(result.stepsWithoutSignals).toBe(1);
    expect(result.moreFieldsThanAchievable).toBe(false);
  });

  it('more than 5.1 checkout steps is above average', () => {
    const steps = Array.from({ length: 6 }, () =>
      makeStep({ stage: 'checkout-details', signals: makeSignals({ fields: 1 }) }),
    );
    expect(checkoutBenchmark(steps).moreStepsThanAverage).toBe(true);
  });

  it('accepts the stage ids of another template', () => {
    const steps = [makeStep({ stage: 'booking', signals: makeSignals({ fields: 5 }) }), makeStep({ stage: 'payment' })];
    expect(checkoutBenchmark(steps, ['booking']).steps).toBe(1);
    expect(checkoutBenchmark(steps, ['booking']).fields).toBe(5);
  });
});
