// Headline: the overall CX score and the numbers behind it, with the checkout benchmark.
import { t, tp } from '../../i18n/t.ts';
import { html, type SafeHtml } from '../escape.ts';
import { gaugeSvg } from '../svg/gauge.ts';
import type { RenderContext } from './context.ts';
import { ltr, metric, section } from './parts.ts';

/** The displayed headline values, as text; the tests compare these with computeScores. */
export interface HeadlineValues {
  overall: string;
  immersion: string;
  pe100: string;
  effort100: string;
  nev: string;
  ces: string;
  completion: string;
  checkoutSteps: string;
  checkoutFields: string;
}

export function headlineValues(ctx: RenderContext): HeadlineValues {
  const s = ctx.data.scores;
  const fmt = ctx.fmt;
  const na = t('report_na');
  const survey = s.endSurvey;
  return {
    overall: s.overall.value === null ? na : fmt.int(s.overall.value),
    immersion: s.immersion.value === null ? t('report_notAssessed') : fmt.int(s.immersion.value),
    pe100: s.peakEnd ? fmt.int(s.peakEnd.pe100) : na,
    effort100: s.effort ? fmt.int(s.effort.effort100) : na,
    nev: s.emotional.nev === null ? t('report_noEmotionsLogged') : fmt.signedInt(s.emotional.nev),
    ces: survey?.ces != null ? t('report_outOf7', fmt.int(survey.ces)) : na,
    completion:
      survey?.taskCompleted === true ? t('report_yes') : survey?.taskCompleted === false ? t('report_no') : na,
    checkoutSteps: fmt.int(s.checkout.steps),
    checkoutFields: fmt.int(s.checkout.fields),
  };
}

export function renderHeadline(ctx: RenderContext): SafeHtml {
  const s = ctx.data.scores;
  const fmt = ctx.fmt;
  const v = headlineValues(ctx);
  const w = s.overall.weightsUsed;
  const formula = t(
    'report_overallFormula',
    fmt.fixed(s.overall.weights.immersion, 2),
    fmt.fixed(s.overall.weights.peakEnd, 2),
    fmt.fixed(s.overall.weights.effort, 2),
  );
  const renorm = s.overall.renormalised
    ? html`<p class="note">${t('report_overallRenormalised', fmt.fixed(w.immersion, 2), fmt.fixed(w.peakEnd, 2), fmt.fixed(w.effort, 2))}</p>`
    : '';
  const survey = s.endSurvey;
  const cesTone = survey?.cesPositive === true ? 'good' : survey?.cesPositive === false ? 'weak' : 'none';
  const completionTone = survey?.taskCompleted === true ? 'good' : survey?.taskCompleted === false ? 'weak' : 'none';
  const rated = t('report_ratedBasis', s.rated.valence, s.stepCount, s.rated.ease);

  const cb = s.checkout;
  const checkout = html`<div class="benchmarks">
<div class="bench ${cb.moreStepsThanAverage ? 'over' : 'under'}" data-metric="checkoutSteps"><span class="bench-label">${t('report_checkoutSteps')}</span><span class="bench-value metric-value">${ltr(v.checkoutSteps)}</span><span class="bench-ref">${t('report_baymardSteps', fmt.fixed(cb.benchmarkSteps, 1))}</span></div>
<div class="bench ${cb.moreFieldsThanAverage ? 'over' : cb.moreFieldsThanAchievable ? 'mid' : 'under'}" data-metric="checkoutFields"><span class="bench-label">${t('report_checkoutFields')}</span><span class="bench-value metric-value">${ltr(v.checkoutFields)}</span><span class="bench-ref">${t('report_baymardFields', fmt.fixed(cb.benchmarkFields, 1), fmt.int(cb.achievableFields))}</span></div>
${s.easePeakEnd ? html`<div class="bench ${s.easePeakEnd.belowBenchmark ? 'over' : 'under'}" data-metric="easePeakEnd"><span class="bench-label">${t('report_easePeakEnd')}</span><span class="bench-value metric-value">${ltr(fmt.fixed(s.easePeakEnd.value, 1))}</span><span class="bench-ref">${t('report_seqBenchmark', fmt.fixed(s.easePeakEnd.benchmark, 1))}</span></div>` : ''}
</div>
${cb.stepsWithoutSignals > 0 ? html`<p class="note">${tp('report_fieldsLowerBound', cb.stepsWithoutSignals, fmt.int(cb.stepsWithoutSignals))}</p>` : ''}`;

  const body = html`<div class="headline-grid">
<div class="overall" data-metric="overall">
${gaugeSvg(s.overall.value, v.overall, t('report_overall'))}
<div class="overall-text"><div class="metric-label">${t('report_overall')}</div><div class="metric-value sr-only">${v.overall}</div><p class="formula">${formula}</p>${renorm}<p class="note">${t('report_nevBeside')}</p></div>
</div>
<div class="metrics">
${metric('immersion', t('report_immersion'), v.immersion, { score: s.immersion.value, missing: s.immersion.value === null, sub: t('report_immersionSub') })}
${metric('pe100', t('report_pe100'), v.pe100, { score: s.peakEnd?.pe100 ?? null, missing: !s.peakEnd, sub: t('report_pe100Sub') })}
${metric('effort100', t('report_effort100'), v.effort100, { score: s.effort?.effort100 ?? null, missing: !s.effort, sub: s.effort ? t('report_meanEase', fmt.fixed(s.effort.meanEase, 1)) : t('report_noEase') })}
${metric('nev', t('report_nev'), v.nev, {
  tone: s.emotional.nev === null ? 'none' : s.emotional.nev > 0 ? 'good' : s.emotional.nev < 0 ? 'weak' : 'fair',
  missing: s.emotional.nev === null,
  sub: t('report_nevSub'),
})}
${metric('ces', t('report_ces'), v.ces, { tone: cesTone, missing: survey?.ces == null, sub: t('report_cesSub') })}
${metric('completion', t('report_completion'), v.completion, { tone: completionTone, missing: survey?.taskCompleted == null, sub: t('report_completionSub') })}
</div>
</div>
${checkout}
<p class="basis">${rated}</p>`;
  return section('headline', 'headline', t('report_headline'), body);
}
