// The local replica: a PouchDB database (IndexedDB in the extension) holding what this installation
// shares and what arrived from the team. Peakend's own database stays the panel's source of truth;
// the replica is what CouchDB's replication protocol copies, with its checkpoints in `_local`
// documents, so a replication cut short (the server gone, the page closed) resumes where it stopped.
import { documentsOf, stepDocPrefix, type Bundle, type ShareMark, type Sha256 } from './documents.ts';
import { getAudit, type PeakendDb } from '../store/index.ts';
import { isNotFound, type PouchDoc, type Replica } from './pouch-port.ts';

async function current(replica: Replica, id: string): Promise<PouchDoc | null> {
  try {
    return await replica.get(id);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** The step documents of one audit in the replica (winning revisions). */
export async function stepRows(replica: Replica, auditId: string, opts: { docs: boolean; attachments?: boolean }) {
  const prefix = stepDocPrefix(auditId);
  const { rows } = await replica.allDocs({
    startkey: prefix,
    endkey: `${prefix}\ufff0`,
    include_docs: opts.docs,
    conflicts: opts.docs,
    attachments: opts.attachments ?? false,
  });
  return rows.filter((row) => !row.value.deleted);
}

export interface ShareOutcome {
  written: number;
  unchanged: number;
  removed: number;
}

/**
 * Writes an audit's documents into the replica: only those whose content changed get a new revision
 * (so a re-share of an unchanged audit sends nothing), and step documents of steps the audit no longer
 * has are deleted. The next push copies the new revisions to the server.
 */
export async function shareBundle(
  replica: Replica,
  bundle: Bundle,
  share: ShareMark,
  sha256: Sha256,
): Promise<ShareOutcome> {
  const docs = await documentsOf(bundle, share, sha256);
  const outcome: ShareOutcome = { written: 0, unchanged: 0, removed: 0 };
  for (const doc of [docs.audit, ...docs.steps]) {
    const existing = await current(replica, doc._id);
    if (existing && existing.digest === doc.digest) {
      outcome.unchanged += 1;
      continue;
    }
    const next: PouchDoc = { ...doc };
    if (existing?._rev) next._rev = existing._rev;
    await replica.put(next);
    outcome.written += 1;
  }
  const keep = new Set(docs.steps.map((d) => d._id));
  for (const row of await stepRows(replica, bundle.exp.audit.id, { docs: false })) {
    if (keep.has(row.id)) continue;
    await replica.remove(row.id, row.value.rev);
    outcome.removed += 1;
  }
  return outcome;
}

/**
 * Audits the replica holds whose copy in Peakend's database changed since it was shared or taken
 * in (every edit of an audit or its steps moves the audit's `updatedAt`).
 */
export async function editedHere(replica: Replica, db: PeakendDb): Promise<string[]> {
  const { rows } = await replica.allDocs({ startkey: 'audit:', endkey: 'audit:\ufff0', include_docs: true });
  const out: string[] = [];
  for (const row of rows) {
    if (row.value.deleted || !row.doc) continue;
    const auditId = typeof row.doc.auditId === 'string' ? row.doc.auditId : null;
    const shared = (row.doc.body as { audit?: { updatedAt?: unknown } } | undefined)?.audit?.updatedAt;
    if (!auditId) continue;
    const local = await getAudit(db, auditId);
    if (local && local.updatedAt !== shared) out.push(auditId);
  }
  return out;
}
