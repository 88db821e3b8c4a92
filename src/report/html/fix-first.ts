// Page 1, after the summary: what to fix first (METHOD.md: severity x memory weight), the first
// few with their recommendation; the full list of findings follows later in the report.
import { t } from '../../i18n/t.ts';
import { html, type SafeHtml } from '../escape.ts';
import { reasonWord } from '../summary-draft.ts';
import type { RenderContext } from './context.ts';
import { ltr, recommendationOf, section, severityBadge, stepLink } from './parts.ts';

/** How many findings page 1 lists; the Findings section has them all. */
export const FIX_FIRST_ON_PAGE_ONE = 5;

export function renderFixFirst(ctx: RenderContext): SafeHtml {
  const { fix } = ctx.model.fixFirst;
  if (fix.length === 0) {
    return section('fix-first', 'fix-first', t('report_fixTitle'), html`<p class="empty">${t('report_fixNone')}</p>`);
  }
  const shown = fix.slice(0, FIX_FIRST_ON_PAGE_ONE);
  const rows = shown.map((e, i) => {
    const rec = recommendationOf(e.finding);
    const where = reasonWord(e);
    return html`<tr data-finding="${e.code}" data-priority="${e.priority ?? ''}">
<td class="rank">${ltr(ctx.fmt.int(i + 1))}</td>
<th scope="row" class="ftitle"><span class="fcode">${e.code}</span> ${e.finding.title || t('report_untitledFinding')}${rec ? html`<span class="rec"><span class="rec-k">${t('report_recommendation')}</span> ${rec}</span>` : ''}</th>
<td class="fsev">${severityBadge(e.severity)}</td>
<td class="fwhere">${stepLink(ctx, e.step.id)}${where ? html`<span class="why">${where}</span>` : ''}</td>
<td class="fprio">${e.priority === null ? '—' : ltr(ctx.fmt.fixed(e.priority, e.priority % 1 === 0 ? 0 : 1))}</td>
</tr>`;
  });
  const more = fix.length - shown.length;
  const body = html`<table class="fix-table"><thead><tr><th scope="col">${t('report_colRank')}</th><th scope="col">${t('report_colFinding')}</th><th scope="col">${t('report_colSeverity')}</th><th scope="col">${t('report_colWhere')}</th><th scope="col">${t('report_colPriority')}</th></tr></thead><tbody>${rows}</tbody></table>
${more > 0 ? html`<p class="note">${t('report_fixMore', more)} <a href="#findings">${t('report_findingsTitle')}</a></p>` : ''}`;
  return section('fix-first', 'fix-first', t('report_fixTitle'), body, t('report_fixLede'));
}
