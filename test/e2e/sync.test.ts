// Two auditors, two browser profiles, one team CouchDB (the CouchDB-protocol test server on
// 127.0.0.1): profile A records a journey on the demo shop, connects the programme in the library,
// and shares the audit; profile B connects and finds the same audit, byte-identical screenshots and
// the same scores. The sync runs in the panel page with PouchDB over IndexedDB, as it ships, and
// goes on while the browser stops the service worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeScores } from '../../src/domain/scores/index.ts';
import { documentsOf } from '../../src/sync/documents.ts';
import type { PouchDoc } from '../../src/sync/pouch-port.ts';
import { startCouchServer, type CouchServer } from '../support/couch-server.ts';
import { connect } from './support/programme.ts';
import { fixture, jpeg, sha256 } from '../unit/import/helpers.ts';
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

  it('says why the server refused, names a bad document, and takes in the rest', async () => {
    // Another team database: a good audit and a bad copy (one screenshot's bytes changed), as
    // documents written straight into the server.
    const team = server.db('faults');
    const fx = fixture({ id: 'aud_00000000-0000-4000-8000-0000000000e1' });
    const files = new Map(
      [...fx.blobs].map(([shotId, bytes]) => [fx.exp.screenshots.find((x) => x.id === shotId)!.file!, bytes]),
    );
    const share = { origin: 'elsewhere', shareId: 'share-1', sharedAt: '2026-11-24T10:00:00.000Z', by: 'anna' };
    const good = await documentsOf({ exp: fx.exp, files }, share, sha256);
    const badId = 'aud_00000000-0000-4000-8000-0000000000e2';
    const bad = JSON.parse(JSON.stringify(good).replaceAll(fx.audit.id, badId)) as typeof good;
    const spoiled = bad.steps[0]!._attachments!;
    const name = Object.keys(spoiled)[0]!;
    spoiled[name]!.data = Buffer.from(jpeg(Buffer.from(spoiled[name]!.data, 'base64').length, 77)).toString('base64');
    for (const doc of [good.audit, ...good.steps, bad.audit, ...bad.steps]) await team.put(doc as unknown as PouchDoc);

    const c = await shop.launch();
    const panel = await openPanel(c);
    await panel.getByRole('heading', { name: 'Audits' }).waitFor();
    server.fail({ status: 401 });
    await connect(panel, server.url, 'carla', 'faults');
    await expect
      .poll(() => panel.locator('.programme [role=alert]').textContent(), { timeout: 15000 })
      .toBe('The server did not accept the user name or password.');
    server.fail({ status: 413 });
    await panel.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => panel.locator('.programme [role=alert]').textContent(), { timeout: 15000 })
      .toContain('too large');
    server.fail(null);
    await panel.getByRole('button', { name: 'Sync now' }).click();
    await panel.getByText(`audit:${badId}`).waitFor({ timeout: 20000 });
    expect(await panel.locator('.programme__refused').textContent()).toContain('SHA-256 does not match');
    const list = await audits(c.h);
    expect(list.map((x) => x.id)).toEqual([fx.audit.id]);
  });
});
