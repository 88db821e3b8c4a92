// The Markdown summary: cover facts, headline numbers, the remembered moments, element scores,
// findings and a one-line-per-step table. Untrusted text is backslash-escaped so no Markdown
// renderer turns it into HTML, links or formatting.
import { ELEMENT_IDS } from '../domain/model.ts';
import { stagesOfStep } from '../domain/step-stages.ts';
import { t, tp } from '../i18n/t.ts';
import { channelText } from './html/touchpoint.ts';
import type { ReportData } from './data.ts';
import { noImages } from './data.ts';
import { elementName, emotionName, maskingState, tOr } from './i18n.ts';
import { makeContext, type RenderContext, type RenderOptions } from './html/context.ts';
import { headlineValues } from './html/headline.ts';
import { recommendationOf, severityName } from './html/parts.ts';
import { reasonWord, summaryParts } from './summary-draft.ts';
import { reportTitle } from './html/render.ts';
import { programmeText, reviewText } from './review.ts';
import { channelMarkdown } from './markdown-channels.ts';

/**
 * Escapes text for Markdown (CommonMark / GFM): every character that could start inline markup
 * (emphasis, code, links, images, strikethrough, math), a raw HTML tag, an autolink, an entity or
 * a table cell boundary is backslash-escaped; line breaks become spaces. Escaped text is never
 * placed at the start of a line, so block markers (#, -, 1.) need no escaping.
 */
export function mdEscape(text: string | number | null | undefined): string {
  const s = String(text ?? '')
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>|~&!$]/g, (c) => `\\${c}`);
  return s;
}

const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [row(head.map(mdEscape)), row(head.map(() => '---')), ...rows.map((r) => row(r))].join('\n');
}

function headline(ctx: RenderContext): string {
  const s = ctx.data.scores;
  const v = headlineValues(ctx);
  const fmt = ctx.fmt;
  return table(
    [t('report_colScore'), t('report_colValue')],
    [
      [mdEscape(t('report_overall')), `**${mdEscape(v.overall)}**`],
      [mdEscape(t('report_immersion')), mdEscape(v.immersion)],
      [mdEscape(t('report_pe100')), mdEscape(v.pe100)],
      [mdEscape(t('report_effort100')), mdEscape(v.effort100)],
      [mdEscape(t('report_nev')), mdEscape(v.nev)],
      [mdEscape(t('report_ces')), mdEscape(v.ces)],
      [mdEscape(t('report_completion')), mdEscape(v.completion)],
      [
        mdEscape(t('report_checkoutSteps')),
        mdEscape(`${v.checkoutSteps} (${t('report_baymardSteps', fmt.fixed(s.checkout.benchmarkSteps, 1))})`),
      ],
      [
        mdEscape(t('report_checkoutFields')),
        mdEscape(
          `${v.checkoutFields} (${t('report_baymardFields', fmt.fixed(s.checkout.benchmarkFields, 1), fmt.int(s.checkout.achievableFields))})`,
        ),
      ],
    ],
  );
}

/** Overall score's status: final, provisional with what it rests on, or not assessed. */
function scoreStatus(ctx: RenderContext): string {
  const s = ctx.data.scores;
  const b = s.basis;
  if (b.status === 'not-assessed') return mdEscape(t('report_overallNotAssessed'));
  if (b.status === 'final') return mdEscape(t('report_overallFinal', b.criteriaTotal, b.stepCount));
  const lacks = s.overall.missing.map((m) =>
    m === 'immersion' ? t('report_immersion') : m === 'peakEnd' ? t('report_pe100') : t('report_effort100'),
  );
  return `**${mdEscape(t('report_provisional'))}:** ${mdEscape(t('report_overallBasis', b.criteriaMarked, b.criteriaTotal, b.stepsRated, b.stepCount))}${lacks.length > 0 ? ` ${mdEscape(t('report_overallLacks', lacks.join(', ')))}` : ''}`;
}

function summary(ctx: RenderContext): string[] {
  const out = [`## ${mdEscape(t('report_sumTitle'))}`, ''];
  const heads = {
    remembered: t('report_sumRememberedTitle'),
    problems: t('report_sumProblemsTitle'),
    keep: t('report_sumKeepTitle'),
  };
  for (const part of summaryParts(ctx.data, ctx.model, ctx.fmt)) {
    out.push(
      `### ${mdEscape(heads[part.id])}`,
      '',
      `_${mdEscape(part.source === 'auditor' ? t('report_sumByAuditor') : t('report_sumDrafted'))}_`,
      '',
    );
    const list = part.source === 'drafted' && part.id !== 'remembered';
    out.push(
      ...part.lines.map((l, i) =>
        list ? `${part.id === 'problems' ? `${i + 1}.` : '-'} ${mdEscape(l)}` : `${mdEscape(l)}  `,
      ),
      '',
    );
  }
  return out;
}

function fixFirst(ctx: RenderContext): string[] {
  const out = [`## ${mdEscape(t('report_fixTitle'))}`, ''];
  const { fix } = ctx.model.fixFirst;
  if (fix.length === 0) return [...out, mdEscape(t('report_fixNone')), ''];
  out.push(mdEscape(t('report_fixLede')), '');
  out.push(
    table(
      [
        t('report_colRank'),
        '#',
        t('report_colFinding'),
        t('report_colSeverity'),
        t('report_colWhere'),
        t('report_colPriority'),
      ],
      fix.map((e, i) => {
        const rec = recommendationOf(e.finding);
        const where = reasonWord(e);
        return [
          String(i + 1),
          mdEscape(e.code),
          mdEscape(e.finding.title || t('report_untitledFinding')) +
            (rec ? ` — ${mdEscape(t('report_recommendation'))} ${mdEscape(rec)}` : ''),
          mdEscape(e.severity === null ? t('report_severityUnknown') : `${e.severity} ${severityName(e.severity)}`),
          mdEscape(`${t('report_stepN', ctx.model.stepNo.get(e.step.id) ?? 0)}${where ? `, ${where}` : ''}`),
          mdEscape(e.priority === null ? '—' : ctx.fmt.fixed(e.priority, e.priority % 1 === 0 ? 0 : 1)),
        ];
      }),
    ),
    '',
  );
  return out;
}

export function renderMarkdown(data: ReportData, opts: RenderOptions = {}): string {
  const ctx = makeContext(data, noImages, opts);
  const { audit, scores: s, completeness, rubric } = data;
  const fmt = ctx.fmt;
  const out: string[] = [];
  const stepRef = (stepId: string): string => t('report_stepN', ctx.model.stepNo.get(stepId) ?? 0);

  out.push(`# ${mdEscape(reportTitle(data))}`, '');
  if (audit.scenario) out.push(`**${mdEscape(t('scenario'))}:** ${mdEscape(audit.scenario)}  `);
  if (audit.successCriterion)
    out.push(`**${mdEscape(t('report_successCriterion'))}:** ${mdEscape(audit.successCriterion)}  `);
  out.push(
    `**${mdEscape(t('report_auditor'))}:** ${mdEscape(audit.auditor || '—')} · **${mdEscape(t('report_started'))}:** ${mdEscape(fmt.dateTime(audit.startedAt))} · **${mdEscape(t('report_ended'))}:** ${mdEscape(audit.endedAt ? fmt.dateTime(audit.endedAt) : t('report_notEnded'))}  `,
  );
  const programme = programmeText(audit);
  const review = reviewText(audit, fmt);
  if (programme !== null && review !== null) {
    out.push(
      `**${mdEscape(t('report_programme'))}:** ${mdEscape(programme)} · **${mdEscape(t('report_review'))}:** ${mdEscape(review)}  `,
    );
  }
  out.push('');

  for (const f of s.criticalFailures) {
    const cr = rubric.criteria.find((c) => c.id === f.criterionId);
    out.push(
      `> **${mdEscape(t('report_criticalTitle'))}** ${mdEscape(f.criterionId)} ${mdEscape(cr ? tOr(cr.textKey, cr.text) : '')} (${mdEscape(elementName(f.element))})`,
      '',
    );
  }
  if (!completeness.complete)
    out.push(
      `> **${mdEscape(t('report_incompleteTitle'))}** ${mdEscape(tp('report_incompleteText', completeness.missing.length, fmt.int(completeness.missing.length)))}`,
      '',
    );

  out.push(...summary(ctx), ...fixFirst(ctx));
  out.push(
    `## ${mdEscape(t('report_scoresTitle'))}`,
    '',
    scoreStatus(ctx),
    '',
    headline(ctx),
    '',
    mdEscape(tp('report_ratedBasis', s.stepCount, s.rated.valence, s.stepCount, s.rated.ease)),
    '',
    `**${mdEscape(t('report_scaleTitle'))}.** ${mdEscape(t('report_scaleStory'))}`,
    '',
  );

  out.push(`## ${mdEscape(t('report_rememberedTitle'))}`, '');
  const pe = s.peakEnd;
  if (!pe) out.push(mdEscape(t('report_noValence')), '');
  else {
    const title = (id: string) => ctx.model.stepById.get(id)?.title || t('untitledPage');
    out.push(
      `- **${mdEscape(t('report_peakMoment'))}:** ${mdEscape(stepRef(pe.peak.stepId))} — ${mdEscape(title(pe.peak.stepId))} (${mdEscape(t('report_valence'))} ${mdEscape(fmt.signedInt(pe.peak.valence))})`,
      `- **${mdEscape(t('report_endMoment'))}:** ${mdEscape(stepRef(pe.end.stepId))} — ${mdEscape(title(pe.end.stepId))} (${mdEscape(t('report_valence'))} ${mdEscape(fmt.signedInt(pe.end.valence))})`,
      `- **${mdEscape(t('report_pe100'))}:** ${mdEscape(fmt.int(pe.pe100))} · **${mdEscape(t('report_meanValence'))}:** ${mdEscape(fmt.signedFixed(pe.mean, 2))} · **${mdEscape(t('report_memoryGap'))}:** ${mdEscape(fmt.signedFixed(pe.memoryGap, 2))}`,
    );
    const es = s.endSurvey;
    if (es && es.remembered100 !== null && es.difference100 !== null) {
      out.push(
        `- **${mdEscape(t('report_remembered'))}:** ${mdEscape(fmt.int(es.remembered100))} · **${mdEscape(t('report_predicted'))}:** ${mdEscape(fmt.int(pe.pe100))} · **${mdEscape(t('report_difference'))}:** ${mdEscape(fmt.signedInt(es.difference100))}`,
      );
    }
    out.push('');
  }

  out.push(...channelMarkdown(ctx, { mdEscape, table }));

  out.push(`## ${mdEscape(t('report_elementsTitle'))}`, '');
  out.push(
    table(
      [t('report_colElement'), t('report_colScore'), t('report_colMarks')],
      ELEMENT_IDS.map((el) => {
        const e = s.elements[el];
        const c = e.counts;
        return [
          mdEscape(elementName(el)),
          mdEscape(
            e.score === null
              ? t('report_notAssessed')
              : `${fmt.int(e.score)}${e.capLowered ? ` (${t('report_cappedAt50')})` : e.capped ? ` (${t('report_criticalFailed', e.failedCritical.join(', '))})` : ''}`,
          ),
          mdEscape(t('report_markCounts', c.pass, c.partial, c.fail, c.na, c.unmarked)),
        ];
      }),
    ),
    '',
  );
  const marks = audit.rubric?.marks ?? {};
  const failed = rubric.criteria.filter((cr) => marks[cr.id]?.mark === 'fail' || marks[cr.id]?.mark === 'partial');
  if (failed.length > 0) {
    out.push(`**${mdEscape(t('report_notPassed'))}**`, '');
    for (const cr of failed) {
      const m = marks[cr.id];
      out.push(
        `- ${mdEscape(cr.id)} ${mdEscape(tOr(cr.textKey, cr.text))} — ${mdEscape(tOr(`report_mark_${m?.mark ?? 'unmarked'}`, m?.mark ?? ''))}${m?.comment ? `: ${mdEscape(m.comment)}` : ''}`,
      );
    }
    out.push('');
  }

  out.push(`## ${mdEscape(t('report_findingsTitle'))}`, '');
  if (ctx.model.findingsBySeverity.length === 0) out.push(mdEscape(t('report_noFindings')), '');
  else {
    out.push(
      table(
        ['#', t('report_colSeverity'), t('report_colFinding'), t('report_colElement'), t('report_colStep')],
        ctx.model.findingsBySeverity.map((f) => [
          mdEscape(f.code),
          mdEscape(f.severity === null ? t('report_severityUnknown') : `${f.severity} ${severityName(f.severity)}`),
          mdEscape(f.finding.title || t('report_untitledFinding')),
          mdEscape(f.finding.element ? elementName(f.finding.element) : '—'),
          mdEscape(stepRef(f.step.id)),
        ]),
      ),
      '',
    );
  }

  out.push(`## ${mdEscape(t('report_stepsTitle'))}`, '');
  if (ctx.model.steps.length === 0) out.push(mdEscape(t('report_noStepsYet')), '');
  else {
    out.push(
      table(
        [
          '#',
          t('report_colStage'),
          t('report_colTitle'),
          t('report_ease'),
          t('report_valence'),
          t('report_emotions'),
          t('report_note'),
        ],
        ctx.model.steps.map((step) => {
          const sc = ctx.model.scoreByStep.get(step.id);
          const marker = [
            pe?.peak.stepId === step.id ? t('report_peak') : '',
            pe?.end.stepId === step.id ? t('report_end') : '',
          ]
            .filter(Boolean)
            .join(', ');
          return [
            mdEscape(String(ctx.model.stepNo.get(step.id) ?? '')) + (marker ? ` (${mdEscape(marker)})` : ''),
            mdEscape(ctx.fmt.list(stagesOfStep(step).map((s) => ctx.model.stageName(s)))),
            mdEscape(
              step.kind === 'touchpoint'
                ? `[${channelText(step.channel ?? 'other')}] ${step.title}`.trim()
                : step.title || t('untitledPage'),
            ),
            mdEscape(sc?.ease ?? '—'),
            mdEscape(sc?.valence == null ? '—' : fmt.signedInt(sc.valence)),
            mdEscape((step.emotions ?? []).map((e) => `${emotionName(e.emotion)} ${e.intensity}`).join(', ')),
            mdEscape(step.note ?? ''),
          ];
        }),
      ),
      '',
    );
  }

  out.push(`## ${mdEscape(t('report_appendixTitle'))}`, '');
  out.push(
    `**${mdEscape(t('report_device'))}:** ${mdEscape(audit.device)} · **${mdEscape(t('viewport'))}:** ${mdEscape(`${audit.viewport?.width} × ${audit.viewport?.height}`)} · **${mdEscape(t('browser'))}:** ${mdEscape(audit.browser)} · **${mdEscape(t('locale'))}:** ${mdEscape(audit.locale)}  `,
    `**${mdEscape(t('report_rubricVersion'))}:** ${mdEscape(rubric.version)} · **${mdEscape(t('report_masking'))}:** ${mdEscape(maskingState(audit))} · **${mdEscape(t('report_generated'))}:** ${mdEscape(fmt.dateTime(data.generatedAt))}`,
    '',
  );
  const w = s.overall.weights;
  out.push(
    `- ${mdEscape(t('report_settingWeights'))}: ${mdEscape(t('report_weightsTriple', fmt.fixed(w.immersion, 2), fmt.fixed(w.peakEnd, 2), fmt.fixed(w.effort, 2)))}`,
    `- ${mdEscape(t('report_touchpoint'))}: ${mdEscape(audit.touchpoint ? tOr(`report_touchpoint${audit.touchpoint}`, String(audit.touchpoint)) : t('report_touchpointNone'))}`,
    `- ${mdEscape(t('report_choiceEnd'))}`,
    `- ${mdEscape(t('report_mdMore'))}`,
    '',
  );
  return `${out.join('\n')}\n`;
}
