// Versioned migrations: migration N takes a database at version N-1 to version N. Opening runs every
// one between the stored version and DB_VERSION, so any older database reaches the current shape.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { PeakendSchema, StoreName } from './schema.ts';

type UpgradeTx = IDBPTransaction<PeakendSchema, StoreName[], 'versionchange'>;
export type Migration = (db: IDBPDatabase<PeakendSchema>, tx: UpgradeTx) => void;

/**
 * Touchpoint evidence: attachment metadata apart from its bytes, as screenshots are. Steps need no
 * rewrite: one without a `kind` is a page. Its own function, so it can move to another number.
 */
export const addAttachmentStores: Migration = (db) => {
  const attachments = db.createObjectStore('attachments', { keyPath: 'id' });
  attachments.createIndex('by-audit', 'auditId');
  attachments.createIndex('by-step', 'stepId');
  const blobs = db.createObjectStore('attachmentBlobs', { keyPath: ['attachmentId', 'kind'] });
  blobs.createIndex('by-attachment', 'attachmentId');
};

/** Channel probes (src/domain/probes.ts), one record each, found by audit. */
export const addProbeStore: Migration = (db) => {
  db.createObjectStore('probes', { keyPath: 'id' }).createIndex('by-audit', 'auditId');
};

/**
 * The programme view's per-audit score summaries (src/store/score-cache.ts). Starts empty: an audit
 * without a record is scored from its steps the first time the view shows it.
 */
export const addScoreCache: Migration = (db) => {
  db.createObjectStore('scoreCache', { keyPath: 'auditId' });
};

export const MIGRATIONS: readonly Migration[] = [
  // 1: audits, steps, screenshot metadata, blobs and the active-audit record.
  (db) => {
    const audits = db.createObjectStore('audits', { keyPath: 'id' });
    audits.createIndex('by-updated', 'updatedAt');
    const steps = db.createObjectStore('steps', { keyPath: 'id' });
    steps.createIndex('by-audit', ['auditId', 'index']);
    const shots = db.createObjectStore('screenshots', { keyPath: 'id' });
    shots.createIndex('by-audit', 'auditId');
    shots.createIndex('by-step', 'stepId');
    const blobs = db.createObjectStore('blobs', { keyPath: ['shotId', 'kind'] });
    blobs.createIndex('by-shot', 'shotId');
    db.createObjectStore('meta');
  },
  // 2: the user's journey templates, every saved version kept (key: [id, version]).
  (db) => {
    const templates = db.createObjectStore('templates', { keyPath: ['id', 'version'] });
    templates.createIndex('by-id', 'id');
  },
  // 3: attachments of touchpoint steps (src/domain/touchpoints.ts).
  addAttachmentStores,
  // 4: channel probes.
  addProbeStore,
  // 5: score summaries for the programme view.
  addScoreCache,
];

export const DB_VERSION = MIGRATIONS.length;

export function runMigrations(db: IDBPDatabase<PeakendSchema>, tx: UpgradeTx, from: number, to: number): void {
  for (let version = from + 1; version <= to; version++) {
    const migrate = MIGRATIONS[version - 1];
    if (!migrate) throw new Error(`No migration to database version ${version}`);
    migrate(db, tx);
  }
}
