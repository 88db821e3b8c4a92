// Touchpoint steps go where they happened in the journey, not only at its end: inserting one moves
// every later step's index up by one, in the same transaction as the audit's step counter, so a
// page the worker appends meanwhile never takes an index twice.
import { createTouchpointStep } from '../domain/factories.ts';
import type { AuditId, Step } from '../domain/model.ts';
import type { TouchpointInit } from '../domain/touchpoints.ts';
import type { PeakendDb } from './db.ts';
import { PeakendFailure } from '../domain/errors.ts';
import { guarded } from './errors.ts';
import { touchScores } from './score-cache.ts';

/**
 * Adds a touchpoint step at `position` (0-based; the step now there and every later one move down),
 * or at the end when `position` is null or past the last step.
 */
export function insertTouchpoint(
  db: PeakendDb,
  auditId: AuditId,
  init: TouchpointInit,
  position: number | null,
  now: string,
): Promise<Step> {
  return guarded(async () => {
    const tx = db.transaction(['audits', 'steps', 'scoreCache'], 'readwrite');
    const audit = await tx.objectStore('audits').get(auditId);
    if (!audit) throw new PeakendFailure({ code: 'audit-missing', auditId });
    const steps = tx.objectStore('steps');
    const end = audit.stepCount;
    const at = position === null ? end : Math.max(0, Math.min(end, Math.trunc(position)));
    const later = await steps.index('by-audit').getAll(IDBKeyRange.bound([auditId, at], [auditId, Infinity]));
    for (const step of later) await steps.put({ ...step, index: step.index + 1, updatedAt: now });
    const step = createTouchpointStep(auditId, at, init, now);
    await steps.add(step);
    const written = { ...audit, stepCount: end + 1, updatedAt: now };
    await tx.objectStore('audits').put(written);
    await touchScores(tx, auditId, written);
    await tx.done;
    return step;
  });
}
