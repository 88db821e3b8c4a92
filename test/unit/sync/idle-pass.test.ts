// A pass with nothing changed builds no export (building one reads every image), and every kind of
// edit is still shared: the fingerprint of the stored records moves, so the audit is rebuilt and the
// server ends up with exactly the documents a fresh export cuts. Passes run as the panel's port runs
// them (share by id, fingerprints, bundleOf), with bundleOf counted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProbe } from '../../../src/domain/probes.ts';
import { auditBundle, auditFingerprints } from '../../../src/panel/sync-bundle.ts';
import {
  addScreenshot,
  addStep,
  changeReview,
  patchStep,
  putProbe,
  updateCriterionMark,
  type PeakendDb,
} from '../../../src/store/index.ts';
import { documentsOf } from '../../../src/sync/documents.ts';
import { openReplica, runPass, type PassOptions } from '../../../src/sync/engine.ts';
import type { PouchDoc } from '../../../src/sync/pouch-port.ts';
import { startCouchServer, type CouchServer } from '../../support/couch-server.ts';
import { AUDIT_ID, jpeg, sha256, shot } from '../import/helpers.ts';
import { connection, profile, seedFixture, type Profile } from './helpers.ts';

let server: CouchServer;
beforeEach(async () => {
  server = await startCouchServer();
});
afterEach(async () => server.close());

const OTHER = 'aud_0b7c1f0e-2222-4222-8333-944455556666';
const PROGRAMME = { id: 'team:1', name: 'Wave test', wave: 'Wave 1' };
const at = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

interface Counted {
  options: PassOptions;
  built: string[];
}

/** The options the panel's port passes, with every export built recorded. */
function portOptions(a: Profile, share: string[]): Counted {
  const built: string[] = [];
  return {
    built,
    options: {
      share,
      fingerprints: (ids) => auditFingerprints(a.db, ids, '0.1.0', sha256),
      bundleOf: async (auditId) => {
        built.push(auditId);
        return auditBundle(a.db, auditId, '0.1.0');
      },
      by: 'anna',
    },
  };
}

const byText = (a: string, b: string) => a.localeCompare(b);

/** The server holds exactly the documents a fresh export of the audit cuts (same ids, same digests). */
async function expectServerCurrent(a: Profile, auditId: string): Promise<void> {
  const bundle = await auditBundle(a.db, auditId, '0.1.0');
  if (!bundle) throw new Error('no audit');
  const share = { origin: 'x', shareId: 'x', sharedAt: at(0), by: 'x' };
  const fresh = await documentsOf(bundle, share, sha256);
  const want = [fresh.audit, ...fresh.steps].map((d) => `${d._id} ${d.digest}`).sort(byText);
  const prefix = [`audit:${auditId}`, `step:${auditId}:`];
  const { rows } = await server.db('team').allDocs({ include_docs: true });
  const got = rows
    .filter((r) => prefix.some((p) => r.id.startsWith(p)))
    .map((r) => `${r.id} ${String((r.doc as unknown as PouchDoc).digest)}`)
    .sort(byText);
  expect(got).toEqual(want);
}

async function rawDelete(db: PeakendDb, stepId: string, shotId: string): Promise<void> {
  const tx = db.transaction(['steps', 'screenshots', 'blobs'], 'readwrite');
  await Promise.all([
    tx.objectStore('steps').delete(stepId),
    tx.objectStore('screenshots').delete(shotId),
    tx.objectStore('blobs').delete([shotId, 'full']),
    tx.done,
  ]);
}

describe('a pass with nothing changed', () => {
  it('builds no export, writes and sends nothing', async () => {
    const a = await profile('a');
    await seedFixture(a.db);
    await seedFixture(a.db, { id: OTHER });
    const conn = connection(server.url);
    const first = portOptions(a, [AUDIT_ID, OTHER]);
    const shared = await runPass(a.deps, conn, first.options);
    expect(first.built.sort()).toEqual([AUDIT_ID, OTHER].sort());
    expect(shared).toMatchObject({ written: 8, pushed: 8, rebuilt: 2 });

    const idle = portOptions(a, [AUDIT_ID, OTHER]);
    const again = await runPass(a.deps, conn, idle.options);
    expect(idle.built).toEqual([]);
    expect(again).toMatchObject({ written: 0, pushed: 0, rebuilt: 0 });

    // An edit of one audit rebuilds that audit only.
    await patchStep(a.db, 'stp_a', { note: 'Slow search' }, at(1));
    const edited = portOptions(a, [AUDIT_ID, OTHER]);
    expect(await runPass(a.deps, conn, edited.options)).toMatchObject({ written: 2, pushed: 2, rebuilt: 1 });
    expect(edited.built).toEqual([AUDIT_ID]);
    await expectServerCurrent(a, AUDIT_ID);
  }, 30_000);

  it('rebuilds when the replica changed under an unchanged audit (the fingerprint alone is not trusted)', async () => {
    const a = await profile('a');
    await seedFixture(a.db);
    const conn = connection(server.url);
    await runPass(a.deps, conn, portOptions(a, [AUDIT_ID]).options);
    // Another writer puts a revision of a step document into the replica (as a pull would).
    const replica = openReplica(a.deps, conn);
    const step = await replica.get(`step:${AUDIT_ID}:stp_b`);
    await replica.put({ ...step, digest: 'elsewhere' });
    await replica.close();
    const next = portOptions(a, [AUDIT_ID]);
    expect(await runPass(a.deps, conn, next.options)).toMatchObject({ written: 1, rebuilt: 1 });
    expect(next.built).toEqual([AUDIT_ID]);
    await expectServerCurrent(a, AUDIT_ID);
  }, 30_000);
});

describe('every kind of edit is still shared', () => {
  const edits: Record<string, (db: PeakendDb) => Promise<unknown>> = {
    'a note': (db) => patchStep(db, 'stp_b', { note: 'The card field refused spaces' }, at(2)),
    'a rating': (db) => patchStep(db, 'stp_a', { ease: 3 }, at(2)),
    'a step added': (db) =>
      addStep(db, AUDIT_ID, { url: 'https://shop.example/help', title: 'Help', trigger: 'manual' }, at(2)),
    'a step deleted': (db) => rawDelete(db, 'stp_c', 'sht_stp_c_0'),
    'a screenshot replaced': async (db) => {
      const tx = db.transaction(['screenshots', 'blobs'], 'readwrite');
      await Promise.all([
        tx.objectStore('screenshots').delete('sht_stp_a_0'),
        tx.objectStore('blobs').delete(['sht_stp_a_0', 'full']),
        tx.done,
      ]);
      const bytes = jpeg(1700, 9);
      const step = (await db.get('steps', 'stp_a'))!;
      const replaced = shot(step, bytes, 'image/jpeg', 1);
      await addScreenshot(
        db,
        replaced,
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }),
        null,
        at(2),
      );
    },
    'a probe': (db) =>
      putProbe(
        db,
        createProbe(
          {
            auditId: AUDIT_ID,
            stepId: 'stp_a',
            channel: 'chat',
            question: 'Is it in stock?',
            sentAt: 1,
            expectationMs: null,
          },
          at(2),
        ),
      ),
    'a review event': (db) => changeReview(db, AUDIT_ID, 'submit', { name: 'Anna', role: 'auditor' }, '', at(2)),
    'a criterion mark': (db) =>
      updateCriterionMark(db, AUDIT_ID, 'M1', (m) => ({ ...m, mark: 'fail', comment: 'Prices without VAT' }), at(2)),
  };

  it.each(Object.entries(edits))(
    '%s',
    async (_kind, edit) => {
      const a = await profile('a');
      await seedFixture(a.db, { programme: PROGRAMME });
      const conn = connection(server.url);
      await runPass(a.deps, conn, portOptions(a, [AUDIT_ID]).options);
      const idle = portOptions(a, [AUDIT_ID]);
      await runPass(a.deps, conn, idle.options);
      expect(idle.built).toEqual([]);

      await edit(a.db);
      const after = portOptions(a, [AUDIT_ID]);
      const pass = await runPass(a.deps, conn, after.options);
      expect(after.built).toEqual([AUDIT_ID]);
      expect(pass.pushed).toBeGreaterThan(0);
      await expectServerCurrent(a, AUDIT_ID);
    },
    30_000,
  );
});
