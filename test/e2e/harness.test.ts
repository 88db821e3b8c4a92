// Tests the e2e harness itself against a tiny extension it writes at start (no real build needed).
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BlobSummary, type Harness, expectedExtensionId, findChromium, launchExtension } from './harness/index.ts';
import { MINI_DB, MINI_PANEL_PATH, MINI_STORE, writeMiniExtension } from './harness/mini-extension.ts';

describe('e2e harness (on a throwaway mini extension)', () => {
  let distDir = '';
  let h: Harness;

  beforeAll(async () => {
    distDir = writeMiniExtension();
    h = await launchExtension({ distDir });
  });

  afterAll(async () => {
    await h?.close();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  it('finds a Chromium binary', () => {
    const exe = findChromium();
    expect(exe).toBeTruthy();
    expect(existsSync(exe ?? '')).toBe(true);
  });

  it('finds the extension id from the service worker', async () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    expect(h.extensionId).toBe(expectedExtensionId(h.distDir, h.manifest));
    const sw = await h.sw();
    expect(sw.url()).toBe(h.extensionUrl('sw.js'));
    expect(h.sidePanelPath()).toBe(MINI_PANEL_PATH);
  });

  it('stopServiceWorker really stops the worker: its globals are gone afterwards', async () => {
    const before = await h.sw();
    const bootBefore = await before.evaluate(() => {
      (globalThis as { marker?: string }).marker = 'set-before-stop';
      return (globalThis as { bootId?: string }).bootId;
    });
    expect(await before.evaluate(() => (globalThis as { marker?: string }).marker)).toBe('set-before-stop');

    await h.stopServiceWorker();
    expect(await h.workerStatus()).toBe('stopped');

    const after = await h.sw(); // wakes it
    expect(await h.workerStatus()).toBe('running');
    expect(await after.evaluate(() => (globalThis as { marker?: string }).marker)).toBeUndefined();
    const bootAfter = await after.evaluate(() => (globalThis as { bootId?: string }).bootId);
    expect(bootAfter).toBeTruthy();
    expect(bootAfter).not.toBe(bootBefore);
  });

  it('a message restarts a stopped worker with fresh globals', async () => {
    await (
      await h.sw()
    ).evaluate(() => {
      (globalThis as { marker?: string }).marker = 'again';
    });
    await h.stopServiceWorker();
    const reply = await h.evaluateInExtension<{ bootId: string; marker: string | null }>(
      "chrome.runtime.sendMessage({ type: 'ping' })",
    );
    expect(reply.marker).toBeNull();
    expect(await h.workerStatus()).toBe('running');
  });

  it('windowIdOf / tabIdOf agree with chrome.tabs in the worker', async () => {
    const page = h.context.pages()[0] ?? (await h.context.newPage());
    await page.goto('data:text/html,<title>audited</title><p>audited page</p>');
    const windowId = await h.windowIdOf(page);
    const tabId = await h.tabIdOf(page);
    const tabs = await (
      await h.sw()
    ).evaluate(async () =>
      (await chrome.tabs.query({})).map((t) => ({ id: t.id, windowId: t.windowId, url: t.url, title: t.title })),
    );
    const tab = tabs.find((t) => t.id === tabId);
    expect(tab?.windowId).toBe(windowId);
    expect(tab?.url).toBe(page.url());
    expect(tab?.title).toBe('audited'); // title restored
  });

  it('opens the real side panel; evaluate, click and fill reach it', async () => {
    const page = h.context.pages()[0] ?? (await h.context.newPage());
    const windowId = await h.windowIdOf(page);
    const tabId = await h.tabIdOf(page);
    const panel = await h.openSidePanel(windowId);
    expect(await panel.evaluate<string>('location.href')).toBe(h.extensionUrl(MINI_PANEL_PATH));
    // It is the side panel, not a tab: no tab of its own, narrow, in the requested window.
    expect(await panel.evaluate('chrome.tabs.getCurrent().then((t) => t ?? null)')).toBeNull();
    expect(await panel.evaluate<number>('chrome.windows.getCurrent().then((w) => w.id)')).toBe(windowId);
    expect(await panel.evaluate<number>('innerWidth')).toBeLessThan(600);
    // Opening it left the audited tab active (matters for captureVisibleTab).
    const active = await (
      await h.sw()
    ).evaluate(async (w) => (await chrome.tabs.query({ active: true, windowId: w }))[0]?.id, windowId);
    expect(active).toBe(tabId);

    // The button is in the HTML before the panel's module script adds its listener: a click that
    // lands in between is not counted (this test once read '1' after two clicks).
    await panel.waitFor('window.panelReady === true');
    await panel.click('Press me');
    await panel.click('#press');
    expect(await panel.text('#count')).toBe('2');

    // A button that a late re-render keeps moving (here 40 px every 16 ms for half a second, a step
    // larger than the button) gets the click once it holds still, and nothing else gets one.
    await panel.evaluate(`(() => {
      const spacer = document.body.appendChild(document.createElement('div'));
      const target = document.body.appendChild(document.createElement('button'));
      target.textContent = 'Moving target';
      window.hits = { target: 0, other: 0 };
      addEventListener('click', (e) => { if (e.target === target) hits.target++; else hits.other++; });
      const started = Date.now();
      const timer = setInterval(() => {
        spacer.style.blockSize = ((Date.now() - started) / 16) * 40 % 400 + 'px';
        if (Date.now() - started > 500) clearInterval(timer);
      }, 16);
      return true;
    })()`);
    await panel.click('Moving target');
    expect(await panel.evaluate('window.hits')).toEqual({ target: 1, other: 0 });
    // An element the pointer passes through (pointer-events: none) is clicked through its ancestor,
    // which the press reaches: one click, not a retry until the timeout.
    await panel.evaluate(`(() => {
      const outer = document.body.appendChild(document.createElement('button'));
      outer.innerHTML = '<span id="through" style="pointer-events:none">Through</span>';
      window.outerClicks = 0;
      outer.addEventListener('click', () => window.outerClicks++);
      return true;
    })()`);
    await panel.click('css=#through', { timeoutMs: 3000 });
    expect(await panel.evaluate('window.outerClicks')).toBe(1);

    await panel.fill('#name', 'Ada');
    expect(await panel.waitFor<string>("document.getElementById('echo').textContent")).toBe('Ada');
    expect((await panel.screenshot()).subarray(1, 4).toString()).toBe('PNG');
    expect(panel.errors()).toEqual([]);

    // A second openSidePanel on the same window attaches to the open panel.
    const again = await h.openSidePanel(windowId);
    expect(again.targetId).toBe(panel.targetId);
    await again.detach();

    await panel.close();
    const { targetInfos } = await (await h.context.browser()!.newBrowserCDPSession()).send('Target.getTargets');
    expect(targetInfos.some((t) => t.targetId === panel.targetId)).toBe(false);
  });

  it('readIndexedDb reads what the panel wrote, and restart() keeps it', async () => {
    const panel = await h.openSidePanel();
    const written = await panel.evaluate<string>(`new Promise((resolve, reject) => {
      const req = indexedDB.open(${JSON.stringify(MINI_DB)}, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(${JSON.stringify(MINI_STORE)}, { keyPath: 'id' });
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const db = req.result;
        const tx = db.transaction(${JSON.stringify(MINI_STORE)}, 'readwrite');
        tx.objectStore(${JSON.stringify(MINI_STORE)}).put({
          id: 'k1',
          text: 'kept across restarts',
          at: new Date(0),
          shot: new Blob(['hello blob'], { type: 'image/png' }),
        });
        tx.oncomplete = () => { db.close(); resolve('ok'); };
        tx.onerror = () => reject(tx.error);
      };
    })`);
    expect(written).toBe('ok');
    await panel.close();

    const sha = createHash('sha256').update('hello blob').digest('hex');
    type Row = { id: string; text: string; at: Date; shot: BlobSummary };
    const check = (rows: Row[]) => {
      expect(rows).toHaveLength(1);
      expect(rows[0]?.text).toBe('kept across restarts');
      expect(rows[0]?.at).toEqual(new Date(0));
      expect(rows[0]?.shot).toMatchObject({ $type: 'Blob', type: 'image/png', size: 10, sha256: sha });
    };
    check(await h.readIndexedDb<Row>(MINI_DB, MINI_STORE));
    const withData = await h.readIndexedDb<Row>(MINI_DB, MINI_STORE, { base64: true });
    expect(Buffer.from(withData[0]?.shot.base64 ?? '', 'base64').toString()).toBe('hello blob');
    expect(await h.listIndexedDb()).toEqual([{ name: MINI_DB, version: 1, stores: [MINI_STORE] }]);
    await expect(h.readIndexedDb('nope', 'kv')).rejects.toThrow(/no IndexedDB database "nope"/);

    const oldId = h.extensionId;
    const profile = h.userDataDir;
    h = await h.restart();
    expect(h.userDataDir).toBe(profile);
    expect(h.extensionId).toBe(oldId);
    check(await h.readIndexedDb<Row>(MINI_DB, MINI_STORE));
  });
});
