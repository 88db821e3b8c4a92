// Which audit a tab's events belong to: the one recording in that tab, while it runs. A page of
// another tab, or of a paused or ended audit, is none of the recording's business.
import type { Audit } from '../domain/model.ts';
import { getActive, getAudit, openPeakendDb, type PeakendDb } from '../store/index.ts';

/** The running audit recording in this tab, or null. */
export async function runningAuditIn(tabId: number | undefined): Promise<{ db: PeakendDb; audit: Audit } | null> {
  if (tabId === undefined) return null;
  const db = await openPeakendDb();
  const active = await getActive(db);
  if (!active || active.tabId !== tabId) return null;
  const audit = await getAudit(db, active.auditId);
  return audit?.status === 'running' ? { db, audit } : null;
}
