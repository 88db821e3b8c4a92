// Cover: who audited what, when, how; and the flags a client must see first.
import { t, tp } from '../../i18n/t.ts';
import { anchorId, html, type SafeHtml } from '../escape.ts';
import { elementName, maskingState, tOr } from '../i18n.ts';
import { isolate } from '../../i18n/bidi.ts';
import type { RenderContext } from './context.ts';
import { bdi, dl, ltr, urlText } from './parts.ts';
import { programmeText, reviewText, reviewVerdict } from '../review.ts';

const LOGO = html`<svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" xmlns="http://www.w3.org/2000/svg"><rect width="32" height="32" rx="7"/><polyline points="5,21 11,14 16,18 21,7 27,16" /><circle cx="21" cy="7" r="2.4"/><circle cx="27" cy="16" r="2.4"/></svg>`;

/** The audit's particulars (device, viewport, browser, versions ...), shown in the appendix so
 *  page 1 holds the conclusions. */
export function auditDetails(ctx: RenderContext): SafeHtml {
  const { audit, generatedAt } = ctx.data;
  const fmt = ctx.fmt;
  const viewport =
    audit.viewport && Number.isFinite(audit.viewport.width) && Number.isFinite(audit.viewport.height)
      ? `${audit.viewport.width} × ${audit.viewport.height}`
      : '';
  const touchpoint = audit.touchpoint
    ? tOr(`report_touchpoint${audit.touchpoint}`, String(audit.touchpoint))
    : t('report_touchpointNone');
  const rows: [string, SafeHtml | string][] = [
    [t('report_auditor'), audit.auditor ? bdi(audit.auditor) : '—'],
    [t('report_started'), audit.startedAt ? fmt.dateTime(audit.startedAt) : '—'],
    [t('report_ended'), audit.endedAt ? fmt.dateTime(audit.endedAt) : t('report_notEnded')],
    [t('report_device'), audit.device || '—'],
    [t('viewport'), viewport ? ltr(viewport) : '—'],
    [t('browser'), audit.browser ? bdi(audit.browser) : '—'],
    [t('locale'), audit.locale ? bdi(audit.locale) : '—'],
    [t('report_template'), ctx.model.templateName ? bdi(ctx.model.templateName) : '—'],
    [t('report_rubricVersion'), ctx.data.rubric.version],
    [t('report_touchpoint'), touchpoint],
    [t('report_masking'), maskingState(audit)],
    [t('report_stepsCount'), tp('stepCount', ctx.data.steps.length, fmt.int(ctx.data.steps.length))],
    [t('startUrl'), audit.startUrl ? urlText(audit.startUrl) : '—'],
    [t('report_generated'), fmt.dateTime(generatedAt)],
  ];
  const programme = programmeText(audit);
  const review = reviewText(audit, fmt);
  if (programme !== null && review !== null) {
    rows.push(
      [t('report_programme'), programme],
      [t('report_review'), html`<span data-role="review-detail">${review}</span>`],
    );
  }
  return html`<div class="audit-details" data-role="audit-details">${dl(rows)}</div>`;
}

export function renderCover(ctx: RenderContext): SafeHtml {
  const { audit, completeness } = ctx.data;
  const site = audit.site?.trim() ? audit.site : t('untitledSite');
  const status = completeness.complete
    ? html`<span class="badge ok" data-role="complete">${t('report_complete')}</span>`
    : html`<span class="badge warn" data-role="incomplete">${t('report_incompleteBadge')}</span>`;
  const provisional =
    ctx.data.scores.basis.status === 'final'
      ? ''
      : html`<span class="badge warn" data-role="provisional-badge">${ctx.data.scores.basis.status === 'provisional' ? t('report_provisionalScores') : t('report_notAssessedScores')}</span>`;
  const verdict = reviewVerdict(audit);
  const reviewBadge =
    verdict === null
      ? ''
      : html`<span class="badge ${verdict === 'accepted' ? 'ok' : verdict === 'returned' ? 'warn' : 'neutral'}" data-role="review" data-review="${verdict}">${reviewText(audit, ctx.fmt)}</span>`;
  const who = [
    audit.auditor ? isolate(audit.auditor) : '',
    audit.startedAt ? ctx.fmt.dateTime(audit.startedAt) : '',
  ].filter(Boolean);
  return html`<header class="cover" id="cover">
<div class="brand">${LOGO}<span class="brand-name">Peakend</span><span class="brand-sub">${t('report_brandSub')}</span></div>
<p class="eyebrow">${t('report_title')}</p>
<h1 class="site">${bdi(site)}</h1>
${audit.scenario ? html`<p class="scenario"><span class="k">${t('scenario')}</span> <span class="v" dir="auto">${audit.scenario}</span></p>` : ''}
${audit.successCriterion ? html`<p class="scenario"><span class="k">${t('report_successCriterion')}</span> <span class="v" dir="auto">${audit.successCriterion}</span></p>` : ''}
<div class="badges">${status}${provisional}${reviewBadge}<span class="badge ${audit.masking ? 'neutral' : 'warn'}">${audit.masking ? t('report_maskingOnBadge') : t('report_maskingOffBadge')}</span>${who.length > 0 ? html`<span class="byline">${who.join(' · ')}</span>` : ''}</div>
</header>`;
}

/** First-page flags: failed critical criteria and an incomplete audit. */
export function renderFlags(ctx: RenderContext): SafeHtml {
  const { scores, completeness, rubric } = ctx.data;
  const critical = scores.criticalFailures.map((f) => {
    const criterion = rubric.criteria.find((cr) => cr.id === f.criterionId);
    const text = criterion ? tOr(criterion.textKey, criterion.text) : f.criterionId;
    return html`<li data-criterion="${f.criterionId}"><strong>${f.criterionId}</strong> ${text} <span class="muted">(${elementName(f.element)})</span> — <a href="#${anchorId('crit', f.criterionId)}">${t('report_seeCriterion')}</a></li>`;
  });
  const criticalBox =
    critical.length > 0
      ? html`<div class="alert critical" data-role="critical-failures"><p class="alert-title">${t('report_criticalTitle')}</p><ul>${critical}</ul><p class="alert-note">${t('report_criticalNote')}</p></div>`
      : '';
  const missing = completeness.missing.length;
  const incompleteBox = completeness.complete
    ? ''
    : html`<div class="alert incomplete" data-role="incomplete-warning"><p class="alert-title">${t('report_incompleteTitle')}</p><p>${tp('report_incompleteText', missing, ctx.fmt.int(missing))} <a href="#completeness">${t('report_seeCompleteness')}</a></p></div>`;
  return html`${criticalBox}${incompleteBox}`;
}
