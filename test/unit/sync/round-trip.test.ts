// Profile A shares an audit; profile B pulls it: the same records, byte-identical screenshots, the
// same scores; nothing is sent again when nothing changed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadReportData } from '../../../src/report/data.ts';
import { getBlob, listScreenshots } from '../../../src/store/index.ts';
import { runPass } from '../../../src/sync/engine.ts';
import { startCouchServer, type CouchServer } from '../../support/couch-server.ts';
import { sha256hex } from '../import/helpers.ts';
import { bytesOf, connection, profile, seedFixture } from './helpers.ts';

let server: CouchServer;
beforeEach(async () => {
  server = await startCouchServer();
});
afterEach(async () => server.close());

describe('sharing an audit', () => {
  it('arrives in another profile with the same bytes and scores', async () => {
    const a = await profile('a');
    const fx = await seedFixture(a.db);
    const conn = connection(server.url);
    const shared = await runPass(a.deps, conn, { bundles: [await a.bundle(fx.audit.id)], by: 'anna' });
    expect(shared).toMatchObject({ written: 4, pushed: 4 });
    const onServer = await server.db('team').allDocs({ include_docs: false });
    expect(onServer.rows.map((r) => r.id).sort()).toEqual([
      `audit:${fx.audit.id}`,
      `step:${fx.audit.id}:stp_a`,
      `step:${fx.audit.id}:stp_b`,
      `step:${fx.audit.id}:stp_c`,
    ]);

    const b = await profile('b');
    const pulled = await runPass(b.deps, conn);
    expect(pulled.ingest.imported).toEqual([fx.audit.id]);
    expect(pulled.ingest.refused).toEqual([]);

    const shotsA = await listScreenshots(a.db, fx.audit.id);
    const shotsB = await listScreenshots(b.db, fx.audit.id);
    expect(shotsB).toEqual(shotsA);
    for (const shot of shotsA) {
      const [bytesA, bytesB] = [
        await bytesOf(await getBlob(a.db, shot.id, 'full')),
        await bytesOf(await getBlob(b.db, shot.id, 'full')),
      ];
      expect(bytesB).toEqual(bytesA);
      expect(sha256hex(bytesB)).toBe(shot.sha256);
    }
    const [dataA, dataB] = [await loadReportData(a.db, fx.audit.id), await loadReportData(b.db, fx.audit.id)];
    expect(dataB?.scores).toEqual(dataA?.scores);
    expect(dataB?.steps).toEqual(dataA?.steps);

    // A share of the unchanged audit writes nothing new and sends nothing.
    const again = await runPass(a.deps, conn, { bundles: [await a.bundle(fx.audit.id)], by: 'anna' });
    expect(again).toMatchObject({ written: 0, pushed: 0 });
    // And B, pulling again, takes nothing in twice.
    expect((await runPass(b.deps, conn)).ingest.imported).toEqual([]);
  }, 30_000);

  it('sends nothing before an audit is shared', async () => {
    const a = await profile('a');
    await seedFixture(a.db);
    const pass = await runPass(a.deps, connection(server.url));
    expect(pass.pushed).toBe(0);
    const docs = await server.db('team').allDocs({});
    expect(docs.rows).toEqual([]);
  });
});
