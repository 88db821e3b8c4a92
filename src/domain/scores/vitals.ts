// METHOD.md "Signals": Core Web Vitals rated with the web.dev thresholds, and the Baymard (2024)
// checkout benchmark.
//   LCP good <= 2500 ms, poor > 4000 ms; INP good <= 200 ms, poor > 500 ms; CLS good <= 0.1, poor > 0.25.
//
// Checkout benchmark choices (documented in the report's Method appendix):
// - Checkout steps are the steps whose stage is one of CHECKOUT_STAGES (checkout-details,
//   delivery, payment of the default e-commerce template); a caller with another template can
//   pass its own stage ids. Every such step counts, so a stage visited twice (e.g. back to
//   delivery after a payment error) counts twice, as the shopper went through it twice. A step
//   that holds several checkout stages (a one-page checkout, Step.alsoStages) is one page: once.
// - Fields are the sum of `signals.fields` over those steps; steps without signals add 0 and are
//   counted in `stepsWithoutSignals` so the report can say the field count is a lower bound.
import type { Step, StepSignals, VitalRating } from '../model.ts';
import { stagesOfStep } from '../step-stages.ts';

export type VitalMetric = 'lcp' | 'inp' | 'cls';

/** web.dev thresholds: good at or below `good`, poor above `poor`, needs improvement between. */
export const VITAL_THRESHOLDS: Record<VitalMetric, { good: number; poor: number }> = {
  lcp: { good: 2500, poor: 4000 },
  inp: { good: 200, poor: 500 },
  cls: { good: 0.1, poor: 0.25 },
};

/** Rate a metric value; null for a missing or invalid value. LCP and INP in ms. */
export function rateVital(metric: VitalMetric, value: number | null | undefined): VitalRating | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  const { good, poor } = VITAL_THRESHOLDS[metric];
  if (value <= good) return 'good';
  if (value > poor) return 'poor';
  return 'needs-improvement';
}

export const rateLcp = (ms: number | null | undefined): VitalRating | null => rateVital('lcp', ms);
export const rateInp = (ms: number | null | undefined): VitalRating | null => rateVital('inp', ms);
export const rateCls = (value: number | null | undefined): VitalRating | null => rateVital('cls', value);

export interface StepVitals {
  lcp: VitalRating | null;
  inp: VitalRating | null;
  cls: VitalRating | null;
  /** The worst of the three that were measured; null when none was. */
  worst: VitalRating | null;
}

const RANK: Record<VitalRating, number> = { good: 0, 'needs-improvement': 1, poor: 2 };

/** The worst rating of a list, ignoring nulls; null when there is none. */
export function worstRating(ratings: readonly (VitalRating | null)[]): VitalRating | null {
  let worst: VitalRating | null = null;
  for (const r of ratings) if (r !== null && (worst === null || RANK[r] > RANK[worst])) worst = r;
  return worst;
}

/** Ratings of one step's observed vitals. */
export function stepVitals(signals: StepSignals | null): StepVitals {
  const lcp = rateLcp(signals?.lcpMs);
  const inp = rateInp(signals?.inpMs);
  const cls = rateCls(signals?.cls);
  return { lcp, inp, cls, worst: worstRating([lcp, inp, cls]) };
}

/** Baymard (2024): average checkout steps and form fields, and the achievable field count. */
export const BAYMARD_CHECKOUT = { steps: 5.1, fields: 11.3, achievableFields: 8 } as const;

/** Stages of the default e-commerce template that count as checkout steps. */
export const CHECKOUT_STAGES: readonly string[] = ['checkout-details', 'delivery', 'payment'];

export interface CheckoutBenchmark {
  /** Steps whose stage is a checkout stage. */
  steps: number;
  /** Sum of observed form fields on those steps. */
  fields: number;
  /** Checkout steps without observed signals (their fields are unknown, counted as 0). */
  stepsWithoutSignals: number;
  benchmarkSteps: number;
  benchmarkFields: number;
  achievableFields: number;
  /** steps > 5.1 */
  moreStepsThanAverage: boolean;
  /** fields > 11.3 */
  moreFieldsThanAverage: boolean;
  /** fields > 8 */
  moreFieldsThanAchievable: boolean;
}

export function checkoutBenchmark(
  steps: readonly Pick<Step, 'stage' | 'alsoStages' | 'signals' | 'kind'>[],
  stages: readonly string[] = CHECKOUT_STAGES,
): CheckoutBenchmark {
  // Baymard counts pages of a checkout: a courier's call at the delivery stage is not one.
  const checkout = steps.filter(
    (step) => step.kind !== 'touchpoint' && stagesOfStep(step).some((stage) => stages.includes(stage)),
  );
  let fields = 0;
  let stepsWithoutSignals = 0;
  for (const step of checkout) {
    const f = step.signals?.fields;
    if (typeof f === 'number' && Number.isFinite(f) && f >= 0) fields += f;
    else stepsWithoutSignals += 1;
  }
  return {
    steps: checkout.length,
    fields,
    stepsWithoutSignals,
    benchmarkSteps: BAYMARD_CHECKOUT.steps,
    benchmarkFields: BAYMARD_CHECKOUT.fields,
    achievableFields: BAYMARD_CHECKOUT.achievableFields,
    moreStepsThanAverage: checkout.length > BAYMARD_CHECKOUT.steps,
    moreFieldsThanAverage: fields > BAYMARD_CHECKOUT.fields,
    moreFieldsThanAchievable: fields > BAYMARD_CHECKOUT.achievableFields,
  };
}
