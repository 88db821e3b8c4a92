// Peakend-specific helpers over the generic harness: the demo shop, the panel in its own window
// (so the audited tab stays the active one that captureVisibleTab captures), and store reads.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Audit, Screenshot, Step } from '../../../src/domain/model.ts';
import { startDemoShop, type DemoShop } from '../../../scripts/demo-shop/server.ts';
import { launchExtension, type BlobSummary, type Harness, type LaunchOptions } from '../harness/index.ts';

export { startDemoShop, type DemoShop };

export interface Session {
  h: Harness;
  shop: DemoShop;
  /** The audited tab. */
  page: Page;
  windowId: number;
}

export async function launch(opts: LaunchOptions & { shop?: DemoShop } = {}): Promise<Session> {
  const shop = opts.shop ?? (await startDemoShop());
  const h = await launchExtension(opts);
  const page = h.context.pages()[0] ?? (await h.context.newPage());
  await page.goto(`${shop.url}/index.html?reset`);
  const windowId = await h.windowIdOf(page);
  return { h, shop, page, windowId };
}

/**
 * The demo shop for a test file, started once, and each test's browser sessions, closed after the
 * test: the set-up every file that walks the shop shares.
 */
export function demoShopFixture(): { readonly shop: DemoShop; launch(opts?: LaunchOptions): Promise<Session> } {
  let shop: DemoShop | null = null;
  const open: Session[] = [];
  beforeAll(async () => {
    shop = await startDemoShop();
  });
  afterAll(async () => {
    await shop?.close();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((session) => session.h.close()));
  });
  return {
    get shop() {
      if (!shop) throw new Error('the demo shop starts in beforeAll');
      return shop;
    },
    async launch(opts: LaunchOptions = {}) {
      const session = await launch({ ...opts, shop: this.shop });
      open.push(session);
      return session;
    },
  };
}

/** Keeps a page's (or frame's) main thread busy for `ms`, from its next task: a hung page. */
export async function hangMainThread(target: Pick<Page, 'evaluate'>, ms: number): Promise<void> {
  await target.evaluate((busy) => {
    setTimeout(() => {
      const end = Date.now() + busy;
      while (Date.now() < end);
    }, 0);
  }, ms);
}

/** The panel as a page of its own popup window, serving the audited window. */
export async function openPanel(s: Pick<Session, 'h' | 'windowId'>): Promise<Page> {
  const url = s.h.extensionUrl(`${s.h.sidePanelPath()}?window=${s.windowId}`);
  const sw = await s.h.sw();
  const [panel] = await Promise.all([
    s.h.context.waitForEvent('page', {
      predicate: (p) => p.url().startsWith(s.h.origin) && p.url().includes('window='),
    }),
    sw.evaluate(async (u) => {
      await chrome.windows.create({ url: u, type: 'popup', width: 420, height: 760, focused: false });
    }, url),
  ]);
  await panel.waitForLoadState('domcontentloaded');
  return panel;
}

export async function startAudit(panel: Page, auditor = 'fox'): Promise<void> {
  await panel.getByRole('button', { name: 'New audit' }).click();
  await panel.getByLabel('Auditor pseudonym').fill(auditor);
  await panel.getByLabel('Scenario').fill('Buy a size-M jacket as a guest');
  await panel.getByRole('button', { name: 'Start audit' }).click();
  await panel.getByRole('button', { name: 'Log step' }).waitFor();
}

export async function steps(h: Harness): Promise<Step[]> {
  const all = await h.readIndexedDb<Step>('peakend', 'steps');
  return all.sort((a, b) => a.auditId.localeCompare(b.auditId) || a.index - b.index);
}

export async function audits(h: Harness): Promise<Audit[]> {
  return h.readIndexedDb<Audit>('peakend', 'audits');
}

export async function screenshots(h: Harness): Promise<Screenshot[]> {
  return h.readIndexedDb<Screenshot>('peakend', 'screenshots');
}

export interface BlobRow {
  shotId: string;
  kind: 'full' | 'thumb';
  blob: BlobSummary;
}

export async function blobs(h: Harness, base64 = false): Promise<BlobRow[]> {
  return h.readIndexedDb<BlobRow>('peakend', 'blobs', { base64 });
}

/** Waits until the store satisfies `check`, polling; the assertion message says what was last seen. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 15000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() > until) {
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last).slice(0, 2000)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
    last = await read();
  }
  return last;
}

/** Steps whose screenshot is no longer pending: captured, or told why not. */
export const settled = (list: Step[]) => list.every((s) => s.capture.status !== 'pending');
