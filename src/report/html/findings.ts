// Findings, most severe first.
import { t } from '../../i18n/t.ts';
import { html, type SafeHtml } from '../escape.ts';
import { elementName } from '../i18n.ts';
import type { RenderContext } from './context.ts';
import { bdi, recommendationOf, section, severityBadge, stepLink } from './parts.ts';

export function renderFindings(ctx: RenderContext): SafeHtml {
  const list = ctx.model.findingsBySeverity;
  if (list.length === 0) {
    return section(
      'findings',
      'findings',
      t('report_findingsTitle'),
      html`<p class="empty">${t('report_noFindings')}</p>`,
    );
  }
  const counts = [4, 3, 2, 1, 0]
    .map((sev) => ({ sev, n: list.filter((f) => f.severity === sev).length }))
    .filter((x) => x.n > 0);
  const summary = html`<ul class="sev-summary">${counts.map(({ sev, n }) => html`<li>${severityBadge(sev)} <strong>${n}</strong></li>`)}</ul>`;
  const rows = list.map(
    (f) => html`<tr data-finding="${f.code}" data-severity="${f.severity ?? ''}">
<th scope="row" class="fcode">${f.code}</th>
<td class="fsev">${severityBadge(f.severity)}</td>
<td class="ftitle">${f.finding.title ? bdi(f.finding.title) : html`<span class="muted">${t('report_untitledFinding')}</span>`}${recommendationOf(f.finding) ? html`<span class="rec"><span class="rec-k">${t('report_recommendation')}</span> <span dir="auto">${recommendationOf(f.finding)}</span></span>` : ''}</td>
<td class="felement">${f.finding.element ? elementName(f.finding.element) : html`<span class="muted">—</span>`}</td>
<td class="fstep">${stepLink(ctx, f.step.id)}${f.finding.evidence?.rect ? html` <span class="muted">${t('report_marked')}</span>` : ''}</td>
</tr>`,
  );
  const body = html`${summary}<table class="findings-table"><thead><tr><th scope="col">#</th><th scope="col">${t('report_colSeverity')}</th><th scope="col">${t('report_colFinding')}</th><th scope="col">${t('report_colElement')}</th><th scope="col">${t('report_colStep')}</th></tr></thead><tbody>${rows}</tbody></table>`;
  return section('findings', 'findings', t('report_findingsTitle'), body, t('report_findingsLede'));
}
