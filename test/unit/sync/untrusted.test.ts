// What arrives is untrusted: a document planted on the server with a wrong hash or a bad shape is
// refused and named, and the audits beside it still arrive.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAudit, getBlob } from '../../../src/store/index.ts';
import { runPass, syncStatus } from '../../../src/sync/engine.ts';
import type { PouchDoc } from '../../../src/sync/pouch-port.ts';
import { startCouchServer, type CouchServer } from '../../support/couch-server.ts';
import { jpeg } from '../import/helpers.ts';
import { connection, profile, seedFixture } from './helpers.ts';

let server: CouchServer;
beforeEach(async () => {
  server = await startCouchServer();
});
afterEach(async () => server.close());

const GOOD = 'aud_00000000-0000-4000-8000-00000000000a';
const HASHED = 'aud_00000000-0000-4000-8000-00000000000b';
const SHAPED = 'aud_00000000-0000-4000-8000-00000000000c';

/** Copies an audit's documents on the server under another audit id, with `spoil` applied. */
async function plant(from: string, to: string, spoil: (doc: PouchDoc) => void): Promise<void> {
  const team = server.db('team');
  const { rows } = await team.allDocs({ include_docs: true, attachments: true });
  for (const row of rows) {
    if (!row.doc || !row.id.includes(from)) continue;
    const { _rev: _r, ...doc } = JSON.parse(JSON.stringify(row.doc).replaceAll(from, to)) as PouchDoc;
    for (const attachment of Object.values((doc._attachments ?? {}) as Record<string, Record<string, unknown>>)) {
      delete attachment.digest;
      delete attachment.revpos;
      delete attachment.stub;
    }
    spoil(doc);
    await team.put(doc);
  }
}

describe('documents from the server', () => {
  it('refuses a wrong hash and a bad shape by name, and takes in the rest', async () => {
    const a = await profile('a');
    await seedFixture(a.db, { id: GOOD });
    const conn = connection(server.url);
    await runPass(a.deps, conn, { bundles: [await a.bundle(GOOD)], by: 'anna' });
    // Other screenshot bytes than the metadata's SHA-256 (same size, still a JPEG).
    await plant(GOOD, HASHED, (doc) => {
      if (!doc._id.endsWith(':stp_a')) return;
      const files = doc._attachments as Record<string, { data: string }>;
      const [name] = Object.keys(files);
      const size = Buffer.from(files[name as string]!.data, 'base64').length;
      files[name as string]!.data = Buffer.from(jpeg(size, 99)).toString('base64');
    });
    // An ease of 99 on a 1-7 scale.
    await plant(GOOD, SHAPED, (doc) => {
      if (doc._id.endsWith(':stp_b')) (doc.step as { ease: number }).ease = 99;
    });

    const b = await profile('b');
    const pass = await runPass(b.deps, conn);
    expect(pass.ingest.imported).toEqual([GOOD]);
    expect(pass.ingest.refused.map((r) => [r.docId, r.problem.code])).toEqual(
      expect.arrayContaining([
        [`audit:${HASHED}`, 'screenshot-hash-mismatch'],
        [`audit:${SHAPED}`, 'invalid-field'],
      ]),
    );
    expect(pass.ingest.refused).toHaveLength(2);
    expect(await getAudit(b.db, GOOD)).toBeTruthy();
    expect(await getAudit(b.db, HASHED)).toBeUndefined();
    expect(await getAudit(b.db, SHAPED)).toBeUndefined();
    expect(await getBlob(b.db, `sht_stp_a_0`, 'full')).toBeTruthy();
    // The refusals are kept for the panel to list, after the pass.
    const status = await syncStatus(b.deps, conn);
    expect(status.refused.map((r) => r.docId).sort()).toEqual([`audit:${HASHED}`, `audit:${SHAPED}`]);
    expect(status.refused.find((r) => r.auditId === SHAPED)?.problem).toMatchObject({
      path: expect.stringContaining('ease'),
    });
  }, 30_000);

  it('refuses a document that speaks for another audit than its id names', async () => {
    const a = await profile('a');
    await seedFixture(a.db, { id: GOOD });
    const conn = connection(server.url);
    await runPass(a.deps, conn, { bundles: [await a.bundle(GOOD)], by: 'anna' });
    // Every document copied under another audit's ids, every record inside still saying GOOD.
    await plant(GOOD, HASHED, (doc) => {
      const body = JSON.stringify(doc).replaceAll(HASHED, GOOD);
      Object.assign(doc, JSON.parse(body), { _id: doc._id });
    });
    const b = await profile('b');
    const pass = await runPass(b.deps, conn);
    expect(pass.ingest.imported).toEqual([GOOD]);
    expect(pass.ingest.refused.map((r) => r.docId)).toEqual([`audit:${HASHED}`]);
  });
});
