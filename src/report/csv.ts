// CSV (RFC 4180): one row per step with every rating, emotion and signal. Fields that contain a
// comma, a double quote, CR or LF are quoted and their quotes doubled; lines end with CRLF. The
// header uses stable machine names (not translated) so spreadsheets and scripts can rely on them.
import { EMOTIONS } from '../domain/emotions.ts';
import type { EmotionId } from '../domain/model.ts';
import type { ReportData } from './data.ts';
import { stagesOfStep } from '../domain/step-stages.ts';
import { deriveModel } from './derive.ts';

export type CsvCell = string | number | boolean | null | undefined;

/** UTF-8 byte order mark: Excel reads the file as UTF-8 when it starts with one. */
export const CSV_BOM = '\uFEFF';

/** One field per RFC 4180. Numbers are written as is (a dot as decimal separator), null as empty. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends (also after the last row). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
}

/**
 * Untrusted text in a cell. A spreadsheet runs a cell that starts with = + - @ (or a tab or CR)
 * as a formula, so such text gets a leading apostrophe (OWASP "CSV injection"). Numbers are
 * passed as numbers and never touched.
 */
export function textCell(text: string | number | null | undefined): string {
  const s = typeof text === 'string' ? text : text === null || text === undefined ? '' : String(text);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const EMOTION_COLUMNS: readonly EmotionId[] = EMOTIONS.map((e) => e.id);

export const STEP_CSV_COLUMNS: readonly string[] = [
  'audit_id',
  'site',
  'step_no',
  'step_id',
  'stage',
  'title',
  'url',
  'started_at',
  'dwell_ms',
  'trigger',
  'ease',
  'friction',
  'valence',
  'valence_norm',
  'arousal',
  'arousal_norm',
  'is_peak',
  'is_end',
  'emotions',
  ...EMOTION_COLUMNS.map((id) => `emotion_${id.replace(/-/g, '_')}`),
  'note',
  'clicks',
  'rage_clicks',
  'dead_clicks',
  'fields',
  'required_fields',
  'form_errors',
  'back_navigations',
  'lcp_ms',
  'lcp_rating',
  'cls',
  'cls_rating',
  'inp_ms',
  'inp_rating',
  'findings_count',
  'max_severity',
  'findings',
  'screenshot_ids',
  'screenshot_sha256',
  'capture_status',
  'step_kind',
  'channel',
  'occurred_at',
  'attachment_ids',
  'attachment_sha256',
  'also_stages',
];

/** The steps table: a header row, then one row per step in journey order. */
export function stepRows(data: ReportData): CsvCell[][] {
  const model = deriveModel(data);
  const pe = data.scores.peakEnd;
  const rows: CsvCell[][] = [[...STEP_CSV_COLUMNS]];
  for (const step of model.steps) {
    const sc = model.scoreByStep.get(step.id);
    const sig = step.signals;
    const emotions = Array.isArray(step.emotions) ? step.emotions : [];
    const intensity = new Map<string, number>();
    for (const e of emotions) intensity.set(e.emotion, (intensity.get(e.emotion) ?? 0) + (Number(e.intensity) || 0));
    const findings = model.findings.filter((f) => f.step.id === step.id);
    const severities = findings.map((f) => f.severity).filter((x): x is number => x !== null);
    const shots = model.shotsByStep.get(step.id) ?? [];
    const attached = data.attachments.filter((a) => a.stepId === step.id);
    rows.push([
      textCell(data.audit.id),
      textCell(data.audit.site),
      model.stepNo.get(step.id) ?? null,
      textCell(step.id),
      textCell(step.stage ?? ''),
      textCell(step.title),
      textCell(step.url),
      textCell(step.startedAt),
      model.dwellMs.get(step.id) ?? null,
      textCell(step.trigger),
      sc?.ease ?? null,
      sc?.friction ?? null,
      sc?.valence ?? null,
      sc?.v ?? null,
      sc?.arousal ?? null,
      sc?.a ?? null,
      pe ? pe.peak.stepId === step.id : null,
      pe ? pe.end.stepId === step.id : null,
      textCell(emotions.map((e) => `${e.emotion}:${e.intensity}`).join('; ')),
      ...EMOTION_COLUMNS.map((id) => intensity.get(id) ?? null),
      textCell(step.note),
      sig?.clicks ?? null,
      sig?.rageClicks ?? null,
      sig?.deadClicks ?? null,
      sig?.fields ?? null,
      sig?.requiredFields ?? null,
      sig?.formErrors ?? null,
      sig?.backNavigations ?? null,
      sig?.lcpMs ?? null,
      sc?.vitals.lcp ?? null,
      sig?.cls ?? null,
      sc?.vitals.cls ?? null,
      sig?.inpMs ?? null,
      sc?.vitals.inp ?? null,
      findings.length,
      severities.length > 0 ? Math.max(...severities) : null,
      textCell(findings.map((f) => `${f.code} [${f.severity ?? '?'}] ${f.finding.title}`).join('; ')),
      textCell(shots.map((s) => s.id).join(' ')),
      textCell(shots.map((s) => s.sha256).join(' ')),
      textCell(step.capture?.status ?? ''),
      textCell(step.kind ?? 'page'),
      textCell(step.channel ?? ''),
      typeof step.occurredAt === 'number' ? textCell(new Date(step.occurredAt).toISOString()) : '',
      textCell(attached.map((a) => a.id).join(' ')),
      textCell(attached.map((a) => a.sha256).join(' ')),
      textCell(stagesOfStep(step).slice(1).join(' ')),
    ]);
  }
  return rows;
}

/** The steps CSV text, with a BOM for Excel. */
export function stepsCsv(data: ReportData, opts: { bom?: boolean } = {}): string {
  return (opts.bom === false ? '' : CSV_BOM) + toCsv(stepRows(data));
}
