// What the panel reads before its first render: the audit being recorded, and its newest steps. Read
// here, next to the database open, the panel opens straight onto the steps instead of a loading state
// followed by a chain of effects (each one waits for a painted frame).
import { getActive, type PeakendDb } from '../store/index.ts';
import { readAuditTail, type AuditData } from './audit-data.ts';

/** How many steps the list shows at first, and adds per "show earlier". */
export const STEP_PAGE = 25;

export type Boot = { view: 'library' } | { view: 'audit'; auditId: string; data: AuditData | null };

/** Never fails: a store that cannot be read opens the library, which reports the error itself. */
export async function readBoot(db: Promise<PeakendDb>): Promise<Boot> {
  try {
    const store = await db;
    const active = await getActive(store);
    if (!active) return { view: 'library' };
    return { view: 'audit', auditId: active.auditId, data: await readAuditTail(store, active.auditId, STEP_PAGE) };
  } catch {
    return { view: 'library' };
  }
}
