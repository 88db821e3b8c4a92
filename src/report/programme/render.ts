// The programme view as one document: the same markup in the programme tab and in the exported
// HTML file (CSS inline, a CSP that forbids every script, readable with JavaScript off). Every piece
// of audit text (programme, site, wave and auditor names, finding titles) goes through the `html`
// template's escaping and sits in <bdi>, so a Hebrew site name keeps its direction in an English table.
import type { SiteInfo, SiteWaveCell } from '../../domain/programme-view/index.ts';
import {
  METRIC_BOUNDS,
  PROGRAMME_METRICS,
  SPREAD_FLAG_POINTS,
  type MeanInterval,
  type ProgrammeMetric,
  type SpreadStat,
} from '../../domain/programme-view/index.ts';
import { RUBRIC_V1 } from '../../domain/rubric.ts';
import { getTemplate } from '../../domain/templates.ts';
import { isolate } from '../../i18n/bidi.ts';
import { t, type MessageKey } from '../../i18n/t.ts';
import { html, join, type HtmlValue, type SafeHtml } from '../escape.ts';
import { makeFormatter, type Formatter } from '../format.ts';
import type { RenderOptions } from '../html/context.ts';
import { standaloneDocument } from '../html/render.ts';
import { REPORT_CSS } from '../html/styles.ts';
import { elementName, humanise, tOr } from '../i18n.ts';
import type { ProgrammeData, ProgrammeHead } from './data.ts';
import { PROGRAMME_CSS } from './styles.ts';

export type { RenderOptions };

export const METRIC_LABEL: Record<ProgrammeMetric, MessageKey> = {
  overall: 'report_overall',
  pe100: 'report_pe100',
  nev: 'report_nev',
  effort100: 'report_effort100',
  immersion: 'report_immersion',
};

export interface ViewContext<D extends ProgrammeHead = ProgrammeData> {
  data: D;
  fmt: Formatter;
  siteName(key: string): string;
  waveName(wave: string): string;
  stageName(stage: string | null): string;
}

export function makeViewContext<D extends ProgrammeHead>(data: D, opts: RenderOptions = {}): ViewContext<D> {
  const fmt = makeFormatter(opts.locale ?? 'en');
  const sites = new Map(data.stats.sites.map((s: SiteInfo) => [s.key, s.name]));
  const stageName = (stage: string | null): string => {
    if (stage === null) return t('programme_unstaged');
    for (const item of data.items) {
      const found = getTemplate(item.audit.templateId, item.audit.templateVersion)?.stages.find((s) => s.id === stage);
      if (found) return tOr(found.nameKey, found.name);
    }
    return humanise(stage);
  };
  return {
    data,
    fmt,
    siteName: (key) => sites.get(key) || t('untitledSite'),
    waveName: (wave) => (wave === '' ? t('programme_unnamedWave') : wave),
    stageName,
  };
}

/** A score on its scale: an integer, signed for NEV (-100..+100). */
export function scoreText(fmt: Formatter, metric: ProgrammeMetric, value: number): string {
  return METRIC_BOUNDS[metric].min < 0 ? fmt.signedInt(value) : fmt.int(value);
}

function section(id: string, title: string, body: HtmlValue, lede?: HtmlValue): SafeHtml {
  return html`<section id="${id}" class="pv-section" aria-labelledby="${id}-title">
<h2 id="${id}-title">${title}</h2>
${lede ? html`<p class="lede">${lede}</p>` : ''}
${body}
</section>`;
}

const bdi = (text: string): SafeHtml => html`<bdi>${text}</bdi>`;

function renderCover(ctx: ViewContext<ProgrammeHead>): SafeHtml {
  const { data, fmt } = ctx;
  const waves = data.stats.waves.map(
    (w) => html`<li>${t('programme_waveDates', isolate(ctx.waveName(w.wave)), fmt.date(w.from), fmt.date(w.to))}</li>`,
  );
  return html`<header class="cover pv-cover">
<p class="eyebrow">${t('programme_eyebrow')}</p>
<h1 class="pv-title"><bdi>${data.programme.name}</bdi></h1>
<dl class="facts pv-facts">
<div><dt>${t('programme_factAudits')}</dt><dd data-fact="audits">${fmt.int(data.stats.audits)}</dd></div>
<div><dt>${t('programme_factSites')}</dt><dd data-fact="sites">${fmt.int(data.stats.sites.length)}</dd></div>
<div><dt>${t('programme_factWaves')}</dt><dd><ol class="pv-waves">${waves}</ol></dd></div>
<div><dt>${t('programme_factGenerated')}</dt><dd>${fmt.dateTime(data.generatedAt)}</dd></div>
</dl>
</header>`;
}

function intervalText(fmt: Formatter, metric: ProgrammeMetric, m: MeanInterval): string {
  if (m.n === 0 || m.mean === null) return t('programme_noFinal');
  if (m.low === null || m.high === null) return t('programme_oneAudit');
  return t('programme_interval', scoreText(fmt, metric, m.low), scoreText(fmt, metric, m.high));
}

function scoreCell(ctx: ViewContext<ProgrammeHead>, metric: ProgrammeMetric, cell: SiteWaveCell | undefined): SafeHtml {
  if (!cell) return html`<td class="pv-cell pv-absent">${t('programme_notAudited')}</td>`;
  const m = cell.metrics[metric];
  const { fmt } = ctx;
  const notes: string[] = [];
  if (cell.provisional > 0) notes.push(t('programme_provisional', fmt.int(cell.provisional)));
  if (cell.notAssessed > 0) notes.push(t('programme_notAssessed', fmt.int(cell.notAssessed)));
  if (m.missing > 0) notes.push(t('programme_missingScore', fmt.int(m.missing)));
  return html`<td class="pv-cell" data-site="${cell.site}" data-wave="${cell.wave}" data-metric="${metric}" data-n="${m.n}">
<span class="pv-mean">${m.mean === null ? '—' : scoreText(fmt, metric, m.mean)}</span>
<span class="pv-n">${t('programme_n', fmt.int(m.n))}</span>
<span class="pv-ci">${intervalText(fmt, metric, m)}</span>
${notes.length > 0 ? html`<span class="pv-note">${notes.join(' · ')}</span>` : ''}
</td>`;
}

function renderScores(ctx: ViewContext<ProgrammeHead>): SafeHtml {
  const { stats } = ctx.data;
  const cells = new Map(stats.cells.map((c) => [JSON.stringify([c.site, c.wave]), c]));
  const head = html`<tr><th scope="col">${t('programme_site')}</th>${stats.waves.map(
    (w) => html`<th scope="col">${bdi(ctx.waveName(w.wave))}</th>`,
  )}</tr>`;
  const tables = PROGRAMME_METRICS.map((metric) => {
    const rows = stats.sites.map(
      (site) =>
        html`<tr><th scope="row">${bdi(ctx.siteName(site.key))}</th>${stats.waves.map((w) =>
          scoreCell(ctx, metric, cells.get(JSON.stringify([site.key, w.wave]))),
        )}</tr>`,
    );
    return html`<div class="pv-table-wrap"><table class="pv-table" data-metric="${metric}">
<caption>${t(METRIC_LABEL[metric])}</caption>
<thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
  });
  return section('pv-scores', t('programme_scoresTitle'), tables, t('programme_scoresLede'));
}

function easeCell(ctx: ViewContext, m: MeanInterval, stage: string | null, wave: string | null): SafeHtml {
  const { fmt } = ctx;
  if (m.mean === null) return html`<td class="pv-cell pv-absent">—</td>`;
  const ci =
    m.low === null || m.high === null
      ? t('programme_oneAudit')
      : t('programme_interval', fmt.fixed(m.low, 1), fmt.fixed(m.high, 1));
  return html`<td class="pv-cell" data-stage="${stage ?? ''}" data-wave="${wave ?? '*'}" data-n="${m.n}">
<span class="pv-mean">${fmt.fixed(m.mean, 1)}</span>
<span class="pv-n">${t('programme_n', fmt.int(m.n))}</span>
<span class="pv-ci">${ci}</span></td>`;
}

function renderStages(ctx: ViewContext): SafeHtml {
  const { stats } = ctx.data;
  const head = html`<tr><th scope="col">${t('programme_stage')}</th>${stats.waves.map(
    (w) => html`<th scope="col">${bdi(ctx.waveName(w.wave))}</th>`,
  )}<th scope="col">${t('programme_allWaves')}</th></tr>`;
  const rows = stats.stages.map(
    (row) =>
      html`<tr class="pv-stage" data-stage="${row.stage ?? ''}"><th scope="row">${ctx.stageName(row.stage)}</th>${row.waves.map(
        (w) => easeCell(ctx, w, row.stage, w.wave),
      )}${easeCell(ctx, row.all, row.stage, null)}</tr>`,
  );
  return section(
    'pv-stages',
    t('programme_stagesTitle'),
    html`<div class="pv-table-wrap"><table class="pv-table"><thead>${head}</thead><tbody>${rows}</tbody></table></div>`,
    t('programme_stagesLede'),
  );
}

function sitesList(ctx: ViewContext, keys: readonly string[]): SafeHtml {
  return html`<span class="pv-sites">${t('programme_sitesLabel')} ${join(
    keys.map((k) => bdi(ctx.siteName(k))),
    ', ',
  )}</span>`;
}

function renderRecurring(ctx: ViewContext): SafeHtml {
  const { stats } = ctx.data;
  const { fmt } = ctx;
  const criteria =
    stats.recurring.length === 0
      ? html`<p class="empty">${t('programme_recurringNone')}</p>`
      : html`<ul class="pv-list">${stats.recurring.map((r) => {
          const c = RUBRIC_V1.criteria.find((x) => x.id === r.criterionId);
          return html`<li class="pv-recurring" data-criterion="${r.criterionId}" data-failed="${r.failed}" data-marked="${r.marked}">
<strong><span class="mono">${r.criterionId}</span> ${c ? tOr(c.textKey, c.text) : ''}</strong>
<span class="muted">${elementName(r.element)}${r.critical ? html` · <span class="badge warn">${t('programme_critical')}</span>` : ''}</span>
<span>${t('programme_recurringRow', fmt.int(r.failed), fmt.int(r.marked), fmt.percent(r.share))}</span>
${sitesList(ctx, r.sites)}</li>`;
        })}</ul>`;
  const titles =
    stats.recurringTitles.length === 0
      ? html`<p class="empty">${t('programme_titlesNone')}</p>`
      : html`<ul class="pv-list">${stats.recurringTitles.map(
          (r) =>
            html`<li class="pv-title-row" data-audits="${r.audits}"><strong><bdi>${r.title}</bdi></strong>
<span>${t('programme_titlesRow', fmt.int(r.audits))}</span> ${sitesList(ctx, r.sites)}</li>`,
        )}</ul>`;
  return section(
    'pv-recurring',
    t('programme_recurringTitle'),
    html`${criteria}<h3>${t('programme_titlesTitle')}</h3><p class="lede small">${t('programme_titlesLede')}</p>${titles}`,
    t('programme_recurringLede'),
  );
}

function spreadCells(ctx: ViewContext, s: SpreadStat): SafeHtml {
  const { fmt } = ctx;
  return html`<td>${s.range === null ? '—' : fmt.int(s.range)}</td><td>${s.sd === null ? '—' : fmt.fixed(s.sd, 1)}</td>`;
}

function renderSpread(ctx: ViewContext): SafeHtml {
  const { stats } = ctx.data;
  const lede = t('programme_spreadLede', ctx.fmt.int(SPREAD_FLAG_POINTS));
  if (stats.spread.length === 0)
    return section(
      'pv-spread',
      t('programme_spreadTitle'),
      html`<p class="empty">${t('programme_spreadNone')}</p>`,
      lede,
    );
  const rows = stats.spread.map(
    (
      s,
    ) => html`<tr class="pv-spread-row" data-site="${s.site}" data-wave="${s.wave}" data-flagged="${String(s.flagged)}">
<th scope="row">${bdi(ctx.siteName(s.site))}</th><td>${bdi(ctx.waveName(s.wave))}</td><td>${ctx.fmt.int(s.auditors)}</td>
${spreadCells(ctx, s.overall)}${spreadCells(ctx, s.pe100)}
<td>${
      s.flagged
        ? html`<span class="badge warn">${t('programme_flagged')}</span>`
        : html`<span class="badge ok">${t('programme_consistent', ctx.fmt.int(SPREAD_FLAG_POINTS))}</span>`
    }</td></tr>`,
  );
  const overall = t('report_overall');
  const pe = t('report_pe100');
  const table = html`<div class="pv-table-wrap"><table class="pv-table"><thead><tr>
<th scope="col">${t('programme_site')}</th><th scope="col">${t('programme_wave')}</th><th scope="col">${t('programme_auditors')}</th>
<th scope="col">${t('programme_rangeOf', overall)}</th><th scope="col">${t('programme_sdOf', overall)}</th>
<th scope="col">${t('programme_rangeOf', pe)}</th><th scope="col">${t('programme_sdOf', pe)}</th>
<th scope="col">${t('programme_consistency')}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  return section('pv-spread', t('programme_spreadTitle'), table, lede);
}

function renderTrends(ctx: ViewContext): SafeHtml {
  const { stats } = ctx.data;
  const { fmt } = ctx;
  if (stats.trends.length === 0)
    return section(
      'pv-trends',
      t('programme_trendsTitle'),
      html`<p class="empty">${t('programme_trendsNone')}</p>`,
      t('programme_trendsLede'),
    );
  const pairs = new Map<string, typeof stats.trends>();
  for (const tr of stats.trends) {
    const key = JSON.stringify([tr.site, tr.from, tr.to]);
    pairs.set(key, [...(pairs.get(key) ?? []), tr]);
  }
  const rows = [...pairs.values()].map((list) => {
    const first = list[0];
    if (!first) return '';
    const cells = PROGRAMME_METRICS.map((metric) => {
      const tr = list.find((x) => x.metric === metric);
      const ch = tr?.change ?? null;
      if (!ch) return html`<td class="pv-cell pv-absent">—</td>`;
      const delta = fmt.signedInt(ch.delta);
      const text =
        ch.low === null || ch.high === null
          ? t('programme_changeNoInterval', delta)
          : t('programme_change', delta, fmt.signedInt(ch.low), fmt.signedInt(ch.high));
      return html`<td class="pv-cell${ch.clear ? ' pv-clear' : ''}" data-metric="${metric}" data-delta="${Math.round(ch.delta * 1000) / 1000}">
<span>${text}</span>${ch.clear ? html` <span class="badge neutral">${t('programme_clear')}</span>` : ''}</td>`;
    });
    return html`<tr class="pv-trend" data-site="${first.site}"><th scope="row">${bdi(ctx.siteName(first.site))}</th>
<td>${t('programme_fromTo', isolate(ctx.waveName(first.from)), isolate(ctx.waveName(first.to)))}</td>${cells}</tr>`;
  });
  const head = html`<tr><th scope="col">${t('programme_site')}</th><th scope="col">${t('programme_waves')}</th>${PROGRAMME_METRICS.map(
    (m) => html`<th scope="col">${t(METRIC_LABEL[m])}</th>`,
  )}</tr>`;
  return section(
    'pv-trends',
    t('programme_trendsTitle'),
    html`<div class="pv-table-wrap"><table class="pv-table"><thead>${head}</thead><tbody>${rows}</tbody></table></div>`,
    t('programme_trendsLede'),
  );
}

function renderMethod(): SafeHtml {
  return section('pv-method', t('programme_methodTitle'), html`<p>${t('programme_method')}</p>`);
}

export function renderProgrammeBody(data: ProgrammeData, opts: RenderOptions = {}): string {
  const ctx = makeViewContext(data, opts);
  return html`<main class="report programme" id="programme" data-programme="${data.programme.id}">
${renderCover(ctx)}
${renderScores(ctx)}
${renderRest(ctx)}
</main>`.value;
}

function renderRest(ctx: ViewContext): SafeHtml {
  return html`${renderStages(ctx)}
${renderRecurring(ctx)}
${renderSpread(ctx)}
${renderTrends(ctx)}
${renderMethod()}`;
}

/**
 * The page's first part: the cover and the scores per site and wave, the <main> marked busy until
 * renderProgrammeRest's sections are appended to it (the same markup as renderProgrammeBody then).
 */
export function renderProgrammeHead(head: ProgrammeHead, opts: RenderOptions = {}): string {
  const ctx = makeViewContext(head, opts);
  return html`<main class="report programme" id="programme" data-programme="${head.programme.id}" aria-busy="true">
${renderCover(ctx)}
${renderScores(ctx)}
</main>`.value;
}

export const renderProgrammeRest = (data: ProgrammeData, opts: RenderOptions = {}): string =>
  renderRest(makeViewContext(data, opts)).value;

/** "<programme> — programme view". */
export const programmeTitle = (data: ProgrammeHead): string => t('programme_docTitle', isolate(data.programme.name));

/** A complete, self-contained HTML document (no script, no image). */
export function renderProgrammeHtml(data: ProgrammeData, opts: RenderOptions = {}): string {
  return standaloneDocument(
    { title: programmeTitle(data), css: REPORT_CSS + PROGRAMME_CSS, body: renderProgrammeBody(data, opts) },
    opts,
  );
}
