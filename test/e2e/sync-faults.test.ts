// The server's faults in the browser, as the panel meets them (the engine's are unit-tested in
// test/unit/sync/faults.test.ts): a 403 gives its message in the Programme section, and a server
// that stops in the middle of a share (its second upload of three cuts every connection) and comes
// back is resumed by Sync now from the replica's checkpoint: every document once, at its first
// revision, each with its attachments once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../support/couch-server.ts';
import { fixture } from '../unit/import/helpers.ts';
import { demoShopFixture, eventually, openPanel } from './support/peakend.ts';
import { connect, expectSharedOnce, syncNow } from './support/programme.ts';
import { importProgrammeAudit } from './support/review.ts';

const shop = demoShopFixture();
const DB = 'faults';
const AUDITS = 7; // 7 x (1 audit + 3 steps) = 28 documents: three uploads of the panel's batches of 10
let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => server.close());

const alert = (panel: Awaited<ReturnType<typeof openPanel>>) => panel.locator('.programme [role=alert]').textContent();
const uploads = () => server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/_bulk_docs')).length;

describe('the team server failing, in the panel', () => {
  it('says 403, and resumes a share the server cut short without duplicates', async () => {
    const s = await shop.launch();
    const panel = await openPanel(s);
    const ids: string[] = [];
    for (let i = 0; i < AUDITS; i++) {
      const id = `aud_00000000-0000-4000-8000-00000000f0${String(i).padStart(2, '0')}`;
      await importProgrammeAudit(panel, { id });
      await expect.poll(() => panel.locator('.audit-row').count()).toBe(i + 1);
      ids.push(id);
    }

    // 403: this user may not use the database.
    server.fail({ status: 403 });
    await connect(panel, server.url, 'ana', DB);
    await expect
      .poll(() => alert(panel), { timeout: 15000 })
      .toBe('This user may not read or write the programme’s database. Ask its administrator for access.');
    expect(uploads()).toBe(0);

    // Access given; the server goes away during the second upload of the share.
    let seen = 0;
    server.fail({
      status: 403,
      when: (method, path) => {
        if (method === 'POST' && path.endsWith('/_bulk_docs') && ++seen === 2) void server.stop();
        return false;
      },
    });
    await panel.getByLabel('Share finished audits automatically').check();
    await expect
      .poll(() => alert(panel), { timeout: 30000 })
      .toBe(
        'The server could not be reached. Check the address and the connection; sharing resumes where it stopped next time.',
      );
    const partial = (await server.db(DB).allDocs({})).rows.length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(AUDITS * 4);

    await server.start();
    server.fail(null);
    const before = uploads();
    await syncNow(panel);
    const { rows } = await eventually(
      () => server.db(DB).allDocs({ include_docs: true, conflicts: true }),
      (r) => r.rows.length === AUDITS * 4,
      30000,
    );
    // Resumed from the checkpoint: at most the two batches not yet acknowledged, not all three.
    expect(uploads() - before).toBeLessThanOrEqual(2);
    expectSharedOnce(rows, ids);
    // Each step document carries exactly its step's files, once.
    const fx = fixture();
    const perStep = (stepId: string) =>
      fx.exp.screenshots.filter((x) => x.stepId === stepId && x.file).length +
      fx.exp.attachments.filter((x) => x.stepId === stepId && x.file).length;
    const expected = fx.exp.steps.map((st) => perStep(st.id)).sort((x, y) => x - y);
    for (const id of ids) {
      const mine = rows.filter((row) => row.id.startsWith(`step:${id}:`));
      expect(mine.map((row) => Object.keys(row.doc?._attachments ?? {}).length).sort((x, y) => x - y)).toEqual(
        expected,
      );
    }
    expect(await panel.locator('.programme [role=alert]').count()).toBe(0);
  }, 180_000);
});
