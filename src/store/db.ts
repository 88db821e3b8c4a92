import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, runMigrations } from './migrations.ts';
import { DB_NAME, type PeakendSchema } from './schema.ts';

export type PeakendDb = IDBPDatabase<PeakendSchema>;

let opening: Promise<PeakendDb> | null = null;

/** One connection per context; a newer version opened elsewhere closes this one so it can upgrade. */
export function openPeakendDb(name = DB_NAME): Promise<PeakendDb> {
  if (name !== DB_NAME) return openFresh(name);
  opening ??= openFresh(name).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

function openFresh(name: string): Promise<PeakendDb> {
  return openDB<PeakendSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      runMigrations(db, tx, oldVersion, newVersion ?? DB_VERSION);
    },
    blocking() {
      void opening?.then((db) => db.close());
      opening = null;
    },
    terminated() {
      opening = null;
    },
  });
}

/** Forget the cached connection (tests give each case a fresh IndexedDB). */
export function resetDbCache(): void {
  opening = null;
}
