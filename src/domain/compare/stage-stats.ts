// What one audit did in one stage: its ratings and the worst of its observed signals. Pure.
// Counts are sums over the stage's steps (a repeated stage counts every visit, as the shopper went
// through it every time); vitals are the worst value measured on any of its steps. A step that
// holds several stages (Step.alsoStages) counts in each of them, its ratings and signals included:
// per stage, it is what the shopper met there. Journey-wide figures never add these up (align.ts).
import type { Step, VitalRating } from '../model.ts';
import { easeOf, mean, valenceOf } from '../scores/normalise.ts';
import { rateCls, rateInp, rateLcp, worstRating } from '../scores/vitals.ts';

export interface StageStats {
  steps: number;
  /** Steps with an ease / valence rating. */
  ratedEase: number;
  ratedValence: number;
  /** Mean ease 1-7 of the rated steps; null: none rated. */
  easeMean: number | null;
  /** The lowest ease; null: none rated. */
  easeMin: number | null;
  /** Mean valence -4..+4; null: none rated. */
  valenceMean: number | null;
  /** The lowest valence; null: none rated. */
  valenceMin: number | null;
  /** Steps with observed signals (the counts below are over these). */
  withSignals: number;
  clicks: number;
  formErrors: number;
  rageClicks: number;
  deadClicks: number;
  backNavigations: number;
  fields: number;
  requiredFields: number;
  /** The largest value measured on the stage's steps; null: none measured. */
  lcpMs: number | null;
  cls: number | null;
  inpMs: number | null;
  lcpRating: VitalRating | null;
  clsRating: VitalRating | null;
  inpRating: VitalRating | null;
  /** The worst of the three ratings; null when nothing was measured. */
  worstVital: VitalRating | null;
  /** Vitals (of lcp, cls, inp) rated poor. */
  poorVitals: number;
}

const count = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0);
const measured = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

function maxOf(values: readonly unknown[]): number | null {
  const nums = values.filter(measured);
  return nums.length > 0 ? Math.max(...nums) : null;
}

export function stageStats(steps: readonly Step[]): StageStats {
  const eases = steps.map(easeOf).filter((x): x is number => x !== null);
  const valences = steps.map(valenceOf).filter((x): x is number => x !== null);
  const signals = steps
    .map((s) => s.signals)
    .filter((s): s is NonNullable<Step['signals']> => s !== null && typeof s === 'object');
  const sum = (pick: (s: (typeof signals)[number]) => unknown): number =>
    signals.reduce((n, s) => n + count(pick(s)), 0);
  const lcpMs = maxOf(signals.map((s) => s.lcpMs));
  const cls = maxOf(signals.map((s) => s.cls));
  const inpMs = maxOf(signals.map((s) => s.inpMs));
  const lcp = rateLcp(lcpMs);
  const clsRating = rateCls(cls);
  const inp = rateInp(inpMs);
  return {
    steps: steps.length,
    ratedEase: eases.length,
    ratedValence: valences.length,
    easeMean: mean(eases),
    easeMin: eases.length > 0 ? Math.min(...eases) : null,
    valenceMean: mean(valences),
    valenceMin: valences.length > 0 ? Math.min(...valences) : null,
    withSignals: signals.length,
    clicks: sum((s) => s.clicks),
    formErrors: sum((s) => s.formErrors),
    rageClicks: sum((s) => s.rageClicks),
    deadClicks: sum((s) => s.deadClicks),
    backNavigations: sum((s) => s.backNavigations),
    fields: sum((s) => s.fields),
    requiredFields: sum((s) => s.requiredFields),
    lcpMs,
    cls,
    inpMs,
    lcpRating: lcp,
    clsRating,
    inpRating: inp,
    worstVital: worstRating([lcp, clsRating, inp]),
    poorVitals: [lcp, clsRating, inp].filter((r) => r === 'poor').length,
  };
}
