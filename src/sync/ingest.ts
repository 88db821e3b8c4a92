// From the replica into Peakend's database: every audit whose documents changed since the last pass
// (a checkpoint in the replica's `_local` state, so a pass cut short starts again where it was) is
// glued back into an export and checked as an import; a bad one is refused and named in the state
// (the panel lists it), the rest go on. Audits in conflict wait for a person; audits this installation
// wrote itself are already in its database.
import type { ImportProblem } from '../domain/import/errors.ts';
import { getAudit, importAudit, type PeakendDb } from '../store/index.ts';
import { checkArrival } from './arrival.ts';
import { auditDocId, auditIdOfDocId, stepDocPrefix, type ShareMark, type Sha256 } from './documents.ts';
import { isNotFound, type PouchDoc, type Replica } from './pouch-port.ts';
import { stepRows } from './replica.ts';

export interface Refusal {
  /** The document named to the auditor (the audit's). */
  docId: string;
  auditId: string;
  problem: ImportProblem;
  at: string;
}

export interface SyncState {
  _id: typeof STATE_ID;
  _rev?: string;
  /** The replica's update sequence up to which arrivals were taken in. */
  seq: number | string;
  refused: Refusal[];
  conflicts: string[];
  /** The revisions each audit was last taken in at: a pass does not write the same version twice. */
  taken: Record<string, string>;
  /**
   * For each audit in conflict, this computer's last edit when the conflict was first seen: nothing
   * of it is shared until a person chooses, so a later edit is in no version and is kept as a copy
   * before the chosen version is taken in.
   */
  seenInConflict: Record<string, string>;
}

export const STATE_ID = '_local/peakend-sync';

export async function readState(replica: Replica): Promise<SyncState> {
  try {
    const doc = (await replica.get(STATE_ID)) as unknown as SyncState;
    return {
      ...doc,
      refused: doc.refused ?? [],
      conflicts: doc.conflicts ?? [],
      taken: doc.taken ?? {},
      seenInConflict: doc.seenInConflict ?? {},
    };
  } catch (error) {
    if (!isNotFound(error)) throw error;
    return { _id: STATE_ID, seq: 0, refused: [], conflicts: [], taken: {}, seenInConflict: {} };
  }
}

async function writeState(replica: Replica, state: SyncState): Promise<void> {
  const { rev } = await replica.put(state as unknown as PouchDoc);
  state._rev = rev;
}

export interface IngestOptions {
  origin: string;
  sha256: Sha256;
  now: () => string;
  /** Audits to take in whatever their origin (after a person chose another machine's version). */
  force?: ReadonlySet<string>;
  /** Keeps this computer's audit as a copy under new ids; returns the copy's id. */
  keepCopy?: (auditId: string) => Promise<string | null>;
}

export interface IngestOutcome {
  imported: string[];
  refused: Refusal[];
  conflicts: string[];
  /** Audits whose step documents have not all arrived yet. */
  incomplete: string[];
  /** Copies kept of audits edited here while they were in conflict. */
  copies: string[];
}

const shareOf = (doc: PouchDoc): Partial<ShareMark> => (doc.share as Partial<ShareMark> | undefined) ?? {};

export async function ingest(replica: Replica, db: PeakendDb, opts: IngestOptions): Promise<IngestOutcome> {
  const state = await readState(replica);
  const changes = await replica.changes({ since: state.seq, return_docs: true });
  const touched = new Set<string>(opts.force ?? []);
  for (const change of changes.results) {
    const auditId = auditIdOfDocId(change.id);
    if (auditId) touched.add(auditId);
  }
  // Audits still in conflict are looked at again: a resolution may have arrived from elsewhere.
  for (const auditId of state.conflicts) touched.add(auditId);
  const outcome: IngestOutcome = { imported: [], refused: [], conflicts: [], incomplete: [], copies: [] };
  const conflicts = new Set(state.conflicts);
  const refuse = (refusal: Refusal) => {
    state.refused = [...state.refused.filter((r) => r.docId !== refusal.docId), refusal];
    outcome.refused.push(refusal);
  };

  for (const auditId of touched) {
    let auditDoc: PouchDoc;
    try {
      auditDoc = await replica.get(auditDocId(auditId), { conflicts: true, attachments: true });
    } catch (error) {
      if (isNotFound(error)) continue; // its steps came first; the audit's arrival brings it back here
      throw error;
    }
    const rows = await stepRows(replica, auditId, { docs: true, attachments: true });
    const stepDocs = rows.flatMap((row) => (row.doc ? [row.doc] : []));
    const all = [auditDoc, ...stepDocs];
    if (all.some((doc) => (doc._conflicts?.length ?? 0) > 0)) {
      if (!(auditId in state.seenInConflict)) {
        const local = await getAudit(db, auditId);
        if (local) state.seenInConflict[auditId] = local.updatedAt;
      }
      conflicts.add(auditId);
      outcome.conflicts.push(auditId);
      continue;
    }
    conflicts.delete(auditId);
    const ours = all.every((doc) => shareOf(doc).origin === opts.origin);
    if (!opts.force?.has(auditId) && (ours || state.taken[auditId] === stateKey(all))) {
      delete state.seenInConflict[auditId];
      continue;
    }

    const prefix = stepDocPrefix(auditId);
    const steps = new Map(stepDocs.map((doc) => [doc._id.slice(prefix.length), doc as Record<string, unknown>]));
    const arrival = await checkArrival({ audit: auditDoc, steps }, `couchdb:${auditDoc._id}`, opts.sha256);
    if (arrival.ok === 'incomplete') {
      outcome.incomplete.push(auditId);
      continue;
    }
    if (!arrival.ok) {
      refuse({ docId: auditDoc._id, auditId, problem: arrival.problem, at: opts.now() });
      continue;
    }
    // A document may not speak for another audit than the one its id names.
    if (arrival.plan.audit.id !== auditId) {
      refuse({
        docId: auditDoc._id,
        auditId,
        problem: { code: 'broken-reference', path: 'audit.id', id: arrival.plan.audit.id },
        at: opts.now(),
      });
      continue;
    }
    const seenAt = state.seenInConflict[auditId];
    if (seenAt !== undefined && opts.keepCopy) {
      const local = await getAudit(db, auditId);
      const copy = local && local.updatedAt !== seenAt ? await opts.keepCopy(auditId) : null;
      if (copy) outcome.copies.push(copy);
    }
    delete state.seenInConflict[auditId];
    await importAudit(db, arrival.plan, { onClash: 'replace' });
    state.refused = state.refused.filter((r) => r.auditId !== auditId);
    state.taken[auditId] = stateKey(all);
    outcome.imported.push(auditId);
  }
  state.seq = changes.last_seq;
  state.conflicts = [...conflicts];
  await writeState(replica, state);
  return outcome;
}

/** The revisions an audit was taken in at: the same set again is not written twice. */
const stateKey = (docs: readonly PouchDoc[]): string =>
  docs
    .map((doc) => `${doc._id}@${doc._rev ?? ''}`)
    .sort()
    .join(',');
