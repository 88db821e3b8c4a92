// The ranked differences in plain words. Every sentence is one t() message with the values as
// placeholders; the causes follow after a colon. The result is plain text (escaped by the caller):
// site names and auditor comments are untrusted.
import type { Cause, Difference, HeadlineMetric, ScoreMetric } from '../../domain/compare/index.ts';
import { t, tp } from '../../i18n/t.ts';
import { clip } from '../svg/common.ts';
import { elementName, tOr } from '../i18n.ts';
import type { CompareContext } from './context.ts';

/** Causes named per sentence before "and N more". */
export const CAUSES_SHOWN = 3;
/** An auditor comment is shortened to this many characters in a sentence. */
export const COMMENT_MAX = 140;

const VITAL_NAME = { lcp: 'LCP', cls: 'CLS', inp: 'INP' } as const;

function vitalRatingText(rating: string): string {
  return rating === 'good'
    ? t('report_vitalGood')
    : rating === 'poor'
      ? t('report_vitalPoor')
      : t('report_vitalNeedsImprovement');
}

function criterionText(ctx: CompareContext, auditIndex: number, criterionId: string): string {
  const rubric = ctx.data.comparison.audits[auditIndex]?.rubric;
  const criterion = rubric?.criteria.find((c) => c.id === criterionId);
  return criterion ? tOr(criterion.textKey, criterion.text) : criterionId;
}

const signed = (ctx: CompareContext, valence: number): string => ctx.fmt.signedInt(valence);

export function causeText(ctx: CompareContext, d: Difference, cause: Cause): string {
  const fmt = ctx.fmt;
  const other = (n: number): string => (n === 0 ? t('compare_none') : fmt.int(n));
  switch (cause.kind) {
    case 'criterion': {
      const comment = cause.comment.replace(/\s+/g, ' ').trim();
      const text = comment !== '' ? clip(comment, COMMENT_MAX) : criterionText(ctx, d.audit, cause.criterionId);
      if (cause.mark === 'partial') return t('compare_cause_partial', text, cause.criterionId);
      return cause.critical
        ? t('compare_cause_critical', text, cause.criterionId)
        : t('compare_cause_fail', text, cause.criterionId);
    }
    case 'signal': {
      const key =
        cause.signal === 'formErrors'
          ? 'compare_cause_formErrors'
          : cause.signal === 'rageClicks'
            ? 'compare_cause_rageClicks'
            : 'compare_cause_deadClicks';
      return tp(key, cause.count, fmt.int(cause.count), fmt.int(cause.otherCount));
    }
    case 'vital': {
      const value = cause.metric === 'cls' ? fmt.fixed(cause.value, 2) : fmt.duration(cause.value);
      return t('compare_cause_vital', VITAL_NAME[cause.metric], value, vitalRatingText(cause.rating));
    }
    case 'component': {
      const name =
        cause.component === 'immersion'
          ? t('report_immersion')
          : cause.component === 'peakEnd'
            ? t('report_pe100')
            : t('report_effort100');
      return t('compare_cause_component', name, fmt.int(cause.delta));
    }
    case 'element':
      return t('compare_cause_element', elementName(cause.element), fmt.int(cause.delta));
    case 'moment':
      return t(
        cause.role === 'peak' ? 'compare_cause_peak' : 'compare_cause_end',
        signed(ctx, cause.valence),
        ctx.stageName(cause.stage),
        cause.index + 1,
      );
    case 'hardest-stage':
      return t('compare_cause_hardestStage', ctx.stageName(cause.stage), fmt.fixed(cause.ease, 1));
    case 'stage-count':
      return t('compare_cause_stageCount', ctx.stageName(cause.stage), fmt.int(cause.count), other(cause.otherCount));
    case 'emotions':
      return t('compare_cause_emotions', fmt.int(cause.negative), fmt.int(cause.otherNegative));
  }
}

function mainText(ctx: CompareContext, d: Difference): string {
  const fmt = ctx.fmt;
  const site = ctx.labels[d.audit] ?? '';
  const other = ctx.labels[d.versus] ?? '';
  const int = (n: number | null): string => (n === null ? t('report_na') : fmt.int(n));
  const points = fmt.int(d.delta);
  switch (d.kind) {
    case 'element':
      return t('compare_diff_element', site, points, elementName(d.metric), int(d.value), int(d.otherValue), other);
    case 'score':
      switch (d.metric) {
        case 'overall':
          return t('compare_diff_overall', site, points, int(d.value), int(d.otherValue), other);
        case 'immersion':
          return t('compare_diff_immersion', site, points, int(d.value), int(d.otherValue), other);
        case 'pe100':
          return t('compare_diff_pe100', site, points, int(d.value), int(d.otherValue), other);
        case 'effort100':
          return t('compare_diff_effort100', site, points, int(d.value), int(d.otherValue), other);
        case 'nev':
          return t(
            'compare_diff_nev',
            site,
            points,
            d.value === null ? t('report_na') : fmt.signedInt(d.value),
            d.otherValue === null ? t('report_na') : fmt.signedInt(d.otherValue),
            other,
          );
        default:
          return t('compare_diff_ces', site, int(d.value), int(d.otherValue), other);
      }
    case 'checkout-steps':
      return t('compare_diff_checkoutSteps', site, int(d.value), other, int(d.otherValue));
    case 'checkout-fields':
      return t('compare_diff_checkoutFields', site, int(d.value), other, int(d.otherValue));
    case 'stage-ease':
      return t(
        'compare_diff_stageEase',
        ctx.stageName(d.stage),
        site,
        d.value === null ? t('report_na') : fmt.fixed(d.value, 1),
        d.otherValue === null ? t('report_na') : fmt.fixed(d.otherValue, 1),
        other,
      );
    case 'stage-signals':
      return t('compare_diff_stageSignals', ctx.stageName(d.stage), site, other);
    case 'stage-missing': {
      const n = d.otherValue ?? 0;
      return t('compare_diff_stageMissing', site, ctx.stageName(d.stage), other, tp('stepCount', n, fmt.int(n)));
    }
  }
}

/** The main clause and the causes (null when there are none) of a difference's sentence. */
export function differenceParts(ctx: CompareContext, d: Difference): { main: string; causes: string | null } {
  const main = mainText(ctx, d);
  if (d.causes.length === 0) return { main, causes: null };
  const shown = d.causes.slice(0, CAUSES_SHOWN).map((c) => causeText(ctx, d, c));
  const more = d.causes.length - shown.length;
  if (more > 0) shown.push(t('compare_causesMore', more));
  return { main, causes: shown.join('; ') };
}

/** The difference as one sentence, its main causes after a colon. */
export function differenceText(ctx: CompareContext, d: Difference): string {
  const { main, causes } = differenceParts(ctx, d);
  return causes === null ? main : t('compare_withCauses', main, causes);
}

/** The name of a headline figure: the headline table's rows and the differences' tags. */
export function headlineMetricLabel(metric: HeadlineMetric): string {
  switch (metric) {
    case 'overall':
      return t('report_overall');
    case 'immersion':
      return t('report_immersion');
    case 'pe100':
      return t('report_pe100');
    case 'effort100':
      return t('report_effort100');
    case 'nev':
      return t('report_nev');
    case 'ces':
      return t('report_ces');
    case 'checkoutSteps':
      return t('report_checkoutSteps');
    case 'checkoutFields':
      return t('report_checkoutFields');
    case 'steps':
      return t('compare_stepsRecorded');
  }
}

/** A short label of the difference's kind, for the list's tags. */
export function differenceTag(ctx: CompareContext, d: Difference): string {
  switch (d.kind) {
    case 'element':
      return elementName(d.metric);
    case 'score':
      // A score difference's metric is always a ScoreMetric (differences.ts builds them from one).
      return headlineMetricLabel(d.metric as ScoreMetric);
    case 'checkout-steps':
      return headlineMetricLabel('checkoutSteps');
    case 'checkout-fields':
      return headlineMetricLabel('checkoutFields');
    default:
      return ctx.stageName(d.stage);
  }
}
