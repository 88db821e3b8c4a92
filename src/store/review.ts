// A programme audit's review: the person's programme identity (a local setting, beside the panel's
// language in `meta`) and the review transitions, each read, decided and written in one transaction
// so that two panels never both take the audit from the same state.
import type { Audit, AuditId } from '../domain/model.ts';
import { PROGRAMME_ROLES, type ProgrammeRole } from '../domain/programme.ts';
import { review, type ProgrammeIdentity, type ReviewAction } from '../domain/review.ts';
import { PeakendFailure } from '../domain/errors.ts';
import { changeAudit } from './audits.ts';
import type { PeakendDb } from './db.ts';
import { guarded } from './errors.ts';

const KEY = 'programme-identity';

const isRole = (role: unknown): role is ProgrammeRole => (PROGRAMME_ROLES as readonly unknown[]).includes(role);

/** Who this person is in programmes, or null until they say. */
export async function getProgrammeIdentity(db: PeakendDb): Promise<ProgrammeIdentity | null> {
  const record = await db.get('meta', KEY);
  if (!record || !('name' in record) || !('role' in record)) return null;
  const { name, role } = record;
  return typeof name === 'string' && isRole(role) ? { name, role } : null;
}

export function setProgrammeIdentity(db: PeakendDb, identity: ProgrammeIdentity): Promise<void> {
  return guarded(async () => {
    await db.put('meta', { name: identity.name.trim(), role: identity.role }, KEY);
  });
}

/** Takes `action` on the audit's review as `who`, stamped `now`; refused with the transition's code. */
export function changeReview(
  db: PeakendDb,
  id: AuditId,
  action: ReviewAction,
  who: ProgrammeIdentity,
  comment: string,
  now: string,
): Promise<Audit> {
  return changeAudit(
    db,
    id,
    (current) => {
      const outcome = review(current, { action, who, at: now, comment });
      if (!outcome.ok) throw new PeakendFailure(outcome.error);
      return { review: outcome.log };
    },
    now,
  );
}
