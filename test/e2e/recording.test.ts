// Issue 2 in a real Chromium with the built extension: journeys become steps with stored JPEG
// screenshots, bursts are queued, the worker may die, the browser may restart, and nothing is lost.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withoutHash } from '../../src/domain/urls.ts';
import { jpegSize } from './support/jpeg.ts';
import {
  audits,
  blobs,
  eventually,
  openPanel,
  screenshots,
  settled,
  startAudit,
  demoShopFixture,
  steps,
  type Session,
} from './support/peakend.ts';

const demo = demoShopFixture();
let s: Session | null = null;

describe('recording a journey', () => {
  it('records one step per page, pushState views included, each with a viewport-sized JPEG and a thumbnail', async () => {
    s = await demo.launch();
    const { h, page } = s;
    const panel = await openPanel(s);
    await startAudit(panel);

    // A brisk human pace: each page is on screen for about a second.
    const dwell = () => page.waitForTimeout(900);
    await page.goto(`${demo.shop.url}/products.html`);
    await dwell();
    await page.click('a[href*="product.html"]');
    await page.waitForURL(/product\.html/);
    await dwell();
    await page.goto(`${demo.shop.url}/app/`);
    await dwell();
    await page.click('#tab-orders');
    await page.waitForURL(/\/app\/orders/);
    const viewport = await page.evaluate(() => ({
      w: innerWidth * devicePixelRatio,
      h: innerHeight * devicePixelRatio,
    }));
    const expectedTitles = ['Jackets', 'Ridge Shell Jacket', 'Your account', 'Your orders'];

    const recorded = await eventually(
      () => steps(h),
      (list) => list.length === 5 && settled(list) && list.at(-1)!.title.startsWith('Your orders'),
    );
    // The page the audit started on is step 1; then one step per page.
    expect(recorded.map((st) => new URL(st.url).pathname)).toEqual([
      '/index.html',
      '/products.html',
      '/product.html',
      '/app/',
      '/app/orders',
    ]);
    expect(recorded.slice(1).map((st) => st.title.split(' – ')[0])).toEqual(expectedTitles);
    expect(recorded.map((st) => st.trigger)).toEqual(['start', 'navigation', 'navigation', 'navigation', 'history']);
    expect(recorded.every((st) => st.capture.status === 'ok')).toBe(true);

    const shots = await screenshots(h);
    expect(shots).toHaveLength(5);
    // Each thumbnail is stored just after its screenshot, once the step is answered.
    const stored = await eventually(
      () => blobs(h, true),
      (list) => list.filter((b) => b.kind === 'thumb').length === 5,
    );
    for (const step of recorded) {
      const shot = shots.find((x) => x.stepId === step.id)!;
      expect(shot, `screenshot of ${step.url}`).toBeDefined();
      const full = stored.find((b) => b.shotId === shot.id && b.kind === 'full')!;
      const thumb = stored.find((b) => b.shotId === shot.id && b.kind === 'thumb')!;
      expect(full.blob.$type).toBe('Blob');
      expect(full.blob.type).toBe('image/jpeg');
      expect(thumb.blob.type).toBe('image/jpeg');
      const bytes = Buffer.from(full.blob.base64!, 'base64');
      expect(jpegSize(bytes)).toEqual({ width: viewport.w, height: viewport.h });
      expect({ width: shot.width, height: shot.height }).toEqual({ width: viewport.w, height: viewport.h });
      expect(jpegSize(Buffer.from(thumb.blob.base64!, 'base64')).width).toBe(320);
      expect(thumb.blob.size).toBeLessThan(full.blob.size);
      // The recorded hash is the hash of the stored bytes.
      expect(full.blob.sha256).toBe(shot.sha256);
    }
    // The panel shows the steps in order with their thumbnails.
    await expect.poll(() => panel.locator('.step img.thumb[src^="blob:"]').count()).toBe(5);
    expect(await panel.locator('.step .step__title').allInnerTexts()).toEqual(recorded.map((st) => st.title));
  });

  it('draws thumbnails in the offscreen document, and in the worker while that document is closed', async () => {
    s = await demo.launch();
    const { h } = s;
    const panel = await openPanel(s);
    await startAudit(panel);
    await eventually(
      () => steps(h),
      (list) => list.length === 1 && settled(list),
    );
    // The audit's first capture opened the document for the next ones.
    const doc = await h.attachToExtensionDocument('src/offscreen/offscreen.html');
    // What the document is asked to draw and what it answers, by the SHA-256 of each JPEG.
    await doc.evaluate(`(() => {
      const hex = async (bytes) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
      window.asked = [];
      window.answered = [];
      navigator.serviceWorker.addEventListener('message', async (event) => {
        if (event.data?.type === 'offscreen/make-thumbnail') window.asked.push(await hex(event.data.bytes));
      });
      const post = ServiceWorker.prototype.postMessage;
      ServiceWorker.prototype.postMessage = function (message, ...rest) {
        if (message?.thumb) message.thumb.arrayBuffer().then(hex).then((h) => window.answered.push(h));
        return post.call(this, message, ...rest);
      };
    })()`);
    const logStep = panel.getByRole('button', { name: 'Log step' });
    const thumbnailOf = async (stepIndex: number) => {
      const list = await eventually(
        () => steps(h),
        (l) => l.length === stepIndex + 1 && settled(l),
      );
      // The thumbnail follows the screenshot: the record says its size once it is stored.
      const shot = (
        await eventually(
          () => screenshots(h),
          (shots) => (shots.find((x) => x.stepId === list[stepIndex]!.id)?.thumbBytes ?? 0) > 0,
        )
      ).find((x) => x.stepId === list[stepIndex]!.id)!;
      const thumb = (await blobs(h, true)).find((b) => b.shotId === shot.id && b.kind === 'thumb');
      return { shot, thumb };
    };

    await logStep.click();
    const drawnThere = await thumbnailOf(1);
    await expect.poll(() => doc.evaluate<string[]>('window.asked')).toEqual([drawnThere.shot.sha256]);
    // The stored thumbnail is the document's, byte for byte.
    await expect
      .poll(() => doc.evaluate<string[]>('window.answered'))
      .toEqual([createHash('sha256').update(Buffer.from(drawnThere.thumb!.blob.base64!, 'base64')).digest('hex')]);
    expect(jpegSize(Buffer.from(drawnThere.thumb!.blob.base64!, 'base64'))).toEqual({
      width: 320,
      height: drawnThere.shot.thumbHeight,
    });
    expect(drawnThere.shot.thumbBytes).toBe(drawnThere.thumb!.blob.size);
    await doc.detach();

    // Closed (as it closes itself when idle): the worker draws the next thumbnail and opens it again.
    const sw = await h.sw();
    await sw.evaluate(() => chrome.offscreen.closeDocument());
    // The worker's own drawing ends in OffscreenCanvas.convertToBlob; it is counted there.
    await sw.evaluate(() => {
      const g = globalThis as unknown as { drawnInWorker: number };
      g.drawnInWorker = 0;
      // oxlint-disable-next-line typescript/unbound-method -- the original, called below with the canvas as this
      const encode = OffscreenCanvas.prototype.convertToBlob;
      OffscreenCanvas.prototype.convertToBlob = function (...args) {
        g.drawnInWorker += 1;
        return encode.apply(this, args);
      };
    });
    await logStep.click();
    const drawnHere = await thumbnailOf(2);
    expect(await sw.evaluate(() => (globalThis as unknown as { drawnInWorker: number }).drawnInWorker)).toBe(1);
    expect(jpegSize(Buffer.from(drawnHere.thumb!.blob.base64!, 'base64'))).toEqual({
      width: 320,
      height: drawnHere.shot.thumbHeight,
    });
    expect(drawnHere.shot.thumbBytes).toBe(drawnHere.thumb!.blob.size);
    const reopened = await h.attachToExtensionDocument('src/offscreen/offscreen.html');
    await reopened.detach();
  });

  it('never leaves a step pending when the auditor moves on at once: a screenshot, or a clear notice', async () => {
    s = await demo.launch();
    const { h, page } = s;
    const panel = await openPanel(s);
    await startAudit(panel);
    for (const path of ['/products.html', '/cart.html', '/story.html', '/index.html'])
      await page.goto(`${demo.shop.url}${path}`);
    const recorded = await eventually(
      () => steps(h),
      (list) => list.length === 5 && settled(list),
    );
    for (const step of recorded.slice(1)) {
      expect(['ok', 'failed:left-page']).toContain(
        step.capture.status === 'failed' ? `failed:${step.capture.reason}` : step.capture.status,
      );
      expect(step.title).toMatch(/Northwind|Jackets|cart|story/i);
    }
    // The last page stays, so it is always captured.
    expect(recorded.at(-1)!.capture).toEqual({ status: 'ok' });
    const shots = await screenshots(h);
    expect(shots).toHaveLength(recorded.filter((st) => st.capture.status === 'ok').length);
  });

  it('queues five quick Log step presses: five steps, five screenshots, no quota error', async () => {
    s = await demo.launch();
    const { h } = s;
    const panel = await openPanel(s);
    await startAudit(panel);
    const logStep = panel.getByRole('button', { name: 'Log step' });
    for (let i = 0; i < 5; i++) await logStep.click({ delay: 0, noWaitAfter: true });
    // The start page's step, then the five logged ones.
    const recorded = await eventually(
      () => steps(h),
      (list) => list.length === 6 && settled(list),
      20000,
    );
    expect(recorded.map((st) => st.capture)).toEqual(Array(6).fill({ status: 'ok' }));
    expect(recorded.map((st) => st.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(recorded.filter((st) => st.trigger === 'manual')).toHaveLength(5);
    expect(await screenshots(h)).toHaveLength(6);
    expect((await blobs(h)).filter((b) => b.kind === 'full')).toHaveLength(6);
    expect(await panel.getByRole('alert').count()).toBe(0);
  });

  it('carries on when the browser stops the service worker mid-journey', async () => {
    s = await demo.launch();
    const { h, page } = s;
    const panel = await openPanel(s);
    await startAudit(panel);
    await page.goto(`${demo.shop.url}/products.html`);
    await eventually(
      () => steps(h),
      (list) => list.length === 2 && settled(list),
    );

    await (
      await h.sw()
    ).evaluate(() => {
      (self as unknown as { __beforeStop?: number }).__beforeStop = 1;
    });
    await h.stopServiceWorker();
    // A fresh worker: whatever the old one held in memory is gone.
    expect(
      await (await h.sw()).evaluate(() => (self as unknown as { __beforeStop?: number }).__beforeStop),
    ).toBeUndefined();

    await page.goto(`${demo.shop.url}/product.html?id=ridge-shell`);
    await eventually(
      () => steps(h),
      (list) => list.length === 3 && settled(list),
    );
    await page.goto(`${demo.shop.url}/cart.html`);
    const afterStop = await eventually(
      () => steps(h),
      (list) => list.length === 4 && settled(list),
    );
    expect(afterStop.map((st) => new URL(st.url).pathname)).toEqual([
      '/index.html',
      '/products.html',
      '/product.html',
      '/cart.html',
    ]);
    expect(afterStop.every((st) => st.capture.status === 'ok')).toBe(true);

    // A manual step after a second stop works too: the panel's message wakes the worker.
    await h.stopServiceWorker();
    await panel.getByRole('button', { name: 'Log step' }).click();
    const all = await eventually(
      () => steps(h),
      (list) => list.length === 5 && settled(list),
    );
    expect(all[4]!.trigger).toBe('manual');
    expect(await screenshots(h)).toHaveLength(5);
  });

  it('keeps the audit through closing the panel and restarting the browser', async () => {
    s = await demo.launch();
    const panel = await openPanel(s);
    await startAudit(panel);
    await s.page.goto(`${demo.shop.url}/products.html`);
    // Settled: captured, and the page's signals stored, so the snapshot below is final.
    await eventually(
      () => steps(s!.h),
      (list) => list.length === 2 && settled(list) && list[1]!.signals !== null,
    );
    await panel.close();

    const reopened = await openPanel(s);
    // The running audit opens straight away, its steps and thumbnails included.
    await expect.poll(() => reopened.locator('.step img.thumb[src^="blob:"]').count()).toBe(2);

    const before = { steps: await steps(s.h), shots: await screenshots(s.h), blobs: await blobs(s.h) };
    s.h = await s.h.restart();
    const after = { steps: await steps(s.h), shots: await screenshots(s.h), blobs: await blobs(s.h) };
    expect(after.steps).toEqual(before.steps);
    expect(after.shots).toEqual(before.shots);
    expect(after.blobs.map((b) => b.blob.sha256).sort()).toEqual(before.blobs.map((b) => b.blob.sha256).sort());
    const panelAgain = await openPanel({ h: s.h, windowId: await s.h.windowIdOf(s.h.context.pages()[0]!) });
    await expect
      .poll(() => panelAgain.locator('.step .step__title').allInnerTexts())
      .toEqual(before.steps.map((st) => st.title));
  });

  it('records a chrome:// page as a step with a clear notice, and goes on capturing afterwards', async () => {
    s = await demo.launch();
    const { h, page } = s;
    const panel = await openPanel(s);
    await startAudit(panel);
    await page.goto('chrome://version');
    await page.goto(`${demo.shop.url}/cart.html`);
    const recorded = await eventually(
      () => steps(h),
      (list) => list.length === 3 && settled(list),
    );
    expect(recorded[1]!.url).toMatch(/^chrome:\/\/version/);
    expect(recorded[1]!.capture).toEqual({ status: 'uncapturable', reason: 'browser-page' });
    expect(recorded[2]!.capture).toEqual({ status: 'ok' });
    await expect
      .poll(() => panel.locator('.step__notice').first().innerText())
      .toContain('This page cannot be captured');
    expect(await screenshots(h)).toHaveLength(2);
  });

  it('shows a page title made of markup as literal text, and runs none of it', async () => {
    s = await demo.launch();
    const { h, page } = s;
    const panel = await openPanel(s);
    await startAudit(panel);
    await page.goto(`${demo.shop.url}/hostile.html`);
    const hostileTitle = await page.title();
    expect(hostileTitle).toContain('<img src=x onerror=');
    await eventually(
      () => steps(h),
      (list) => list.length === 2 && settled(list),
    );
    await expect.poll(() => panel.locator('.step__title').nth(1).innerText()).toBe(hostileTitle);
    expect(await panel.locator('.step__title img').count()).toBe(0);
    expect(await panel.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('deletes an audit with its steps and screenshot blobs, and keeps the others', async () => {
    s = await demo.launch();
    const { h, page } = s;
    const panel = await openPanel(s);
    await startAudit(panel, 'keeper');
    await panel.getByRole('button', { name: 'Log step' }).click();
    await eventually(
      () => steps(h),
      (list) => list.length === 2 && settled(list),
    );
    await panel.getByRole('button', { name: 'Library' }).click();
    await startAudit(panel, 'doomed');
    await page.goto(`${demo.shop.url}/products.html`);
    await page.goto(`${demo.shop.url}/cart.html`);
    await eventually(
      () => steps(h),
      (list) => list.length === 5 && settled(list),
    );
    const both = await audits(h);
    expect(both.map((a) => a.auditor).sort()).toEqual(['doomed', 'keeper']);
    const doomed = both.find((a) => a.auditor === 'doomed')!;
    const keeper = both.find((a) => a.auditor === 'keeper')!;

    await panel.getByRole('button', { name: 'Library' }).click();
    const row = panel.locator(`[data-audit-id="${doomed.id}"]`);
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.getByRole('button', { name: 'Delete permanently' }).click();
    await expect.poll(() => row.count()).toBe(0);

    expect((await audits(h)).map((a) => a.id)).toEqual([keeper.id]);
    const left = await steps(h);
    expect(left.every((st) => st.auditId === keeper.id)).toBe(true);
    expect(left).toHaveLength(2);
    const shots = await screenshots(h);
    expect(shots.map((x) => x.auditId)).toEqual([keeper.id, keeper.id]);
    const rows = await blobs(h);
    expect(rows).toHaveLength(4);
    expect(rows.every((b) => shots.some((x) => x.id === b.shotId))).toBe(true);
  });

  it('opens in the real side panel: the toolbar button opens it, and it records from there', async () => {
    s = await demo.launch();
    const { h, page } = s;
    const behaviour = await (await h.sw()).evaluate(() => chrome.sidePanel.getPanelBehavior());
    expect(behaviour.openPanelOnActionClick).toBe(true);
    // The keyboard command is registered with its shortcut (headless Chromium cannot press browser
    // shortcuts, so the key itself is not exercised here).
    const commands = await (await h.sw()).evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'log-step')).toMatchObject({ shortcut: 'Alt+Shift+L' });
    const side = await h.openSidePanel(s.windowId);
    await side.waitFor(`document.querySelector('h1')?.textContent === 'Audits'`);
    await side.click('New audit');
    await side.waitFor(`document.querySelector('input[name=auditor]') !== null`);
    await side.fill('input[name=auditor]', 'panel-user');
    await side.click('Start audit');
    await side.waitFor(`[...document.querySelectorAll('button')].some((b) => b.textContent === 'Log step')`);
    await side.click('Log step');
    const recorded = await eventually(
      () => steps(h),
      (list) => list.length === 2 && settled(list),
    );
    expect(recorded.map((st) => withoutHash(st.url))).toEqual([withoutHash(page.url()), withoutHash(page.url())]);
    expect(recorded.map((st) => st.trigger)).toEqual(['start', 'manual']);
    expect(recorded[1]!.capture).toEqual({ status: 'ok' });
    await side.waitFor(`document.querySelectorAll('.step img.thumb[src^="blob:"]').length === 2`);
  });
});
