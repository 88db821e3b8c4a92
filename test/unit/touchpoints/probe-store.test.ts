// Probes in IndexedDB: the migration from version 3's data, order, settings and deletion with the audit.
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_EXPECTATIONS, type Probe } from '../../../src/domain/probes.ts';
import {
  allProbes,
  DB_NAME,
  deleteAudit,
  deleteProbe,
  getAudit,
  getExpectations,
  getProbe,
  listProbes,
  openPeakendDb,
  putAudit,
  putProbe,
  resetDbCache,
  setExpectations,
} from '../../../src/store/index.ts';
import { addProbeStore, MIGRATIONS, runMigrations } from '../../../src/store/migrations.ts';
import type { PeakendSchema } from '../../../src/store/schema.ts';
import { sampleAudit, T0 } from '../fixtures.ts';

beforeEach(() => resetDbCache());

const probeOf = (auditId: string, id: string, sentAt: number): Probe => ({
  id,
  auditId,
  stepId: null,
  channel: 'chat',
  question: 'Do you ship to Gdańsk?',
  sentAt,
  replies: [],
  resolvedAt: null,
  expectationMs: DEFAULT_EXPECTATIONS.chat,
  createdAt: T0,
  updatedAt: '2026-11-23T11:00:00.000Z',
});

describe('database migration to probes', () => {
  it('upgrades a version 3 database with its audits in place', async () => {
    const previous = MIGRATIONS.indexOf(addProbeStore);
    expect(previous).toBe(3);
    const old = await openDB<PeakendSchema>(DB_NAME, previous, {
      upgrade(db, oldVersion, _newVersion, tx) {
        runMigrations(db, tx, oldVersion, previous);
      },
    });
    expect([...old.objectStoreNames]).not.toContain('probes');
    const audit = sampleAudit();
    await old.put('audits', audit);
    old.close();

    const db = await openPeakendDb();
    expect(await getAudit(db, audit.id)).toEqual(audit);
    expect(await listProbes(db, audit.id)).toEqual([]);
    await putProbe(db, probeOf(audit.id, 'prb_a', 1_000));
    expect((await listProbes(db, audit.id)).map((p) => p.id)).toEqual(['prb_a']);
  });
});

describe('probe records', () => {
  it('are listed by send time, per audit, and mark the audit updated', async () => {
    const db = await openPeakendDb();
    const a = sampleAudit({ id: 'aud_a' });
    const b = sampleAudit({ id: 'aud_b' });
    await putAudit(db, a);
    await putAudit(db, b);
    await putProbe(db, probeOf(a.id, 'prb_2', 2_000));
    await putProbe(db, probeOf(a.id, 'prb_1', 1_000));
    await putProbe(db, probeOf(b.id, 'prb_3', 500));
    expect((await listProbes(db, a.id)).map((p) => p.id)).toEqual(['prb_1', 'prb_2']);
    expect((await allProbes(db)).map((p) => p.id)).toEqual(['prb_3', 'prb_1', 'prb_2']);
    expect((await getAudit(db, a.id))?.updatedAt).toBe('2026-11-23T11:00:00.000Z');
    await deleteProbe(db, 'prb_2');
    expect(await getProbe(db, 'prb_2')).toBeUndefined();
  });

  it('are refused for an audit that does not exist, and nothing is stored', async () => {
    const db = await openPeakendDb();
    await expect(putProbe(db, probeOf('aud_gone', 'prb_x', 1))).rejects.toMatchObject({
      error: { code: 'audit-missing' },
    });
    expect(await getProbe(db, 'prb_x')).toBeUndefined();
  });

  it('go with their audit when it is deleted', async () => {
    const db = await openPeakendDb();
    const audit = sampleAudit();
    await putAudit(db, audit);
    await putProbe(db, probeOf(audit.id, 'prb_1', 1));
    await deleteAudit(db, audit.id);
    expect(await allProbes(db)).toEqual([]);
  });
});

describe('expectation settings', () => {
  it("are METHOD.md's defaults until set, then the auditor's, with bad stored values ignored", async () => {
    const db = await openPeakendDb();
    expect(await getExpectations(db)).toEqual(DEFAULT_EXPECTATIONS);
    await setExpectations(db, { ...DEFAULT_EXPECTATIONS, chat: 60_000, delivery: 3_600_000, email: null });
    expect(await getExpectations(db)).toMatchObject({ chat: 60_000, delivery: 3_600_000, email: null });
    await db.put('meta', { expectations: { chat: -5, phone: 'soon' as unknown as number } }, 'expectations');
    expect(await getExpectations(db)).toMatchObject({
      chat: DEFAULT_EXPECTATIONS.chat,
      phone: DEFAULT_EXPECTATIONS.phone,
    });
  });
});
