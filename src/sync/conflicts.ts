// An audit edited on two machines while apart: CouchDB keeps both revisions of each document it
// cannot order (`_conflicts`) and picks a winner only to have one to show. Peakend does not take that
// pick: the audit is marked as in conflict, nothing of it is written into the panel's database, and a
// person chooses which version to keep. The versions are the shares that wrote the leaves, told apart
// by their share id, with who shared them and when, and what each holds that the other does not
// (per step, its note when the notes differ), so the person choosing sees what would be removed.
import { auditDocId, type ShareMark } from './documents.ts';
import { isNotFound, type PouchDoc, type Replica } from './pouch-port.ts';
import { stepRows } from './replica.ts';

/** A step whose documents differ between the versions, as one version has it. */
export interface StepDifference {
  /** The step's position, 1-based as the panel numbers steps. */
  step: number;
  /** This version's note when the versions' notes differ; null when they differ elsewhere (ratings, findings). */
  note: string | null;
}

export interface ConflictVersion {
  shareId: string;
  origin: string;
  by: string;
  sharedAt: string;
  /** The audit's own last edit in that version, when its audit document is one of the leaves. */
  updatedAt: string | null;
  /** The version CouchDB would show if nobody chose. */
  winning: boolean;
  /** The steps this version holds differently from the others, in step order. */
  differs: StepDifference[];
}

export interface AuditConflict {
  auditId: string;
  /** The audited site as the audit document has it, so a person knows which audit this is; null if absent. */
  site: string | null;
  versions: ConflictVersion[];
}

function markOf(doc: PouchDoc): ShareMark | null {
  const share = doc.share as Partial<ShareMark> | undefined;
  if (!share || typeof share.shareId !== 'string') return null;
  return {
    shareId: share.shareId,
    origin: String(share.origin ?? ''),
    by: String(share.by ?? ''),
    sharedAt: String(share.sharedAt ?? ''),
  };
}

const stepOf = (doc: PouchDoc): { index?: unknown; note?: unknown } | undefined =>
  doc.step as { index?: unknown; note?: unknown } | undefined;

/** Each leaf's difference in a conflicted step document; none where the leaves hold the same content. */
function differences(leaves: readonly PouchDoc[]): (StepDifference | null)[] {
  if (new Set(leaves.map((leaf) => leaf.digest)).size < 2) return leaves.map(() => null);
  const notes = leaves.map((leaf) => stepOf(leaf)?.note);
  const notesDiffer = new Set(notes).size > 1;
  return leaves.map((leaf, i) => {
    const index = stepOf(leaf)?.index;
    if (typeof index !== 'number') return null;
    const note = notes[i];
    return { step: index + 1, note: notesDiffer ? (typeof note === 'string' ? note : '') : null };
  });
}

const siteOf = (doc: PouchDoc): string | null => {
  const audit = (doc.body as { audit?: { site?: unknown } } | undefined)?.audit;
  return typeof audit?.site === 'string' && audit.site !== '' ? audit.site : null;
};

const updatedAtOf = (doc: PouchDoc): string | null => {
  const audit = (doc.body as { audit?: { updatedAt?: unknown } } | undefined)?.audit;
  return typeof audit?.updatedAt === 'string' ? audit.updatedAt : null;
};

/** Every document of the audit that has conflicting leaves, with all its leaves read. */
async function conflictedDocs(
  replica: Replica,
  auditId: string,
): Promise<{ id: string; leaves: PouchDoc[]; site: string | null }[]> {
  const docs: PouchDoc[] = [];
  try {
    docs.push(await replica.get(auditDocId(auditId), { conflicts: true }));
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const site = docs[0] ? siteOf(docs[0]) : null;
  for (const row of await stepRows(replica, auditId, { docs: true })) if (row.doc) docs.push(row.doc);
  const out: { id: string; leaves: PouchDoc[]; site: string | null }[] = [];
  for (const doc of docs) {
    if (!doc._conflicts?.length) continue;
    const leaves = [doc];
    for (const rev of doc._conflicts) leaves.push(await replica.get(doc._id, { rev }));
    out.push({ id: doc._id, leaves, site });
  }
  return out;
}

/**
 * The audits among `auditIds` whose documents in the replica have conflicting leaves. A share must
 * not write over them: a new revision goes on top of the winning leaf only, so the version that lost
 * CouchDB's arbitrary pick would vanish from the leaves before anyone chose.
 */
export async function inConflict(replica: Replica, auditIds: Iterable<string>): Promise<Set<string>> {
  const out = new Set<string>();
  for (const auditId of new Set(auditIds)) if ((await conflictedDocs(replica, auditId)).length > 0) out.add(auditId);
  return out;
}

/** The audit's conflict, or null when every document of it has one revision. */
export async function conflictOf(replica: Replica, auditId: string): Promise<AuditConflict | null> {
  const docs = await conflictedDocs(replica, auditId);
  if (docs.length === 0) return null;
  const versions = new Map<string, ConflictVersion>();
  for (const { id, leaves } of docs) {
    const isAudit = id === auditDocId(auditId);
    const differs = isAudit ? leaves.map(() => null) : differences(leaves);
    leaves.forEach((leaf, i) => {
      const mark = markOf(leaf);
      if (!mark) return;
      const updatedAt = isAudit ? updatedAtOf(leaf) : null;
      let version = versions.get(mark.shareId);
      if (version) {
        version.updatedAt ??= updatedAt;
        version.winning ||= i === 0;
      } else {
        version = { ...mark, updatedAt, winning: i === 0, differs: [] };
        versions.set(mark.shareId, version);
      }
      const difference = differs[i];
      if (difference) version.differs.push(difference);
    });
  }
  for (const version of versions.values()) version.differs.sort((a, b) => a.step - b.step);
  return {
    auditId,
    site: docs[0]!.site,
    versions: [...versions.values()].sort((a, b) => a.sharedAt.localeCompare(b.sharedAt)),
  };
}

/**
 * Keeps the chosen version: in each conflicted document the leaf that version wrote (or, where it
 * wrote none, the current one) stays and the other leaves are deleted, as CouchDB resolves a
 * conflict; the deletions replicate like any edit, so every machine ends with the same choice.
 */
export async function keepVersion(replica: Replica, auditId: string, shareId: string): Promise<number> {
  let removed = 0;
  for (const { id, leaves } of await conflictedDocs(replica, auditId)) {
    const keep = leaves.find((leaf) => markOf(leaf)?.shareId === shareId) ?? leaves[0];
    for (const leaf of leaves) {
      if (leaf === keep || !leaf._rev) continue;
      await replica.remove(id, leaf._rev);
      removed += 1;
    }
  }
  return removed;
}
