// The comparison of 2-4 audits as one document: the same markup in the compare tab (object URLs)
// and in the exported HTML file (data: URLs, CSS inline, a CSP that forbids every script, readable
// with JavaScript off). Every piece of audit text goes through the `html` template's escaping.
import { ELEMENT_IDS, type Screenshot, type Step } from '../../domain/model.ts';
import type { Difference, HeadlineMetric, StageRow } from '../../domain/compare/index.ts';
import { stagesOfStep } from '../../domain/step-stages.ts';
import { t, tp } from '../../i18n/t.ts';
import type { ImageSource } from '../data.ts';
import { anchorId, html, join, type HtmlValue, type SafeHtml } from '../escape.ts';
import { REPORT_CSP, standaloneDocument } from '../html/render.ts';
import { REPORT_CSS } from '../html/styles.ts';
import { elementName, tOr } from '../i18n.ts';
import { bandOf, c } from '../svg/common.ts';
import { makeCompareContext, seriesOf, type CompareContext, type RenderOptions } from './context.ts';
import { overlayCurvesSvg, seriesSwatch, type OverlaySeries } from './curves.ts';
import type { CompareData } from './data.ts';
import { differenceParts, differenceTag, headlineMetricLabel } from './sentences.ts';
import { COMPARE_CSS } from './styles.ts';
import { isolate } from '../../i18n/bidi.ts';
import { renderTouchpoints } from './touchpoints.ts';

export type { RenderOptions };

/** The exported document's policy: the report's (no script, data: images, inline styles only). */
export const COMPARE_CSP = REPORT_CSP;

/** Differences listed in full before the rest follow in a compact list. */
export const DIFFERENCES_SHOWN = 10;

const LOGO = html`<svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" xmlns="http://www.w3.org/2000/svg"><rect width="32" height="32" rx="7"/><polyline points="5,21 11,14 16,18 21,7 27,16" /><circle cx="21" cy="7" r="2.4"/><circle cx="27" cy="16" r="2.4"/></svg>`;

function section(id: string, cls: string, title: string, body: HtmlValue, lede?: HtmlValue): SafeHtml {
  return html`<section id="${id}" class="${cls}" aria-labelledby="${id}-title">
<h2 id="${id}-title">${title}</h2>
${lede ? html`<p class="lede">${lede}</p>` : ''}
${body}
</section>`;
}

/** "Northwind A" with the audit's swatch (colour, dash and marker shape). */
function auditName(ctx: CompareContext, i: number): SafeHtml {
  return html`<span class="audit-name series-${seriesOf(i).index}" data-audit="${i}">${seriesSwatch(seriesOf(i))}<bdi class="audit-label">${ctx.labels[i] ?? ''}</bdi></span>`;
}

function templateName(ctx: CompareContext, i: number): string {
  const ref = ctx.data.comparison.alignment.templates[i];
  if (!ref) return '—';
  const name = ref.template ? tOr(ref.template.nameKey, ref.template.name) : ref.id;
  return t('compare_templateVersion', name, ref.version);
}

// ---------------------------------------------------------------------------------------------
// Cover

function renderCover(ctx: CompareContext): SafeHtml {
  const { items, comparison } = ctx.data;
  const fmt = ctx.fmt;
  const scenarios = new Set(items.map((it) => it.audit.scenario?.trim() ?? ''));
  const sharedScenario = scenarios.size === 1 ? ([...scenarios][0] ?? '') : '';
  const cards = items.map((item, i) => {
    const { audit } = item;
    const critical = comparison.audits[i]?.scores.criticalFailures ?? [];
    const rows: [string, HtmlValue][] = [
      [t('report_auditor'), audit.auditor ? html`<bdi>${audit.auditor}</bdi>` : '—'],
      [t('report_started'), audit.startedAt ? fmt.dateTime(audit.startedAt) : '—'],
      [t('report_template'), templateName(ctx, i)],
      [t('report_stepsCount'), tp('stepCount', item.steps.length, fmt.int(item.steps.length))],
    ];
    if (!sharedScenario && audit.scenario) rows.unshift([t('scenario'), html`<bdi>${audit.scenario}</bdi>`]);
    return html`<article class="audit-card series-${seriesOf(i).index}" data-audit="${i}" data-audit-id="${audit.id}">
<h2 class="card-title">${auditName(ctx, i)}</h2>
<dl class="card-facts">${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
<div class="badges">${
      item.completeness.complete
        ? html`<span class="badge ok">${t('report_complete')}</span>`
        : html`<span class="badge warn">${t('report_incompleteBadge')}</span>`
    }${critical.length > 0 ? html`<span class="badge critical-badge" data-role="critical">${t('compare_criticalFailed', critical.map((f) => f.criterionId).join(', '))}</span>` : ''}</div>
</article>`;
  });
  const alignment = comparison.alignment;
  const mismatch = alignment.sameTemplate
    ? ''
    : html`<div class="alert incomplete" data-role="template-mismatch"><p class="alert-title">${t('compare_templateMismatchTitle')}</p><p>${t(
        'compare_templateMismatch',
        items.map((_, i) => `${ctx.labels[i] ?? ''}: ${templateName(ctx, i)}`).join('; '),
        alignment.reference ? tOr(alignment.reference.nameKey, alignment.reference.name) : '—',
      )}</p></div>`;
  const title = join(
    items.map(
      (_, i) =>
        html`${i > 0 ? html`<span class="vs-word"> ${t('compare_vs')} </span>` : ''}<bdi class="vs-site">${ctx.labels[i] ?? ''}</bdi>`,
    ),
  );
  return html`<header class="cover" id="cover">
<div class="brand">${LOGO}<span class="brand-name">Peakend</span><span class="brand-sub">${t('compare_brandSub')}</span></div>
<p class="eyebrow">${tp('compare_eyebrow', items.length, items.length)}</p>
<h1 class="site compare-title">${title}</h1>
${sharedScenario ? html`<p class="scenario"><span class="k">${t('scenario')}</span> <span class="v" dir="auto">${sharedScenario}</span></p>` : ''}
<div class="audit-cards" style="--n: ${items.length}">${cards}</div>
${mismatch}
</header>`;
}

// ---------------------------------------------------------------------------------------------
// Differences

/** The sentence with its main clause in bold; the same text as differenceText(). */
function diffSentence(ctx: CompareContext, d: Difference): SafeHtml {
  const { main, causes } = differenceParts(ctx, d);
  if (causes === null) return html`<strong class="d-main">${main}</strong>`;
  // The translation decides where the main clause and the causes go: split it at two markers.
  const pattern = t('compare_withCauses', '\u0001', '\u0002');
  return join(
    pattern
      // oxlint-disable-next-line no-control-regex -- the markers are control characters so no translation holds them
      .split(/(\u0001|\u0002)/)
      .map((part) =>
        part === '\u0001'
          ? html`<strong class="d-main">${main}</strong>`
          : part === '\u0002'
            ? html`<span class="d-causes">${causes}</span>`
            : part,
      ),
  );
}

function renderDifferences(ctx: CompareContext): SafeHtml {
  const diffs = ctx.data.comparison.differences;
  if (diffs.length === 0) {
    return section(
      'differences',
      'differences',
      t('compare_diffTitle'),
      html`<p class="empty">${t('compare_noDifferences')}</p>`,
    );
  }
  const max = Math.max(...diffs.map((d) => d.impact), 1);
  const item = (rank: number, d: (typeof diffs)[number]): SafeHtml => {
    const critical = d.critical;
    return html`<li class="diff series-${seriesOf(d.audit).index}${critical ? ' critical' : ''}" data-kind="${d.kind}" data-metric="${d.metric}" data-audit="${d.audit}" data-versus="${d.versus}" data-impact="${c(d.impact)}">
<span class="diff-rank">${rank}</span>
<div class="diff-body"><p class="diff-text">${diffSentence(ctx, d)}</p>
<p class="diff-meta"><span class="diff-tag">${differenceTag(ctx, d)}</span>${critical ? html`<span class="badge critical-badge">${t('report_critical')}</span>` : ''}</p></div>
<span class="diff-bar" aria-hidden="true"><span style="inline-size: ${c((100 * d.impact) / max)}%"></span></span>
</li>`;
  };
  const shown = diffs.slice(0, DIFFERENCES_SHOWN);
  const rest = diffs.slice(DIFFERENCES_SHOWN);
  const body = html`<ol class="diffs">${shown.map((d, i) => item(i + 1, d))}</ol>
${
  rest.length > 0
    ? html`<h3 class="sub">${tp('compare_moreDifferences', rest.length, ctx.fmt.int(rest.length))}</h3><ol class="diffs minor" start="${DIFFERENCES_SHOWN + 1}">${rest.map((d, i) => item(DIFFERENCES_SHOWN + i + 1, d))}</ol>`
    : ''
}`;
  return section('differences', 'differences', t('compare_diffTitle'), body, t('compare_diffLede'));
}

// ---------------------------------------------------------------------------------------------
// Headline table

function metricSub(ctx: CompareContext, metric: HeadlineMetric): string {
  const fmt = ctx.fmt;
  switch (metric) {
    case 'overall':
      return t('compare_overallSub');
    case 'immersion':
      return t('report_immersionSub');
    case 'pe100':
      return t('report_pe100Sub');
    case 'effort100':
      return t('compare_effortSub');
    case 'nev':
      return t('report_nevSub');
    case 'ces':
      return t('report_cesSub');
    case 'checkoutSteps':
      return t('report_baymardSteps', fmt.fixed(5.1, 1));
    case 'checkoutFields':
      return t('report_baymardFields', fmt.fixed(11.3, 1), fmt.int(8));
    case 'steps':
      return t('compare_stepsRecordedSub');
  }
}

function metricValue(ctx: CompareContext, metric: HeadlineMetric, value: number | null): string {
  const fmt = ctx.fmt;
  if (value === null) {
    if (metric === 'immersion') return t('report_notAssessed');
    if (metric === 'nev') return t('report_noEmotionsLogged');
    return t('report_na');
  }
  if (metric === 'nev') return fmt.signedInt(value);
  if (metric === 'ces') return t('report_outOf7', fmt.int(value));
  return fmt.int(value);
}

const SCORE_METRICS: readonly HeadlineMetric[] = ['overall', 'immersion', 'pe100', 'effort100'];

function renderHeadline(ctx: CompareContext): SafeHtml {
  const n = ctx.data.items.length;
  const rows = ctx.data.comparison.headline.map((row) => {
    const cells = row.values.map((value, i) => {
      const best = row.best.includes(i);
      const tone = SCORE_METRICS.includes(row.metric) ? bandOf(value) : 'neutral';
      return html`<td class="val tone-${tone}${best ? ' best' : ''}${value === null ? ' missing' : ''}" data-audit="${i}" data-best="${best ? 'true' : 'false'}"><span class="num">${metricValue(ctx, row.metric, value)}</span>${best ? html`<span class="best-mark" title="${t('compare_best')}">✓ ${t('compare_best')}</span>` : ''}</td>`;
    });
    return html`<tr data-metric="${row.metric}"><th scope="row"><span class="m-label">${headlineMetricLabel(row.metric)}</span><span class="m-sub">${metricSub(ctx, row.metric)}</span></th>${cells}</tr>`;
  });
  const head = html`<thead><tr><th scope="col">${t('compare_colMeasure')}</th>${ctx.data.items.map((_, i) => html`<th scope="col" class="audit-col">${auditName(ctx, i)}</th>`)}</tr></thead>`;
  const body = html`<div class="keep-together"><table class="cmp-table headline-table" style="--n: ${n}">${head}<tbody>${rows}</tbody></table></div>
<p class="note">${t('compare_headlineNote')}</p>`;
  return section('headline', 'headline page-start', t('compare_headlineTitle'), body, t('compare_headlineLede'));
}

// ---------------------------------------------------------------------------------------------
// Emotion curves

export function overlaySeries(ctx: CompareContext): OverlaySeries[] {
  const { comparison, items } = ctx.data;
  const rows = comparison.alignment.rows;
  return items.map((item, i) => {
    const stepNo = new Map(item.steps.map((s, k) => [s.id, k + 1]));
    const scores = comparison.audits[i]?.scores;
    const points: OverlaySeries['points'] = [];
    const missingRows = new Set<number>();
    rows.forEach((row, r) => {
      const cell = row.cells[i];
      if (!cell || cell.missing) {
        missingRows.add(r);
        return;
      }
      cell.steps.forEach((step, slot) => {
        const valence = scores?.steps.find((s) => s.stepId === step.id)?.valence ?? null;
        points.push({
          stepId: step.id,
          stepNo: stepNo.get(step.id) ?? step.index + 1,
          row: r,
          slot,
          of: cell.steps.length,
          valence,
        });
      });
    });
    return {
      label: ctx.labels[i] ?? '',
      style: seriesOf(i),
      points,
      missingRows,
      peakStepId: scores?.peakEnd?.peak.stepId ?? null,
      endStepId: scores?.peakEnd?.end.stepId ?? null,
    };
  });
}

function renderCurves(ctx: CompareContext): SafeHtml {
  const { comparison, items } = ctx.data;
  const fmt = ctx.fmt;
  const rows = comparison.alignment.rows;
  if (rows.length === 0) {
    return section('curves', 'curves', t('compare_curveTitle'), html`<p class="empty">${t('report_noStepsYet')}</p>`);
  }
  const svg = overlayCurvesSvg({
    rows: rows.map((row) => ({
      name: ctx.rowName(row),
      slots: Math.max(1, ...row.cells.map((cell) => cell.steps.length)),
    })),
    series: overlaySeries(ctx),
    labels: {
      title: t('compare_curveTitle'),
      axis: t('report_valenceAxis'),
      peakTag: t('compare_peakTag'),
      endTag: t('compare_endTag'),
      peakEndTag: t('compare_peakEndTag'),
      notRated: t('report_notRated'),
      missing: t('compare_missingShort'),
      point: (series, stepNo, stage, valence) => t('compare_pointTitle', series, stepNo, stage, valence),
      valence: (v) => fmt.signedInt(v),
    },
  });
  const legend = html`<ul class="legend series-legend">${items.map((_, i) => html`<li>${auditName(ctx, i)}</li>`)}<li><span class="tag-key">${t('compare_peakTag')}</span> ${t('report_peak')}</li><li><span class="tag-key">${t('compare_endTag')}</span> ${t('report_end')}</li><li><span class="swatch faint"></span>${t('compare_legendAcrossMissing')}</li><li><span class="dash-key">–</span>${t('compare_legendMissing')}</li></ul>`;
  const moments = items.map((item, i) => {
    const pe = comparison.audits[i]?.scores.peakEnd ?? null;
    const remembered = comparison.audits[i]?.scores.endSurvey?.rememberedValence;
    const stageOf = (stepId: string): string => ctx.stageName(item.steps.find((s) => s.id === stepId)?.stage ?? null);
    return html`<tr data-audit="${i}"><th scope="row">${auditName(ctx, i)}</th>${
      pe
        ? html`<td>${fmt.signedInt(pe.peak.valence)} <span class="muted">· ${stageOf(pe.peak.stepId)} · ${t('report_stepN', pe.peak.index + 1)}</span></td><td>${fmt.signedInt(pe.end.valence)} <span class="muted">· ${stageOf(pe.end.stepId)} · ${t('report_stepN', pe.end.index + 1)}</span></td><td class="num">${fmt.int(pe.pe100)}</td><td class="num">${fmt.signedFixed(pe.memoryGap, 2)}</td>`
        : html`<td colspan="4" class="muted">${t('report_noValence')}</td>`
    }<td class="num">${remembered === null || remembered === undefined ? '—' : fmt.signedInt(remembered)}</td></tr>`;
  });
  const table = html`<table class="cmp-table moments-table"><thead><tr><th scope="col">${t('compare_colAudit')}</th><th scope="col">${t('report_peak')}</th><th scope="col">${t('report_end')}</th><th scope="col">${t('report_pe100')}</th><th scope="col">${t('report_memoryGap')}</th><th scope="col">${t('compare_colRemembered')}</th></tr></thead><tbody>${moments}</tbody></table>`;
  const body = html`<figure class="chart-figure">${svg}<figcaption>${legend}</figcaption></figure>
${table}`;
  return section('curves', 'curves', t('compare_curveTitle'), body, t('compare_curveLede'));
}

// ---------------------------------------------------------------------------------------------
// Elements side by side

function renderElements(ctx: CompareContext): SafeHtml {
  const { comparison, items } = ctx.data;
  const fmt = ctx.fmt;
  const best = (values: (number | null)[]): number[] => {
    const present = values.filter((v): v is number => v !== null);
    if (present.length < 2) return [];
    const top = Math.max(...present.map((v) => Math.round(v)));
    return values.map((v, i) => (v !== null && Math.round(v) === top ? i : -1)).filter((i) => i >= 0);
  };
  const cell = (value: number | null, i: number, isBest: boolean, extra: HtmlValue = ''): SafeHtml => {
    const band = bandOf(value);
    return html`<td class="el-cell tone-${band}${isBest ? ' best' : ''}" data-audit="${i}" data-best="${isBest ? 'true' : 'false'}">${
      value === null
        ? html`<span class="muted">${t('report_notAssessed')}</span>`
        : html`<div class="bar-row"><span class="bar"><span class="fill ${band}" style="inline-size: ${c(Math.max(0, Math.min(100, value)))}%"></span></span><span class="num">${fmt.int(value)}</span>${isBest ? html`<span class="best-mark" title="${t('compare_best')}">✓</span>` : ''}</div>`
    }${extra}</td>`;
  };
  const rows = ELEMENT_IDS.map((element) => {
    const scores = comparison.audits.map((a) => a.scores.elements[element]);
    const values = scores.map((s) => s.score);
    const top = best(values);
    return html`<tr data-element="${element}"><th scope="row">${elementName(element)}</th>${scores.map((s, i) =>
      cell(
        s.score,
        i,
        top.includes(i),
        s.capped
          ? html`<div class="el-flags"><span class="badge critical-badge">${t('compare_criticalFailed', s.failedCritical.join(', '))}</span>${s.capLowered ? html` <span class="muted">${t('report_cappedAt50')}</span>` : ''}</div>`
          : '',
      ),
    )}</tr>`;
  });
  const immersion = comparison.audits.map((a) => a.scores.immersion.value);
  const topImmersion = best(immersion);
  const body = html`<div class="keep-together"><table class="cmp-table elements-table"><thead><tr><th scope="col">${t('report_colElement')}</th>${items.map((_, i) => html`<th scope="col" class="audit-col">${auditName(ctx, i)}</th>`)}</tr></thead><tbody>${rows}<tr class="immersion-row" data-element="immersion"><th scope="row">${t('report_immersion')}</th>${immersion.map((v, i) => cell(v, i, topImmersion.includes(i)))}</tr></tbody></table></div>`;
  return section('elements', 'elements-compare', t('compare_elementsTitle'), body, t('compare_elementsLede'));
}

// ---------------------------------------------------------------------------------------------
// Stage by stage

function shotOf(ctx: CompareContext, i: number, step: Step): Screenshot | null {
  const shots = ctx.data.items[i]?.screenshots ?? [];
  return shots.find((s) => s.stepId === step.id) ?? null;
}

function stepFigure(ctx: CompareContext, i: number, step: Step, stepNo: number): SafeHtml {
  const shot = shotOf(ctx, i, step);
  const src = shot ? (ctx.images(shot.id, 'full') ?? ctx.images(shot.id, 'thumb')) : null;
  const w = shot && shot.width > 0 ? shot.width : 1280;
  const h = shot && shot.height > 0 ? shot.height : 800;
  const img =
    shot && src
      ? html`<img src="${src}" width="${w}" height="${h}" alt="${t('screenshotAlt', String(shot.width), String(shot.height))}" decoding="async"/>`
      : html`<div class="img-missing small" style="aspect-ratio: ${w} / ${h}">${shot ? t('report_imageUnavailable') : t('report_noScreenshot')}</div>`;
  // The same step in several rows (a one-page checkout): each says which stages it holds.
  const stages = stagesOfStep(step);
  const shared =
    stages.length > 1
      ? html`<span class="shared-step" data-stages="${stages.join(' ')}">${t('compare_stepHoldsStages', ctx.fmt.list(stages.map((s) => isolate(ctx.stageName(s)))))}</span>`
      : '';
  return html`<figure class="cmp-shot" data-step-id="${step.id}"><div class="shot-frame">${img}</div><figcaption><span class="step-no-s">${stepNo}</span> ${step.title ? html`<bdi>${step.title}</bdi>` : t('untitledPage')}${shared}</figcaption></figure>`;
}

function easeTone(ease: number | null): string {
  if (ease === null) return 'none';
  return ease >= 5.5 ? 'good' : ease >= 5 ? 'fair' : 'weak';
}

function renderStageRow(ctx: CompareContext, row: StageRow, r: number): SafeHtml {
  const { comparison, items } = ctx.data;
  const fmt = ctx.fmt;
  const stats = comparison.stats[r] ?? [];
  const eases = row.cells.map((cell, i) => (cell.missing ? null : (stats[i]?.easeMean ?? null)));
  const rated = eases.filter((e): e is number => e !== null);
  const lowest = rated.length >= 2 && new Set(rated).size > 1 ? Math.min(...rated) : null;
  const unstaged = row.origin === 'unstaged';
  const cells = row.cells.map((cell, i) => {
    const st = stats[i];
    const head = html`<div class="cell-head">${auditName(ctx, i)}</div>`;
    if (cell.missing || !st) {
      return html`<div class="cmp-cell is-missing series-${seriesOf(i).index}" data-audit="${i}" data-missing="true">${head}<div class="missing-box">${unstaged ? t('compare_noUnstaged') : t('compare_missingStage')}</div></div>`;
    }
    const stepNo = new Map((items[i]?.steps ?? []).map((s, k) => [s.id, k + 1]));
    const hardest = lowest !== null && eases[i] === lowest;
    const num = (n: number): string => fmt.int(n);
    const signals: SafeHtml[] = [];
    if (st.withSignals === 0) signals.push(html`<li class="muted">${t('report_noSignals')}</li>`);
    else {
      const sig = (key: string, label: string, n: number): SafeHtml =>
        html`<li data-signal="${key}" class="${n > 0 ? 'bad' : 'ok'}"><span class="s-label">${label}</span> <span class="s-value">${num(n)}</span></li>`;
      signals.push(
        sig('formErrors', t('report_sigFormErrors'), st.formErrors),
        sig('rageClicks', t('report_sigRageClicks'), st.rageClicks),
        sig('deadClicks', t('report_sigDeadClicks'), st.deadClicks),
        html`<li data-signal="fields" class="neutral"><span class="s-label">${t('report_sigFields')}</span> <span class="s-value">${num(st.fields)}</span></li>`,
      );
      if (st.worstVital !== null) {
        const vitals: Array<[string, string | null, string]> = [
          ['LCP', st.lcpRating, st.lcpMs === null ? '' : fmt.duration(st.lcpMs)],
          ['CLS', st.clsRating, st.cls === null ? '' : fmt.fixed(st.cls, 2)],
          ['INP', st.inpRating, st.inpMs === null ? '' : fmt.duration(st.inpMs)],
        ];
        // The worst rating first, so a poor value is the first thing seen.
        const rank = (r: string | null): number => (r === 'poor' ? 0 : r === 'needs-improvement' ? 1 : 2);
        const shown = vitals.filter(([, rating]) => rating !== null).sort((a, b) => rank(a[1]) - rank(b[1]));
        signals.push(
          html`<li data-signal="vitals" data-worst="${st.worstVital}" class="vital-row"><span class="s-label">${t('compare_worstVital')}</span> ${shown.map(
            ([name, rating, value]) =>
              html`<span class="vital vital-${rating ?? 'good'}" data-rating="${rating ?? ''}">${name} ${value}</span> `,
          )}</li>`,
        );
      }
    }
    return html`<div class="cmp-cell series-${seriesOf(i).index}${hardest ? ' hardest' : ''}" data-audit="${i}" data-missing="false" data-steps="${st.steps}">${head}
<ul class="cell-metrics">
<li data-m="steps"><span class="m-k">${t('report_stepsCount')}</span><span class="m-v">${num(st.steps)}</span></li>
<li data-m="ease" class="tone-${easeTone(st.easeMean)}"><span class="m-k">${t('report_ease')}</span><span class="m-v">${st.easeMean === null ? '—' : fmt.fixed(st.easeMean, 1)}</span></li>
<li data-m="valence" class="${st.valenceMean === null ? '' : st.valenceMean > 0 ? 'pos' : st.valenceMean < 0 ? 'neg' : ''}"><span class="m-k">${t('report_valence')}</span><span class="m-v">${st.valenceMean === null ? '—' : fmt.signedFixed(st.valenceMean, 1)}</span></li>
</ul>
${hardest ? html`<p class="hardest-tag">${t('compare_hardest')}</p>` : ''}
<ul class="cell-signals">${signals}</ul>
<div class="cell-shots">${cell.steps.map((step) => stepFigure(ctx, i, step, stepNo.get(step.id) ?? step.index + 1))}</div>
</div>`;
  });
  const note =
    row.origin === 'other-template'
      ? html` <span class="badge neutral">${t('compare_otherTemplateStage')}</span>`
      : row.origin === 'unknown'
        ? html` <span class="badge neutral">${t('compare_unknownStage')}</span>`
        : '';
  return html`<section class="cmp-stage" id="${anchorId('stage', row.stage ?? 'unstaged')}" data-stage="${row.stage ?? ''}" data-origin="${row.origin}" aria-labelledby="${anchorId('stage', row.stage ?? 'unstaged')}-title">
<h3 class="stage-title" id="${anchorId('stage', row.stage ?? 'unstaged')}-title"><span class="stage-pos">${r + 1}</span>${ctx.rowName(row)}${note}</h3>
<div class="cmp-cells" style="--n: ${row.cells.length}">${cells}</div>
</section>`;
}

function renderStages(ctx: CompareContext): SafeHtml {
  const rows = ctx.data.comparison.alignment.rows;
  if (rows.length === 0)
    return section('stages', 'stages', t('compare_stagesTitle'), html`<p class="empty">${t('report_noStepsYet')}</p>`);
  return section(
    'stages',
    'stages page-start',
    t('compare_stagesTitle'),
    join(rows.map((row, r) => renderStageRow(ctx, row, r))),
    t('compare_stagesLede'),
  );
}

// ---------------------------------------------------------------------------------------------
// Method notes and footer

function renderMethod(ctx: CompareContext): SafeHtml {
  const versions = ctx.data.items.map((item, i) => `${ctx.labels[i] ?? ''}: ${item.rubric.version}`).join('; ');
  const body = html`<ul class="choices">
<li>${t('compare_methodScores', versions)}</li>
<li>${t('compare_methodAlign')}</li>
<li>${t('compare_methodSeveralStages')}</li>
<li>${t('compare_methodTemplates')}</li>
<li>${t('compare_methodRank')}</li>
<li>${t('compare_methodPoints')}</li>
<li>${t('compare_methodBest')}</li>
</ul>`;
  return section('method', 'appendix', t('compare_methodTitle'), body);
}

function footer(ctx: CompareContext): SafeHtml {
  return html`<footer class="report-footer"><span>${t('compare_footer', ctx.fmt.dateTime(ctx.data.generatedAt))}</span><span>${t('compare_footerMethod')}</span></footer>`;
}

/** The comparison's markup (the <main> element), for the compare tab and the standalone file. */
export function renderComparisonBody(data: CompareData, images: ImageSource, opts: RenderOptions = {}): string {
  const ctx = makeCompareContext(data, images, opts);
  return html`<main class="report compare" id="compare" data-audits="${data.items.map((it) => it.audit.id).join(',')}">
${renderCover(ctx)}
${renderDifferences(ctx)}
${renderHeadline(ctx)}
${renderCurves(ctx)}
${renderElements(ctx)}
${renderStages(ctx)}
${renderTouchpoints(ctx)}
${renderMethod(ctx)}
${footer(ctx)}
</main>`.value;
}

/** The document title: "A vs B — customer-experience comparison". */
export function comparisonTitle(data: CompareData, opts: RenderOptions = {}): string {
  const ctx = makeCompareContext(data, () => null, opts);
  return t('compare_docTitle', ctx.labels.map(isolate).join(` ${t('compare_vs')} `));
}

/** A complete, self-contained HTML document. Pass an ImageSource that returns data: URLs. */
export function renderComparisonHtml(data: CompareData, images: ImageSource, opts: RenderOptions = {}): string {
  return standaloneDocument(
    {
      title: comparisonTitle(data, opts),
      css: REPORT_CSS + COMPARE_CSS,
      body: renderComparisonBody(data, images, opts),
    },
    opts,
  );
}
