// The channel view in the Markdown export: the touchpoint scenario suggested beside the audit's own,
// and the channel probes' table (the timeline is the HTML report's). Untrusted text (the question a
// probe asked) is escaped like every other text of the Markdown.
import { responseTimeText } from '../i18n/response-time.ts';
import { t } from '../i18n/t.ts';
import { channelView } from './channels.ts';
import type { RenderContext } from './html/context.ts';
import { answerText, outcomeText, scenarioName, scenarioReasonText, scenarioStateText } from './html/channels.ts';
import { channelText } from './html/touchpoint.ts';

/** markdown.ts's escaping and table, passed in so the two modules do not import each other. */
export interface MarkdownKit {
  mdEscape: (text: string | number | null | undefined) => string;
  table: (head: readonly string[], rows: readonly (readonly string[])[]) => string;
}

export function channelMarkdown(ctx: RenderContext, { mdEscape, table }: MarkdownKit): string[] {
  const view = channelView(ctx.data, ctx.model.stepNo);
  if (view.lanes.length === 0) return [];
  const fmt = ctx.fmt;
  const time = (ms: number | null, none: string) => mdEscape(ms === null ? none : responseTimeText(ms, fmt.locale));
  const out: string[] = [`## ${mdEscape(t('report_channelsTitle'))}`, ''];
  const suggested = view.suggested ? scenarioName(view.suggested.scenario) : t('report_scenarioNoSuggestion');
  out.push(`- **${mdEscape(t('report_scenarioSuggestedLabel'))}:** ${mdEscape(suggested)}`);
  for (const reason of view.suggested?.reasons ?? []) out.push(`  - ${mdEscape(scenarioReasonText(reason))}`);
  out.push(
    `- **${mdEscape(t('report_scenarioSetLabel'))}:** ${mdEscape(view.set === null ? t('report_touchpointNone') : scenarioName(view.set))}`,
    `- ${mdEscape(scenarioStateText(view))}`,
    '',
    `### ${mdEscape(t('report_probesTitle'))}`,
    '',
  );
  if (view.probes.length === 0) {
    out.push(mdEscape(t('report_noProbes')), '');
    return out;
  }
  out.push(mdEscape(t('report_probesLede', fmt.dateTime(new Date(view.nowMs).toISOString()))), '');
  out.push(
    table(
      [
        t('report_colProbe'),
        t('report_colChannel'),
        t('report_colQuestion'),
        t('report_colSent'),
        t('report_colFirstReply'),
        t('report_colResolution'),
        t('report_colExpectation'),
        t('report_colOutcome'),
        t('report_colAnswered'),
      ],
      view.probes.map((row) => [
        row.code,
        mdEscape(
          row.stepNo === null
            ? channelText(row.probe.channel)
            : `${channelText(row.probe.channel)} (${t('report_stepN', row.stepNo)})`,
        ),
        mdEscape(row.probe.question),
        mdEscape(fmt.dateTime(new Date(row.probe.sentAt).toISOString())),
        time(row.firstReplyMs, t('report_noReply')),
        time(row.resolutionMs, t('report_notResolved')),
        time(row.probe.expectationMs, t('report_noExpectation')),
        `**${mdEscape(outcomeText(row.outcome))}**`,
        mdEscape(row.probe.replies.map(answerText).join(', ') || '—'),
      ]),
    ),
    '',
  );
  return out;
}
