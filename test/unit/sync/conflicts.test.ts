// An audit edited on two machines while apart: both versions are kept (on the server and in the
// replica), the panel's database keeps its own until a person chooses, and the choice travels.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getStep, listAudits, listSteps, patchStep } from '../../../src/store/index.ts';
import { resolveConflict, runPass, syncStatus } from '../../../src/sync/engine.ts';
import { startCouchServer, type CouchServer } from '../../support/couch-server.ts';
import { connection, profile, seedFixture } from './helpers.ts';

let server: CouchServer;
beforeEach(async () => {
  server = await startCouchServer();
});
afterEach(async () => server.close());

const ANNA = 'Anna: the banner hides the search';
const BORIS = 'Boris: search works fine';

/** Anna shares an audit, Boris takes it in, and both change step a's note while apart; nobody has synced since. */
async function editedApart() {
  const conn = connection(server.url);
  const a = await profile('a');
  const fx = await seedFixture(a.db);
  const id = fx.audit.id;
  await runPass(a.deps, conn, { bundles: [await a.bundle(id)], by: 'anna' });
  const b = await profile('b');
  const taken = await runPass(b.deps, conn);
  await patchStep(a.db, 'stp_a', { note: ANNA }, '2026-11-24T09:00:00.000Z');
  await patchStep(b.db, 'stp_a', { note: BORIS }, '2026-11-24T09:05:00.000Z');
  return { conn, a, b, fx, id, taken };
}

describe('an audit edited on two machines', () => {
  it('keeps both versions until a person chooses, and the choice reaches every machine', async () => {
    // Apart: A changes step a's note, B changes the same step's note.
    const { conn, a, b, fx, id, taken } = await editedApart();
    expect(taken.ingest.imported).toEqual([id]);
    await runPass(a.deps, conn, { bundles: [await a.bundle(id)], by: 'anna' });
    const passB = await runPass(b.deps, conn, { bundles: [await b.bundle(id)], by: 'boris' });

    // Both kept on the server: one winner, the other in _conflicts.
    const onServer = await server.db('team').get(`step:${id}:stp_a`, { conflicts: true });
    expect(onServer._conflicts).toHaveLength(1);
    // B's panel database still has B's note; the audit is listed as in conflict with both versions.
    expect(passB.ingest.conflicts).toEqual([id]);
    expect((await getStep(b.db, 'stp_a'))?.note).toBe(BORIS);
    const status = await syncStatus(b.deps, conn);
    expect(status.conflicts).toHaveLength(1);
    expect(status.conflicts[0]!.site).toBe(fx.audit.site);
    const versions = status.conflicts[0]!.versions;
    expect(versions.map((v) => v.by).sort()).toEqual(['anna', 'boris']);

    // A person on B keeps Anna's version.
    const annas = versions.find((v) => v.by === 'anna')!;
    await resolveConflict(b.deps, conn, id, annas.shareId);
    expect((await getStep(b.db, 'stp_a'))?.note).toBe(ANNA);
    expect((await server.db('team').get(`step:${id}:stp_a`, { conflicts: true }))._conflicts).toBeUndefined();
    expect((await syncStatus(b.deps, conn)).conflicts).toEqual([]);

    // A pulls the resolution: no conflict left there either, and Anna's note stands.
    const passA = await runPass(a.deps, conn);
    expect(passA.ingest.conflicts).toEqual([]);
    expect((await syncStatus(a.deps, conn)).conflicts).toEqual([]);
    expect((await getStep(a.db, 'stp_a'))?.note).toBe(ANNA);
  }, 30_000);

  it('keeps edits made here while the audit waited for a choice in a copy, not under the chosen version', async () => {
    const { conn, a, b, fx, id } = await editedApart();
    await runPass(a.deps, conn, { bundles: [await a.bundle(id)], by: 'anna' });
    const bundleOf = (auditId: string) => b.bundle(auditId);
    expect((await runPass(b.deps, conn, { bundleOf, by: 'boris' })).ingest.conflicts).toEqual([id]);

    // While it waits, Boris goes on working: that edit is shared nowhere and is in no version.
    await patchStep(b.db, 'stp_b', { note: 'Boris: later, the basket emptied itself' }, '2026-11-24T09:20:00.000Z');
    await runPass(b.deps, conn, { bundleOf, by: 'boris' });
    const [status] = (await syncStatus(b.deps, conn)).conflicts;
    const annas = status!.versions.find((v) => v.by === 'anna')!;
    const kept = await resolveConflict(b.deps, conn, id, annas.shareId, {
      bundleOf,
      copySite: (site) => `${site} (copy)`,
    });

    expect((await getStep(b.db, 'stp_a'))?.note).toBe(ANNA);
    expect(kept.copy).not.toBeNull();
    expect(kept.copy).not.toBe(id);
    const copy = (await listAudits(b.db)).find((x) => x.id === kept.copy)!;
    expect(copy.site).toBe(`${fx.audit.site} (copy)`);
    const notes = (await listSteps(b.db, copy.id)).map((step) => step.note);
    expect(notes).toContain('Boris: later, the basket emptied itself');
    expect(notes).toContain(BORIS);

    // On A, which made no edit after its share, choosing keeps no copy.
    await runPass(a.deps, conn);
    expect((await listAudits(a.db)).map((x) => x.id)).toEqual([id]);
  }, 30_000);

  it('on the other computer too: its edits made while waiting are kept in a copy when the choice arrives', async () => {
    const { conn, a, b, fx, id } = await editedApart();
    const aBundle = (auditId: string) => a.bundle(auditId);
    await runPass(b.deps, conn, { bundles: [await b.bundle(id)], by: 'boris' });
    expect((await runPass(a.deps, conn, { bundleOf: aBundle, by: 'anna' })).ingest.conflicts).toEqual([id]);

    // Anna goes on working while it waits; Boris, on his computer, keeps his own version.
    await patchStep(
      a.db,
      'stp_c',
      { note: 'Anna: later, the coupon field rejects lowercase' },
      '2026-11-24T09:30:00.000Z',
    );
    await runPass(b.deps, conn);
    const [status] = (await syncStatus(b.deps, conn)).conflicts;
    const boris = status!.versions.find((v) => v.by === 'boris')!;
    expect((await resolveConflict(b.deps, conn, id, boris.shareId)).copy).toBeNull();

    const passA = await runPass(a.deps, conn, { bundleOf: aBundle, by: 'anna', copySite: (site) => `${site} (copy)` });
    expect(passA.ingest.copies).toHaveLength(1);
    expect((await getStep(a.db, 'stp_a'))?.note).toBe(BORIS);
    const copy = (await listAudits(a.db)).find((x) => x.id === passA.ingest.copies[0])!;
    expect(copy.site).toBe(`${fx.audit.site} (copy)`);
    expect((await listSteps(a.db, copy.id)).map((step) => step.note)).toContain(
      'Anna: later, the coupon field rejects lowercase',
    );
    // Taken once: the next pass keeps no second copy.
    expect((await runPass(a.deps, conn, { bundleOf: aBundle, by: 'anna' })).ingest.copies).toEqual([]);
  }, 30_000);

  it('sends back an audit edited where it was received, and never writes the server over an edit', async () => {
    const conn = connection(server.url);
    const a = await profile('a');
    const fx = await seedFixture(a.db);
    const id = fx.audit.id;
    const bundleOf = (p: typeof a) => (auditId: string) => p.bundle(auditId);
    await runPass(a.deps, conn, { bundles: [await a.bundle(id)], by: 'anna' });
    const b = await profile('b');
    await runPass(b.deps, conn, { bundleOf: bundleOf(b) });

    // B (a reviewer) edits the audit it received, without pressing Share: the next pass sends it.
    await patchStep(b.db, 'stp_c', { note: 'Reviewer: checked' }, '2026-11-24T10:00:00.000Z');
    expect((await runPass(b.deps, conn, { bundleOf: bundleOf(b) })).pushed).toBe(2);
    await runPass(a.deps, conn, { bundleOf: bundleOf(a) });
    expect((await getStep(a.db, 'stp_c'))?.note).toBe('Reviewer: checked');

    // Both edit the same step while apart; A syncs first. B's edit is not overwritten by A's.
    await patchStep(a.db, 'stp_c', { note: 'Anna again' }, '2026-11-24T11:00:00.000Z');
    await patchStep(b.db, 'stp_c', { note: 'Boris again' }, '2026-11-24T11:01:00.000Z');
    await runPass(a.deps, conn, { bundleOf: bundleOf(a) });
    const passB = await runPass(b.deps, conn, { bundleOf: bundleOf(b) });
    expect(passB.ingest.conflicts).toEqual([id]);
    expect((await getStep(b.db, 'stp_c'))?.note).toBe('Boris again');
    expect((await server.db('team').get(`step:${id}:stp_c`, { conflicts: true }))._conflicts).toHaveLength(1);
  }, 30_000);

  it('shares neither side over a conflict while nobody has chosen, and says what each version holds', async () => {
    const conn = connection(server.url);
    const a = await profile('a');
    const fx = await seedFixture(a.db);
    const id = fx.audit.id;
    const pass = (p: typeof a, by: string) =>
      runPass(p.deps, conn, { bundles: [], bundleOf: (auditId) => p.bundle(auditId), by });
    await runPass(a.deps, conn, { bundles: [await a.bundle(id)], by: 'anna' });
    const b = await profile('b');
    await pass(b, 'boris');
    await patchStep(a.db, 'stp_b', { note: 'Anna: the code field is hidden' }, '2026-11-24T09:00:00.000Z');
    await patchStep(b.db, 'stp_b', { note: 'Boris: the code field works' }, '2026-11-24T09:05:00.000Z');
    await pass(a, 'anna');
    expect((await pass(b, 'boris')).ingest.conflicts).toEqual([id]);
    expect((await pass(a, 'anna')).ingest.conflicts).toEqual([id]);

    // CouchDB's pick makes one side's version the winner on both machines: the other machine's next
    // shares (its own edit, and Share this audit again) would go on top of it, and the loser would
    // be gone. Neither writes while the audit is in conflict.
    for (const p of [a, b, a, b]) {
      const report = await runPass(p.deps, conn, {
        bundles: [await p.bundle(id)],
        bundleOf: (auditId) => p.bundle(auditId),
        by: p === a ? 'anna' : 'boris',
      });
      expect(report.written).toBe(0);
    }
    const leaves = async () => {
      const doc = await server.db('team').get(`step:${id}:stp_b`, { conflicts: true });
      const others = await Promise.all((doc._conflicts ?? []).map((rev) => server.db('team').get(doc._id, { rev })));
      return [doc, ...others].map((leaf) => (leaf.step as { note: string }).note).sort();
    };
    expect(await leaves()).toEqual(['Anna: the code field is hidden', 'Boris: the code field works']);
    for (const p of [a, b]) {
      const [conflict] = (await syncStatus(p.deps, conn)).conflicts;
      const differs = Object.fromEntries(conflict!.versions.map((v) => [v.by, v.differs]));
      expect(differs).toEqual({
        anna: [{ step: 2, note: 'Anna: the code field is hidden' }],
        boris: [{ step: 2, note: 'Boris: the code field works' }],
      });
    }
  }, 30_000);
});
