// The five headline numbers a programme tracks per site and wave, read from each audit's computed
// scores (src/domain/scores/), and which audits may enter their statistics.
//
// Which audits count: only audits whose overall score is final. A provisional audit (criteria
// unmarked, steps unrated, a component missing) and a not-assessed one are counted apart and shown
// as such, never pooled as a number, and never as 0 or 100. A final audit that lacks one number
// (NEV when no emotion was logged) is counted as "missing" for that number only.
import type { AuditScores } from '../scores/index.ts';
import type { Bounds } from './interval.ts';

export const PROGRAMME_METRICS = ['overall', 'pe100', 'nev', 'effort100', 'immersion'] as const;
export type ProgrammeMetric = (typeof PROGRAMME_METRICS)[number];

export const METRIC_BOUNDS: Record<ProgrammeMetric, Bounds> = {
  overall: { min: 0, max: 100 },
  pe100: { min: 0, max: 100 },
  nev: { min: -100, max: 100 },
  effort100: { min: 0, max: 100 },
  immersion: { min: 0, max: 100 },
};

/**
 * The part of an audit's computed scores that the programme view's numbers are read from: a subset of
 * AuditScores (so the whole AuditScores serves as one), small enough to keep per audit in the store
 * (src/store/score-cache.ts) so the view need not read every step to draw its first tables.
 */
export interface ScoreSummary {
  basis: { status: AuditScores['basis']['status'] };
  overall: { value: number | null };
  peakEnd: { pe100: number } | null;
  emotional: { nev: number | null };
  effort: { effort100: number } | null;
  immersion: { value: number | null };
}

/** Exactly the fields of ScoreSummary, copied out of the audit's computed scores. */
export function summariseScores(scores: AuditScores): ScoreSummary {
  return {
    basis: { status: scores.basis.status },
    overall: { value: scores.overall.value },
    peakEnd: scores.peakEnd ? { pe100: scores.peakEnd.pe100 } : null,
    emotional: { nev: scores.emotional.nev },
    effort: scores.effort ? { effort100: scores.effort.effort100 } : null,
    immersion: { value: scores.immersion.value },
  };
}

export function metricValue(scores: ScoreSummary, metric: ProgrammeMetric): number | null {
  const value =
    metric === 'overall'
      ? scores.overall.value
      : metric === 'pe100'
        ? (scores.peakEnd?.pe100 ?? null)
        : metric === 'nev'
          ? scores.emotional.nev
          : metric === 'effort100'
            ? (scores.effort?.effort100 ?? null)
            : scores.immersion.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** final: enters the statistics; provisional and not-assessed: counted apart. */
export const countsInStats = (scores: ScoreSummary): boolean => scores.basis.status === 'final';
