// The compare document's touchpoints beyond the website: one row per stage and channel, a cell per
// audit with its touchpoints there (title, ease, valence) or "missing".
import type { TouchpointRow } from '../../domain/compare/index.ts';
import { t } from '../../i18n/t.ts';
import { html, join, type SafeHtml } from '../escape.ts';
import { channelText } from '../html/touchpoint.ts';
import type { CompareContext } from './context.ts';

function rowTitle(ctx: CompareContext, row: TouchpointRow): string {
  const stageRow = ctx.data.comparison.alignment.rows.find((r) => r.stage === row.stage);
  const stage = stageRow ? ctx.rowName(stageRow) : t('noStage');
  return `${stage} · ${channelText(row.channel)}`;
}

export function renderTouchpoints(ctx: CompareContext): SafeHtml | string {
  const rows = ctx.data.comparison.touchpoints;
  if (rows.length === 0) return '';
  const fmt = ctx.fmt;
  const head = html`<tr><th scope="col">${t('compare_touchpointsRow')}</th>${ctx.data.items.map(
    (_item, i) => html`<th scope="col">${ctx.labels[i] ?? ''}</th>`,
  )}</tr>`;
  const body = rows.map(
    (row) =>
      html`<tr data-stage="${row.stage ?? ''}" data-channel="${row.channel}"><th scope="row">${rowTitle(ctx, row)}</th>${row.cells.map(
        (cell, i) =>
          html`<td data-audit="${i}" data-missing="${String(cell.missing)}">${
            cell.missing
              ? html`<span class="muted">${t('compare_missingStage')}</span>`
              : join(
                  cell.steps.map(
                    (step) =>
                      html`<p><bdi>${step.title || channelText(row.channel)}</bdi><br/><span class="muted">${t('report_ease')} ${step.ease === null ? '—' : fmt.int(step.ease)} · ${t('report_valence')} ${step.valence === null ? '—' : fmt.signedInt(step.valence)}</span></p>`,
                  ),
                )
          }</td>`,
      )}</tr>`,
  );
  return html`<section id="touchpoints" class="touchpoints-compare" aria-labelledby="touchpoints-title">
<h2 id="touchpoints-title">${t('compare_touchpointsTitle')}</h2>
<p class="lede">${t('compare_touchpointsLede')}</p>
<table class="data"><thead>${head}</thead><tbody>${body}</tbody></table>
</section>`;
}
