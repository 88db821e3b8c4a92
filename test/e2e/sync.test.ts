// Two auditors, two browser profiles, one team CouchDB (the CouchDB-protocol test server on
// 127.0.0.1): profile A records a journey on the demo shop, connects the programme in the library,
// and shares the audit; profile B connects and finds the same audit, byte-identical screenshots and
// the same scores. The sync runs in the panel page with PouchDB over IndexedDB, as it ships, and
// goes on while the browser stops the service worker.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeScores } from '../../src/domain/scores/index.ts';
import { startCouchServer, type CouchServer } from '../support/couch-server.ts';
import {
  audits,
  blobs,
  demoShopFixture,
  eventually,
  openPanel,
  screenshots,
  settled,
  startAudit,
  steps,
} from './support/peakend.ts';

const shop = demoShopFixture();
let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => server.close());

/** The library's Programme form, typed at a person's pace, then Connect. */
async function connect(panel: Page, url: string, user: string): Promise<void> {
  const field = (name: string) => panel.locator(`.programme input[name="${name}"]`);
  await field('server')
    .waitFor({ timeout: 15000 })
    .catch(async (e: unknown) => {
      throw new Error(`${String(e)}\n${(await panel.locator('body').textContent()) ?? ''}`);
    });
  await field('server').click();
  await panel.keyboard.type(url, { delay: 15 });
  await field('database').click();
  await panel.keyboard.type('team', { delay: 15 });
  await field('user').click();
  await panel.keyboard.type(user, { delay: 15 });
  await field('password').click();
  await panel.keyboard.type('secret', { delay: 15 });
  await panel.getByRole('button', { name: 'Connect' }).click();
  await panel.getByText('Connected to').waitFor({ timeout: 15000 });
}

describe('a programme shared through CouchDB', () => {
  it('carries an audit from one profile to another, byte for byte', async () => {
    const a = await shop.launch();
    const panelA = await openPanel(a);
    await startAudit(panelA, 'anna');
    await a.page.goto(`${shop.shop.url}/products.html`);
    await eventually(
      () => steps(a.h),
      (list) => list.length === 2 && settled(list),
    );
    await a.page.goto(`${shop.shop.url}/cart.html`);
    const recorded = await eventually(
      () => steps(a.h),
      (list) => list.length === 3 && settled(list),
    );
    expect(recorded.every((s) => s.capture.status === 'ok')).toBe(true);
    await panelA.getByRole('button', { name: 'Pause' }).click();
    await panelA.getByRole('button', { name: 'Library' }).click();
    const auditId = (await audits(a.h))[0]!.id;

    // <all_urls> (for capture) already covers the server: Chrome grants the optional permission at once.
    const sw = await a.h.sw();
    expect(await sw.evaluate((origin) => chrome.permissions.contains({ origins: [`${origin}/*`] }), server.url)).toBe(
      true,
    );
    await connect(panelA, server.url, 'anna');
    await panelA.getByText('Up to date').waitFor({ timeout: 15000 });
    // Connected, nothing shared yet: nothing on the server.
    expect((await server.db('team').allDocs({})).rows).toEqual([]);

    await panelA.locator(`[data-audit-id="${auditId}"]`).getByRole('button', { name: 'Share this audit' }).click();
    // The browser stops the worker right after Share, while the pass runs: the sync is the panel's.
    await a.h.stopServiceWorker();
    await eventually(
      async () => (await server.db('team').allDocs({})).rows.length,
      (n) => n === 4,
    );

    const b = await shop.launch();
    const panelB = await openPanel(b);
    await panelB.getByRole('heading', { name: 'Audits' }).waitFor();
    await connect(panelB, server.url, 'boris');
    await eventually(
      () => audits(b.h),
      (list) => list.some((x) => x.id === auditId),
      20000,
    );
    const [shotsA, shotsB] = [await screenshots(a.h), await screenshots(b.h)];
    const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
    expect(shotsB.toSorted(byId)).toEqual(shotsA.toSorted(byId));
    const full = async (h: typeof a.h) =>
      (await blobs(h, true))
        .filter((x) => x.kind === 'full')
        .map((x) => [x.shotId, x.blob.sha256, x.blob.size, x.blob.type, x.blob.base64])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    const [fullA, fullB] = [await full(a.h), await full(b.h)];
    expect(fullB).toHaveLength(3);
    expect(fullB).toEqual(fullA);
    for (const shot of shotsB) expect(fullB.find((x) => x[0] === shot.id)?.[1]).toBe(shot.sha256);
    const [auditA, auditB] = [(await audits(a.h))[0]!, (await audits(b.h)).find((x) => x.id === auditId)!];
    expect(computeScores(auditB, await steps(b.h))).toEqual(computeScores(auditA, await steps(a.h)));
    // It shows in B's library.
    await panelB.locator(`[data-audit-id="${auditId}"]`).waitFor();
  });
});
