// A tab's events belong to the audit recording in that tab, and only while it runs.
import { beforeEach, describe, expect, it } from 'vitest';
import { runningAuditIn } from '../../../src/background/running-audit.ts';
import type { AuditStatus } from '../../../src/domain/model.ts';
import { openPeakendDb, putAudit, resetDbCache, setActive } from '../../../src/store/index.ts';
import { sampleAudit } from '../fixtures.ts';

beforeEach(() => resetDbCache());

async function recording(status: AuditStatus, tabId = 7) {
  const db = await openPeakendDb();
  const audit = sampleAudit({ status });
  await putAudit(db, audit);
  await setActive(db, { auditId: audit.id, tabId, windowId: 1 });
  return audit;
}

describe('runningAuditIn', () => {
  it('finds the running audit of the tab it records in', async () => {
    const audit = await recording('running');
    expect((await runningAuditIn(7))?.audit).toEqual(audit);
  });

  it('finds nothing for another tab, or no tab', async () => {
    await recording('running');
    expect(await runningAuditIn(8)).toBeNull();
    expect(await runningAuditIn(undefined)).toBeNull();
  });

  it.each(['paused', 'ended', 'plan'] as const)('finds nothing while the audit is %s', async (status) => {
    await recording(status);
    expect(await runningAuditIn(7)).toBeNull();
  });

  it('finds nothing when no audit records, or the recorded one is gone', async () => {
    expect(await runningAuditIn(7)).toBeNull();
    const db = await openPeakendDb();
    await setActive(db, { auditId: 'aud_gone', tabId: 7, windowId: 1 });
    expect(await runningAuditIn(7)).toBeNull();
  });
});
