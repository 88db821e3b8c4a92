// Small building blocks shared by the sections: metric tiles, step links, screenshot figures with
// finding rectangles, pills and badges.
import type { FeltEmotion, Rect, Screenshot, Step, StepId, VitalRating } from '../../domain/model.ts';
import { stagesOfStep } from '../../domain/step-stages.ts';
import { t } from '../../i18n/t.ts';
import type { ReportFinding } from '../derive.ts';
import { anchorId, html, join, safeHref, type HtmlValue, type SafeHtml } from '../escape.ts';
import { emotionName, tOr } from '../i18n.ts';
import { bandOf, c } from '../svg/common.ts';
import { emotionDef, isEmotionId } from '../../domain/emotions.ts';
import type { RenderContext } from './context.ts';

export const stepAnchor = (stepNo: number): string => anchorId('step', stepNo);

export interface MetricOpts {
  sub?: HtmlValue;
  /** Colour band from a 0-100 score, or an explicit tone. */
  score?: number | null;
  tone?: 'good' | 'fair' | 'weak' | 'none' | 'neutral';
  /** The value is a placeholder ("n/a", "not assessed"). */
  missing?: boolean;
}

/**
 * A number (or a short symbolic value such as "5 / 7") kept left-to-right inside right-to-left
 * text, so "+3" never shows as "3+". Text with letters is left to the surrounding direction.
 */
export function ltr(text: string): SafeHtml | string {
  return /\p{L}/u.test(text) ? text : html`<span dir="ltr">${text}</span>`;
}

/**
 * Text the user or the page wrote (a title, a site name, a comment) in its own bidi isolate, so its
 * direction comes from its own first letter and "Checkout 1280 × 800 (step 2)" keeps its order in a
 * right-to-left report.
 */
export function bdi(text: string): SafeHtml {
  return html`<bdi>${text}</bdi>`;
}

/** A headline tile; `data-metric` and `.metric-value` are what tests and readers look for. */
export function metric(key: string, label: string, value: string, opts: MetricOpts = {}): SafeHtml {
  const tone = opts.tone ?? (opts.score !== undefined ? bandOf(opts.score) : 'neutral');
  return html`<div class="metric tone-${tone}${opts.missing ? ' missing' : ''}" data-metric="${key}">
<div class="metric-label">${label}</div>
<div class="metric-value">${ltr(value)}</div>
${opts.sub ? html`<div class="metric-sub">${opts.sub}</div>` : ''}
</div>`;
}

/** "Step 3" as an in-document link to the step; plain text when the step is unknown. */
export function stepLink(ctx: RenderContext, stepId: StepId | null | undefined): SafeHtml {
  const no = stepId ? ctx.model.stepNo.get(stepId) : undefined;
  if (no === undefined) return html`<span class="muted">${t('report_unknownStep')}</span>`;
  return html`<a class="step-link" href="#${stepAnchor(no)}">${t('report_stepN', no)}</a>`;
}

/** An untrusted URL shown as text; a link only when it is http(s). */
export function urlText(url: string): SafeHtml {
  const href = safeHref(url);
  if (href === null) return html`<span class="url" dir="auto">${url}</span>`;
  return html`<a class="url" dir="auto" href="${href}" rel="noopener noreferrer nofollow" target="_blank">${url}</a>`;
}

/** A finding's recommendation (what to change), when it has one. Read defensively: older records
 *  and imports have no such field. */
export function recommendationOf(finding: object): string | null {
  const rec: unknown = (finding as { recommendation?: unknown }).recommendation;
  return typeof rec === 'string' && rec.trim() !== '' ? rec : null;
}

/** Valence -4..+4 with its sign. */
export const valenceText = (ctx: RenderContext, v: number): string => ctx.fmt.signedInt(v);

export function severityBadge(severity: number | null): SafeHtml {
  if (severity === null) return html`<span class="sev sev-none">${t('report_severityUnknown')}</span>`;
  return html`<span class="sev sev-${severity}" data-severity="${severity}"><span class="sev-n">${severity}</span> ${severityName(severity)}</span>`;
}

export function severityName(severity: number): string {
  switch (severity) {
    case 0:
      return t('report_severity0');
    case 1:
      return t('report_severity1');
    case 2:
      return t('report_severity2');
    case 3:
      return t('report_severity3');
    default:
      return t('report_severity4');
  }
}

export function vitalPill(rating: VitalRating | null): SafeHtml | string {
  if (rating === null) return '';
  const text =
    rating === 'good'
      ? t('report_vitalGood')
      : rating === 'poor'
        ? t('report_vitalPoor')
        : t('report_vitalNeedsImprovement');
  return html`<span class="vital vital-${rating}" data-rating="${rating}">${text}</span>`;
}

export function emotionChips(emotions: readonly FeltEmotion[]): SafeHtml {
  const valid = emotions.filter((e) => isEmotionId(e.emotion));
  if (valid.length === 0) return html`<span class="muted">${t('report_noEmotions')}</span>`;
  return html`<ul class="chips">${valid.map((e) => {
    const sign = emotionDef(e.emotion).sign > 0 ? 'pos' : 'neg';
    const intensity = typeof e.intensity === 'number' && Number.isFinite(e.intensity) ? Math.round(e.intensity) : null;
    return html`<li class="chip ${sign}" data-emotion="${e.emotion}">${emotionName(e.emotion)}${intensity === null ? '' : html` <span class="intensity" aria-label="${t('report_intensityOf', intensity)}">${intensity}/5</span>`}</li>`;
  })}</ul>`;
}

function validRect(rect: Rect | null | undefined, shot: Screenshot): Rect | null {
  if (!rect) return null;
  const nums = [rect.x, rect.y, rect.width, rect.height];
  if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  const x = Math.max(0, Math.min(rect.x, shot.width));
  const y = Math.max(0, Math.min(rect.y, shot.height));
  const width = Math.min(rect.width, shot.width - x);
  const height = Math.min(rect.height, shot.height - y);
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

/**
 * A screenshot with its findings' rectangles drawn over it. The overlay's viewBox is the
 * screenshot's own pixel size (Finding.evidence.rect is in those pixels), so it lines up with
 * either the full image or the thumbnail.
 */
export function shotFigure(
  ctx: RenderContext,
  shot: Screenshot,
  findings: readonly ReportFinding[],
  opts: { caption?: HtmlValue; cls?: string } = {},
): SafeHtml {
  const src = ctx.images(shot.id, 'full') ?? ctx.images(shot.id, 'thumb');
  const w = shot.width > 0 ? shot.width : 1280;
  const h = shot.height > 0 ? shot.height : 800;
  const boxes = findings
    .map((f) => ({ f, rect: f.finding.evidence?.shotId === shot.id ? validRect(f.finding.evidence.rect, shot) : null }))
    .filter((b): b is { f: ReportFinding; rect: Rect } => b.rect !== null);
  const badge = Math.max(18, Math.round(w / 42));
  const overlay =
    boxes.length === 0
      ? ''
      : html`<svg class="overlay" viewBox="0 0 ${w} ${h}" preserveAspectRatio="none" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">${boxes.map(
          ({ f, rect }) => {
            const bx = rect.x;
            const by = Math.max(0, rect.y - badge * 1.1);
            const sev = f.severity ?? 'none';
            return html`<g class="box sev-${sev}" data-finding="${f.code}"><rect x="${c(rect.x)}" y="${c(rect.y)}" width="${c(rect.width)}" height="${c(rect.height)}" vector-effect="non-scaling-stroke"/><rect class="tag" x="${c(bx)}" y="${c(by)}" width="${c(badge * 1.9)}" height="${c(badge * 1.1)}" rx="${c(badge * 0.2)}"/><text x="${c(bx + badge * 0.95)}" y="${c(by + badge * 0.56)}" font-size="${c(badge * 0.72)}" text-anchor="middle" dominant-baseline="central">${f.code}</text></g>`;
          },
        )}</svg>`;
  const img = src
    ? html`<img src="${src}" width="${w}" height="${h}" alt="${t('screenshotAlt', String(shot.width), String(shot.height))}" decoding="async"/>`
    : html`<div class="img-missing" style="aspect-ratio: ${w} / ${h}">${t('report_imageUnavailable')}</div>`;
  return html`<figure class="shot ${opts.cls ?? ''}" data-shot-id="${shot.id}"><div class="shot-frame" style="--ar: ${c(w / h)}">${img}${overlay}</div>${
    opts.caption ? html`<figcaption>${opts.caption}</figcaption>` : ''
  }</figure>`;
}

export function stageChip(ctx: RenderContext, stage: string | null): SafeHtml | string {
  const name = ctx.model.stageName(stage);
  return name ? html`<span class="stage-chip">${name}</span>` : '';
}

/** A chip per stage the step holds (several for a one-page checkout, Step.alsoStages). */
export function stageChips(ctx: RenderContext, step: Pick<Step, 'stage' | 'alsoStages'>): SafeHtml | string {
  const stages = stagesOfStep(step);
  return stages.length === 0
    ? ''
    : join(
        stages.map((stage) => stageChip(ctx, stage)),
        ' ',
      );
}

export function markPill(mark: string | null): SafeHtml {
  const key = mark === 'pass' || mark === 'partial' || mark === 'fail' || mark === 'na' ? mark : 'unmarked';
  return html`<span class="mark mark-${key}" data-mark="${key}">${tOr(`report_mark_${key}`, key)}</span>`;
}

export function section(id: string, cls: string, title: string, body: HtmlValue, lede?: HtmlValue): SafeHtml {
  return html`<section id="${id}" class="${cls}" aria-labelledby="${id}-title">
<h2 id="${id}-title">${title}</h2>
${lede ? html`<p class="lede">${lede}</p>` : ''}
${body}
</section>`;
}

export const dl = (rows: readonly (readonly [string, HtmlValue])[]): SafeHtml =>
  html`<dl class="facts">${join(rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`))}</dl>`;
