// The executive summary's three parts, drafted from the audit as plain text (the report renders
// them, the Markdown export prints them, the report tab's editor starts from them), and the
// auditor's own text where it replaced a part. Pure.
import { ELEMENT_IDS, SUMMARY_PARTS, type SummaryText } from '../domain/model.ts';
import { t } from '../i18n/t.ts';
import type { ReportData } from './data.ts';
import type { FixFirstEntry, ReportModel } from './derive.ts';
import type { Formatter } from './format.ts';
import { elementName } from './i18n.ts';
import { severityName } from './html/parts.ts';

export type SummaryPartId = (typeof SUMMARY_PARTS)[number];

export interface SummaryPart {
  id: SummaryPartId;
  /** Who wrote the text shown: Peakend's draft, or the auditor. */
  source: 'drafted' | 'auditor';
  /** Lines of the text shown (the draft's items, or the auditor's lines). */
  lines: string[];
  /** The draft, whatever is shown, for the editor to start from. */
  draft: string[];
}

/** How many problems the summary names. */
export const SUMMARY_PROBLEMS = 3;

/** A severity's name; one outside Nielsen's 0-4 (or none) is unknown. */
export function severityWord(severity: number | null): string {
  return severity !== null && Number.isInteger(severity) && severity >= 0 && severity <= 4
    ? severityName(severity)
    : t('report_severityUnknown');
}

/** Where a fix-first finding sits, in words ("on the end step"); '' when on an ordinary step. */
export function reasonWord(entry: FixFirstEntry): string {
  switch (entry.reason) {
    case 'peak':
      return t('report_fixOnPeak');
    case 'end':
      return t('report_fixOnEnd');
    case 'hard-step':
      return t('report_fixOnHardStep');
    default:
      return '';
  }
}

const title = (e: FixFirstEntry): string => e.finding.title?.trim() || t('report_untitledFinding');

function draftRemembered(data: ReportData, model: ReportModel, fmt: Formatter): string[] {
  const pe = data.scores.peakEnd;
  if (!pe) return [t('report_sumNoValence')];
  const titleOf = (id: string): string => model.stepById.get(id)?.title?.trim() || t('untitledPage');
  const no = (id: string): string => String(model.stepNo.get(id) ?? '?');
  const lines =
    pe.peak.stepId === pe.end.stepId
      ? [
          t(
            'report_sumRememberedOne',
            no(pe.end.stepId),
            titleOf(pe.end.stepId),
            fmt.signedInt(pe.end.valence),
            fmt.int(pe.pe100),
          ),
        ]
      : [
          t(
            'report_sumRemembered',
            no(pe.peak.stepId),
            titleOf(pe.peak.stepId),
            fmt.signedInt(pe.peak.valence),
            no(pe.end.stepId),
            titleOf(pe.end.stepId),
            fmt.signedInt(pe.end.valence),
            fmt.int(pe.pe100),
          ),
        ];
  if (Math.abs(pe.memoryGap) >= 0.005) {
    lines.push(
      t(
        pe.memoryGap < 0 ? 'report_sumGapWorse' : 'report_sumGapBetter',
        fmt.signedFixed(pe.mean, 2),
        fmt.signedFixed(pe.pe, 2),
      ),
    );
  }
  return lines;
}

function draftProblems(model: ReportModel): string[] {
  const top = model.fixFirst.fix.slice(0, SUMMARY_PROBLEMS);
  if (top.length === 0) return [t('report_sumNoProblems')];
  return top.map((e) => {
    const where = reasonWord(e);
    return where
      ? t('report_sumProblemWhere', e.code, title(e), severityWord(e.severity), where)
      : t('report_sumProblem', e.code, title(e), severityWord(e.severity));
  });
}

function draftKeep(data: ReportData, model: ReportModel, fmt: Formatter): string[] {
  const lines = model.fixFirst.keep.map((e) => `${e.code} ${title(e)}`);
  for (const el of ELEMENT_IDS) {
    const score = data.scores.elements[el].score;
    if (score !== null && score >= 75) lines.push(t('report_sumKeepElement', elementName(el), fmt.int(score)));
  }
  return lines.length > 0 ? lines : [t('report_sumNothingToKeep')];
}

const linesOf = (text: string | undefined): string[] | null => {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return lines.length > 0 ? lines : null;
};

/** The summary's parts in order: the auditor's text where written, else the draft. */
export function summaryParts(data: ReportData, model: ReportModel, fmt: Formatter): SummaryPart[] {
  const written: SummaryText = data.audit.summary ?? {};
  const drafts: Record<SummaryPartId, string[]> = {
    remembered: draftRemembered(data, model, fmt),
    problems: draftProblems(model),
    keep: draftKeep(data, model, fmt),
  };
  return SUMMARY_PARTS.map((id) => {
    const own = linesOf(written[id]);
    return { id, source: own ? 'auditor' : 'drafted', lines: own ?? drafts[id], draft: drafts[id] };
  });
}
