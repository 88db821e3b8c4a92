// The browser the bench drives: Debian's Chromium with the bench's build of the extension (through the
// e2e harness), the demo shop, the audited tab, and the panel in a popup window of its own so the
// audited tab stays the active one that captureVisibleTab captures.
import type { Page, Worker } from 'playwright-core';
import { startDemoShop, type DemoShop } from '../../demo-shop/server.ts';
import { launchExtension, type Harness } from '../../../test/e2e/harness/index.ts';

export interface Session {
  h: Harness;
  shop: DemoShop;
  /** The audited tab. */
  page: Page;
  windowId: number;
  tabId: number;
  /** The panel page (popup window), the sender of every request to the worker. */
  panel: Page;
  auditId: string;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function openSession(distDir: string): Promise<Session> {
  const shop = await startDemoShop();
  let h: Harness | undefined;
  try {
    h = await launchExtension({ distDir, viewport: { width: 1280, height: 800 }, timeoutMs: 30_000 });
    const page = h.context.pages()[0] ?? (await h.context.newPage());
    await page.goto(`${shop.url}/index.html?reset`);
    const windowId = await h.windowIdOf(page);
    const sw = await h.sw();
    const tabId = await sw.evaluate(
      async (w) => (await chrome.tabs.query({ windowId: w, active: true }))[0]?.id ?? -1,
      windowId,
    );
    const panel = await openPanelPopup(h, windowId);
    const res = await request<{ auditId: string }>(panel, {
      type: 'worker/start-audit',
      windowId,
      draft: {
        site: 'Northwind Outfitters',
        scenario: 'Buy a size-M jacket as a guest',
        auditor: 'bench',
        successCriterion: 'Order confirmed',
        templateId: 'e-commerce',
      },
    });
    return { h, shop, page, windowId, tabId, panel, auditId: res.auditId };
  } catch (error) {
    await h?.close().catch(() => undefined);
    await shop.close().catch(() => undefined);
    throw error;
  }
}

export async function closeSession(s: Session | null): Promise<void> {
  if (!s) return;
  await s.h.close().catch(() => undefined);
  await s.shop.close().catch(() => undefined);
}

/** The panel page in a popup window of its own, serving the audited window (?window=). */
export async function openPanelPopup(h: Harness, windowId: number): Promise<Page> {
  const url = h.extensionUrl(`${h.sidePanelPath()}?window=${windowId}`);
  const sw = await h.sw();
  const [panel] = await Promise.all([
    h.context.waitForEvent('page', {
      predicate: (p) => p.url().startsWith(h.origin) && p.url().includes('window='),
      timeout: 30_000,
    }),
    sw.evaluate(async (u) => {
      await chrome.windows.create({ url: u, type: 'popup', width: 420, height: 760, focused: false });
    }, url),
  ]);
  await panel.waitForLoadState('domcontentloaded');
  return panel;
}

/** A panel -> worker request, as the panel sends it; throws on { ok: false }. */
export async function request<T>(panel: Page, message: Record<string, unknown>): Promise<T> {
  const res = await panel.evaluate(
    (m) => chrome.runtime.sendMessage<unknown, { ok: boolean; value?: unknown; error?: string } | undefined>(m),
    message,
  );
  if (!res) throw new Error(`no answer to ${String(message.type)}`);
  if (!res.ok) throw new Error(`${String(message.type)}: ${res.error}`);
  return res.value as T;
}

export interface StepRow {
  id: string;
  auditId: string;
  index: number;
  url: string;
  capture: { status: string; reason?: string };
  /** The signals filed for the step; null before any batch. */
  signals: Record<string, number | null> | null;
}

/** Steps of an audit straight from IndexedDB, read in an extension page. */
export async function readSteps(extPage: Page, auditId: string): Promise<StepRow[]> {
  return extPage.evaluate(
    (id) =>
      new Promise<StepRow[]>((resolve, reject) => {
        const open = indexedDB.open('peakend');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('steps').objectStore('steps').getAll();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            db.close();
            const all = req.result as StepRow[];
            resolve(
              all
                .filter((s) => s.auditId === id)
                .map((s) => ({
                  id: s.id,
                  auditId: s.auditId,
                  index: s.index,
                  url: s.url,
                  capture: s.capture,
                  signals: (s as { signals?: Record<string, number | null> | null }).signals ?? null,
                }))
                .sort((a, b) => a.index - b.index),
            );
          };
        };
      }),
    auditId,
  );
}

/** Waits until no step of the audit is pending (auto steps captured, or told why not). */
export async function waitSettled(
  extPage: Page,
  auditId: string,
  predicate: (steps: StepRow[]) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<StepRow[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const steps = await readSteps(extPage, auditId);
    if (steps.every((s) => s.capture.status !== 'pending') && predicate(steps)) return steps;
    if (Date.now() > until)
      throw new Error(`steps did not settle within ${timeoutMs} ms: ${JSON.stringify(steps.slice(-3))}`);
    await sleep(100);
  }
}

export async function worker(h: Harness): Promise<Worker> {
  return h.sw();
}
