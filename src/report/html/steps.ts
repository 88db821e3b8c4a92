// Every step: screenshot(s) with finding rectangles, ratings, emotions, note, signals and findings.
import { captureError } from '../../domain/errors.ts';
import type { Step } from '../../domain/model.ts';
import { describeError } from '../../i18n/errors.ts';
import { t } from '../../i18n/t.ts';
import { html, join, type SafeHtml } from '../escape.ts';
import { elementName } from '../i18n.ts';
import type { RenderContext } from './context.ts';
import { attachmentFigures, channelText, touchpointLine } from './touchpoint.ts';
import {
  bdi,
  dl,
  emotionChips,
  ltr,
  section,
  severityBadge,
  shotFigure,
  stageChips,
  stepAnchor,
  urlText,
  valenceText,
  vitalPill,
} from './parts.ts';

function signalsBlock(ctx: RenderContext, step: Step): SafeHtml {
  const sig = step.signals;
  const fmt = ctx.fmt;
  if (!sig) return html`<p class="muted">${t('report_noSignals')}</p>`;
  const vitals = ctx.model.scoreByStep.get(step.id)?.vitals;
  const num = (n: unknown): string => (typeof n === 'number' && Number.isFinite(n) ? fmt.int(n) : '—');
  const rows: [string, SafeHtml | string][] = [
    [t('report_sigClicks'), num(sig.clicks)],
    [t('report_sigRageClicks'), num(sig.rageClicks)],
    [t('report_sigDeadClicks'), num(sig.deadClicks)],
    [t('report_sigFields'), t('report_fieldsRequired', num(sig.fields), num(sig.requiredFields))],
    [t('report_sigFormErrors'), num(sig.formErrors)],
    [t('report_sigBack'), num(sig.backNavigations)],
    [
      t('report_sigLcp'),
      typeof sig.lcpMs === 'number' ? html`${fmt.duration(sig.lcpMs)} ${vitalPill(vitals?.lcp ?? null)}` : '—',
    ],
    [
      t('report_sigCls'),
      typeof sig.cls === 'number' ? html`${fmt.fixed(sig.cls, 3)} ${vitalPill(vitals?.cls ?? null)}` : '—',
    ],
    [
      t('report_sigInp'),
      typeof sig.inpMs === 'number' ? html`${fmt.duration(sig.inpMs)} ${vitalPill(vitals?.inp ?? null)}` : '—',
    ],
  ];
  return html`<div class="signals">${dl(rows)}</div>`;
}

function renderStep(ctx: RenderContext, step: Step): SafeHtml {
  const fmt = ctx.fmt;
  const no = ctx.model.stepNo.get(step.id) ?? 0;
  const score = ctx.model.scoreByStep.get(step.id);
  const pe = ctx.data.scores.peakEnd;
  const isPeak = pe?.peak.stepId === step.id;
  const isEnd = pe?.end.stepId === step.id;
  const shots = ctx.model.shotsByStep.get(step.id) ?? [];
  const findings = ctx.model.findings.filter((f) => f.step.id === step.id);
  const dwell = ctx.model.dwellMs.get(step.id) ?? null;
  const noShot = step.capture ? captureError(step.capture, step.url) : null;

  const touchpoint = step.kind === 'touchpoint';
  const figures = touchpoint
    ? attachmentFigures(ctx, step)
    : shots.length > 0
      ? join(
          shots.map((shot) =>
            shotFigure(
              ctx,
              shot,
              findings,
              shot.kind === 'full-page'
                ? {
                    cls: 'full-page',
                    caption: shot.cut
                      ? t('report_fullPageCut', String(shot.height))
                      : t('report_fullPage', String(shot.width), String(shot.height)),
                  }
                : {},
            ),
          ),
        )
      : html`<div class="img-missing small">${t('report_noScreenshot')}${
          noShot ? html` <span class="muted">(${describeError(noShot)})</span>` : ''
        }</div>`;

  const ease = score?.ease ?? null;
  const valence = score?.valence ?? null;
  const arousal = score?.arousal ?? null;
  const ratings = html`<ul class="ratings">
<li class="rating ${ease === null ? 'missing' : ease >= 5.5 ? 'good' : ease >= 5 ? 'fair' : 'weak'}" data-rating="ease"><span class="r-label">${t('report_ease')}</span><span class="r-value">${ease === null ? t('report_notRated') : ltr(t('report_outOf7', ease))}</span></li>
<li class="rating ${valence === null ? 'missing' : valence > 0 ? 'good' : valence < 0 ? 'weak' : 'fair'}" data-rating="valence"><span class="r-label">${t('report_valence')}</span><span class="r-value">${valence === null ? t('report_notRated') : ltr(valenceText(ctx, valence))}</span></li>
<li class="rating ${arousal === null ? 'missing' : 'neutral'}" data-rating="arousal"><span class="r-label">${t('report_arousal')}</span><span class="r-value">${arousal === null ? '—' : ltr(t('report_outOf9', arousal))}</span></li>
</ul>`;

  const findingList =
    findings.length === 0
      ? ''
      : html`<ol class="step-findings">${findings.map(
          (f) =>
            html`<li data-finding="${f.code}"><span class="fcode">${f.code}</span> ${severityBadge(f.severity)} <span class="ftitle">${f.finding.title ? bdi(f.finding.title) : t('report_untitledFinding')}</span>${f.finding.element ? html` <span class="muted">· ${elementName(f.finding.element)}</span>` : ''}</li>`,
        )}</ol>`;

  return html`<article class="step${touchpoint ? ' touchpoint' : ''}" id="${stepAnchor(no)}" data-step-id="${step.id}">
<header class="step-head">
<span class="step-no">${no}</span>
<div class="step-titles"><h3>${step.title ? bdi(step.title) : touchpoint ? channelText(step.channel ?? 'other') : t('untitledPage')}</h3>
<p class="step-meta">${stageChips(ctx, step)} <span>${fmt.dateTime(step.startedAt)}</span>${dwell === null ? '' : html` · <span>${t('report_dwell', fmt.duration(dwell))}</span>`}</p>
${touchpoint ? touchpointLine(ctx, step) : html`<p class="step-url">${urlText(step.url)}</p>`}</div>
<div class="step-flags">${isPeak ? html`<span class="badge peak" data-role="peak-badge">${t('report_peak')}</span>` : ''}${isEnd ? html`<span class="badge end" data-role="end-badge">${t('report_end')}</span>` : ''}</div>
</header>
<div class="step-body">
<div class="step-shots">${figures}</div>
<div class="step-facts">
${ratings}
<div class="fact-block"><h4>${t('report_emotions')}</h4>${emotionChips(Array.isArray(step.emotions) ? step.emotions : [])}</div>
<div class="fact-block"><h4>${t('report_note')}</h4>${step.note?.trim() ? html`<p class="note-text" dir="auto">${step.note}</p>` : html`<p class="muted">${t('report_noNote')}</p>`}</div>
${touchpoint ? '' : html`<div class="fact-block wide"><h4>${t('report_signals')}</h4>${signalsBlock(ctx, step)}</div>`}
${findingList ? html`<div class="fact-block wide"><h4>${t('report_findingsTitle')}</h4>${findingList}</div>` : ''}
</div>
</div>
</article>`;
}

export function renderSteps(ctx: RenderContext): SafeHtml {
  if (ctx.model.steps.length === 0) {
    return section('steps', 'steps', t('report_stepsTitle'), html`<p class="empty">${t('report_noStepsYet')}</p>`);
  }
  return section(
    'steps',
    'steps page-start',
    t('report_stepsTitle'),
    join(ctx.model.steps.map((s) => renderStep(ctx, s))),
    t('report_stepsLede'),
  );
}
