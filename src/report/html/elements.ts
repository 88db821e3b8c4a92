// The five elements of an immersive experience: the chart, then every criterion with its mark,
// weight, comment and a link to its evidence.
import { criteriaOf } from '../../domain/rubric.ts';
import { ELEMENT_IDS } from '../../domain/model.ts';
import { effectiveWeight } from '../../domain/scores/index.ts';
import { t } from '../../i18n/t.ts';
import { anchorId, html, type SafeHtml } from '../escape.ts';
import { elementName, tOr } from '../i18n.ts';
import { elementChartSvg } from '../svg/element-chart.ts';
import type { RenderContext } from './context.ts';
import { ltr, markPill, section, stepLink } from './parts.ts';

export function renderElements(ctx: RenderContext): SafeHtml {
  const s = ctx.data.scores;
  const fmt = ctx.fmt;
  const marks = ctx.data.audit.rubric?.marks ?? {};
  const chart = elementChartSvg(
    ELEMENT_IDS.map((el) => {
      const e = s.elements[el];
      return {
        element: el,
        name: elementName(el),
        score: e.score,
        scoreText: e.score === null ? t('report_notAssessed') : fmt.int(e.score),
        capped: e.capLowered,
        weight: s.immersion.weights[el],
      };
    }),
    s.immersion.value,
    {
      title: t('report_elementsTitle'),
      notAssessed: t('report_notAssessed'),
      capped: t('report_cappedAt50'),
      immersion: s.immersion.value === null ? null : t('report_immersionLine', fmt.int(s.immersion.value)),
      double: '×2',
    },
  );

  const tables = ELEMENT_IDS.map((el) => {
    const e = s.elements[el];
    const rows = criteriaOf(ctx.data.rubric, el).map((cr) => {
      const m = Object.prototype.hasOwnProperty.call(marks, cr.id) ? marks[cr.id] : undefined;
      const evidence = m?.evidence ? stepLink(ctx, m.evidence.stepId) : html`<span class="muted">—</span>`;
      const failedCritical = cr.critical && m?.mark === 'fail';
      return html`<tr id="${anchorId('crit', cr.id)}" data-criterion="${cr.id}" class="${failedCritical ? 'critical-fail' : ''}">
<th scope="row" class="cid">${cr.id}</th>
<td class="ctext">${tOr(cr.textKey, cr.text)}${cr.critical ? html` <span class="badge critical-badge">${t('report_critical')}</span>` : ''}${m?.fromSuggestion ? html` <span class="badge neutral">${t('report_fromSuggestion')}</span>` : ''}</td>
<td class="cmark">${markPill(m?.mark ?? null)}</td>
<td class="cweight">${fmt.int(effectiveWeight(m?.weight))}</td>
<td class="ccomment" dir="auto">${m?.comment ? m.comment : html`<span class="muted">—</span>`}</td>
<td class="cevidence">${evidence}</td>
</tr>`;
    });
    const c = e.counts;
    const counts = t('report_markCounts', c.pass, c.partial, c.fail, c.na, c.unmarked);
    return html`<div class="element-block" data-element="${el}">
<h3 class="element-head"><span>${elementName(el)}</span><span class="element-score">${e.score === null ? t('report_notAssessed') : ltr(fmt.int(e.score))}${e.capLowered ? html` <span class="badge critical-badge" data-role="capped">${t('report_cappedAt50')}</span>` : e.capped ? html` <span class="badge critical-badge" data-role="critical-failed">${t('report_criticalFailed', e.failedCritical.join(', '))}</span>` : ''}</span></h3>
<p class="element-counts">${counts}${s.immersion.weights[el] > 1 ? html` · <strong>${t('report_weighsDouble')}</strong>` : ''}</p>
<table class="criteria"><thead><tr><th scope="col">${t('report_colId')}</th><th scope="col">${t('report_colCriterion')}</th><th scope="col">${t('report_colMark')}</th><th scope="col">${t('report_colWeight')}</th><th scope="col">${t('report_colComment')}</th><th scope="col">${t('report_colEvidence')}</th></tr></thead>
<tbody>${rows}</tbody></table>
</div>`;
  });

  const body = html`<figure class="chart-figure">${chart}</figure>
<p class="note">${t('report_elementsNote')}</p>
${tables}`;
  return section('elements', 'elements page-start', t('report_elementsTitle'), body, t('report_elementsLede'));
}
