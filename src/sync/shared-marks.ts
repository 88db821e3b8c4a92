// What this replica remembers of each audit it shared: a fingerprint of the audit as it was in
// Peakend's database (`source`, made by the caller from the stored records, without the images) and
// of the audit's documents in the replica right after (`replica`: their ids and revisions). A pass
// skips rebuilding an audit's export (which reads every image) only when both still match: the audit
// was not edited here since, and nothing changed its documents in the replica either (a pull, a
// conflict resolved, a share from elsewhere), so a rebuild would have written nothing. Kept in a
// `_local` document: never replicated, and gone with the replica.
import { auditIdOfDocId, type Sha256 } from './documents.ts';
import { isNotFound, type PouchDoc, type Replica } from './pouch-port.ts';

export interface SharedMark {
  source: string;
  replica: string;
}

export interface SharedMarks {
  _id: typeof MARKS_ID;
  _rev?: string;
  marks: Record<string, SharedMark>;
}

export const MARKS_ID = '_local/peakend-shared';

export async function readMarks(replica: Replica): Promise<SharedMarks> {
  try {
    const doc = (await replica.get(MARKS_ID)) as unknown as SharedMarks;
    return { ...doc, marks: doc.marks ?? {} };
  } catch (error) {
    if (!isNotFound(error)) throw error;
    return { _id: MARKS_ID, marks: {} };
  }
}

export async function writeMarks(replica: Replica, marks: SharedMarks): Promise<void> {
  const { rev } = await replica.put(marks as unknown as PouchDoc);
  marks._rev = rev;
}

const utf8 = new TextEncoder();

/**
 * Per audit, a digest of its documents' ids and winning revisions in the replica. Read without the
 * documents (ids and revisions only), so it costs little even for thousands of steps.
 */
export async function replicaStates(replica: Replica, sha256: Sha256): Promise<Map<string, string>> {
  const revs = new Map<string, string[]>();
  for (const range of ['audit:', 'step:']) {
    const { rows } = await replica.allDocs({ startkey: range, endkey: `${range}\ufff0` });
    for (const row of rows) {
      const auditId = auditIdOfDocId(row.id);
      if (!auditId || row.value.deleted) continue;
      const list = revs.get(auditId) ?? [];
      list.push(`${row.id} ${row.value.rev}`);
      revs.set(auditId, list);
    }
  }
  const out = new Map<string, string>();
  for (const [auditId, list] of revs) out.set(auditId, await sha256(utf8.encode(list.join('\n'))));
  return out;
}
