// The server saying no (401, 403, 413) or going away: a typed code each, nothing half-written, and a
// replication cut short resumes from its checkpoint without duplicate documents or attachments.
// minimumForPouchDB has no users or size limits: the test server's middleware gives those answers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PeakendFailure } from '../../../src/domain/errors.ts';
import type { Screenshot, Step } from '../../../src/domain/model.ts';
import { addScreenshot, addStep, putAudit } from '../../../src/store/index.ts';
import { runPass } from '../../../src/sync/engine.ts';
import { startCouchServer, type CouchServer } from '../../support/couch-server.ts';
import { sampleAudit, T0 } from '../fixtures.ts';
import { jpeg, sha256hex } from '../import/helpers.ts';
import { connection, profile, seedFixture, type Profile } from './helpers.ts';

let server: CouchServer;
beforeEach(async () => {
  server = await startCouchServer();
});
afterEach(async () => server.close());

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof PeakendFailure) return error.error.code;
    throw error;
  }
  return 'none';
}

/** An audit of `steps` steps with one 80 kB screenshot each, written through the store as recorded. */
async function bigAudit(p: Profile, steps: number): Promise<string> {
  const audit = sampleAudit({ status: 'ended', stepCount: 0 });
  await putAudit(p.db, audit);
  for (let i = 0; i < steps; i++) {
    const step: Step = await addStep(
      p.db,
      audit.id,
      { url: `https://shop.example/${i}`, title: `Page ${i}`, trigger: 'navigation' },
      T0,
    );
    const bytes = jpeg(80_000, i + 1);
    const shot: Screenshot = {
      id: `sht_${i}`,
      auditId: audit.id,
      stepId: step.id,
      takenAt: T0,
      mime: 'image/jpeg',
      width: 1280,
      height: 800,
      bytes: bytes.length,
      sha256: sha256hex(bytes),
      thumbWidth: 320,
      thumbHeight: 200,
      thumbBytes: 10,
      masked: true,
      maskedFields: 0,
    };
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });
    await addScreenshot(p.db, shot, blob, blob, T0);
  }
  return audit.id;
}

describe('the server refusing', () => {
  it.each([
    [401, 'sync-unauthorized'],
    [403, 'sync-forbidden'],
    [413, 'sync-too-large'],
  ] as const)('%i is %s, and nothing is sent', async (status, code) => {
    const a = await profile('a');
    const fx = await seedFixture(a.db);
    server.fail({ status });
    expect(await codeOf(runPass(a.deps, connection(server.url), { bundles: [await a.bundle(fx.audit.id)] }))).toBe(
      code,
    );
    server.fail(null);
    expect((await server.db('team').allDocs({})).rows).toEqual([]);
  });

  it('413 on the upload only (a size limit) is still sync-too-large', async () => {
    const a = await profile('a');
    const fx = await seedFixture(a.db);
    server.fail({ status: 413, when: (method, path) => method === 'POST' && path.endsWith('/_bulk_docs') });
    expect(await codeOf(runPass(a.deps, connection(server.url), { bundles: [await a.bundle(fx.audit.id)] }))).toBe(
      'sync-too-large',
    );
  });

  it('an unreachable server is sync-unreachable', async () => {
    const a = await profile('a');
    const fx = await seedFixture(a.db);
    await server.stop();
    expect(await codeOf(runPass(a.deps, connection(server.url), { bundles: [await a.bundle(fx.audit.id)] }))).toBe(
      'sync-unreachable',
    );
  });
});

describe('the server going away mid-replication', () => {
  it('resumes from the checkpoint, without duplicate documents or attachments', async () => {
    const a = await profile('a');
    const auditId = await bigAudit(a, 30);
    const conn = connection(server.url);
    // The third upload of five documents cuts the connection: the server is gone mid-request.
    let uploads = 0;
    server.fail({
      status: 413,
      when: (method, path) => {
        if (method === 'POST' && path.endsWith('/_bulk_docs') && ++uploads === 3) void server.stop();
        return false;
      },
    });
    const first = await codeOf(runPass(a.deps, conn, { bundles: [await a.bundle(auditId)], batchSize: 5 }));
    expect(first).toBe('sync-unreachable');
    const partial = (await server.db('team').allDocs({})).rows.length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(31);

    await server.start();
    server.fail(null);
    const uploadsBefore = server.requests.filter((r) => r.path.endsWith('/_bulk_docs')).length;
    const second = await runPass(a.deps, conn, { batchSize: 5 });
    // Only what had not arrived is sent again (the checkpoint), never all 31 documents.
    expect(second.pushed).toBeLessThanOrEqual(31 - partial + 5);
    expect(server.requests.filter((r) => r.path.endsWith('/_bulk_docs')).length - uploadsBefore).toBeLessThan(7);

    const { rows } = await server.db('team').allDocs({ include_docs: true, conflicts: true });
    expect(rows).toHaveLength(31);
    expect(rows.filter((row) => !row.value.rev.startsWith('1-'))).toEqual([]);
    expect(rows.filter((row) => row.doc?._conflicts)).toEqual([]);
    const stepDocs = rows.filter((row) => row.id.startsWith('step:'));
    expect(stepDocs).toHaveLength(30);
    expect(stepDocs.map((row) => Object.keys(row.doc?._attachments ?? {}).length)).toEqual(Array(30).fill(1));
    // And a profile pulling it gets the whole audit.
    const b = await profile('b');
    expect((await runPass(b.deps, conn)).ingest.imported).toEqual([auditId]);
  }, 30_000);
});
