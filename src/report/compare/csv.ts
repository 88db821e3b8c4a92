// The comparison as CSV (RFC 4180, via the report's CSV helpers): one row per aligned stage and
// audit, missing stages included (present = false, empty measures), in stage order, then audit
// order. Machine column names, not translated; untrusted text guarded against formula injection.
// A step that holds several stages is in each of their rows (its figures counted in each stage);
// `steps_holding_several_stages` names those steps, so a sum over rows can leave the repeats out.
import { CSV_BOM, textCell, toCsv, type CsvCell } from '../csv.ts';
import { holdsSeveralStages } from '../../domain/step-stages.ts';
import type { CompareData } from './data.ts';

export const COMPARE_CSV_COLUMNS: readonly string[] = [
  'stage_no',
  'stage',
  'stage_name',
  'stage_origin',
  'audit_no',
  'audit_id',
  'site',
  'started_at',
  'template',
  'template_version',
  'present',
  'steps',
  'step_nos',
  'ease_mean',
  'ease_min',
  'valence_mean',
  'valence_min',
  'form_errors',
  'rage_clicks',
  'dead_clicks',
  'fields',
  'required_fields',
  'lcp_ms_max',
  'lcp_rating',
  'cls_max',
  'cls_rating',
  'inp_ms_max',
  'inp_rating',
  'worst_vital',
  'steps_holding_several_stages',
];

/** Rounds for the file only (the scores are never rounded): 3 decimals at most. */
const r3 = (n: number | null): number | null => (n === null ? null : Math.round(n * 1000) / 1000);

/** Header row, then one row per stage × audit. `stageName` gives the display name of a row. */
export function compareRows(
  data: CompareData,
  stageName: (stage: string | null) => string = (s) => s ?? '',
): CsvCell[][] {
  const { comparison, items } = data;
  const rows: CsvCell[][] = [[...COMPARE_CSV_COLUMNS]];
  comparison.alignment.rows.forEach((row, r) => {
    row.cells.forEach((cell, i) => {
      const item = items[i];
      const audit = item?.audit;
      const st = comparison.stats[r]?.[i];
      const present = !cell.missing;
      const stepNo = new Map((item?.steps ?? []).map((s, k) => [s.id, k + 1]));
      const tpl = comparison.alignment.templates[i];
      rows.push([
        r + 1,
        textCell(row.stage ?? ''),
        textCell(stageName(row.stage)),
        row.origin,
        i + 1,
        textCell(audit?.id ?? ''),
        textCell(audit?.site ?? ''),
        textCell(audit?.startedAt ?? ''),
        textCell(tpl?.id ?? ''),
        tpl?.version ?? null,
        present,
        present ? cell.steps.length : 0,
        textCell(cell.steps.map((s) => stepNo.get(s.id) ?? s.index + 1).join(' ')),
        present ? r3(st?.easeMean ?? null) : null,
        present ? (st?.easeMin ?? null) : null,
        present ? r3(st?.valenceMean ?? null) : null,
        present ? (st?.valenceMin ?? null) : null,
        present && st?.withSignals ? st.formErrors : null,
        present && st?.withSignals ? st.rageClicks : null,
        present && st?.withSignals ? st.deadClicks : null,
        present && st?.withSignals ? st.fields : null,
        present && st?.withSignals ? st.requiredFields : null,
        present ? (st?.lcpMs ?? null) : null,
        present ? (st?.lcpRating ?? null) : null,
        present ? r3(st?.cls ?? null) : null,
        present ? (st?.clsRating ?? null) : null,
        present ? (st?.inpMs ?? null) : null,
        present ? (st?.inpRating ?? null) : null,
        present ? (st?.worstVital ?? null) : null,
        // Step numbers of this cell that are the same step as in another stage's row (a one-page checkout).
        textCell(
          cell.steps
            .filter(holdsSeveralStages)
            .map((s) => stepNo.get(s.id) ?? s.index + 1)
            .join(' '),
        ),
      ]);
    });
  });
  return rows;
}

/** The comparison CSV text, with a BOM for Excel. */
export function compareCsv(
  data: CompareData,
  opts: { bom?: boolean; stageName?: (stage: string | null) => string } = {},
): string {
  return (opts.bom === false ? '' : CSV_BOM) + toCsv(compareRows(data, opts.stageName));
}
