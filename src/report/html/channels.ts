// The channel view: the touchpoint scenario suggested from the channels beside the audit's own, the
// journey on one timeline with a lane per channel, and every channel probe's times against its
// expectation (met, missed, or still open at the report's time), with a summary per channel.
import type { ProbeOutcome, ProbeReply } from '../../domain/probes.ts';
import { responseTimeText } from '../../i18n/response-time.ts';
import { scenarioName, scenarioReasonText } from '../../i18n/scenario.ts';
import { t } from '../../i18n/t.ts';
import { channelView, type ChannelView, type LaneKey, type ProbeRow } from '../channels.ts';
import { html, join, type SafeHtml } from '../escape.ts';
import { channelTimelineSvg } from '../svg/channel-timeline.ts';
import type { RenderContext } from './context.ts';
import { dl, ltr, section, stepLink } from './parts.ts';
import { channelText } from './touchpoint.ts';

export const laneName = (key: LaneKey): string => (key === 'web' ? t('report_laneWeb') : channelText(key));

export { scenarioName, scenarioReasonText };

export const channelList = (channels: readonly LaneKey[]): string => channels.map(laneName).join(', ');

export function outcomeText(outcome: ProbeOutcome | null): string {
  if (outcome === 'met') return t('report_outcomeMet');
  if (outcome === 'missed') return t('report_outcomeMissed');
  if (outcome === 'open') return t('report_outcomeOpen');
  return t('report_outcomeUntimed');
}

export function answerText(reply: ProbeReply): string {
  return reply.answered === true
    ? t('report_answerYes')
    : reply.answered === false
      ? t('report_answerNo')
      : t('report_answerUnjudged');
}

export function scenarioStateText(view: ChannelView): string {
  if (view.state === 'confirmed') return t('report_scenarioConfirmed');
  if (view.state === 'changed') return t('report_scenarioChanged');
  return t('report_scenarioNotSet');
}

function scenarioBlock(view: ChannelView): SafeHtml {
  const suggested = view.suggested
    ? html`<strong data-role="scenario-suggested" data-scenario="${view.suggested.scenario}">${scenarioName(view.suggested.scenario)}</strong><ul class="reasons">${view.suggested.reasons.map(
        (r) => html`<li data-reason="${r.kind}">${scenarioReasonText(r)}</li>`,
      )}</ul>`
    : html`<span class="muted">${t('report_scenarioNoSuggestion')}</span>`;
  const set =
    view.set === null
      ? html`<span data-role="scenario-set" data-scenario="none">${t('report_touchpointNone')}</span>`
      : html`<strong data-role="scenario-set" data-scenario="${view.set}">${scenarioName(view.set)}</strong>`;
  return html`<div class="scenario-block" data-state="${view.state}">${dl([
    [t('report_scenarioSuggestedLabel'), suggested],
    [t('report_scenarioSetLabel'), set],
  ])}<p class="note" data-role="scenario-state">${scenarioStateText(view)}</p></div>`;
}

function probeTable(ctx: RenderContext, view: ChannelView): SafeHtml {
  if (view.probes.length === 0) return html`<p class="empty" data-role="no-probes">${t('report_noProbes')}</p>`;
  const time = (ms: number | null, none: string) =>
    ms === null ? html`<span class="muted">${none}</span>` : ltr(responseTimeText(ms, ctx.fmt.locale));
  const rows = view.probes.map((row: ProbeRow) => {
    const p = row.probe;
    const outcome = row.outcome ?? 'untimed';
    return html`<tr data-probe="${row.code}" data-probe-id="${p.id}" data-outcome="${outcome}">
<th scope="row" class="pcode">${row.code}</th>
<td>${channelText(p.channel)}${row.stepNo === null ? '' : html`<br/>${stepLink(ctx, p.stepId)}`}</td>
<td class="pquestion" dir="auto">${p.question.trim() ? p.question : html`<span class="muted">—</span>`}</td>
<td>${ctx.fmt.dateTime(new Date(p.sentAt).toISOString())}</td>
<td data-col="first-reply">${time(row.firstReplyMs, t('report_noReply'))}</td>
<td data-col="resolution">${time(row.resolutionMs, t('report_notResolved'))}</td>
<td data-col="expectation">${time(p.expectationMs, t('report_noExpectation'))}</td>
<td><span class="outcome outcome-${outcome}" data-role="outcome">${outcomeText(row.outcome)}</span></td>
<td data-col="answered">${
      p.replies.length === 0
        ? html`<span class="muted">—</span>`
        : join(
            p.replies.map((r) => html`<span data-answered="${String(r.answered)}">${answerText(r)}</span>`),
            ', ',
          )
    }</td>
</tr>`;
  });
  return html`<div class="table-scroll"><table class="probes"><thead><tr><th scope="col">${t('report_colProbe')}</th><th scope="col">${t('report_colChannel')}</th><th scope="col">${t('report_colQuestion')}</th><th scope="col">${t('report_colSent')}</th><th scope="col">${t('report_colFirstReply')}</th><th scope="col">${t('report_colResolution')}</th><th scope="col">${t('report_colExpectation')}</th><th scope="col">${t('report_colOutcome')}</th><th scope="col">${t('report_colAnswered')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

function summaryTable(ctx: RenderContext, view: ChannelView): SafeHtml | string {
  if (view.summary.length === 0) return '';
  const fmt = ctx.fmt;
  const time = (ms: number | null) => (ms === null ? '—' : ltr(responseTimeText(ms, fmt.locale)));
  return html`<h3 class="sub">${t('report_probeSummaryTitle')}</h3><table class="probe-summary"><thead><tr><th scope="col">${t('report_colChannel')}</th><th scope="col">${t('report_colProbes')}</th><th scope="col">${t('report_outcomeMet')}</th><th scope="col">${t('report_outcomeMissed')}</th><th scope="col">${t('report_outcomeOpen')}</th><th scope="col">${t('report_colMedianReply')}</th><th scope="col">${t('report_colMedianResolution')}</th><th scope="col">${t('report_colAnswered')}</th></tr></thead><tbody>${view.summary.map(
    (s) =>
      html`<tr data-channel="${s.channel}"><th scope="row">${channelText(s.channel)}</th><td>${fmt.int(s.probes)}</td><td data-col="met">${fmt.int(s.met)}</td><td data-col="missed">${fmt.int(s.missed)}</td><td data-col="open">${fmt.int(s.open)}</td><td>${time(s.medianFirstReplyMs)}</td><td>${time(s.medianResolutionMs)}</td><td>${t('report_answersCount', fmt.int(s.answeredYes), fmt.int(s.answeredNo))}</td></tr>`,
  )}</tbody></table>`;
}

export function renderChannels(ctx: RenderContext): SafeHtml | string {
  const view = channelView(ctx.data, ctx.model.stepNo);
  if (view.lanes.length === 0) return '';
  const fmt = ctx.fmt;
  const iso = (ms: number) => fmt.dateTime(new Date(ms).toISOString());
  const timeline = channelTimelineSvg(view, {
    title: t('report_timelineTitle'),
    description: t('report_timelineDesc'),
    lane: laneName,
    start: iso(view.startMs),
    end: iso(view.endMs),
  });
  const body = html`<h3 class="sub">${t('report_touchpoint')}</h3>
${scenarioBlock(view)}
<h3 class="sub">${t('report_timelineTitle')}</h3>
<figure class="chart-figure timeline-figure">${timeline}<figcaption><ul class="legend"><li><span class="swatch tl-step"></span>${t('report_legendStep')}</li><li><span class="swatch tl-t0"></span>${t('report_legendSent')}</li><li><span class="swatch tl-t1"></span>${t('report_legendReply')}</li><li><span class="swatch tl-t2"></span>${t('report_legendResolved')}</li><li><span class="swatch tl-expect"></span>${t('report_legendExpectation')}</li><li><span class="swatch outcome-met"></span>${t('report_outcomeMet')}</li><li><span class="swatch outcome-missed"></span>${t('report_outcomeMissed')}</li><li><span class="swatch outcome-open"></span>${t('report_outcomeOpen')}</li></ul></figcaption></figure>
<h3 class="sub">${t('report_probesTitle')}</h3>
<p class="lede small">${t('report_probesLede', iso(view.nowMs))}</p>
${probeTable(ctx, view)}
${summaryTable(ctx, view)}`;
  return section('channels', 'channels page-start', t('report_channelsTitle'), body, t('report_channelsLede'));
}
