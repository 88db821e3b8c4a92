// "How it will be remembered": the peak step and the end step first (the moments that matter),
// the memory gap, and the end survey's remembered valence beside the peak-end prediction.
import type { ValenceStepRef } from '../../domain/scores/index.ts';
import { t } from '../../i18n/t.ts';
import { html, type SafeHtml } from '../escape.ts';
import type { RenderContext } from './context.ts';
import { bdi, ltr, metric, section, shotFigure, stageChips, stepLink, valenceText } from './parts.ts';

function momentCard(
  ctx: RenderContext,
  ref: ValenceStepRef,
  role: 'peak' | 'end',
  label: string,
  both: boolean,
): SafeHtml {
  const step = ctx.model.stepById.get(ref.stepId);
  const shots = ctx.model.shotsByStep.get(ref.stepId) ?? [];
  // The moment's card shows the viewport as the auditor saw it; a full page only when there is no other.
  const shot = shots.filter((x) => x.kind !== 'full-page').at(-1) ?? shots.at(-1);
  const findings = ctx.model.findings.filter((f) => f.step.id === ref.stepId);
  const tone = ref.valence > 0 ? 'pos' : ref.valence < 0 ? 'neg' : 'neutral';
  const ease = ctx.model.scoreByStep.get(ref.stepId)?.ease ?? null;
  return html`<article class="moment ${role}" data-role="${role}-moment" data-step-id="${ref.stepId}">
<header><span class="moment-label">${label}</span>${both ? html`<span class="badge neutral">${t('report_peakIsEnd')}</span>` : ''}<span class="moment-valence ${tone}" title="${t('report_valence')}">${ltr(valenceText(ctx, ref.valence))}</span></header>
<h3>${step?.title ? bdi(step.title) : t('untitledPage')}</h3>
<p class="moment-meta">${stepLink(ctx, ref.stepId)} ${step ? stageChips(ctx, step) : ''} ${ease === null ? '' : html`<span class="muted">${t('report_easeShort', ease)}</span>`}</p>
${shot ? shotFigure(ctx, shot, findings) : html`<div class="img-missing small">${t('report_noScreenshot')}</div>`}
${step?.note ? html`<blockquote class="note-text" dir="auto">${step.note}</blockquote>` : ''}
</article>`;
}

export function renderRemembered(ctx: RenderContext): SafeHtml {
  const s = ctx.data.scores;
  const fmt = ctx.fmt;
  const pe = s.peakEnd;
  if (!pe) {
    return section(
      'remembered',
      'remembered',
      t('report_rememberedTitle'),
      html`<p class="empty">${t('report_noValence')}</p>`,
      t('report_rememberedLede'),
    );
  }
  const both = pe.peak.stepId === pe.end.stepId;
  const moments = both
    ? html`<div class="moments one">${momentCard(ctx, pe.peak, 'peak', t('report_peakAndEnd'), true)}</div>`
    : html`<div class="moments">${momentCard(ctx, pe.peak, 'peak', t('report_peakMoment'), false)}${momentCard(ctx, pe.end, 'end', t('report_endMoment'), false)}</div>`;

  const gap = pe.memoryGap;
  const gapText = fmt.signedFixed(gap, 2);
  const gapMeaning =
    Math.abs(gap) < 0.005 ? t('report_gapNone') : gap < 0 ? t('report_gapWorse') : t('report_gapBetter');
  const survey = s.endSurvey;
  const remembered =
    survey && survey.rememberedValence !== null && survey.remembered100 !== null && survey.difference100 !== null
      ? html`<div class="versus" data-role="remembered-vs-predicted">
<div class="vs-col"><span class="vs-label">${t('report_predicted')}</span><span class="vs-value">${ltr(fmt.int(pe.pe100))}</span><span class="vs-sub">${t('report_pe100')}</span></div>
<div class="vs-col"><span class="vs-label">${t('report_remembered')}</span><span class="vs-value">${ltr(fmt.int(survey.remembered100))}</span><span class="vs-sub">${t('report_rememberedRaw', valenceText(ctx, survey.rememberedValence))}</span></div>
<div class="vs-col diff"><span class="vs-label">${t('report_difference')}</span><span class="vs-value">${ltr(fmt.signedInt(survey.difference100))}</span><span class="vs-sub">${survey.difference100 > 0.5 ? t('report_diffBetter') : survey.difference100 < -0.5 ? t('report_diffWorse') : t('report_diffSame')}</span></div>
</div>`
      : html`<p class="note">${t('report_noRemembered')}</p>`;

  const body = html`${moments}
<div class="memory-metrics">
${metric('pe100-remembered', t('report_pe100'), fmt.int(pe.pe100), { score: pe.pe100, sub: t('report_peFormulaShort', fmt.signedFixed(pe.pe, 2)) })}
${metric('meanValence', t('report_meanValence'), fmt.signedFixed(pe.mean, 2), { tone: 'neutral', sub: t('report_meanValenceSub') })}
${metric('memoryGap', t('report_memoryGap'), gapText, { tone: Math.abs(gap) < 0.005 ? 'neutral' : gap < 0 ? 'weak' : 'good', sub: gapMeaning })}
${metric('negativePeakEnd', t('report_negativePeakEnd'), fmt.signedFixed(pe.negativePeakEnd, 2), { tone: 'neutral', sub: t('report_negativePeakEndSub') })}
${metric('positivePeakEnd', t('report_positivePeakEnd'), fmt.signedFixed(pe.positivePeakEnd, 2), { tone: 'neutral', sub: t('report_positivePeakEndSub') })}
</div>
<h3 class="sub">${t('report_rememberedVsPredicted')}</h3>
${remembered}`;
  return section('remembered', 'remembered', t('report_rememberedTitle'), body, t('report_rememberedLede'));
}
