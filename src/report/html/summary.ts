// Page 1: the executive summary. How the journey will be remembered (the peak and the end with
// their screenshots), the three biggest problems, what to keep; each part says whether Peakend
// drafted it from the audit or the auditor wrote it.
import type { StepId } from '../../domain/model.ts';
import { t } from '../../i18n/t.ts';
import { html, type SafeHtml } from '../escape.ts';
import { summaryParts, type SummaryPart } from '../summary-draft.ts';
import type { RenderContext } from './context.ts';
import { section, shotFigure, stepLink } from './parts.ts';

function momentThumb(ctx: RenderContext, stepId: StepId, label: string, role: string): SafeHtml {
  const shots = ctx.model.shotsByStep.get(stepId) ?? [];
  const shot = shots.filter((x) => x.kind !== 'full-page').at(-1) ?? shots.at(-1);
  const findings = ctx.model.findings.filter((f) => f.step.id === stepId);
  const caption = html`<span class="moment-label">${label}</span> ${stepLink(ctx, stepId)}`;
  return shot
    ? shotFigure(ctx, shot, findings, { caption, cls: `sum-shot ${role}` })
    : html`<figure class="sum-shot ${role}"><div class="img-missing small">${t('report_noScreenshot')}</div><figcaption>${caption}</figcaption></figure>`;
}

function moments(ctx: RenderContext): SafeHtml | string {
  const pe = ctx.data.scores.peakEnd;
  if (!pe) return '';
  if (pe.peak.stepId === pe.end.stepId) {
    return html`<div class="sum-moments one">${momentThumb(ctx, pe.peak.stepId, t('report_peakAndEnd'), 'peak')}</div>`;
  }
  return html`<div class="sum-moments">${momentThumb(ctx, pe.peak.stepId, t('report_peakMoment'), 'peak')}${momentThumb(ctx, pe.end.stepId, t('report_endMoment'), 'end')}</div>`;
}

const HEADS: Record<SummaryPart['id'], () => string> = {
  remembered: () => t('report_sumRememberedTitle'),
  problems: () => t('report_sumProblemsTitle'),
  keep: () => t('report_sumKeepTitle'),
};

function partBody(part: SummaryPart): SafeHtml {
  if (part.source === 'auditor') return html`${part.lines.map((l) => html`<p>${l}</p>`)}`;
  if (part.id === 'remembered') return html`${part.lines.map((l) => html`<p>${l}</p>`)}`;
  return part.id === 'problems'
    ? html`<ol>${part.lines.map((l) => html`<li>${l}</li>`)}</ol>`
    : html`<ul>${part.lines.map((l) => html`<li>${l}</li>`)}</ul>`;
}

export function renderSummary(ctx: RenderContext): SafeHtml {
  const parts = summaryParts(ctx.data, ctx.model, ctx.fmt);
  const body = parts.map(
    (part) => html`<div class="sum-part" data-part="${part.id}" data-source="${part.source}">
<h3>${HEADS[part.id]()}</h3>
<p class="source">${part.source === 'auditor' ? t('report_sumByAuditor') : t('report_sumDrafted')}</p>
${partBody(part)}
${part.id === 'remembered' ? moments(ctx) : ''}
</div>`,
  );
  return section('summary', 'summary', t('report_sumTitle'), html`<div class="sum-parts">${body}</div>`);
}
