// One pass of sharing with a programme's server: write the audits the auditor shares into the local
// replica, push it, pull what the team shared, and take that into Peakend's database. Nothing here runs
// before a connection exists and the caller hands over audits to share; nothing runs on its own: the
// caller (the panel, see README) decides when. Every step keeps its state in the replica (CouchDB's
// replication checkpoints, the ingest checkpoint), so a pass stopped anywhere resumes on the next.
import { PeakendFailure } from '../domain/errors.ts';
import { importAudit, type PeakendDb } from '../store/index.ts';
import { checkConnection, syncProblemOf, type Connection } from './connection.ts';
import { conflictOf, inConflict, keepVersion, type AuditConflict } from './conflicts.ts';
import type { Bundle, Sha256, ShareMark } from './documents.ts';
import { checkBundle } from './arrival.ts';
import { ingest, readState, type IngestOutcome, type Refusal } from './ingest.ts';
import type { PouchFactory, Replica, ReplicationResult } from './pouch-port.ts';
import { editedHere, shareBundle } from './replica.ts';
import { readMarks, replicaStates, writeMarks } from './shared-marks.ts';

export interface SyncDeps {
  pouch: PouchFactory;
  db: () => Promise<PeakendDb>;
  sha256: Sha256;
  /** This installation's id, on every revision it writes. */
  origin: string;
  now: () => string;
  newId: () => string;
}

export interface PassOptions extends KeepOptions {
  /** The audits to share in this pass, as exports with their files. */
  bundles?: readonly Bundle[];
  /**
   * More audits to share, by id: each is built with `bundleOf` only when it changed since this
   * replica last shared it (see shared-marks.ts), so a pass with nothing changed reads no image.
   */
  share?: readonly string[];
  /**
   * A fingerprint of each audit as stored (null: none, rebuild it), made without reading images; any
   * change to what its export would hold must change it. Without it every audit in `share` is rebuilt.
   */
  fingerprints?: (auditIds: readonly string[]) => Promise<ReadonlyMap<string, string | null>>;
  /**
   * An audit's export, for audits already in the replica (shared from here or taken in from the team)
   * that were edited here since: they are shared again before anything is pulled, so an edit on
   * this machine is never written over by the server's version (both meet as a conflict instead).
   */
  bundleOf?: (auditId: string) => Promise<Bundle | null>;
  /** The sharing auditor's pseudonym. */
  by?: string;
  /** Documents per request: smaller batches mean smaller requests (a server's size limit) and finer checkpoints. */
  batchSize?: number;
  /** Only push (share) or also pull; default both. */
  pull?: boolean;
}

export interface PassReport {
  written: number;
  /** Audits whose export was built in this pass (the costly part: every image is read). */
  rebuilt: number;
  pushed: number;
  pulled: number;
  ingest: IngestOutcome;
}

/** The replica's name: one per server and database, so two programmes never mix. */
export function replicaName(conn: Pick<Connection, 'server' | 'database'>): string {
  const checked = checkConnection(conn);
  if (!checked.ok) throw new PeakendFailure(checked.problem);
  // Encoded: PouchDB reads any name holding "://" as a server address, not a local database.
  return `peakend-sync_${encodeURIComponent(checked.url)}`;
}

export function openReplica(deps: Pick<SyncDeps, 'pouch'>, conn: Connection): Replica {
  return deps.pouch(replicaName(conn));
}

function openRemote(deps: Pick<SyncDeps, 'pouch'>, conn: Connection): Replica {
  const checked = checkConnection(conn);
  if (!checked.ok) throw new PeakendFailure(checked.problem);
  return deps.pouch(checked.url, { auth: { username: conn.user, password: conn.password } });
}

function checkedResult(result: ReplicationResult): ReplicationResult {
  // A refused document fails the write, not the replication: it is an error all the same.
  if (result.doc_write_failures > 0) throw new PeakendFailure(syncProblemOf(result.errors[0]));
  return result;
}

async function replicated(run: () => PromiseLike<ReplicationResult>): Promise<ReplicationResult> {
  try {
    return checkedResult(await run());
  } catch (error) {
    if (error instanceof PeakendFailure) throw error;
    throw new PeakendFailure(syncProblemOf(error));
  }
}

export async function runPass(deps: SyncDeps, conn: Connection, opts: PassOptions = {}): Promise<PassReport> {
  const replica = openReplica(deps, conn);
  const remote = openRemote(deps, conn);
  const replicate = { batch_size: opts.batchSize ?? 10 };
  try {
    let written = 0;
    let rebuilt = 0;
    let mark: ShareMark | null = null;
    const write = async (bundle: Bundle) => {
      mark ??= { origin: deps.origin, shareId: deps.newId(), sharedAt: deps.now(), by: opts.by ?? '' };
      written += (await shareBundle(replica, bundle, mark, deps.sha256)).written;
    };
    // An audit in conflict waits for a person's choice (conflicts.ts inConflict): a new revision would
    // go on the winning leaf only and the other version would vanish. Checked only for audits about to
    // be written, so an idle pass reads no documents for it; a skipped audit gets no mark and is
    // shared again after the choice.
    const waits = async (auditId: string) => (await inConflict(replica, [auditId])).size > 0;
    const named = new Set<string>();
    for (const bundle of opts.bundles ?? []) {
      named.add(bundle.exp.audit.id);
      if (!(await waits(bundle.exp.audit.id))) await write(bundle);
    }
    const { bundleOf } = opts;
    if (bundleOf) {
      // One at a time, so a pass holds one audit's images in memory, not every shared audit's.
      const share = [...new Set(opts.share ?? [])].filter((id) => !named.has(id));
      const sources = opts.fingerprints && share.length ? await opts.fingerprints(share) : new Map<string, null>();
      const marks = await readMarks(replica);
      const before = share.length ? await replicaStates(replica, deps.sha256) : new Map<string, string>();
      const sharedNow = new Map<string, string>();
      for (const auditId of share) {
        named.add(auditId);
        const source = sources.get(auditId) ?? null;
        const known = marks.marks[auditId];
        if (source !== null && known?.source === source && known.replica === before.get(auditId)) continue;
        if (await waits(auditId)) continue;
        const bundle = await bundleOf(auditId);
        rebuilt += 1;
        if (!bundle) continue;
        await write(bundle);
        if (source !== null) sharedNow.set(auditId, source);
      }
      for (const auditId of await editedHere(replica, await deps.db())) {
        if (named.has(auditId) || (await waits(auditId))) continue;
        const bundle = await bundleOf(auditId);
        rebuilt += 1;
        if (bundle) await write(bundle);
      }
      if (sharedNow.size) {
        const after = await replicaStates(replica, deps.sha256);
        for (const [auditId, source] of sharedNow) {
          const state = after.get(auditId);
          if (state) marks.marks[auditId] = { source, replica: state };
        }
        await writeMarks(replica, marks);
      }
    }
    const pushed = await replicated(() => replica.replicate.to(remote, replicate));
    let pulled = 0;
    let outcome: IngestOutcome = { imported: [], refused: [], conflicts: [], incomplete: [], copies: [] };
    if (opts.pull !== false) {
      pulled = (await replicated(() => replica.replicate.from(remote, replicate))).docs_written;
      outcome = await ingest(replica, await deps.db(), { ...deps, ...copyKeeper(deps, opts) });
    }
    return { written, rebuilt, pushed: pushed.docs_written, pulled, ingest: outcome };
  } finally {
    await remote.close().catch(() => undefined);
    await replica.close().catch(() => undefined);
  }
}

/** What the panel lists: refused documents and audits in conflict, with their versions. */
export async function syncStatus(
  deps: Pick<SyncDeps, 'pouch'>,
  conn: Connection,
): Promise<{ refused: Refusal[]; conflicts: AuditConflict[] }> {
  const replica = openReplica(deps, conn);
  try {
    const state = await readState(replica);
    const conflicts: AuditConflict[] = [];
    for (const auditId of state.conflicts) {
      const conflict = await conflictOf(replica, auditId);
      if (conflict) conflicts.push(conflict);
    }
    return { refused: state.refused, conflicts };
  } finally {
    await replica.close().catch(() => undefined);
  }
}

export interface KeepOptions {
  /** This machine's audit as an export: edits made here that no version holds are kept as a copy. */
  bundleOf?: (auditId: string) => Promise<Bundle | null>;
  /** The copy's site, in the person's language. */
  copySite?: (site: string) => string;
}

/**
 * A person chose a version: the others are deleted in the replica, the chosen one is taken into
 * Peakend's database, and the choice is pushed so the server (and every other machine) has it too.
 */
export async function resolveConflict(
  deps: SyncDeps,
  conn: Connection,
  auditId: string,
  shareId: string,
  opts: KeepOptions = {},
): Promise<{ copy: string | null }> {
  const replica = openReplica(deps, conn);
  const remote = openRemote(deps, conn);
  try {
    await keepVersion(replica, auditId, shareId);
    const taken = await ingest(replica, await deps.db(), {
      ...deps,
      ...copyKeeper(deps, opts),
      force: new Set([auditId]),
    });
    await replicated(() => replica.replicate.to(remote, { batch_size: 10 }));
    return { copy: taken.copies[0] ?? null };
  } finally {
    await remote.close().catch(() => undefined);
    await replica.close().catch(() => undefined);
  }
}

/**
 * While an audit waits for a person's choice nothing of it is shared, so an edit made here meanwhile
 * is in no version: taking the chosen one in would write over it. The ingest (which knows when the
 * conflict was seen) asks for such an audit to be kept first as a copy under new ids, checked as any
 * import is, so nothing is lost silently.
 */
function copyKeeper(deps: SyncDeps, opts: KeepOptions): { keepCopy?: (auditId: string) => Promise<string | null> } {
  const { bundleOf } = opts;
  if (!bundleOf) return {};
  return {
    keepCopy: async (auditId) => {
      const bundle = await bundleOf(auditId);
      if (!bundle) return null;
      const checked = await checkBundle(bundle, `local:${auditId}`, deps.sha256);
      if (!checked.ok) throw new PeakendFailure(checked.problem);
      const outcome = await importAudit(await deps.db(), checked.plan, {
        onClash: 'keep-both',
        ...(opts.copySite ? { copySite: opts.copySite } : {}),
      });
      return outcome.auditId;
    },
  };
}
