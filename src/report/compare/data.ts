// Everything a comparison (and its exports) is made from: each audit's report data, the comparison
// of src/domain/compare, and the display labels of the audits. Renderers are pure functions of it.
import type { UtcIso } from '../../domain/model.ts';
import { compareAudits, MAX_AUDITS, MIN_AUDITS, type Comparison } from '../../domain/compare/index.ts';
import type { PeakendDb } from '../../store/index.ts';
import { loadReportData, type ReportData } from '../data.ts';

export interface CompareData {
  /** Each audit's report data, in the order chosen. */
  items: ReportData[];
  comparison: Comparison;
  generatedAt: UtcIso;
}

/** Pure: the comparison of report data that is already loaded. */
export function buildCompareData(
  items: readonly ReportData[],
  generatedAt: UtcIso = new Date().toISOString(),
): CompareData {
  const comparison = compareAudits(
    items.map((item) => ({ audit: item.audit, steps: item.steps, scores: item.scores, rubric: item.rubric })),
  );
  return { items: [...items], comparison, generatedAt };
}

export type AuditIdsResult = { ok: true; ids: string[] } | { ok: false; reason: 'none' | 'too-few' | 'too-many' };

/** The audit ids of `?audits=id1,id2[,id3,id4]`: trimmed, de-duplicated, 2 to 4 of them. */
export function parseAuditIds(search: string): AuditIdsResult {
  const param = new URLSearchParams(search).get('audits');
  if (param === null || param.trim() === '') return { ok: false, reason: 'none' };
  const ids: string[] = [];
  for (const part of param.split(',')) {
    const id = part.trim();
    if (id !== '' && !ids.includes(id)) ids.push(id);
  }
  if (ids.length < MIN_AUDITS) return { ok: false, reason: 'too-few' };
  if (ids.length > MAX_AUDITS) return { ok: false, reason: 'too-many' };
  return { ok: true, ids };
}

export type LoadCompareResult = { ok: true; data: CompareData } | { ok: false; missing: string[] };

/** Loads every audit's report data; lists the ids that are not in the store. */
export async function loadCompareData(
  db: PeakendDb,
  ids: readonly string[],
  generatedAt: UtcIso = new Date().toISOString(),
): Promise<LoadCompareResult> {
  const loaded = await Promise.all(ids.map((id) => loadReportData(db, id, generatedAt)));
  const missing = ids.filter((_, i) => !loaded[i]);
  if (missing.length > 0) return { ok: false, missing };
  return {
    ok: true,
    data: buildCompareData(
      loaded.filter((d): d is ReportData => d !== null),
      generatedAt,
    ),
  };
}
