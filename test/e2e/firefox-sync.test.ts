// Programme sync in Firefox: the Firefox build (dist-firefox/) in Debian's firefox-esr, its panel page
// (the sidebar's page, opened in a window of its own as in firefox.test.ts) recording a journey on the
// demo shop, connecting to the CouchDB-protocol test server on 127.0.0.1, sharing the audit, and
// taking in an audit another machine put on the server. PouchDB runs as it ships: its IndexedDB
// adapter in the moz-extension:// page, its HTTP adapter fetching the server with the credentials.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit, Screenshot, Step } from '../../src/domain/model.ts';
import { documentsOf, type StepDoc } from '../../src/sync/documents.ts';
import type { PouchDoc } from '../../src/sync/pouch-port.ts';
import { startDemoShop, type DemoShop } from '../../scripts/demo-shop/server.ts';
import { startCouchServer, type CouchServer } from '../support/couch-server.ts';
import { fixture, sha256, sha256hex } from '../unit/import/helpers.ts';
import { launchFirefox, type FirefoxSession } from './harness/firefox.ts';
import { onDemoShop } from './support/firefox-shop.ts';
import type { BlobSummary } from './harness/index.ts';
import { eventually } from './support/peakend.ts';

/** The manifest's optional data collection (scripts/build/manifests.ts): what a share sends. */
const SHARED_DATA = ['websiteContent', 'browsingActivity', 'websiteActivity', 'personallyIdentifyingInfo'];

/**
 * Firefox asks with a doorhanger that no automation reaches: with this preference it grants an
 * optional permission (a host, or data collection) at once, as a person pressing Allow would.
 */
const ALLOW_PROMPTS = { 'extensions.webextOptionalPermissionPrompts': false };

describe('Firefox: a programme shared through CouchDB', () => {
  let ff: FirefoxSession;
  let shop: DemoShop;
  let server: CouchServer;
  let page: Page;
  let panel: Page;
  let auditId = '';

  beforeAll(async () => {
    [ff, shop, server] = await Promise.all([
      launchFirefox({ prefs: ALLOW_PROMPTS }),
      startDemoShop(),
      startCouchServer(),
    ]);
    ({ page, panel } = await onDemoShop(ff, shop.url));
  }, 120_000);

  afterAll(async () => {
    await ff?.close();
    await shop?.close();
    await server?.close();
  });

  const read = <T>(store: string, base64 = false) => ff.readIndexedDb<T>(panel, 'peakend', store, { base64 });
  const button = (text: string, within = '') => panel.locator(`${within} button::-p-text(${text})`.trim());

  /** The library's Programme form, typed at a person's pace, then Connect. */
  const connect = async (database: string) => {
    for (const [name, value] of [
      ['server', server.url],
      ['database', database],
      ['user', 'fox'],
      ['password', 'secret'],
    ] as const) {
      await panel.locator(`.programme input[name="${name}"]`).click();
      await panel.keyboard.type(value, { delay: 15 });
    }
    await button('Connect', '.programme').click();
    await panel.locator('.programme ::-p-text(Connected to)').wait();
  };

  it('shares an audit: the server holds its documents and the same screenshot bytes', async () => {
    const started = Date.now();
    await button('New audit').click();
    await eventually(
      () => panel.$eval('input[name="site"]', (el) => el.value),
      (value) => value !== '',
    );
    await panel.locator('input[name="auditor"]').click();
    await panel.keyboard.type('fox', { delay: 15 });
    await button('Start audit').click();
    const settled = (count: number) =>
      eventually(
        async () => (await read<Step>('steps')).sort((a, b) => a.index - b.index),
        (list) => list.length === count && list.every((s) => s.capture.status !== 'pending'),
        30_000,
      );
    await settled(1);
    await page.goto(`${shop.url}/product.html`);
    const recorded = await settled(2);
    expect(recorded.map((s) => s.capture.status)).toEqual(['ok', 'ok']);
    await button('Pause').click();
    await button('Library').click();
    auditId = (await read<Audit>('audits'))[0]!.id;

    // <all_urls> (for capture) is granted, and it covers the server; the data a share sends is
    // not granted at install (optional): Connect asks for it, in the same request as the host.
    const hostBefore = await panel.evaluate(
      (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
      server.url,
    );
    expect(hostBefore).toBe(true);
    expect(await panel.evaluate(dataCollectionGranted)).toEqual([]);
    await connect('team');
    expect((await panel.evaluate(dataCollectionGranted)).sort()).toEqual([...SHARED_DATA].sort());
    await panel.locator('.programme ::-p-text(Up to date)').wait();
    expect((await server.db('team').allDocs({})).rows, 'connected, nothing shared yet').toEqual([]);

    await button('Share this audit', `[data-audit-id="${auditId}"]`).click();
    await eventually(
      async () => (await server.db('team').allDocs({})).rows.length,
      (n) => n === 3,
      30_000,
    );
    console.log(`[firefox-sync] recorded, connected and shared in ${Date.now() - started} ms`);

    // The server's copy: the audit's document, one per step, each screenshot an attachment whose
    // bytes are those in Firefox's IndexedDB, byte for byte.
    const docs = (await server.db('team').allDocs({ include_docs: true, attachments: true })).rows.map((r) => r.doc!);
    expect(docs.map((d) => d._id).sort()).toEqual(
      [`audit:${auditId}`, ...recorded.map((s) => `step:${auditId}:${s.id}`)].sort(),
    );
    const shots = await read<Screenshot>('screenshots');
    const stored = (await read<{ shotId: string; kind: string; blob: BlobSummary }>('blobs', true)).filter(
      (b) => b.kind === 'full',
    );
    expect(shots).toHaveLength(2);
    for (const shot of shots) {
      const doc = docs.find((d) => d._id === `step:${auditId}:${shot.stepId}`) as unknown as StepDoc & {
        _attachments: Record<string, { data: string; content_type: string }>;
      };
      const meta = doc.screenshots.find((x) => x.id === shot.id)!;
      const sent = doc._attachments[meta.file!]!;
      const local = stored.find((b) => b.shotId === shot.id)!.blob;
      expect(sent.content_type).toBe('image/jpeg');
      expect(sent.data).toBe(local.base64);
      expect(sha256hex(Buffer.from(sent.data, 'base64'))).toBe(shot.sha256);
    }
    // No CORS preflight: an extension page with the host permission is not subject to CORS, so
    // the server (whose CORS is off) needs none.
    expect(server.requests.filter((r) => r.method === 'OPTIONS')).toEqual([]);
  }, 180_000);

  it('takes in an audit another machine put on the server', async () => {
    expect(auditId, 'the previous test connected and shared').not.toBe('');
    const fx = fixture({ id: 'aud_00000000-0000-4000-8000-0000000000f1' });
    const files = new Map(
      [...fx.blobs].map(([shotId, bytes]) => [fx.exp.screenshots.find((x) => x.id === shotId)!.file!, bytes]),
    );
    const share = { origin: 'another-machine', shareId: 'share-ff', sharedAt: '2026-11-24T10:00:00.000Z', by: 'anna' };
    const planted = await documentsOf({ exp: fx.exp, files }, share, sha256);
    for (const doc of [planted.audit, ...planted.steps]) await server.db('team').put(doc as unknown as PouchDoc);

    const syncNow = button('Sync now', '.programme');
    await panel.waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLButtonElement>('.programme button')].some(
          (b) => b.textContent === 'Sync now' && !b.disabled,
        ),
      { timeout: 30_000 },
    );
    await syncNow.click();
    const arrived = await eventually(
      () => read<Audit>('audits'),
      (list) => list.some((a) => a.id === fx.audit.id),
      30_000,
    );
    expect(arrived.map((a) => a.id).sort()).toEqual([auditId, fx.audit.id].sort());
    // Its screenshots arrived byte for byte, each checked against its SHA-256.
    const shots = (await read<Screenshot>('screenshots')).filter((s) => s.auditId === fx.audit.id);
    expect(shots.map((s) => s.sha256).sort()).toEqual(fx.shots.map((s) => s.sha256).sort());
    const stored = (await read<{ shotId: string; kind: string; blob: BlobSummary }>('blobs', true)).filter(
      (b) => b.kind === 'full' && shots.some((s) => s.id === b.shotId),
    );
    for (const b of stored) {
      expect(b.blob.base64).toBe(Buffer.from(fx.blobs.get(b.shotId)!).toString('base64'));
    }
    expect(stored).toHaveLength(fx.shots.length);
    // It shows in the library.
    await panel.waitForSelector(`[data-audit-id="${fx.audit.id}"]`, { timeout: 15_000 });
  }, 120_000);

  it('sends nothing once the data collection is withdrawn, says so, and Connect asks again', async () => {
    expect(auditId, 'the first test connected and shared').not.toBe('');
    // The person withdrew it (about:addons → Peakend → Permissions), here from the sidebar's page.
    expect(
      await panel.evaluate((data) => browser.permissions.remove({ data_collection: data } as never), SHARED_DATA),
    ).toBe(true);
    expect(await panel.evaluate(dataCollectionGranted)).toEqual([]);
    const docsBefore = (await server.db('team').allDocs({})).rows.map((r) => `${r.id}@${r.value.rev}`);
    const requestsBefore = server.requests.length;

    await button('Sync now', '.programme').click();
    const alert = await panel.locator('.programme [role="alert"]').waitHandle();
    expect(await alert.evaluate((el) => el.textContent)).toBe(
      'Firefox no longer allows Peakend to share audits (withdrawn in Add-ons and themes → Peakend → ' +
        'Permissions), so nothing was sent. Press Connect to allow it again.',
    );
    // Nothing reached the server: not a request, and its documents are as they were.
    expect(server.requests.slice(requestsBefore)).toEqual([]);
    expect((await server.db('team').allDocs({})).rows.map((r) => `${r.id}@${r.value.rev}`)).toEqual(docsBefore);

    // Connect asks again (inside the click); the preference stands in for the person's Allow.
    await button('Connect', '.programme').click();
    await panel.waitForFunction(() => !document.querySelector('.programme [role="alert"]'), { timeout: 30_000 });
    expect((await panel.evaluate(dataCollectionGranted)).sort()).toEqual([...SHARED_DATA].sort());
    await eventually(
      () => Promise.resolve(server.requests.length),
      (n) => n > requestsBefore,
      30_000,
    );
    await panel.locator('.programme [role="status"]').wait();
    // Allowed again: the pass went through and the Connect button is gone.
    expect(await panel.$$eval('.programme button', (list) => list.map((b) => b.textContent))).toEqual([
      'Sync now',
      'Disconnect',
    ]);
  }, 120_000);
});

/** The data collection Firefox holds granted for Peakend (run in an extension page). */
function dataCollectionGranted(): Promise<string[]> {
  return browser.permissions.getAll().then((all) => (all as { data_collection?: string[] }).data_collection ?? []);
}

describe('Firefox: access to all sites withdrawn in about:addons', () => {
  let ff: FirefoxSession;
  let server: CouchServer;
  let panel: Page;

  beforeAll(async () => {
    [ff, server] = await Promise.all([launchFirefox({ prefs: ALLOW_PROMPTS }), startCouchServer()]);
    panel = await ff.openExtensionPage('src/panel/index.html');
  }, 120_000);

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('asks for the server on Connect, and that grant reaches the server at its port', async () => {
    const host = `${new URL(server.url).protocol}//${new URL(server.url).hostname}/*`;
    // The person switched off "Access your data for all websites" (about:addons, Permissions).
    expect(await panel.evaluate(() => browser.permissions.remove({ origins: ['<all_urls>'] }))).toBe(true);
    expect(await panel.evaluate((p) => browser.permissions.contains({ origins: [p] }), `${server.url}/*`)).toBe(false);
    // Outside a person's click Firefox refuses the request outright: Peakend asks inside Connect's.
    const unprompted = await panel.evaluate(
      (p) =>
        browser.permissions.request({ origins: [p] }).then(
          (granted) => `granted: ${String(granted)}`,
          (e: Error) => e.message,
        ),
      host,
    );
    expect(unprompted).toBe('permissions.request may only be called from a user input handler');
    await panel.locator('.programme input[name="server"]').wait();
    for (const [name, value] of [
      ['server', server.url],
      ['database', 'team'],
      ['user', 'fox'],
      ['password', 'secret'],
    ] as const) {
      await panel.locator(`.programme input[name="${name}"]`).click();
      await panel.keyboard.type(value, { delay: 15 });
    }
    await panel.locator('.programme button::-p-text(Connect)').click();
    // Asked for the host, every port: a grant with the port in it matched no request, and the pass
    // went out as a CORS request (an OPTIONS preflight the server refuses) and failed.
    await panel.locator('.programme ::-p-text(Up to date)').wait();
    expect((await panel.evaluate(() => browser.permissions.getAll())).origins).toEqual([host]);
    // The same request asked for the data a share sends.
    expect((await panel.evaluate(dataCollectionGranted)).sort()).toEqual([...SHARED_DATA].sort());
    expect(server.requests.filter((r) => r.method === 'OPTIONS')).toEqual([]);
    expect(server.requests.some((r) => r.path.startsWith('/team'))).toBe(true);
  }, 120_000);
});
