// The differences between 2-4 audits, ranked largest first, in structured form: the renderer turns
// each into a sentence ("Site B loses 50 points on Frictionless: forced account creation (F1,
// critical)"). Pure.
//
// Choices (ours; the compare page's method notes repeat them):
// - Every difference compares one audit with the audit that does best on the same measure
//   (`versus`); with two audits that is simply the other one. Ties for best: the earlier audit.
// - Ranking is by `impact`, on a common 0-100 points scale:
//     element scores, Overall, Immersion, PE100, Effort100: the gap in points;
//     NEV (-100..+100): a quarter of the gap (it spans 200 points, rests on the few emotions an
//     auditor logs, and is shown beside the overall score, not in it);
//     CES (1-7) and a stage's mean ease (1-7): the gap x 100 / 6, the scale of Effort100;
//     checkout: 10 points per extra checkout step, 2 per extra checkout form field;
//     a stage's signals: 4 per extra form error, 5 per extra rage-click burst, 3 per extra dead
//     click, 5 per extra poor Core Web Vital, at most 40;
//     a stage one audit has and another lacks: 5 (the direction is not judged: a missing stage can
//     be a step merged into another, which is good, or a journey that stopped short; the checkout
//     and ease differences say which is better).
//   Differences under 1 point are left out.
// - Order: first the element differences caused by a failed critical criterion that the better
//   audit did not fail (METHOD.md flags those on a report's first page; they cap the element),
//   then everything else; within each group largest impact first. Equal impact: causes before
//   aggregates (element, PE100, Effort100, CES, NEV, checkout, stage ease, stage signals,
//   Immersion, Overall, missing stage), then the audit order, then the stage order.
// - Causes: for an element, the criteria the audit marked lower than the best audit (or failed
//   where the best audit left the criterion unmarked or N/A), failed critical criteria first, then
//   fails, then partials, heavier weights first; for Overall, the components by weighted gap; for
//   Immersion, the elements by gap; for PE100, the audit's peak and end steps; for Effort100, the
//   audit's hardest stage; for a stage's ease, the stage's extra signals.
import type { ElementId, Mark, Step, VitalRating } from '../model.ts';
import { ELEMENT_IDS } from '../model.ts';
import type { Rubric } from '../rubric.ts';
import { MARK_SCORE, effectiveWeight, type AuditScores } from '../scores/index.ts';
import { CHECKOUT_STAGES } from '../scores/vitals.ts';
import type { Alignment, StageRow } from './align.ts';
import type { StageStats } from './stage-stats.ts';

export type DifferenceKind =
  'element' | 'score' | 'checkout-steps' | 'checkout-fields' | 'stage-ease' | 'stage-signals' | 'stage-missing';

export type ScoreMetric = 'overall' | 'immersion' | 'pe100' | 'effort100' | 'nev' | 'ces';

export type SignalKind = 'formErrors' | 'rageClicks' | 'deadClicks';

export type Cause =
  /** A criterion the audit marked lower than the best audit. */
  | {
      kind: 'criterion';
      criterionId: string;
      element: ElementId;
      critical: boolean;
      mark: Mark;
      otherMark: Mark | null;
      weight: number;
      /** The auditor's comment on the mark (untrusted text). */
      comment: string;
    }
  /** More of an observed signal at a stage than the best audit. */
  | { kind: 'signal'; signal: SignalKind; stage: string | null; count: number; otherCount: number }
  /** A Core Web Vital rated worse at a stage. */
  | {
      kind: 'vital';
      metric: 'lcp' | 'cls' | 'inp';
      stage: string | null;
      rating: VitalRating;
      otherRating: VitalRating | null;
      value: number;
    }
  /** A component of the overall score, with its weighted gap in points. */
  | { kind: 'component'; component: 'immersion' | 'peakEnd' | 'effort'; delta: number }
  /** An element behind Immersion, with its gap in points. */
  | { kind: 'element'; element: ElementId; delta: number }
  /** The audit's peak or end step (PE100). */
  | { kind: 'moment'; role: 'peak' | 'end'; stepId: string; index: number; stage: string | null; valence: number }
  /** The audit's hardest stage (lowest mean ease). */
  | { kind: 'hardest-stage'; stage: string | null; ease: number }
  /** More steps or fields in a checkout stage than the best audit (0 other: it has no such step). */
  | { kind: 'stage-count'; what: 'steps' | 'fields'; stage: string; count: number; otherCount: number }
  /** Logged emotion intensity (NEV). */
  | { kind: 'emotions'; positive: number; negative: number; otherPositive: number; otherNegative: number };

export interface Difference {
  kind: DifferenceKind;
  /** Element id, score metric, or the stage id for stage differences ('' for the unstaged row). */
  metric: string;
  /** The audit that does worse (index in the comparison). */
  audit: number;
  /** The audit it is compared with: the best on this measure (index). */
  versus: number;
  /** Stage id for stage differences; null otherwise (and for the unstaged row). */
  stage: string | null;
  /** The audit's value in the measure's own unit (points, ease 1-7, steps, fields); null if none. */
  value: number | null;
  /** The versus audit's value. */
  otherValue: number | null;
  /** |value - otherValue| in the measure's unit. */
  delta: number;
  /** Ranking weight on the common 0-100 points scale. */
  impact: number;
  /** An element difference caused by a failed critical criterion the versus audit did not fail. */
  critical: boolean;
  causes: Cause[];
}

export const IMPACT = {
  minimum: 1,
  nevFactor: 0.25,
  sevenPoint: 100 / 6,
  checkoutStep: 10,
  checkoutField: 2,
  formError: 4,
  rageClick: 5,
  deadClick: 3,
  poorVital: 5,
  signalCap: 40,
  missingStage: 5,
} as const;

const KIND_PRIORITY: Record<string, number> = {
  element: 0,
  'score:pe100': 1,
  'score:effort100': 2,
  'score:ces': 3,
  'score:nev': 4,
  'checkout-steps': 5,
  'checkout-fields': 6,
  'stage-ease': 7,
  'stage-signals': 8,
  'score:immersion': 9,
  'score:overall': 10,
  'stage-missing': 11,
};

const priorityOf = (d: Difference): number => KIND_PRIORITY[d.kind === 'score' ? `score:${d.metric}` : d.kind] ?? 99;

export interface DifferenceAudit {
  steps: readonly Step[];
  scores: AuditScores;
  rubric: Rubric;
  marks: Record<string, { mark: Mark | null; weight: number; comment: string } | undefined>;
}

/** The audit with the best value and the others with their gap to it (values may be null). */
function gaps(
  values: readonly (number | null)[],
  better: 'higher' | 'lower',
): { best: number; worse: { i: number; delta: number }[] } | null {
  let best = -1;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    const b = best >= 0 ? values[best] : null;
    if (b === null || b === undefined || (better === 'higher' ? v > b : v < b)) best = i;
  });
  const bestValue = values[best];
  if (best < 0 || bestValue === null || bestValue === undefined) return null;
  const worse: { i: number; delta: number }[] = [];
  values.forEach((v, i) => {
    if (i === best || v === null || !Number.isFinite(v)) return;
    const delta = better === 'higher' ? bestValue - v : v - bestValue;
    if (delta > 0) worse.push({ i, delta });
  });
  return { best, worse };
}

const markScore = (mark: Mark | null | undefined): number | null =>
  mark === 'pass' || mark === 'partial' || mark === 'fail' ? MARK_SCORE[mark] : null;

const MARK_ORDER: Record<Mark, number> = { fail: 0, partial: 1, pass: 2, na: 3 };

function criterionCauses(element: ElementId, worse: DifferenceAudit, better: DifferenceAudit): Cause[] {
  const causes: Cause[] = [];
  for (const criterion of worse.rubric.criteria) {
    if (criterion.element !== element) continue;
    const own = worse.marks[criterion.id];
    const mark = own?.mark ?? null;
    const score = markScore(mark);
    if (mark === null || score === null || score >= 1) continue;
    const otherMark = better.marks[criterion.id]?.mark ?? null;
    const otherScore = markScore(otherMark);
    if (otherScore !== null && otherScore <= score) continue;
    causes.push({
      kind: 'criterion',
      criterionId: criterion.id,
      element,
      critical: criterion.critical,
      mark,
      otherMark,
      weight: effectiveWeight(own?.weight),
      comment: typeof own?.comment === 'string' ? own.comment : '',
    });
  }
  const rank = (c: Cause): number => (c.kind === 'criterion' ? (c.critical && c.mark === 'fail' ? 0 : 1) : 2);
  return causes
    .map((c, order) => ({ c, order }))
    .sort((a, b) => {
      const ca = a.c;
      const cb = b.c;
      if (ca.kind !== 'criterion' || cb.kind !== 'criterion') return a.order - b.order;
      return (
        rank(ca) - rank(cb) || MARK_ORDER[ca.mark] - MARK_ORDER[cb.mark] || cb.weight - ca.weight || a.order - b.order
      );
    })
    .map(({ c }) => c);
}

/** Extra signals of `own` over `other` at a stage, as causes, and their impact. */
export function signalCauses(
  stage: string | null,
  own: StageStats,
  other: StageStats,
): { causes: Cause[]; impact: number } {
  const causes: Cause[] = [];
  let impact = 0;
  const signal = (s: SignalKind, per: number): void => {
    const extra = own[s] - other[s];
    if (extra > 0) {
      causes.push({ kind: 'signal', signal: s, stage, count: own[s], otherCount: other[s] });
      impact += extra * per;
    }
  };
  signal('formErrors', IMPACT.formError);
  signal('rageClicks', IMPACT.rageClick);
  signal('deadClicks', IMPACT.deadClick);
  const rank: Record<VitalRating, number> = { good: 0, 'needs-improvement': 1, poor: 2 };
  const vitals: Array<['lcp' | 'cls' | 'inp', VitalRating | null, VitalRating | null, number | null]> = [
    ['lcp', own.lcpRating, other.lcpRating, own.lcpMs],
    ['cls', own.clsRating, other.clsRating, own.cls],
    ['inp', own.inpRating, other.inpRating, own.inpMs],
  ];
  for (const [metric, rating, otherRating, value] of vitals) {
    if (rating === null || rating === 'good' || value === null) continue;
    if (otherRating !== null && rank[otherRating] >= rank[rating]) continue;
    causes.push({ kind: 'vital', metric, stage, rating, otherRating, value });
    if (rating === 'poor') impact += IMPACT.poorVital;
  }
  return { causes, impact: Math.min(impact, IMPACT.signalCap) };
}

function stageOfStep(steps: readonly Step[], stepId: string): string | null {
  return steps.find((s) => s.id === stepId)?.stage ?? null;
}

export interface DifferenceOptions {
  /** Stage ids that count as checkout steps; default CHECKOUT_STAGES. */
  checkoutStages?: readonly string[];
}

/** What every kind of difference is found in: the audits, their aligned stages and the stages' stats. */
interface Comparison {
  audits: readonly DifferenceAudit[];
  alignment: Alignment;
  /** `stats[row][audit]`. */
  stats: readonly (readonly StageStats[])[];
}

type Draft = Omit<Difference, 'stage' | 'critical'> & { stage?: string | null };

/**
 * The drafts that are differences: those under the minimum impact are left out, and an element
 * difference is critical when a failed critical criterion the versus audit did not fail caused it.
 */
function kept(drafts: readonly Draft[]): Difference[] {
  const out: Difference[] = [];
  for (const d of drafts) {
    if (!(d.impact >= IMPACT.minimum)) continue;
    const critical =
      d.kind === 'element' &&
      d.causes.some((c) => c.kind === 'criterion' && c.critical && c.mark === 'fail' && c.otherMark !== 'fail');
    out.push({ ...d, stage: d.stage ?? null, critical });
  }
  return out;
}

/** Element scores, each against the audit with the best score for that element. */
function elementDifferences({ audits }: Comparison): Difference[] {
  const drafts: Draft[] = [];
  for (const element of ELEMENT_IDS) {
    const g = gaps(
      audits.map((a) => a.scores.elements[element].score),
      'higher',
    );
    if (!g) continue;
    const best = audits[g.best];
    if (!best) continue;
    for (const { i, delta } of g.worse) {
      const worse = audits[i];
      if (!worse) continue;
      drafts.push({
        kind: 'element',
        metric: element,
        audit: i,
        versus: g.best,
        value: worse.scores.elements[element].score,
        otherValue: best.scores.elements[element].score,
        delta,
        impact: delta,
        causes: criterionCauses(element, worse, best),
      });
    }
  }
  return kept(drafts);
}

/** A headline score: how it is read, its weight on the common scale, and what causes a gap in it. */
interface ScoreMeasure {
  metric: ScoreMetric;
  pick: (s: AuditScores) => number | null;
  factor: number;
  causes: (c: Comparison, worse: number, best: number) => Cause[];
}

type Component = 'immersion' | 'peakEnd' | 'effort';

/** Overall: the components by weighted gap. */
function overallCauses({ audits }: Comparison, w: number, b: number): Cause[] {
  const sw = audits[w]?.scores;
  const sb = audits[b]?.scores;
  if (!sw || !sb) return [];
  const parts: Array<[Component, number | null, number | null]> = [
    ['immersion', sw.immersion.value, sb.immersion.value],
    ['peakEnd', sw.peakEnd?.pe100 ?? null, sb.peakEnd?.pe100 ?? null],
    ['effort', sw.effort?.effort100 ?? null, sb.effort?.effort100 ?? null],
  ];
  return parts
    .filter((p): p is [Component, number, number] => p[1] !== null && p[2] !== null)
    .map(([component, own, other]) => ({
      kind: 'component' as const,
      component,
      delta: (other - own) * sw.overall.weightsUsed[component],
    }))
    .filter((c) => c.delta >= 0.5)
    .sort((a, b) => b.delta - a.delta);
}

/** Immersion: the elements by gap. */
function immersionCauses({ audits }: Comparison, w: number, b: number): Cause[] {
  const sw = audits[w]?.scores;
  const sb = audits[b]?.scores;
  if (!sw || !sb) return [];
  return ELEMENT_IDS.map((element) => {
    const own = sw.elements[element].score;
    const other = sb.elements[element].score;
    return own === null || other === null ? null : { kind: 'element' as const, element, delta: other - own };
  })
    .filter((c): c is { kind: 'element'; element: ElementId; delta: number } => c !== null && c.delta >= 0.5)
    .sort((a, b) => b.delta - a.delta);
}

/** PE100: the audit's peak and end steps. */
function peakEndCauses({ audits }: Comparison, w: number): Cause[] {
  const a = audits[w];
  const pe = a?.scores.peakEnd;
  if (!a || !pe) return [];
  const moments: Cause[] = [
    {
      kind: 'moment',
      role: 'peak',
      stepId: pe.peak.stepId,
      index: pe.peak.index,
      stage: stageOfStep(a.steps, pe.peak.stepId),
      valence: pe.peak.valence,
    },
  ];
  if (pe.end.stepId !== pe.peak.stepId) {
    moments.push({
      kind: 'moment',
      role: 'end',
      stepId: pe.end.stepId,
      index: pe.end.index,
      stage: stageOfStep(a.steps, pe.end.stepId),
      valence: pe.end.valence,
    });
  }
  return moments;
}

/** Effort100: the audit's hardest stage. */
function effortCauses({ alignment, stats }: Comparison, w: number): Cause[] {
  let hardest: { stage: string | null; ease: number } | null = null;
  alignment.rows.forEach((row, r) => {
    const st = stats[r]?.[w];
    if (!st || st.easeMean === null) return;
    if (hardest === null || st.easeMean < hardest.ease) hardest = { stage: row.stage, ease: st.easeMean };
  });
  const h = hardest as { stage: string | null; ease: number } | null;
  return h ? [{ kind: 'hardest-stage', stage: h.stage, ease: h.ease }] : [];
}

/** NEV: the logged emotion intensity of both audits. */
function emotionCauses({ audits }: Comparison, w: number, b: number): Cause[] {
  const ew = audits[w]?.scores.emotional;
  const eb = audits[b]?.scores.emotional;
  if (!ew || !eb) return [];
  return [
    {
      kind: 'emotions',
      positive: ew.positive,
      negative: ew.negative,
      otherPositive: eb.positive,
      otherNegative: eb.negative,
    },
  ];
}

const SCORE_MEASURES: readonly ScoreMeasure[] = [
  { metric: 'overall', pick: (s) => s.overall.value, factor: 1, causes: overallCauses },
  { metric: 'immersion', pick: (s) => s.immersion.value, factor: 1, causes: immersionCauses },
  { metric: 'pe100', pick: (s) => s.peakEnd?.pe100 ?? null, factor: 1, causes: peakEndCauses },
  { metric: 'effort100', pick: (s) => s.effort?.effort100 ?? null, factor: 1, causes: effortCauses },
  { metric: 'nev', pick: (s) => s.emotional.nev, factor: IMPACT.nevFactor, causes: emotionCauses },
  { metric: 'ces', pick: (s) => s.endSurvey?.ces ?? null, factor: IMPACT.sevenPoint, causes: () => [] },
];

/** One headline score, each audit against the audit with the best value. */
function scoreDifferences(c: Comparison, measure: ScoreMeasure): Difference[] {
  const values = c.audits.map((a) => measure.pick(a.scores));
  const g = gaps(values, 'higher');
  if (!g) return [];
  return kept(
    g.worse.map(({ i, delta }) => ({
      kind: 'score',
      metric: measure.metric,
      audit: i,
      versus: g.best,
      value: values[i] ?? null,
      otherValue: values[g.best] ?? null,
      delta,
      impact: delta * measure.factor,
      causes: measure.causes(c, i, g.best),
    })),
  );
}

const CHECKOUT_MEASURES = {
  steps: { kind: 'checkout-steps', metric: 'checkoutSteps', per: IMPACT.checkoutStep },
  fields: { kind: 'checkout-fields', metric: 'checkoutFields', per: IMPACT.checkoutField },
} as const;

/** Checkout steps or fields (fewer is better), with the checkout stages that make the gap. */
function checkoutDifferences(
  { audits, alignment, stats }: Comparison,
  what: 'steps' | 'fields',
  checkoutStages: readonly string[],
): Difference[] {
  const { kind, metric, per } = CHECKOUT_MEASURES[what];
  const checkoutRows = alignment.rows
    .map((row, r) => ({ row, r }))
    .filter(({ row }) => row.stage !== null && checkoutStages.includes(row.stage));
  const values = audits.map((a) => a.scores.checkout[what]);
  const g = gaps(values, 'lower');
  if (!g) return [];
  const drafts: Draft[] = [];
  for (const { i, delta } of g.worse) {
    const causes: Cause[] = [];
    for (const { row, r } of checkoutRows) {
      const own = stats[r]?.[i];
      const other = stats[r]?.[g.best];
      if (!own || !other || row.stage === null) continue;
      const count = own[what];
      const otherCount = other[what];
      if (count > otherCount) causes.push({ kind: 'stage-count', what, stage: row.stage, count, otherCount });
    }
    drafts.push({
      kind,
      metric,
      audit: i,
      versus: g.best,
      value: values[i] ?? null,
      otherValue: values[g.best] ?? null,
      delta,
      impact: delta * per,
      causes,
    });
  }
  return kept(drafts);
}

/** Indexes of the audits that have the row's stage. */
const presentIn = (row: StageRow): number[] =>
  row.cells.map((cell, i) => (cell.missing ? -1 : i)).filter((i) => i >= 0);

/** A stage's mean ease, each audit against the audit that found it easiest; the causes are its extra signals. */
function stageEaseDifferences(row: StageRow, rowStats: readonly StageStats[]): Difference[] {
  if (row.origin === 'unstaged') return [];
  const g = gaps(
    row.cells.map((cell, i) => (cell.missing ? null : (rowStats[i]?.easeMean ?? null))),
    'higher',
  );
  if (!g) return [];
  const drafts: Draft[] = [];
  for (const { i, delta } of g.worse) {
    const own = rowStats[i];
    const other = rowStats[g.best];
    if (!own || !other) continue;
    drafts.push({
      kind: 'stage-ease',
      metric: row.stage ?? '',
      stage: row.stage,
      audit: i,
      versus: g.best,
      value: own.easeMean,
      otherValue: other.easeMean,
      delta,
      impact: delta * IMPACT.sevenPoint,
      causes: signalCauses(row.stage, own, other).causes,
    });
  }
  return kept(drafts);
}

/** A stage's incidents on the common scale. */
const incidents = (st: StageStats | undefined): number =>
  st
    ? st.formErrors * IMPACT.formError +
      st.rageClicks * IMPACT.rageClick +
      st.deadClicks * IMPACT.deadClick +
      st.poorVitals * IMPACT.poorVital
    : 0;

/**
 * A stage's signals, each audit against the audit with the fewest incidents there. An audit whose
 * ease difference at this stage already names them (`easeCovered`) is not told them twice.
 */
function stageSignalDifferences(
  row: StageRow,
  rowStats: readonly StageStats[],
  easeCovered: ReadonlySet<number>,
): Difference[] {
  const present = presentIn(row);
  if (row.origin === 'unstaged' || present.length < 2) return [];
  let calm = present[0] ?? 0;
  for (const i of present) if (incidents(rowStats[i]) < incidents(rowStats[calm])) calm = i;
  const other = rowStats[calm];
  const drafts: Draft[] = [];
  for (const i of present) {
    const own = rowStats[i];
    if (i === calm || easeCovered.has(i) || !own || !other) continue;
    const { causes, impact } = signalCauses(row.stage, own, other);
    if (causes.length === 0) continue;
    drafts.push({
      kind: 'stage-signals',
      metric: row.stage ?? '',
      stage: row.stage,
      audit: i,
      versus: calm,
      value: incidents(own),
      otherValue: incidents(other),
      delta: impact,
      impact,
      causes,
    });
  }
  return kept(drafts);
}

/** A stage some audits lack, against the first audit that has it. */
function stageMissingDifferences(row: StageRow): Difference[] {
  const present = presentIn(row);
  if (row.origin === 'unstaged' || present.length === 0) return [];
  const first = present[0] ?? 0;
  const drafts: Draft[] = [];
  row.cells.forEach((cell, i) => {
    if (!cell.missing) return;
    drafts.push({
      kind: 'stage-missing',
      metric: row.stage ?? '',
      stage: row.stage,
      audit: i,
      versus: first,
      value: 0,
      otherValue: row.cells[first]?.steps.length ?? 0,
      delta: row.cells[first]?.steps.length ?? 0,
      impact: IMPACT.missingStage,
      causes: [],
    });
  });
  return kept(drafts);
}

/** One stage's differences: ease, then signals not already named by an ease difference, then missing. */
function stageDifferences(row: StageRow, rowStats: readonly StageStats[]): Difference[] {
  const ease = stageEaseDifferences(row, rowStats);
  return [
    ...ease,
    ...stageSignalDifferences(row, rowStats, new Set(ease.map((d) => d.audit))),
    ...stageMissingDifferences(row),
  ];
}

/** Critical first, then largest impact; ties as the header says, then the order they were found in. */
function ranked(found: readonly Difference[], alignment: Alignment): Difference[] {
  const rowPos = new Map(alignment.rows.map((row) => [row.stage ?? '', row.position]));
  return found
    .map((d, order) => ({ d, order }))
    .sort(
      (a, b) =>
        Number(b.d.critical) - Number(a.d.critical) ||
        (Math.abs(b.d.impact - a.d.impact) > 1e-6 ? b.d.impact - a.d.impact : 0) ||
        priorityOf(a.d) - priorityOf(b.d) ||
        a.d.audit - b.d.audit ||
        (rowPos.get(a.d.stage ?? '') ?? 0) - (rowPos.get(b.d.stage ?? '') ?? 0) ||
        a.order - b.order,
    )
    .map(({ d }) => d);
}

/**
 * Every difference of the audits, largest impact first. `stats[row][audit]` are the stage stats of
 * the alignment's rows (stageStats of each cell).
 */
export function rankDifferences(
  audits: readonly DifferenceAudit[],
  alignment: Alignment,
  stats: readonly (readonly StageStats[])[],
  opts: DifferenceOptions = {},
): Difference[] {
  if (audits.length < 2) return [];
  const c: Comparison = { audits, alignment, stats };
  const checkoutStages = opts.checkoutStages ?? CHECKOUT_STAGES;
  return ranked(
    [
      ...elementDifferences(c),
      ...SCORE_MEASURES.flatMap((measure) => scoreDifferences(c, measure)),
      ...checkoutDifferences(c, 'steps', checkoutStages),
      ...checkoutDifferences(c, 'fields', checkoutStages),
      ...alignment.rows.flatMap((row, r) => stageDifferences(row, stats[r] ?? [])),
    ],
    alignment,
  );
}
