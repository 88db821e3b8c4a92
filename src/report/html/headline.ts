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
    overall: s.overall.value === null ? t('report_notAssessed') : fmt.int(s.overall.value),
    immersion: s.immersion.value === null ? t('report_notAssessed') : fmt.int(s.immersion.value),
    pe100: s.peakEnd ? fmt.int(s.peakEnd.pe100) : t('report_notAssessed'),
    effort100: s.effort ? fmt.int(s.effort.effort100) : t('report_notAssessed'),
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
  const rated = tp('report_ratedBasis', s.stepCount, s.rated.valence, s.stepCount, s.rated.ease);
  const b = s.basis;
  const provisional = b.status === 'provisional';
  const lacks = s.overall.missing.map((m) =>
    m === 'immersion' ? t('report_immersion') : m === 'peakEnd' ? t('report_pe100') : t('report_effort100'),
  );
  const status =
    b.status === 'not-assessed'
      ? html`<p class="status-line" data-role="score-status" data-status="not-assessed">${t('report_overallNotAssessed')}</p>`
      : provisional
        ? html`<p class="status-line" data-role="score-status" data-status="provisional"><span class="badge warn">${t('report_provisional')}</span> ${t('report_overallBasis', b.criteriaMarked, b.criteriaTotal, b.stepsRated, b.stepCount)}${lacks.length > 0 ? html` ${t('report_overallLacks', lacks.join(', '))}` : ''}</p>`
        : html`<p class="status-line" data-role="score-status" data-status="final">${t('report_overallFinal', b.criteriaTotal, b.stepCount)}</p>`;
  const words = (means: string, basis: string | null): SafeHtml =>
    html`<span class="means">${means}</span>${basis ? html`<span class="rests">${basis}</span>` : ''}`;
  const elementCounts = Object.values(s.elements);
  const critTotal = elementCounts.reduce((n, e) => n + e.criteria, 0);
  const critMarked = critTotal - elementCounts.reduce((n, e) => n + e.counts.unmarked, 0);

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
<div class="overall-text"><div class="metric-label">${t('report_overall')}</div><div class="metric-value sr-only">${v.overall}</div>${status}<p class="means">${t('report_meansOverall')}</p><p class="formula">${formula}</p>${renorm}<p class="note">${t('report_nevBeside')}</p></div>
</div>
<div class="metrics">
${metric('immersion', t('report_immersion'), v.immersion, { score: s.immersion.value, missing: s.immersion.value === null, sub: words(t('report_meansImmersion'), t('report_basisCriteria', critMarked, critTotal)) })}
${metric('pe100', t('report_pe100'), v.pe100, { score: s.peakEnd?.pe100 ?? null, missing: !s.peakEnd, sub: words(t('report_meansPe100'), t('report_basisValence', s.rated.valence, s.stepCount)) })}
${metric('effort100', t('report_effort100'), v.effort100, { score: s.effort?.effort100 ?? null, missing: !s.effort, sub: words(t('report_meansEffort100'), s.effort ? `${t('report_basisEase', s.rated.ease, s.stepCount)} · ${t('report_meanEase', fmt.fixed(s.effort.meanEase, 1))}` : t('report_basisEase', s.rated.ease, s.stepCount)) })}
${metric('nev', t('report_nev'), v.nev, {
  tone: s.emotional.nev === null ? 'none' : s.emotional.nev > 0 ? 'good' : s.emotional.nev < 0 ? 'weak' : 'fair',
  missing: s.emotional.nev === null,
  sub: words(t('report_meansNev'), null),
})}
${metric('ces', t('report_ces'), v.ces, { tone: cesTone, missing: survey?.ces == null, sub: words(t('report_meansCes'), null) })}
${metric('completion', t('report_completion'), v.completion, { tone: completionTone, missing: survey?.taskCompleted == null, sub: t('report_completionSub') })}
</div>
</div>
${checkout}
<p class="basis">${rated}</p>
<div class="scale-story" data-role="scale-story"><h3>${t('report_scaleTitle')}</h3><p>${t('report_scaleStory')}</p></div>`;
  return section('headline', `headline${provisional ? ' provisional' : ''}`, t('report_scoresTitle'), body);
}
