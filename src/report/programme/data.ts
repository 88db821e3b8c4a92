// Everything the programme view (and its exports) is made from: the programme's audits with their
// steps and computed scores, and programmeStats() over them. Only audit and step records are read
// (the steps of all its audits in one transaction): the view shows no screenshot, so no image is
// loaded however many audits the programme holds.
//
// The page draws in two parts: first the cover and the table of sites x waves (ProgrammeHead: each
// audit's scores and the cells), then the rest (stage ease, recurring findings, spread, trends),
// computed once from the same items. Scores are computed with computeScores, as the reports do,
// each audit's as soon as its steps arrive, while the browser reads the next audit's.
import type { Audit, UtcIso } from '../../domain/model.ts';
import {
  programmeDetailStats,
  programmeScoreStats,
  programmesIn,
  type ProgrammeEntry,
  type ProgrammeItem,
  type ProgrammeScoreStats,
  type ProgrammeStats,
} from '../../domain/programme-view/index.ts';
import { rubricOf } from '../../domain/rubric.ts';
import { computeScores } from '../../domain/scores/index.ts';
import type { Step } from '../../domain/model.ts';
import { listAudits, readStepsOfAudits, type PeakendDb } from '../../store/index.ts';

/** What the first part of the page needs: every audit scored, and the site x wave cells. */
export interface ProgrammeHead {
  /** Every programme in the store, by name (for the picker). */
  programmes: ProgrammeEntry[];
  programme: ProgrammeEntry;
  items: ProgrammeItem[];
  stats: ProgrammeScoreStats;
  generatedAt: UtcIso;
}

export interface ProgrammeData extends ProgrammeHead {
  stats: ProgrammeStats;
}

/** One audit with its scores, from the same function as the audit's report. */
export const scoredItem = (audit: Audit, steps: readonly Step[]): ProgrammeItem => ({
  audit,
  steps,
  scores: computeScores(audit, [...steps], rubricOf(audit)),
});

/** Pure: the head of the view from items already scored. */
export function buildProgrammeHead(
  programmes: ProgrammeEntry[],
  programme: ProgrammeEntry,
  items: ProgrammeItem[],
  generatedAt: UtcIso = new Date().toISOString(),
): ProgrammeHead {
  return { programmes, programme, items, stats: programmeScoreStats(items), generatedAt };
}

/** Pure: the whole view from its head (the items and cells are reused, not computed again). */
export const completeProgrammeData = (head: ProgrammeHead): ProgrammeData => ({
  ...head,
  stats: programmeDetailStats(head.items, head.stats),
});

/** Pure: the view of audits and steps that are already loaded. */
export function buildProgrammeData(
  programmes: ProgrammeEntry[],
  programme: ProgrammeEntry,
  loaded: ReadonlyArray<Omit<ProgrammeItem, 'scores'>>,
  generatedAt: UtcIso = new Date().toISOString(),
): ProgrammeData {
  const items = loaded.map(({ audit, steps }) => scoredItem(audit, steps));
  return completeProgrammeData(buildProgrammeHead(programmes, programme, items, generatedAt));
}

export type LoadProgrammeResult =
  { ok: true; head: ProgrammeHead } | { ok: false; reason: 'no-programmes' | 'missing'; programmes: ProgrammeEntry[] };

/** The programme `id` (null: the first by name) with its audits' steps, read in one transaction. */
export async function loadProgrammeHead(
  db: PeakendDb,
  id: string | null,
  generatedAt: UtcIso = new Date().toISOString(),
): Promise<LoadProgrammeResult> {
  const audits = (await listAudits(db)).filter((a) => a.status !== 'plan');
  // The bench reads these marks (with the page's own): audits read, steps read and scored.
  performance.mark('peakend:programme-audits');
  const programmes = programmesIn(audits);
  if (programmes.length === 0) return { ok: false, reason: 'no-programmes', programmes };
  const programme = id === null ? programmes[0] : programmes.find((p) => p.id === id);
  if (!programme) return { ok: false, reason: 'missing', programmes };
  const members = audits.filter((a: Audit) => a.programme?.id === programme.id);
  const reads = readStepsOfAudits(
    db,
    members.map((a) => a.id),
  );
  // Each audit is scored when its steps arrive, between the browser's deliveries of the others.
  const items = await Promise.all(
    members.map((audit, i) => (reads[i] ?? Promise.resolve([])).then((steps) => scoredItem(audit, steps))),
  );
  performance.mark('peakend:programme-steps');
  return { ok: true, head: buildProgrammeHead(programmes, programme, items, generatedAt) };
}
