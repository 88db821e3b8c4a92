// The emotion curve, ease per step, and the emotional signature.
import { EMOTION_CLUSTERS } from '../../domain/emotions.ts';
import { stagesOfStep } from '../../domain/step-stages.ts';
import { t } from '../../i18n/t.ts';
import { html, type SafeHtml } from '../escape.ts';
import { clusterName } from '../i18n.ts';
import { easeChartSvg } from '../svg/ease-chart.ts';
import { emotionCurveSvg, type CurveInput } from '../svg/emotion-curve.ts';
import { stackedBarSvg } from '../svg/gauge.ts';
import type { RenderContext } from './context.ts';
import { section } from './parts.ts';

export function curveInput(ctx: RenderContext): CurveInput {
  const s = ctx.data.scores;
  const fmt = ctx.fmt;
  return {
    steps: ctx.model.steps.map((step) => ({
      stepId: step.id,
      stepNo: ctx.model.stepNo.get(step.id) ?? 0,
      valence: ctx.model.scoreByStep.get(step.id)?.valence ?? null,
      // A step that holds several stages (a one-page checkout) is labelled with all of them.
      stage: fmt.list(stagesOfStep(step).map((stage) => ctx.model.stageName(stage))),
    })),
    peakStepId: s.peakEnd?.peak.stepId ?? null,
    endStepId: s.peakEnd?.end.stepId ?? null,
    mean: s.peakEnd ? s.peakEnd.mean * 4 : null,
    labels: {
      title: t('report_curveTitle'),
      peak: t('report_peak'),
      end: t('report_end'),
      peakAndEnd: t('report_peakAndEnd'),
      mean: s.peakEnd ? t('report_meanLine', fmt.signedFixed(s.peakEnd.mean * 4, 1)) : '',
      axis: t('report_valenceAxis'),
      step: t('report_stepAxis'),
      notRated: t('report_notRated'),
      valence: (v) => fmt.signedInt(v),
    },
  };
}

export function renderCurve(ctx: RenderContext): SafeHtml {
  const s = ctx.data.scores;
  const fmt = ctx.fmt;
  if (ctx.model.steps.length === 0) {
    return section('curve', 'curve', t('report_curveTitle'), html`<p class="empty">${t('report_noStepsYet')}</p>`);
  }
  const curve = emotionCurveSvg(curveInput(ctx));
  const ease = easeChartSvg(
    ctx.model.steps.map((step) => ({
      stepId: step.id,
      stepNo: ctx.model.stepNo.get(step.id) ?? 0,
      ease: ctx.model.scoreByStep.get(step.id)?.ease ?? null,
    })),
    {
      title: t('report_easeTitle'),
      benchmark: t('report_seqBenchmark', fmt.fixed(5.5, 1)),
      axis: t('report_easeAxis'),
      step: t('report_stepAxis'),
      notRated: t('report_notRated'),
    },
  );
  const sig = s.emotional.signature;
  const signature = sig
    ? html`<figure class="signature">${stackedBarSvg(
        EMOTION_CLUSTERS.map((cl) => ({
          key: cl,
          label: `${clusterName(cl)} ${fmt.percent(sig[cl])}`,
          share: sig[cl],
        })),
        t('report_signatureTitle'),
      )}<figcaption><ul class="legend">${EMOTION_CLUSTERS.map(
        (cl) =>
          html`<li><span class="swatch ${cl}"></span>${clusterName(cl)} <strong>${fmt.percent(sig[cl])}</strong></li>`,
      )}</ul></figcaption></figure>`
    : html`<p class="empty">${t('report_noEmotionsLogged')}</p>`;
  const unrated = s.stepCount - s.rated.valence;
  const body = html`<figure class="chart-figure">${curve}<figcaption><ul class="legend"><li><span class="swatch peak"></span>${t('report_peak')}</li><li><span class="swatch end"></span>${t('report_end')}</li><li><span class="swatch mean"></span>${t('report_meanLegend')}</li>${unrated > 0 ? html`<li><span class="swatch unrated"></span>${t('report_unratedLegend', unrated)}</li>` : ''}</ul></figcaption></figure>
<h3 class="sub">${t('report_easeTitle')}</h3>
<figure class="chart-figure">${ease}</figure>
<h3 class="sub">${t('report_signatureTitle')}</h3>
<p class="lede small">${t('report_signatureLede', s.emotional.nev === null ? t('report_noEmotionsLogged') : fmt.signedInt(s.emotional.nev))}</p>
${signature}`;
  return section('curve', 'curve page-start', t('report_curveTitle'), body, t('report_curveLede'));
}
