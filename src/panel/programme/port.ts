// What the Programme section needs from the outside world, behind one interface: extension storage,
// the host permission, and the sync itself (src/sync). The extension wires it to the browser
// (extension.ts); UI tests wire the same port to Node's PouchDB and the test server.
import { listAudits, type PeakendDb } from '../../store/index.ts';
import { PeakendFailure } from '../../domain/errors.ts';
import { t } from '../../i18n/t.ts';
import type { Connection } from '../../sync/connection.ts';
import type { Sha256 } from '../../sync/documents.ts';
import { resolveConflict, runPass, syncStatus, type PassReport, type SyncDeps } from '../../sync/engine.ts';
import type { AuditConflict } from '../../sync/conflicts.ts';
import type { Refusal } from '../../sync/ingest.ts';
import type { PouchFactory } from '../../sync/pouch-port.ts';
import { auditBundle, auditFingerprints } from '../sync-bundle.ts';
import { loadSettings, saveSettings, type ProgrammeSettings, type SettingsArea } from './settings.ts';

export interface SyncStatus {
  refused: Refusal[];
  conflicts: AuditConflict[];
}

export interface ProgrammePort {
  load(): Promise<ProgrammeSettings>;
  save(settings: ProgrammeSettings): Promise<void>;
  /** Asks for the server's host permission; call it first thing in a click (it needs the gesture). */
  requestHost(origin: string): Promise<boolean>;
  /** Whether the person still allows sharing (Firefox's data collection, withdrawable in about:addons). */
  consented(): Promise<boolean>;
  /** One pass: share what the settings say, push, pull, take in. */
  pass(settings: ProgrammeSettings): Promise<PassReport>;
  /** When a pass last ran (ms since the epoch): now while one runs or waits; null before any. */
  lastPass(): number | null;
  status(settings: ProgrammeSettings): Promise<SyncStatus>;
  /** Keeps a version; edits made here that no version holds are kept first as a copy (its id). */
  keep(settings: ProgrammeSettings, auditId: string, shareId: string): Promise<{ copy: string | null }>;
}

/** The audits a pass shares: those the auditor shared, and every ended one when that is on. */
export async function auditsToShare(db: PeakendDb, settings: ProgrammeSettings): Promise<string[]> {
  const audits = await listAudits(db);
  return audits
    .filter((a) => settings.shared.includes(a.id) || (settings.shareFinished && a.status === 'ended'))
    .map((a) => a.id);
}

export interface ProgrammeWiring {
  area: SettingsArea;
  requestHost: (origin: string) => Promise<boolean>;
  /** Whether the person still allows sharing (Firefox's data collection; absent: always). */
  consented?: () => Promise<boolean>;
  pouch: PouchFactory;
  sha256: Sha256;
  db: () => Promise<PeakendDb>;
  /** The extension's version, in the shared exports' generator field. */
  version: string | null;
}

/**
 * Runs the port's replica work one call at a time. PouchDB's IndexedDB adapter shares one connection
 * between every handle on the same replica, so a pass that ends closes it under a pass still running
 * (the pass the library starts on connecting, and a Share clicked at once, failed that way).
 */
function oneAtATime(): <T>(work: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (work) => {
    const next = last.then(work, work);
    last = next.catch(() => undefined);
    return next;
  };
}

const copySite = (site: string) => t('programme_copySite', site);

export function programmePort(w: ProgrammeWiring): ProgrammePort {
  const queued = oneAtATime();
  let passing = 0;
  let lastEnded: number | null = null;
  const deps = (settings: ProgrammeSettings): SyncDeps => ({
    pouch: w.pouch,
    db: w.db,
    sha256: w.sha256,
    origin: settings.origin,
    now: () => new Date().toISOString(),
    newId: () => crypto.randomUUID(),
  });
  const connection = (settings: ProgrammeSettings): Connection => {
    if (!settings.connection) throw new PeakendFailure({ code: 'sync-not-connected' });
    return settings.connection;
  };
  // Withdrawn (about:addons) since Connect: nothing leaves, and Connect can ask again.
  const consentHeld = async () => {
    if (w.consented && !(await w.consented())) throw new PeakendFailure({ code: 'sync-consent-withdrawn' });
  };
  return {
    load: () => loadSettings(w.area),
    save: (settings) => saveSettings(w.area, settings),
    requestHost: (origin) => w.requestHost(origin),
    consented: () => w.consented?.() ?? Promise.resolve(true),
    pass: (settings) => {
      passing += 1;
      return queued(async () => {
        const conn = connection(settings);
        await consentHeld();
        const db = await w.db();
        return runPass(deps(settings), conn, {
          share: await auditsToShare(db, settings),
          fingerprints: (auditIds) => auditFingerprints(db, auditIds, w.version, w.sha256),
          bundleOf: (auditId) => auditBundle(db, auditId, w.version),
          copySite,
          by: conn.user,
        });
      }).finally(() => {
        passing -= 1;
        lastEnded = Date.now();
      });
    },
    lastPass: () => (passing > 0 ? Date.now() : lastEnded),
    status: (settings) => queued(() => syncStatus(deps(settings), connection(settings))),
    keep: (settings, auditId, shareId) =>
      queued(async () => {
        await consentHeld();
        const db = await w.db();
        return resolveConflict(deps(settings), connection(settings), auditId, shareId, {
          bundleOf: (id) => auditBundle(db, id, w.version),
          copySite,
        });
      }),
  };
}
