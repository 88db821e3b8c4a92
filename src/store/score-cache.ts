// Per-audit score summaries for the programme view (migration 5), so that its first tables need one
// small record per audit instead of every step of every audit (6,000 steps at 200 audits).
//
// Why a summary can never be used stale: every transaction of this store that writes an audit or
// one of its steps also calls touchScores() for that audit, after its writes, which moves the
// audit's revision in the SAME transaction and, for an ended audit, computes its summary there from
// the audit and steps as written (computeScores needs nothing else: the rubric is the code's, by the
// audit's rubric version); for any other audit it drops the summary, so the recorder's writes cost no
// more than a revision (a running audit changes at every step and is seldom in a programme's tables).
// The view reads the audits, their records and (for an audit without a usable summary) the steps in
// one readonly transaction, so what it scores is the data of the revision it read;
// storeScoreSummaries() then keeps a summary only if the revision is still that one. A summary also
// names the build of the scoring code that computed it (`scoring`): one from an older build is not
// used. A new write path over 'audits' or 'steps' must call touchScores() with 'audits', 'steps' and
// 'scoreCache' in its transaction; test/unit/store/score-cache.test.ts writes through each one.
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Audit, AuditId, Step } from '../domain/model.ts';
import type { ScoreSummary } from '../domain/programme-view/metrics.ts';
import { SCORING_REVISION, scoreSummaryOf } from '../domain/programme-view/summary.ts';
import type { PeakendDb } from './db.ts';
import { guarded } from './errors.ts';
import type { PeakendSchema } from './schema.ts';

type WriteTx = IDBPTransaction<PeakendSchema, ArrayLike<StoreNames<PeakendSchema>>, 'readwrite'>;

/**
 * Marks the audit's inputs changed: a new revision, and the summary of the audit as now stored if it
 * is ended, else none. Call in the transaction that writes, after its writes of the audit and its
 * steps; `written` is the audit as this transaction wrote it (read here when not given).
 */
export async function touchScores(tx: WriteTx, auditId: AuditId, written?: Audit): Promise<void> {
  const store = tx.objectStore('scoreCache');
  const [audit, current] = await Promise.all([written ?? tx.objectStore('audits').get(auditId), store.get(auditId)]);
  const revision = (current?.revision ?? 0) + 1;
  if (audit?.status !== 'ended') {
    await store.put({ auditId, revision, summary: null });
    return;
  }
  const steps = await tx
    .objectStore('steps')
    .index('by-audit')
    .getAll(IDBKeyRange.bound([auditId, -Infinity], [auditId, Infinity]));
  const summary = { scoring: SCORING_REVISION, scores: scoreSummaryOf(audit, steps) };
  await store.put({ auditId, revision, summary });
}

export interface ScoreEntry {
  audit: Audit;
  /** The revision the audit (and `steps`) were read at; 0 when no write has touched it yet. */
  revision: number;
  /** The stored summary, computed from exactly this revision by the same scoring build; else null. */
  cached: ScoreSummary | null;
  /** Only when `cached` is null: the audit's steps in journey order, read in the same transaction. */
  steps: Promise<Step[]> | null;
}

/**
 * Every audit (newest first, as listAudits) and, for those `select` keeps, their stored summaries,
 * reading the steps only of those without a usable one: all in one readonly transaction, so each
 * entry's audit, revision and steps belong together.
 */
export async function readAuditScores(
  db: PeakendDb,
  scoring: string,
  select: (audits: Audit[]) => readonly Audit[],
): Promise<{ audits: Audit[]; entries: ScoreEntry[] }> {
  const tx = db.transaction(['audits', 'steps', 'scoreCache'], 'readonly');
  const [byUpdated, records] = await Promise.all([
    tx.objectStore('audits').index('by-updated').getAll(),
    tx.objectStore('scoreCache').getAll(),
  ]);
  const audits = byUpdated.reverse();
  const byAudit = new Map(records.map((r) => [r.auditId, r]));
  const steps = tx.objectStore('steps').index('by-audit');
  const entries = select(audits).map((audit): ScoreEntry => {
    const record = byAudit.get(audit.id);
    const cached = record?.summary?.scoring === scoring ? record.summary.scores : null;
    return {
      audit,
      revision: record?.revision ?? 0,
      cached,
      steps: cached ? null : steps.getAll(IDBKeyRange.bound([audit.id, -Infinity], [audit.id, Infinity])),
    };
  });
  return { audits, entries };
}

export interface FreshSummary {
  auditId: AuditId;
  /** The revision its inputs were read at (ScoreEntry.revision). */
  revision: number;
  scores: ScoreSummary;
}

/**
 * Stores summaries computed by `scoring`, each only if its audit's revision has not moved since it
 * was read (a write meanwhile makes it stale: it is left out). Returns how many were stored.
 */
export function storeScoreSummaries(db: PeakendDb, scoring: string, fresh: readonly FreshSummary[]): Promise<number> {
  return guarded(async () => {
    const tx = db.transaction('scoreCache', 'readwrite');
    const current = await Promise.all(fresh.map((f) => tx.store.get(f.auditId)));
    const still = fresh.filter((f, i) => (current[i]?.revision ?? 0) === f.revision);
    await Promise.all(
      still.map((f) =>
        tx.store.put({ auditId: f.auditId, revision: f.revision, summary: { scoring, scores: f.scores } }),
      ),
    );
    await tx.done;
    return still.length;
  });
}
