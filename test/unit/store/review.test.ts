// The programme identity (a local setting in `meta`) and the review transitions as stored: each read,
// decided and written in one transaction; a refused one leaves the audit as it was.
import { beforeEach, describe, expect, it } from 'vitest';
import { PeakendFailure } from '../../../src/domain/errors.ts';
import {
  changeReview,
  getActive,
  getAudit,
  getLanguageChoice,
  getProgrammeIdentity,
  openPeakendDb,
  patchAudit,
  putAudit,
  resetDbCache,
  setLanguageChoice,
  setProgrammeIdentity,
} from '../../../src/store/index.ts';
import { sampleAudit } from '../fixtures.ts';

beforeEach(() => resetDbCache());

const programme = { id: 'prg_1', name: 'Retail Q4', wave: 'Wave 2' };
const ana = { name: 'ana', role: 'auditor' } as const;
const rex = { name: 'rex', role: 'reviewer' } as const;

describe('programme identity', () => {
  it('is none at first, kept across a reopen, trimmed, and apart from the language and the active audit', async () => {
    const db = await openPeakendDb();
    expect(await getProgrammeIdentity(db)).toBeNull();
    await setLanguageChoice(db, 'he');
    await setProgrammeIdentity(db, { name: '  rex ', role: 'reviewer' });
    db.close();
    resetDbCache();
    const reopened = await openPeakendDb();
    expect(await getProgrammeIdentity(reopened)).toEqual({ name: 'rex', role: 'reviewer' });
    expect(await getLanguageChoice(reopened)).toBe('he');
    expect(await getActive(reopened)).toBeUndefined();
  });

  it('reads a stored role it does not know as no identity', async () => {
    const db = await openPeakendDb();
    await db.put('meta', { name: 'x', role: 'owner' }, 'programme-identity');
    expect(await getProgrammeIdentity(db)).toBeNull();
  });
});

describe('changeReview', () => {
  it('submits, returns, refuses a resubmit without a change, then takes one after it', async () => {
    const db = await openPeakendDb();
    const audit = { ...sampleAudit(), status: 'ended' as const, programme };
    await putAudit(db, audit);
    await changeReview(db, audit.id, 'submit', ana, '', '2026-12-01T11:00:00.000Z');
    const returned = await changeReview(db, audit.id, 'return', rex, 'F1 lacks evidence', '2026-12-01T12:00:00.000Z');
    expect(returned.updatedAt).toBe('2026-12-01T12:00:00.000Z');
    await expect(changeReview(db, audit.id, 'submit', ana, '', '2026-12-01T12:30:00.000Z')).rejects.toEqual(
      new PeakendFailure({ code: 'review-no-changes' }),
    );
    expect((await getAudit(db, audit.id))?.review).toHaveLength(2);
    await patchAudit(db, audit.id, { scenario: 'Buy a jacket, with evidence' }, '2026-12-01T12:40:00.000Z');
    await changeReview(db, audit.id, 'submit', ana, '', '2026-12-01T12:50:00.000Z');
    const stored = await getAudit(db, audit.id);
    expect(stored?.review?.map((e) => [e.state, e.by, e.at, e.comment])).toEqual([
      ['submitted', 'ana', '2026-12-01T11:00:00.000Z', ''],
      ['returned', 'rex', '2026-12-01T12:00:00.000Z', 'F1 lacks evidence'],
      ['submitted', 'ana', '2026-12-01T12:50:00.000Z', ''],
    ]);
    expect(stored?.scenario).toBe('Buy a jacket, with evidence');
  });

  it('refuses with the audit unchanged: a missing audit, an audit outside a programme', async () => {
    const db = await openPeakendDb();
    const audit = { ...sampleAudit(), status: 'ended' as const };
    await putAudit(db, audit);
    await expect(changeReview(db, 'aud_none', 'submit', ana, '', '2026-12-01T11:00:00.000Z')).rejects.toMatchObject({
      error: { code: 'audit-missing' },
    });
    await expect(changeReview(db, audit.id, 'submit', ana, '', '2026-12-01T11:00:00.000Z')).rejects.toMatchObject({
      error: { code: 'review-no-programme' },
    });
    expect(await getAudit(db, audit.id)).toEqual(audit);
  });
});
