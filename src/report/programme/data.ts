// Everything the programme view (and its exports) is made from: the programme's audits with their
// steps and computed scores, and programmeStats() over them. Only audit and step records are read
// (the steps of all its audits in one transaction): the view shows no screenshot, so no image is
// loaded however many audits the programme holds.
import type { Audit, UtcIso } from '../../domain/model.ts';
import {
  programmeStats,
  programmesIn,
  type ProgrammeEntry,
  type ProgrammeItem,
  type ProgrammeStats,
} from '../../domain/programme-view/index.ts';
import { rubricOf } from '../../domain/rubric.ts';
import { computeScores } from '../../domain/scores/index.ts';
import { listAudits, listStepsOfAudits, type PeakendDb } from '../../store/index.ts';

export interface ProgrammeData {
  /** Every programme in the store, by name (for the picker). */
  programmes: ProgrammeEntry[];
  programme: ProgrammeEntry;
  items: ProgrammeItem[];
  stats: ProgrammeStats;
  generatedAt: UtcIso;
}

/** Pure: the view of audits and steps that are already loaded. */
export function buildProgrammeData(
  programmes: ProgrammeEntry[],
  programme: ProgrammeEntry,
  loaded: ReadonlyArray<Omit<ProgrammeItem, 'scores'>>,
  generatedAt: UtcIso = new Date().toISOString(),
): ProgrammeData {
  const items = loaded.map(({ audit, steps }) => ({
    audit,
    steps,
    scores: computeScores(audit, [...steps], rubricOf(audit)),
  }));
  return { programmes, programme, items, stats: programmeStats(items), generatedAt };
}

export type LoadProgrammeResult =
  { ok: true; data: ProgrammeData } | { ok: false; reason: 'no-programmes' | 'missing'; programmes: ProgrammeEntry[] };

/** The programme `id` (null: the first by name) with its audits' steps, read in one pass each. */
export async function loadProgrammeData(
  db: PeakendDb,
  id: string | null,
  generatedAt: UtcIso = new Date().toISOString(),
): Promise<LoadProgrammeResult> {
  const audits = (await listAudits(db)).filter((a) => a.status !== 'plan');
  // The bench reads these marks (with the page's own): audits read, steps read.
  performance.mark('peakend:programme-audits');
  const programmes = programmesIn(audits);
  if (programmes.length === 0) return { ok: false, reason: 'no-programmes', programmes };
  const programme = id === null ? programmes[0] : programmes.find((p) => p.id === id);
  if (!programme) return { ok: false, reason: 'missing', programmes };
  const members = audits.filter((a: Audit) => a.programme?.id === programme.id);
  const steps = await listStepsOfAudits(
    db,
    members.map((a) => a.id),
  );
  performance.mark('peakend:programme-steps');
  const loaded = members.map((audit) => ({ audit, steps: steps.get(audit.id) ?? [] }));
  return { ok: true, data: buildProgrammeData(programmes, programme, loaded, generatedAt) };
}
