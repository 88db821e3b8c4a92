// Everything the programme view (and its exports) is made from: the programme's audits with their
// scores and steps, and programmeStats() over them. Only audit, step and score-summary records are
// read: the view shows no screenshot, so no image is loaded however many audits the programme holds.
//
// The page draws in two parts: first the cover and the table of sites x waves (ProgrammeHead: each
// audit's scores and the cells), then the rest (stage ease, recurring findings, spread, trends),
// which needs every step. The first part reads each audit's score summary from the store
// (src/store/score-cache.ts) instead of its steps: a summary is there only when it was computed, with
// computeScores as the reports do, from the audit as it still is, by this build's scoring code.
// Audits without one are scored from their steps, each as soon as its steps arrive, and their
// summaries are stored once the page has drawn.
import type { Audit, AuditId, Step, UtcIso } from '../../domain/model.ts';
import {
  programmeDetailStats,
  programmeScoreStats,
  programmesIn,
  type ProgrammeEntry,
  type ProgrammeItem,
  type ProgrammeScoredAudit,
  type ProgrammeScoreStats,
  type ProgrammeStats,
} from '../../domain/programme-view/index.ts';
import { SCORING_REVISION, scoreSummaryOf } from '../../domain/programme-view/summary.ts';
import {
  readAuditScores,
  readStepsOfAudits,
  storeScoreSummaries,
  type FreshSummary,
  type PeakendDb,
} from '../../store/index.ts';

/** What the first part of the page needs: every audit scored, and the site x wave cells. */
export interface ProgrammeHead {
  /** Every programme in the store, by name (for the picker). */
  programmes: ProgrammeEntry[];
  programme: ProgrammeEntry;
  items: ProgrammeScoredAudit[];
  stats: ProgrammeScoreStats;
  generatedAt: UtcIso;
}

export interface ProgrammeData extends ProgrammeHead {
  items: ProgrammeItem[];
  stats: ProgrammeStats;
}

/** One audit with its scores, from the same function as the audit's report. */
export const scoredItem = (audit: Audit, steps: readonly Step[]): ProgrammeItem => ({
  audit,
  steps,
  scores: scoreSummaryOf(audit, steps),
});

/** Pure: the head of the view from audits already scored. */
export function buildProgrammeHead(
  programmes: ProgrammeEntry[],
  programme: ProgrammeEntry,
  items: ProgrammeScoredAudit[],
  generatedAt: UtcIso = new Date().toISOString(),
): ProgrammeHead {
  return { programmes, programme, items, stats: programmeScoreStats(items), generatedAt };
}

/** Pure: the whole view from its head and every audit's steps (the scores and cells are reused). */
export function completeProgrammeData(
  head: ProgrammeHead,
  stepsOf: (auditId: AuditId) => readonly Step[],
): ProgrammeData {
  const items = head.items.map((item) => ({ ...item, steps: stepsOf(item.audit.id) }));
  return { ...head, items, stats: programmeDetailStats(items, head.stats) };
}

/** Pure: the view of audits and steps that are already loaded. */
export function buildProgrammeData(
  programmes: ProgrammeEntry[],
  programme: ProgrammeEntry,
  loaded: ReadonlyArray<Omit<ProgrammeItem, 'scores'>>,
  generatedAt: UtcIso = new Date().toISOString(),
): ProgrammeData {
  const items = loaded.map(({ audit, steps }) => scoredItem(audit, steps));
  const steps = new Map(items.map((item) => [item.audit.id, item.steps]));
  return completeProgrammeData(
    buildProgrammeHead(programmes, programme, items, generatedAt),
    (id) => steps.get(id) ?? [],
  );
}

/** The head, with what its loading learnt: the steps it read, the summaries it computed. */
export interface LoadedHead {
  ok: true;
  head: ProgrammeHead;
  /** The steps of the audits that had no usable summary (read for their scores). */
  steps: Map<AuditId, readonly Step[]>;
  /** Their summaries, for saveScoreSummaries. */
  fresh: FreshSummary[];
}

export type LoadProgrammeResult =
  LoadedHead | { ok: false; reason: 'no-programmes' | 'missing'; programmes: ProgrammeEntry[] };

/**
 * The programme `id` (null: the first by name) with every audit's scores: the stored summary where
 * it is current, else computed from the steps, read in the same transaction as the audits.
 */
export async function loadProgrammeHead(
  db: PeakendDb,
  id: string | null,
  generatedAt: UtcIso = new Date().toISOString(),
): Promise<LoadProgrammeResult> {
  let programmes: ProgrammeEntry[] = [];
  let programme: ProgrammeEntry | undefined;
  const { entries } = await readAuditScores(db, SCORING_REVISION, (all) => {
    const audits = all.filter((a) => a.status !== 'plan');
    programmes = programmesIn(audits);
    programme = id === null ? programmes[0] : programmes.find((p) => p.id === id);
    return programme ? audits.filter((a: Audit) => a.programme?.id === programme?.id) : [];
  });
  // The bench reads these marks (with the page's own): audits and summaries read, steps read and scored.
  performance.mark('peakend:programme-audits');
  if (programmes.length === 0) return { ok: false, reason: 'no-programmes', programmes };
  if (!programme) return { ok: false, reason: 'missing', programmes };
  const steps = new Map<AuditId, readonly Step[]>();
  const fresh: FreshSummary[] = [];
  // An audit without a summary is scored when its steps arrive, between the browser's deliveries.
  const items = await Promise.all(
    entries.map(async ({ audit, revision, cached, steps: reading }): Promise<ProgrammeScoredAudit> => {
      if (cached) return { audit, scores: cached };
      const item = scoredItem(audit, (await reading) ?? []);
      steps.set(audit.id, item.steps);
      fresh.push({ auditId: audit.id, revision, scores: item.scores });
      return { audit, scores: item.scores };
    }),
  );
  // Its detail: how many audits were scored from their steps (none when every summary was current).
  performance.mark('peakend:programme-steps', { detail: { scored: fresh.length } });
  return { ok: true, head: buildProgrammeHead(programmes, programme, items, generatedAt), steps, fresh };
}

/** Keeps the summaries computed for the head (those whose audit changed meanwhile are left out). */
export const saveScoreSummaries = (db: PeakendDb, loaded: LoadedHead): Promise<number> =>
  loaded.fresh.length === 0 ? Promise.resolve(0) : storeScoreSummaries(db, SCORING_REVISION, loaded.fresh);

/** The whole view: the head with every audit's steps, reading only those the head did not. */
export async function loadProgrammeData(db: PeakendDb, loaded: LoadedHead): Promise<ProgrammeData> {
  const missing = loaded.head.items.map((item) => item.audit.id).filter((id) => !loaded.steps.has(id));
  const lists = await Promise.all(readStepsOfAudits(db, missing));
  const steps = new Map(loaded.steps);
  missing.forEach((id, i) => steps.set(id, lists[i] ?? []));
  return completeProgrammeData(loaded.head, (id) => steps.get(id) ?? []);
}
