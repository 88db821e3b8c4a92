// The audit being recorded and the tab it follows. In IndexedDB, not worker memory: the browser may
// stop the worker between any two events.
import type { PeakendDb } from './db.ts';
import { guarded } from './errors.ts';
import type { ActiveRecord } from './schema.ts';

export async function getActive(db: PeakendDb): Promise<ActiveRecord | undefined> {
  const record = await db.get('meta', 'active');
  return record && 'auditId' in record ? record : undefined;
}

export function setActive(db: PeakendDb, active: ActiveRecord): Promise<void> {
  return guarded(async () => {
    await db.put('meta', active, 'active');
  });
}

export function clearActive(db: PeakendDb): Promise<void> {
  return guarded(async () => {
    await db.delete('meta', 'active');
  });
}
