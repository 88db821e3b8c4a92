// Two Peakend profiles (two fake IndexedDBs) and the sync's real core over PouchDB's memory adapter,
// talking to the CouchDB-protocol test server (test/support/couch-server.ts) over HTTP.
import { IDBFactory } from 'fake-indexeddb';
import { importAudit, openPeakendDb, resetDbCache, type PeakendDb } from '../../../src/store/index.ts';
import { auditBundle } from '../../../src/panel/sync-bundle.ts';
import type { Connection } from '../../../src/sync/connection.ts';
import type { SyncDeps } from '../../../src/sync/engine.ts';
import type { PouchFactory, Replica } from '../../../src/sync/pouch-port.ts';
import type { Bundle } from '../../../src/sync/documents.ts';
import { fixture, prepare, sha256 } from '../import/helpers.ts';
import { NodePouch as Pouch } from '../../support/pouch-node.ts';

let profiles = 0;

export interface Profile {
  name: string;
  db: PeakendDb;
  deps: SyncDeps;
  bundle(auditId: string): Promise<Bundle>;
}

/** A profile: its own IndexedDB, its own replica (memory, as IndexedDB is in the browser) and origin. */
export async function profile(name: string): Promise<Profile> {
  const n = ++profiles;
  globalThis.indexedDB = new IDBFactory();
  resetDbCache();
  const db = await openPeakendDb();
  resetDbCache();
  let ids = 0;
  const pouch: PouchFactory = (nameOrUrl, opts) =>
    /^https?:/.test(nameOrUrl)
      ? new Pouch<Replica>(nameOrUrl, opts ?? {})
      : new Pouch<Replica>(`p${n}-${nameOrUrl}`, { adapter: 'memory' });
  const deps: SyncDeps = {
    pouch,
    db: async () => db,
    sha256,
    origin: `origin-${name}-${n}`,
    now: () => new Date().toISOString(),
    newId: () => `share-${name}-${n}-${++ids}`,
  };
  return {
    name,
    db,
    deps,
    async bundle(auditId) {
      const bundle = await auditBundle(db, auditId, '0.1.0');
      if (!bundle) throw new Error(`no audit ${auditId}`);
      return bundle;
    },
  };
}

/** Profile A's audit: the import tests' three-step fixture (JPEG and PNG screenshots), imported. */
export async function seedFixture(db: PeakendDb, overrides: Parameters<typeof fixture>[0] = {}) {
  const fx = fixture(overrides);
  const result = await prepare(fx.zip);
  if (!result.ok) throw new Error(result.error.code);
  await importAudit(db, result.value);
  return fx;
}

export const connection = (server: string, database = 'team'): Connection => ({
  server,
  database,
  user: 'auditor',
  password: 'secret',
});

export const bytesOf = async (blob: Blob | undefined): Promise<Uint8Array> => {
  if (!blob) throw new Error('no blob');
  return new Uint8Array(await blob.arrayBuffer());
};
