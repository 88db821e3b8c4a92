// End-to-end harness for the built extension: launches Debian's Chromium with the unpacked
// extension, finds its id and service worker, stops/wakes the worker, opens the real side panel,
// reads IndexedDB, and restarts the browser on the same profile.
// Facts behind the choices: ../shared/BROWSER-TESTING.md (from the repository root).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { TunnelledSession } from './cdp.ts';
import { extensionArgs, findChromium, requireChromium } from './chromium.ts';
import { LIST_INDEXED_DB, READ_INDEXED_DB, callScript } from './page-scripts.ts';
import { SidePanel, type SidePanelHandle } from './side-panel.ts';
import { HarnessTimeoutError, errorMessage, poll, sleep, withTimeout } from './util.ts';

export { findChromium, requireChromium, extensionArgs };
export type { SidePanelHandle };
export type { PanelConsoleMessage } from './side-panel.ts';
export type { TunnelledSession } from './cdp.ts';
export { HarnessTimeoutError } from './util.ts';

/** Repository root (this file is test/e2e/harness/index.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where `vite build` puts the extension; `PEAKEND_DIST` overrides. */
export const DEFAULT_DIST_DIR = resolve(process.env.PEAKEND_DIST ?? join(REPO_ROOT, 'dist'));

export interface Viewport {
  width: number;
  height: number;
}

export interface LaunchOptions {
  /** Unpacked extension folder (with manifest.json). Default: `$PEAKEND_DIST` or `<repo>/dist`. */
  distDir?: string;
  /** Profile folder. Given: reused and kept. Default: a fresh temp folder, deleted by close(). */
  userDataDir?: string;
  /** Tab viewport. Default 1280x800. */
  viewport?: Viewport;
  /** Default true; `PEAKEND_HEADED=1` turns it off (needs a display, e.g. xvfb-run). */
  headless?: boolean;
  /** Browser binary. Default: findChromium() ($CHROME_PATH, PATH, /usr/lib/chromium/chromium). */
  executablePath?: string;
  /** Extra Chromium flags. */
  args?: string[];
  /** Default bound for every harness wait (launch, worker, side panel, ...). Default 15 000 ms. */
  timeoutMs?: number;
}

export type WorkerStatus = 'running' | 'starting' | 'stopping' | 'stopped' | 'none';

export interface IndexedDbInfo {
  name: string;
  version: number;
  stores: string[];
}

/** How readIndexedDb returns a Blob/File (base64 only with `{ base64: true }`). */
export interface BlobSummary {
  $type: 'Blob' | 'File';
  type: string;
  size: number;
  sha256: string;
  name?: string;
  base64?: string;
}

export interface Harness {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** `chrome-extension://<id>` */
  readonly origin: string;
  readonly distDir: string;
  readonly userDataDir: string;
  readonly executablePath: string;
  /** The dist manifest.json, parsed. */
  readonly manifest: Record<string, unknown>;
  /**
   * The extension's service worker, running. If the harness stopped it (stopServiceWorker) and
   * nothing woke it since, it is started again first: evaluating on a stopped worker's handle hangs,
   * so always call sw() again rather than keeping a handle across a stop.
   */
  sw(): Promise<Worker>;
  /** `chrome-extension://<id>/<path>` */
  extensionUrl(path?: string): string;
  /** The manifest's side_panel.default_path (e.g. `src/panel/index.html`). */
  sidePanelPath(): string;
  /** Opens an extension page in a new tab and waits for its load event. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Stops the extension's service worker the way Chrome does when it idles (CDP
   * ServiceWorker.stopAllWorkers) and waits until it is `stopped`. Its globals are gone on restart.
   */
  stopServiceWorker(): Promise<void>;
  /** The worker's running status, read over CDP (does not wake it). */
  workerStatus(): Promise<WorkerStatus>;
  /**
   * Opens the real side panel in `windowId` (default: the last focused window) with a genuine user
   * gesture (a Playwright click in a background extension tab calling chrome.sidePanel.open), and
   * returns a handle over CDP. If the panel is already open, attaches to it.
   */
  openSidePanel(windowId?: number, opts?: { timeoutMs?: number }): Promise<SidePanelHandle>;
  /** The chrome.windows id of the window holding this Playwright page. */
  windowIdOf(page: Page): Promise<number>;
  /** The chrome.tabs id of this Playwright page (found via a temporary unique title). */
  tabIdOf(page: Page): Promise<number>;
  /** Evaluates an expression in a throwaway background extension tab (full chrome.* access). */
  evaluateInExtension<T = unknown>(expression: string): Promise<T>;
  /**
   * A CDP session to an extension document Playwright does not list (an offscreen document is a
   * `background_page` target), once a target at `extensionUrl(path)` exists. Detach it when done.
   */
  attachToExtensionDocument(path: string, opts?: { timeoutMs?: number }): Promise<TunnelledSession>;
  /** All values of an IndexedDB object store of the extension (Blobs → BlobSummary). */
  readIndexedDb<T = unknown>(dbName: string, storeName: string, opts?: { base64?: boolean }): Promise<T[]>;
  /** Like readIndexedDb, with the keys. */
  readIndexedDbEntries<K = unknown, T = unknown>(
    dbName: string,
    storeName: string,
    opts?: { base64?: boolean },
  ): Promise<Array<{ key: K; value: T }>>;
  /** The extension's databases, versions and store names. */
  listIndexedDb(): Promise<IndexedDbInfo[]>;
  /** Closes the browser; deletes the profile if the harness created it. Idempotent. */
  close(): Promise<void>;
  /** Closes the browser and launches it again on the same profile and dist; use the returned harness. */
  restart(): Promise<Harness>;
}

/** Chromium's id for an unpacked extension: sha256 of the key (manifest.key) or of the absolute path, a-p encoded. */
export function expectedExtensionId(distDir: string, manifest: Record<string, unknown>): string {
  const key = typeof manifest.key === 'string' ? Buffer.from(manifest.key, 'base64') : Buffer.from(distDir, 'utf8');
  const hex = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return Array.from(hex, (c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

interface InternalOptions {
  ownsUserDataDir?: boolean;
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<Harness> {
  return launchInternal(opts, {});
}

async function launchInternal(opts: LaunchOptions, internal: InternalOptions): Promise<Harness> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const requestedDist = resolve(opts.distDir ?? DEFAULT_DIST_DIR);
  const manifestPath = join(requestedDist, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(
      `No built extension at ${requestedDist} (no manifest.json). Build it first: \`npx vite build\` ` +
        '(the e2e global setup does this unless PEAKEND_SKIP_BUILD=1).',
    );
  }
  const distDir = realpathSync(requestedDist); // Chromium derives the id from the real path
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  const executablePath = opts.executablePath ?? requireChromium();
  const ownsUserDataDir = internal.ownsUserDataDir ?? opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'peakend-e2e-profile-'));
  mkdirSync(userDataDir, { recursive: true });
  const headless = opts.headless ?? process.env.PEAKEND_HEADED !== '1';
  const viewport = opts.viewport ?? { width: 1280, height: 800 };

  let context: BrowserContext;
  try {
    context = await withTimeout(
      chromium.launchPersistentContext(userDataDir, {
        executablePath,
        headless,
        viewport,
        args: [...extensionArgs(distDir), ...(opts.args ?? [])],
        timeout: timeoutMs,
      }),
      timeoutMs + 5_000,
      `launching ${executablePath}`,
    );
  } catch (err) {
    if (ownsUserDataDir) await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    throw new Error(
      `Could not launch Chromium (${executablePath}) with the extension from ${distDir}: ${errorMessage(err)}`,
    );
  }

  const wantedId = expectedExtensionId(distDir, manifest);
  let worker: Worker;
  try {
    const isOurs = (w: Worker) => w.url().startsWith(`chrome-extension://${wantedId}/`);
    const anyExtension = (w: Worker) => w.url().startsWith('chrome-extension://');
    worker =
      context.serviceWorkers().find(isOurs) ??
      (await context
        .waitForEvent('serviceworker', { predicate: isOurs, timeout: timeoutMs })
        .catch(async (err: unknown) => {
          // The id is normally predictable; if it is not (unusual key handling), take any extension worker.
          const other = context.serviceWorkers().find(anyExtension);
          if (other) return other;
          throw err;
        }));
  } catch (err) {
    await context.close().catch(() => undefined);
    if (ownsUserDataDir) await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    const bg = JSON.stringify(manifest.background ?? null);
    throw new Error(
      `The extension's service worker did not start within ${timeoutMs} ms (dist: ${distDir}, manifest background: ${bg}). ` +
        `Is the manifest valid and the worker script present? (${errorMessage(err)})`,
    );
  }
  const extensionId = new URL(worker.url()).host;
  return new ExtensionHarness(context, {
    extensionId,
    distDir,
    userDataDir,
    ownsUserDataDir,
    executablePath,
    manifest,
    timeoutMs,
    launchOptions: { ...opts, distDir, userDataDir, viewport, headless, executablePath },
  });
}

interface HarnessInit {
  extensionId: string;
  distDir: string;
  userDataDir: string;
  ownsUserDataDir: boolean;
  executablePath: string;
  manifest: Record<string, unknown>;
  timeoutMs: number;
  launchOptions: LaunchOptions;
}

const OPEN_BUTTON_ID = '__peakend_harness_open_side_panel';

class ExtensionHarness implements Harness {
  readonly extensionId: string;
  readonly origin: string;
  readonly distDir: string;
  readonly userDataDir: string;
  readonly executablePath: string;
  readonly manifest: Record<string, unknown>;
  private readonly timeoutMs: number;
  private readonly ownsUserDataDir: boolean;
  private readonly launchOptions: LaunchOptions;
  private browserSessionPromise: Promise<CDPSession> | undefined;
  private workerMaybeStopped = false;
  private readonly panels = new Set<SidePanel>();
  private closed = false;

  constructor(
    readonly context: BrowserContext,
    init: HarnessInit,
  ) {
    this.extensionId = init.extensionId;
    this.origin = `chrome-extension://${init.extensionId}`;
    this.distDir = init.distDir;
    this.userDataDir = init.userDataDir;
    this.ownsUserDataDir = init.ownsUserDataDir;
    this.executablePath = init.executablePath;
    this.manifest = init.manifest;
    this.timeoutMs = init.timeoutMs;
    this.launchOptions = init.launchOptions;
  }

  extensionUrl(path = ''): string {
    return `${this.origin}/${path.replace(/^\/+/, '')}`;
  }

  sidePanelPath(): string {
    const sp = this.manifest.side_panel as { default_path?: unknown } | undefined;
    if (!sp || typeof sp.default_path !== 'string') throw new Error('manifest.json has no side_panel.default_path');
    return sp.default_path;
  }

  async openExtensionPage(path: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.extensionUrl(path), { timeout: this.timeoutMs });
    return page;
  }

  // ---------------------------------------------------------------- service worker

  private currentWorker(): Worker | undefined {
    return this.context.serviceWorkers().find((w) => w.url().startsWith(`${this.origin}/`));
  }

  async sw(): Promise<Worker> {
    this.assertOpen();
    if (!this.workerMaybeStopped) {
      // Normally running: Chrome does not idle-stop a worker while DevTools (Playwright) is attached.
      const worker = this.currentWorker();
      if (worker) {
        const answered = await withTimeout(worker.evaluate('1'), 3_000, 'probe').then(
          () => true,
          () => false,
        );
        if (answered) return worker;
      }
    }
    await this.withServiceWorkerDomain(async (cdp, watch) => {
      if (watch.status() !== 'running') {
        await cdp.send('ServiceWorker.startWorker', { scopeURL: `${this.origin}/` });
        await watch.until((s) => s === 'running', this.timeoutMs, 'waking the stopped service worker');
      }
    });
    this.workerMaybeStopped = false;
    const worker =
      this.currentWorker() ??
      (await this.context
        .waitForEvent('serviceworker', {
          predicate: (w) => w.url().startsWith(`${this.origin}/`),
          timeout: this.timeoutMs,
        })
        .catch((err: unknown) => {
          throw new Error(`No service worker for ${this.origin}: ${errorMessage(err)}`);
        }));
    await withTimeout(worker.evaluate('1'), this.timeoutMs, 'the service worker does not answer evaluate()');
    return worker;
  }

  async workerStatus(): Promise<WorkerStatus> {
    return this.withServiceWorkerDomain(async (_cdp, watch) => watch.status());
  }

  async stopServiceWorker(): Promise<void> {
    this.assertOpen();
    await this.withServiceWorkerDomain(async (cdp, watch) => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await watch.until((s) => s === 'stopped', this.timeoutMs, 'stopping the service worker');
    });
    this.workerMaybeStopped = true;
  }

  /** CDP ServiceWorker domain on a throwaway background about:blank tab. */
  private async withServiceWorkerDomain<T>(fn: (cdp: CDPSession, watch: WorkerWatch) => Promise<T>): Promise<T> {
    return this.withBackgroundPage('about:blank', async (page) => {
      const cdp = await this.context.newCDPSession(page);
      const watch = new WorkerWatch(cdp, this.origin);
      try {
        await cdp.send('ServiceWorker.enable');
        await watch.until(() => watch.known(), 5_000, `no service worker registration seen for ${this.origin}`);
        return await fn(cdp, watch);
      } finally {
        watch.dispose();
        await cdp.detach().catch(() => undefined);
      }
    });
  }

  // ---------------------------------------------------------------- helper tabs

  private browserSession(): Promise<CDPSession> {
    if (!this.browserSessionPromise) {
      const browser = this.context.browser();
      if (!browser) return Promise.reject(new Error('No Browser behind the persistent context'));
      this.browserSessionPromise = browser.newBrowserCDPSession();
    }
    return this.browserSessionPromise;
  }

  private async targetIdOf(page: Page): Promise<string> {
    const cdp = await this.context.newCDPSession(page);
    try {
      const { targetInfo } = await cdp.send('Target.getTargetInfo');
      return targetInfo.targetId;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  /**
   * Runs `fn` with a new *background* tab (the active tab of the window is left alone, which matters
   * for captureVisibleTab), then closes that tab.
   */
  private async withBackgroundPage<T>(url: string, fn: (page: Page) => Promise<T>): Promise<T> {
    this.assertOpen();
    const browser = await this.browserSession();
    const before = new Set(this.context.pages());
    const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank', background: true });
    const checked = new Set<Page>();
    let page: Page;
    try {
      page = await poll(
        async () => {
          for (const p of this.context.pages()) {
            if (before.has(p) || checked.has(p)) continue;
            if ((await this.targetIdOf(p)) === targetId) return p;
            checked.add(p);
          }
          return undefined;
        },
        { timeoutMs: this.timeoutMs, intervalMs: 20, message: 'helper background tab did not show up in Playwright' },
      );
    } catch (err) {
      await browser.send('Target.closeTarget', { targetId }).catch(() => undefined);
      throw err;
    }
    try {
      if (url !== 'about:blank') await page.goto(url, { timeout: this.timeoutMs });
      return await fn(page);
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async attachToExtensionDocument(path: string, opts?: { timeoutMs?: number }): Promise<TunnelledSession> {
    this.assertOpen();
    const timeoutMs = opts?.timeoutMs ?? this.timeoutMs;
    const browser = await this.browserSession();
    const url = this.extensionUrl(path);
    const target = await poll(
      async () => (await browser.send('Target.getTargets')).targetInfos.find((t) => t.url === url),
      { timeoutMs, intervalMs: 50, message: `no extension document at ${url}` },
    );
    const session = await TunnelledSession.attach(browser, target.targetId, timeoutMs);
    try {
      await poll(
        () =>
          session
            .evaluate<boolean>("document.readyState === 'complete'")
            .catch(() => false)
            .then((ok) => ok || undefined),
        {
          timeoutMs,
          intervalMs: 50,
          message: `${url} did not finish loading`,
        },
      );
    } catch (error) {
      await session.detach().catch(() => undefined);
      throw error;
    }
    return session;
  }

  private withExtensionHost<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    // manifest.json always exists in the dist and is a page of the extension's origin.
    return this.withBackgroundPage(this.extensionUrl('manifest.json'), fn);
  }

  async evaluateInExtension<T = unknown>(expression: string): Promise<T> {
    return this.withExtensionHost((page) =>
      withTimeout(page.evaluate<T>(expression), this.timeoutMs, 'evaluateInExtension'),
    );
  }

  // ---------------------------------------------------------------- windows and tabs

  async windowIdOf(page: Page): Promise<number> {
    // CDP's browser window id is Chrome's SessionID for the window, the same number chrome.windows uses.
    const cdp = await this.context.newCDPSession(page);
    try {
      const { windowId } = await cdp.send('Browser.getWindowForTarget');
      return windowId;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  async tabIdOf(page: Page): Promise<number> {
    const token = `peakend-harness-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const original = await page.evaluate((t) => {
      const o = document.title;
      document.title = t;
      return o;
    }, token);
    try {
      return await this.withExtensionHost((host) =>
        poll(
          () =>
            host.evaluate<number | null>(
              `chrome.tabs.query({}).then((tabs) => { const t = tabs.find((x) => x.title === ${JSON.stringify(token)}); return t ? t.id : null; })`,
            ),
          {
            timeoutMs: this.timeoutMs,
            message: `tab of ${page.url()} not found (does the extension have the "tabs" permission?)`,
          },
        ),
      );
    } finally {
      await page
        .evaluate((o) => {
          document.title = o;
        }, original)
        .catch(() => undefined);
    }
  }

  // ---------------------------------------------------------------- side panel

  async openSidePanel(windowId?: number, opts?: { timeoutMs?: number }): Promise<SidePanelHandle> {
    this.assertOpen();
    const timeoutMs = opts?.timeoutMs ?? this.timeoutMs;
    const wid = await this.withExtensionHost(async (host) => {
      const target = windowId ?? (await host.evaluate<number>('chrome.windows.getLastFocused().then((w) => w.id)'));
      await host.evaluate(
        `(() => {
          const b = document.createElement('button');
          b.id = ${JSON.stringify(OPEN_BUTTON_ID)};
          b.textContent = 'open side panel';
          b.style.cssText = 'position:fixed;left:0;top:0;width:200px;height:60px;z-index:2147483647';
          b.addEventListener('click', () => {
            window.__peakendOpenResult = chrome.sidePanel.open({ windowId: ${target} })
              .then(() => 'ok', (e) => 'error: ' + (e && e.message ? e.message : String(e)));
          });
          document.documentElement.appendChild(b);
        })()`,
      );
      await host.click(`#${OPEN_BUTTON_ID}`, { timeout: timeoutMs });
      const result = await withTimeout(
        host.evaluate<string>('window.__peakendOpenResult'),
        timeoutMs,
        'chrome.sidePanel.open() did not settle',
      );
      if (result !== 'ok') throw new Error(`chrome.sidePanel.open({ windowId: ${target} }) failed: ${String(result)}`);
      return target;
    });
    const session = await this.findSidePanelSession(wid, timeoutMs);
    const panel = new SidePanel(session, wid, await this.browserSession(), timeoutMs, (w) => this.closeSidePanelVia(w));
    this.panels.add(panel);
    try {
      await panel.init(timeoutMs);
    } catch (err) {
      await panel.detach();
      throw err;
    }
    return panel;
  }

  private async closeSidePanelVia(windowId: number): Promise<void> {
    await this.withExtensionHost((host) => host.evaluate(`chrome.sidePanel.close({ windowId: ${windowId} })`));
  }

  /**
   * The side panel is a page target Playwright does not manage. Among the extension's page targets,
   * it is the one where chrome.tabs.getCurrent() is undefined and chrome.windows.getCurrent() is `windowId`.
   */
  private async findSidePanelSession(windowId: number, timeoutMs: number): Promise<TunnelledSession> {
    const browser = await this.browserSession();
    const notIt = new Set<string>();
    let seen: string[] = [];
    const identify = `(async () => ({
      tab: (await chrome.tabs.getCurrent()) ? 'tab' : null,
      win: (await chrome.windows.getCurrent()).id,
    }))()`;
    try {
      return await poll(
        async () => {
          const { targetInfos } = await browser.send('Target.getTargets');
          const candidates = targetInfos.filter(
            (t) => t.type === 'page' && t.url.startsWith(`${this.origin}/`) && !notIt.has(t.targetId),
          );
          seen = candidates.map((t) => t.url);
          for (const t of candidates) {
            const session = await TunnelledSession.attach(browser, t.targetId, timeoutMs);
            let who: { tab: string | null; win: number } | undefined;
            try {
              who = await session.evaluate<{ tab: string | null; win: number }>(identify, 3_000);
            } catch {
              who = undefined; // still loading: look again
            }
            if (who && who.tab === null && who.win === windowId) return session;
            await session.detach();
            if (who) notIt.add(t.targetId);
          }
          return undefined;
        },
        { timeoutMs, intervalMs: 50, message: `side panel of window ${windowId} not found among CDP targets` },
      );
    } catch (err) {
      throw new Error(`${errorMessage(err)}; extension page targets seen: ${JSON.stringify(seen)}`);
    }
  }

  // ---------------------------------------------------------------- IndexedDB

  async readIndexedDbEntries<K = unknown, T = unknown>(
    dbName: string,
    storeName: string,
    opts?: { base64?: boolean },
  ): Promise<Array<{ key: K; value: T }>> {
    const res = await this.evaluateInExtension<{ ok: boolean; error?: string; entries?: Array<{ key: K; value: T }> }>(
      callScript(READ_INDEXED_DB, { dbName, storeName, base64: opts?.base64 ?? false }),
    );
    if (!res.ok)
      throw new Error(`readIndexedDb(${JSON.stringify(dbName)}, ${JSON.stringify(storeName)}): ${res.error}`);
    return res.entries ?? [];
  }

  async readIndexedDb<T = unknown>(dbName: string, storeName: string, opts?: { base64?: boolean }): Promise<T[]> {
    return (await this.readIndexedDbEntries<unknown, T>(dbName, storeName, opts)).map((e) => e.value);
  }

  async listIndexedDb(): Promise<IndexedDbInfo[]> {
    return this.evaluateInExtension<IndexedDbInfo[]>(callScript(LIST_INDEXED_DB));
  }

  // ---------------------------------------------------------------- lifecycle

  private assertOpen(): void {
    if (this.closed) throw new Error('This harness was closed (after restart(), use the harness it returned)');
  }

  private async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const panel of this.panels) await panel.detach().catch(() => undefined);
    this.panels.clear();
    try {
      await withTimeout(this.context.close(), 30_000, 'closing the browser');
    } catch {
      await this.context
        .browser()
        ?.close()
        .catch(() => undefined);
    }
    // Give Chromium a moment to drop the profile lock before the profile is reused or deleted.
    await sleep(50);
  }

  async close(): Promise<void> {
    const wasOpen = !this.closed;
    await this.shutdown();
    if (wasOpen && this.ownsUserDataDir) {
      await rm(this.userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch(
        () => undefined,
      );
    }
  }

  async restart(): Promise<Harness> {
    this.assertOpen();
    await this.shutdown();
    return launchInternal(
      { ...this.launchOptions, userDataDir: this.userDataDir },
      { ownsUserDataDir: this.ownsUserDataDir },
    );
  }
}

/** Tracks the running status of the extension's worker versions from ServiceWorker.* events. */
class WorkerWatch {
  private readonly versions = new Map<string, { runningStatus: string; status: string }>();
  private readonly waiters = new Set<() => void>();
  private readonly onVersions: (e: {
    versions: Array<{ versionId: string; scriptURL: string; runningStatus: string; status: string }>;
  }) => void;

  constructor(
    private readonly cdp: CDPSession,
    private readonly origin: string,
  ) {
    this.onVersions = (e) => {
      for (const v of e.versions) {
        if (!v.scriptURL.startsWith(`${this.origin}/`)) continue;
        this.versions.set(v.versionId, { runningStatus: v.runningStatus, status: v.status });
      }
      // A snapshot: each waiter that is satisfied removes itself.
      for (const w of Array.from(this.waiters)) w();
    };
    cdp.on('ServiceWorker.workerVersionUpdated', this.onVersions);
  }

  known(): boolean {
    return this.versions.size > 0;
  }

  /** Status of the newest non-redundant version. */
  status(): WorkerStatus {
    let best: { id: number; runningStatus: string } | undefined;
    for (const [id, v] of this.versions) {
      if (v.status === 'redundant') continue;
      const n = Number(id);
      if (!best || n > best.id) best = { id: n, runningStatus: v.runningStatus };
    }
    return (best?.runningStatus as WorkerStatus | undefined) ?? 'none';
  }

  until(pred: (status: WorkerStatus) => boolean, timeoutMs: number, message: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pred(this.status())) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new HarnessTimeoutError(`${message} (timed out after ${timeoutMs} ms; last status: ${this.status()})`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  dispose(): void {
    this.cdp.off('ServiceWorker.workerVersionUpdated', this.onVersions);
    this.waiters.clear();
  }
}
