// The headline table of a comparison: one row per score, one value per audit, the best marked.
// Pure. "Best" compares the values as the page shows them (rounded to an integer), so two audits
// that both show 72 are both best; a row needs at least two audits with a value to have a best.
import type { AuditScores } from '../scores/index.ts';

export type HeadlineMetric =
  'overall' | 'immersion' | 'pe100' | 'effort100' | 'nev' | 'ces' | 'checkoutSteps' | 'checkoutFields' | 'steps';

export const HEADLINE_METRICS: readonly HeadlineMetric[] = [
  'overall',
  'immersion',
  'pe100',
  'effort100',
  'nev',
  'ces',
  'checkoutSteps',
  'checkoutFields',
  'steps',
];

export interface HeadlineRow {
  metric: HeadlineMetric;
  /** Which way is better; null: no best is marked (the number of steps recorded says nothing alone). */
  better: 'higher' | 'lower' | null;
  /** One per audit; null when the audit has no value (not assessed, not rated, not answered). */
  values: (number | null)[];
  /** Indexes of the audits with the best value; empty when fewer than two have a value. */
  best: number[];
}

export function headlineValue(scores: AuditScores, metric: HeadlineMetric): number | null {
  switch (metric) {
    case 'overall':
      return scores.overall.value;
    case 'immersion':
      return scores.immersion.value;
    case 'pe100':
      return scores.peakEnd?.pe100 ?? null;
    case 'effort100':
      return scores.effort?.effort100 ?? null;
    case 'nev':
      return scores.emotional.nev;
    case 'ces':
      return scores.endSurvey?.ces ?? null;
    case 'checkoutSteps':
      return scores.checkout.steps;
    case 'checkoutFields':
      return scores.checkout.fields;
    case 'steps':
      return scores.stepCount;
  }
}

export const BETTER: Record<HeadlineMetric, 'higher' | 'lower' | null> = {
  overall: 'higher',
  immersion: 'higher',
  pe100: 'higher',
  effort100: 'higher',
  nev: 'higher',
  ces: 'higher',
  checkoutSteps: 'lower',
  checkoutFields: 'lower',
  steps: null,
};

/** Indexes of the best values (rounded to integers as displayed); empty with fewer than two values. */
export function bestOf(values: readonly (number | null)[], better: 'higher' | 'lower' | null): number[] {
  if (better === null) return [];
  const present = values
    .map((v, i) => ({ v: v === null || !Number.isFinite(v) ? null : Math.round(v), i }))
    .filter((x): x is { v: number; i: number } => x.v !== null);
  if (present.length < 2) return [];
  const target = better === 'higher' ? Math.max(...present.map((x) => x.v)) : Math.min(...present.map((x) => x.v));
  return present.filter((x) => x.v === target).map((x) => x.i);
}

export function headlineRows(scores: readonly AuditScores[]): HeadlineRow[] {
  return HEADLINE_METRICS.map((metric) => {
    const values = scores.map((s) => headlineValue(s, metric));
    const better = BETTER[metric];
    return { metric, better, values, best: bestOf(values, better) };
  });
}
