// 6. Sharing a programme: `audits` ended audits of `steps` steps, each step with one small real JPEG,
// seeded through the store in a browser profile of their own (so no other section's audits are
// shared), then replicated to the CouchDB-protocol test server on 127.0.0.1 (test/support/
// couch-server.ts) as a user triggers it: the library's Programme form typed and Connect, then
// "Share finished audits automatically" ticked. Timed from that click to the panel's "Up to date"
// (the pass: exports built, documents written to the replica, pushed, pulled back, ingested), bytes
// counted on the server's sockets. Then Sync now with nothing changed: the cost of a pass that
// sends nothing, and again with the replica's marks of what it shared dropped (every export rebuilt,
// as every idle pass did before them). Issue 23 asks for 200 x 30; `--sync-size AxS` sets another size.
import type { Page } from 'playwright-core';
import { startCouchServer } from '../../../test/support/couch-server.ts';
import type { BenchApi } from '../page/bench-page.ts';
import { BENCH_PAGE_PATH } from '../lib/build.ts';
import { info, type BenchResult } from '../lib/result.ts';
import { round } from '../lib/stats.ts';
import { closeSession, openPanelPopup, openSession, request } from '../lib/session.ts';
import { openBenchPage } from './scale.ts';

type Bench = { peakendBench: BenchApi };
const DB = 'bench';

async function connect(panel: Page, url: string): Promise<void> {
  const field = (name: string) => panel.locator(`.programme input[name="${name}"]`);
  for (const [name, value] of [
    ['server', url],
    ['database', DB],
    ['user', 'bench'],
    ['password', 'secret'],
  ] as const) {
    await field(name).click();
    await panel.keyboard.type(value, { delay: 5 });
  }
  await panel.getByRole('button', { name: 'Connect' }).click();
  await panel.getByText('Up to date').waitFor({ timeout: 60_000 });
}

async function timedPass(panel: Page, trigger: () => Promise<void>, timeoutMs: number): Promise<number> {
  // The previous pass's "Up to date" is replaced by "Syncing…" at the click; wait for that first.
  const status = panel.locator('.programme [role=status]');
  const t0 = performance.now();
  await trigger();
  await panel.waitForFunction(
    () => !document.querySelector('.programme [role=status]')?.textContent?.startsWith('Up to date'),
    null,
    { timeout: 10_000, polling: 20 },
  );
  await status.getByText(/^Up to date/).waitFor({ timeout: timeoutMs });
  const ms = performance.now() - t0;
  const alert = await panel.locator('.programme [role=alert]').count();
  if (alert) throw new Error(`the pass failed: ${await panel.locator('.programme [role=alert]').textContent()}`);
  return ms;
}

/**
 * Forgets what the replica remembers of the audits it shared (src/sync/shared-marks.ts), straight in
 * PouchDB's IndexedDB, so the next pass rebuilds every shared audit's export as every pass did
 * before those marks: the old idle cost, measured in the same run as the new one.
 */
async function dropSharedMarks(panel: Page): Promise<void> {
  const dropped = await panel.evaluate(async () => {
    const name = (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .find((n) => n.startsWith('_pouch_peakend-sync_'));
    if (!name) return 0;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open'));
    });
    const tx = db.transaction('local-store', 'readwrite');
    const store = tx.objectStore('local-store');
    const count = await new Promise<number>((resolve) => {
      const req = store.count('_local/peakend-shared');
      req.onsuccess = () => resolve(req.result);
    });
    store.delete('_local/peakend-shared');
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('delete'));
    });
    db.close();
    return count;
  });
  if (dropped !== 1) throw new Error('the replica held no shared marks to drop');
}

export async function runSync(distDir: string, size: { audits: number; steps: number }): Promise<BenchResult[]> {
  const server = await startCouchServer();
  const s = await openSession(distDir);
  try {
    await request(s.panel, { type: 'worker/pause-audit', auditId: s.auditId }).catch(() => undefined);
    await s.panel.close().catch(() => undefined);
    const bench = await openBenchPage(s, BENCH_PAGE_PATH);
    const seed = await bench.evaluate(
      ([count, steps]) =>
        (window as unknown as Bench).peakendBench.seedProgramme(
          count,
          steps,
          { id: 'bench-sync', name: 'Bench sync' },
          true,
        ),
      [size.audits, size.steps] as const,
    );
    await bench.close();
    const panel = await openPanelPopup(s.h, s.windowId);
    const library = panel.getByRole('button', { name: 'Library' });
    if (await library.count()) await library.first().click();
    await connect(panel, server.url);
    const before = server.traffic();
    const timeout = Math.max(120_000, size.audits * size.steps * 200);
    const shareMs = await timedPass(
      panel,
      () => panel.getByLabel('Share finished audits automatically').check(),
      timeout,
    );
    const shared = server.traffic();
    const docs = (await server.db(DB).allDocs({})).rows.length;
    const expected = size.audits * (1 + size.steps);
    if (docs !== expected) throw new Error(`the server holds ${docs} documents, not ${expected}`);
    const idleMs = await timedPass(panel, () => panel.getByRole('button', { name: 'Sync now' }).click(), timeout);
    const idle = server.traffic();
    await dropSharedMarks(panel);
    const rebuildMs = await timedPass(panel, () => panel.getByRole('button', { name: 'Sync now' }).click(), timeout);
    const rebuilt = server.traffic();
    const sent = shared.received - before.received;
    const label = `${size.audits} audits x ${size.steps} steps`;
    const detail = {
      seeded: seed,
      documents: docs,
      imageBytes: seed.imageBytes,
      serverSentBytes: shared.sent - before.sent,
    };
    return [
      info(`sync: share ${label} (${docs} documents)`, round(shareMs / 1000, 1), 's', {
        ...detail,
        summary: `${round(shareMs / size.audits)} ms an audit, from the click on Share finished audits automatically to Up to date`,
      }),
      info(`sync: bytes sent for ${label}`, round(sent / 2 ** 20, 1), 'MiB', {
        ...detail,
        summary: `${round(sent / seed.imageBytes, 2)}x the ${round(seed.imageBytes / 2 ** 20, 1)} MiB of JPEGs (base64 attachments, JSON, HTTP)`,
      }),
      info(`sync: Sync now with nothing changed (${label})`, round(idleMs / 1000, 1), 's', {
        bytesSent: idle.received - shared.received,
        summary: `${round((idle.received - shared.received) / 1024, 1)} KiB sent`,
      }),
      info(`sync: the same, every export rebuilt (${label})`, round(rebuildMs / 1000, 1), 's', {
        bytesSent: rebuilt.received - idle.received,
        ratio: round(rebuildMs / idleMs, 1),
        summary: `the replica's shared marks dropped, as passes ran before them; ${round(rebuildMs / idleMs, 1)}x the idle pass, ${round((rebuilt.received - idle.received) / 1024, 1)} KiB sent`,
      }),
    ];
  } finally {
    await closeSession(s);
    await server.close();
  }
}
