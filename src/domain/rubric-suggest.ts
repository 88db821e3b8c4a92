// Suggested marks for the rubric's (A) criteria (METHOD.md "Element criteria": "(A) = the extension
// can suggest a mark from signals; the auditor confirms"), from the signals the content script
// observed on each step. Pure: no browser API. A suggestion is never a mark: the panel shows it
// with its reasons and the auditor accepts it or picks another mark.
//
// Evidence: only steps whose `signals` is not null take part ("observed steps"). A criterion gets
// a suggestion only when the observed steps carry the evidence it needs; otherwise it has none
// (no key in the result). No observed step at all: no suggestion for any criterion.
// Counts that are not finite non-negative numbers count as 0; vitals that are not valid values
// count as not measured (rateVital).
//
// Rules (ours; thresholds are the constants below; the report's Method appendix states them):
// - I3 "every action gives visible feedback: no dead clicks, responsive input" (dead clicks, INP).
//   Evidence: some observed step with at least one click or a measured INP.
//   D = dead clicks over the journey, INP rated per step with web.dev thresholds.
//   fail: D >= 3 or any INP poor; partial: D 1-2 or the worst INP needs improvement; pass: no dead
//   click and every measured INP good (or none measured). A single stray click on text can be
//   "dead" without the site being at fault, hence partial, not fail, for one or two.
// - I5 "inline validation that explains how to fix a field" (form errors). The signals show THAT
//   validation appeared (a field turned aria-invalid / :invalid on submit, or an alert/live region
//   got text), never WHETHER its text explains the fix. So: evidence only when form errors were
//   observed on some step; the suggestion is then partial ("validation shown; check that each
//   message says how to fix the field"), for the auditor to raise to pass or lower to fail after
//   reading the messages. No form error observed: validation was never exercised, so there is no
//   suggestion (a clean form is not evidence of good error messages; that is F4's credit).
// - F3 "few fields: at most about 8 per form" (field counts). A step's `fields` is the largest
//   number of visible fields seen on the page during the step, taken as the size of that step's
//   form (two forms on one page count together: an upper bound). Evidence: an observed step with
//   fields > 0. Largest form F: pass F <= 8 (Baymard's achievable count); partial 9-11; fail
//   F >= 12 (above Baymard's 11.3 average for a whole checkout). Optional-field marking and the
//   reason for a phone field are not observable; the auditor checks them.
// - F4 "no errors, rage clicks or dead ends on the way" (form errors, rage and dead clicks).
//   Evidence: any observed step. Incidents = rage-click bursts + dead clicks + steps with form
//   errors. Form errors count once per step because one failed submit yields several (METHOD.md
//   counts each field and each message). pass: 0 incidents; partial 1-2; fail >= 3.
// - F5 "pages load and respond fast: Core Web Vitals good" (LCP, CLS, INP). Evidence: at least one
//   measured vital on an observed step. Worst rating over every measured vital of every step:
//   good: pass; needs improvement: partial; poor: fail.
//
// - I1, I6, F7 from channel probes and touchpoints: probe-suggest.ts states their rules. They are
//   suggested only when the caller passes the audit's probes (an empty list counts: no probe), so
//   a caller that passes steps alone gets exactly the signal-based suggestions it always got.
//
// Reasons are structured (never text), so the panel and the report word them with t(); a reason's
// `stepIndex` is the step's 0-based Step.index (the panel shows index + 1). Reasons of a problem
// list every offending step, worst first for vitals, in journey order otherwise.
import type { Mark, Step, StepId, StepSignals, VitalRating } from './model.ts';
import { suggestF7, suggestI1, suggestI6, type ProbeEvidence, type ProbeReason } from './probe-suggest.ts';
import { inJourneyOrder } from './scores/normalise.ts';
import { rateVital, type VitalMetric } from './scores/vitals.ts';

/** The (A) criteria of rubric v1 this module suggests marks for. */
export const SUGGESTED_CRITERIA = ['I1', 'I3', 'I5', 'I6', 'F3', 'F4', 'F5', 'F7'] as const;
export type SuggestedCriterionId = (typeof SUGGESTED_CRITERIA)[number];
/** The criteria suggested from channel probes and touchpoints (probe-suggest.ts), not from signals. */
export const PROBE_CRITERIA = ['I1', 'I6', 'F7'] as const satisfies readonly SuggestedCriterionId[];

export type { ProbeEvidence, ProbeReason } from './probe-suggest.ts';

/** I3: dead clicks over the journey at or above this suggest fail (1 up to this: partial). */
export const DEAD_CLICKS_FAIL_AT = 3;
/** F3: the largest form may have this many fields for a pass (Baymard: about 8 is achievable). */
export const FIELDS_PASS_MAX = 8;
/** F3: this many fields or more in one form suggest fail (Baymard's checkout average is 11.3). */
export const FIELDS_FAIL_AT = 12;
/** F4: incidents at or above this suggest fail (1 up to this: partial). */
export const INCIDENTS_FAIL_AT = 3;

interface AtStep {
  stepIndex: number;
  stepId: StepId;
}

export type Reason =
  | ({ kind: 'dead-clicks'; count: number } & AtStep)
  | ({ kind: 'rage-clicks'; count: number } & AtStep)
  | ({ kind: 'form-errors'; count: number } & AtStep)
  /** A form's field count (F3): the offending ones, or the largest one for a pass. */
  | ({ kind: 'fields'; count: number; required: number } & AtStep)
  /** LCP and INP in ms, CLS unitless. */
  | ({ kind: 'lcp' | 'cls' | 'inp'; value: number; rating: VitalRating } & AtStep)
  /** I3 pass: no dead click among `clicks` clicks on `steps` observed steps. */
  | { kind: 'no-dead-clicks'; clicks: number; steps: number }
  /** F4 pass: no form error, rage or dead click on `steps` observed steps. */
  | { kind: 'no-incidents'; steps: number }
  /** F5 pass: every measured vital good, `measured` values on `steps` steps. */
  | { kind: 'vitals-good'; measured: number; steps: number }
  /** I5: the signals cannot tell whether a message explains the fix; the auditor reads them. */
  | { kind: 'check-error-messages' }
  | ProbeReason;

export type ReasonKind = Reason['kind'];

export interface Suggestion {
  mark: Mark;
  reasons: Reason[];
}

export type Suggestions = Partial<Record<SuggestedCriterionId, Suggestion>>;

interface Observed {
  step: Step;
  signals: StepSignals;
  at: AtStep;
}

/** A count as observed: finite and non-negative, else 0; fractions are floored. */
const count = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? Math.floor(x) : 0);

const RANK: Record<VitalRating, number> = { good: 0, 'needs-improvement': 1, poor: 2 };

function observedSteps(steps: readonly Step[]): Observed[] {
  const out: Observed[] = [];
  for (const step of inJourneyOrder(steps)) {
    if (step.signals && typeof step.signals === 'object') {
      out.push({ step, signals: step.signals, at: { stepIndex: step.index, stepId: step.id } });
    }
  }
  return out;
}

type VitalReason = Extract<Reason, { kind: 'lcp' | 'cls' | 'inp' }>;

const SIGNAL_OF: Record<VitalMetric, 'lcpMs' | 'cls' | 'inpMs'> = { lcp: 'lcpMs', cls: 'cls', inp: 'inpMs' };

function vitalReasons(observed: readonly Observed[], metrics: readonly VitalMetric[]): VitalReason[] {
  const out: VitalReason[] = [];
  for (const o of observed) {
    for (const metric of metrics) {
      const value = o.signals[SIGNAL_OF[metric]];
      const rating = rateVital(metric, value);
      if (rating !== null && typeof value === 'number') out.push({ kind: metric, value, rating, ...o.at });
    }
  }
  return out;
}

/** Worst first, then journey order (stable sort keeps metric order within a step). */
const worstFirst = (reasons: VitalReason[]): VitalReason[] =>
  [...reasons].sort((a, b) => RANK[b.rating] - RANK[a.rating] || a.stepIndex - b.stepIndex);

const markOfRating = (rating: VitalRating): Mark =>
  rating === 'poor' ? 'fail' : rating === 'needs-improvement' ? 'partial' : 'pass';

const worseMark = (a: Mark, b: Mark): Mark => {
  const order: Record<Mark, number> = { pass: 0, na: 0, partial: 1, fail: 2 };
  return order[b] > order[a] ? b : a;
};

function suggestI3(observed: readonly Observed[]): Suggestion | null {
  const clicks = observed.reduce((n, o) => n + count(o.signals.clicks), 0);
  const inp = vitalReasons(observed, ['inp']);
  const deadSteps = observed.filter((o) => count(o.signals.deadClicks) > 0);
  const dead = deadSteps.reduce((n, o) => n + count(o.signals.deadClicks), 0);
  if (clicks === 0 && dead === 0 && inp.length === 0) return null;

  let mark: Mark = dead >= DEAD_CLICKS_FAIL_AT ? 'fail' : dead > 0 ? 'partial' : 'pass';
  const badInp = worstFirst(inp.filter((r) => r.rating !== 'good'));
  for (const r of badInp) mark = worseMark(mark, markOfRating(r.rating));

  if (mark === 'pass') {
    const reasons: Reason[] = [{ kind: 'no-dead-clicks', clicks, steps: observed.length }];
    // The slowest measured interaction, to show how much headroom there was.
    const slowest = [...inp].sort((a, b) => b.value - a.value || a.stepIndex - b.stepIndex)[0];
    if (slowest) reasons.push(slowest);
    return { mark, reasons };
  }
  const reasons: Reason[] = [
    ...deadSteps.map((o): Reason => ({ kind: 'dead-clicks', count: count(o.signals.deadClicks), ...o.at })),
    ...badInp,
  ];
  return { mark, reasons };
}

function suggestI5(observed: readonly Observed[]): Suggestion | null {
  const withErrors = observed.filter((o) => count(o.signals.formErrors) > 0);
  if (withErrors.length === 0) return null;
  return {
    mark: 'partial',
    reasons: [
      ...withErrors.map((o): Reason => ({ kind: 'form-errors', count: count(o.signals.formErrors), ...o.at })),
      { kind: 'check-error-messages' },
    ],
  };
}

function suggestF3(observed: readonly Observed[]): Suggestion | null {
  const forms = observed.filter((o) => count(o.signals.fields) > 0);
  if (forms.length === 0) return null;
  const reasonOf = (o: Observed): Reason => ({
    kind: 'fields',
    count: count(o.signals.fields),
    required: count(o.signals.requiredFields),
    ...o.at,
  });
  let largest = forms[0] as Observed;
  for (const o of forms) if (count(o.signals.fields) > count(largest.signals.fields)) largest = o;
  const max = count(largest.signals.fields);
  if (max <= FIELDS_PASS_MAX) return { mark: 'pass', reasons: [reasonOf(largest)] };
  const mark: Mark = max >= FIELDS_FAIL_AT ? 'fail' : 'partial';
  return { mark, reasons: forms.filter((o) => count(o.signals.fields) > FIELDS_PASS_MAX).map(reasonOf) };
}

function suggestF4(observed: readonly Observed[]): Suggestion | null {
  const reasons: Reason[] = [];
  let incidents = 0;
  for (const o of observed) {
    const errors = count(o.signals.formErrors);
    const rage = count(o.signals.rageClicks);
    const dead = count(o.signals.deadClicks);
    if (errors > 0) {
      incidents += 1;
      reasons.push({ kind: 'form-errors', count: errors, ...o.at });
    }
    if (rage > 0) {
      incidents += rage;
      reasons.push({ kind: 'rage-clicks', count: rage, ...o.at });
    }
    if (dead > 0) {
      incidents += dead;
      reasons.push({ kind: 'dead-clicks', count: dead, ...o.at });
    }
  }
  if (incidents === 0) return { mark: 'pass', reasons: [{ kind: 'no-incidents', steps: observed.length }] };
  return { mark: incidents >= INCIDENTS_FAIL_AT ? 'fail' : 'partial', reasons };
}

function suggestF5(observed: readonly Observed[]): Suggestion | null {
  const vitals = vitalReasons(observed, ['lcp', 'cls', 'inp']);
  if (vitals.length === 0) return null;
  const bad = worstFirst(vitals.filter((r) => r.rating !== 'good'));
  const worst = bad[0];
  if (!worst) {
    const steps = new Set(vitals.map((r) => r.stepId)).size;
    return { mark: 'pass', reasons: [{ kind: 'vitals-good', measured: vitals.length, steps }] };
  }
  return { mark: markOfRating(worst.rating), reasons: bad };
}

/**
 * Suggested marks with their reasons, for the (A) criteria that have evidence in `steps` and, when
 * given, in the audit's channel probes (I1, I6, F7).
 */
export function suggestMarks(steps: readonly Step[], probes?: ProbeEvidence): Suggestions {
  const observed = observedSteps(steps);
  const out: Suggestions = {};
  const signalRules: Partial<Record<SuggestedCriterionId, (o: readonly Observed[]) => Suggestion | null>> = {
    I3: suggestI3,
    I5: suggestI5,
    F3: suggestF3,
    F4: suggestF4,
    F5: suggestF5,
  };
  const probeRules: Record<
    (typeof PROBE_CRITERIA)[number],
    (s: readonly Step[], e: ProbeEvidence) => Suggestion | null
  > = { I1: suggestI1, I6: suggestI6, F7: suggestF7 };
  for (const id of SUGGESTED_CRITERIA) {
    const signalRule = signalRules[id];
    const suggestion =
      signalRule !== undefined
        ? observed.length > 0
          ? signalRule(observed)
          : null
        : probes !== undefined && id in probeRules
          ? probeRules[id as keyof typeof probeRules](steps, probes)
          : null;
    if (suggestion) out[id] = suggestion;
  }
  return out;
}

/** The suggestion for one criterion id, or null (not an (A) criterion, or no evidence). */
export function suggestionFor(suggestions: Suggestions, criterionId: string): Suggestion | null {
  return (SUGGESTED_CRITERIA as readonly string[]).includes(criterionId)
    ? (suggestions[criterionId as SuggestedCriterionId] ?? null)
    : null;
}
