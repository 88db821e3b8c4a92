// Firefox harness: Debian's firefox-esr, headless, driven over WebDriver BiDi by puppeteer-core (no
// geckodriver, no browser download), with dist-firefox/ installed as a temporary add-on.
// Facts behind the choices (the flag, the uuids pref, the goto quirk): /work/shared/BROWSER-TESTING.md.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../scripts/build/manifests.ts';
import { READ_INDEXED_DB, callScript } from './page-scripts.ts';
import { REPO_ROOT } from './index.ts';
import { poll } from './util.ts';

/** Where `vite build --mode firefox` puts the add-on; `PEAKEND_FIREFOX_DIST` overrides. */
export const FIREFOX_DIST_DIR = resolve(process.env.PEAKEND_FIREFOX_DIST ?? join(REPO_ROOT, 'dist-firefox'));

/**
 * Firefox gives each install a random UUID for its moz-extension:// origin; this pref pins it, so
 * the add-on's pages have a known address.
 */
export const FIREFOX_ADDON_UUID = '3f1b6a2e-6c1d-4a7e-9a55-0e6a4c1f2b7d';

/** `$FIREFOX_PATH`, else Debian's firefox-esr, else a `firefox` on PATH. */
export function findFirefox(): string | undefined {
  const given = process.env.FIREFOX_PATH;
  if (given) return existsSync(given) ? given : undefined;
  for (const name of ['firefox-esr', 'firefox']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH: try the next name
    }
  }
  return undefined;
}

export function requireFirefox(): string {
  const found = findFirefox();
  if (!found) {
    throw new Error(
      "No Firefox found. `npm test` installs Debian's firefox-esr (scripts/setup.sh); or set FIREFOX_PATH.",
    );
  }
  return found;
}

export interface FirefoxSession {
  readonly browser: Browser;
  /** `moz-extension://<uuid>` */
  readonly origin: string;
  readonly version: string;
  /** An extension page in a window of its own (so the audited window's tab stays the active one). */
  openExtensionPage(path: string, timeoutMs?: number): Promise<Page>;
  /** Every record of an object store of the add-on's IndexedDB, read through one of its pages. */
  readIndexedDb<T>(page: Page, dbName: string, storeName: string, opts?: { base64?: boolean }): Promise<T[]>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  distDir?: string;
  /** Window size; the audited tab's captures are this size less the browser's chrome. */
  width?: number;
  height?: number;
  /** More Firefox preferences, e.g. to stand in for a person's answer to a prompt. */
  prefs?: Record<string, unknown>;
}

export async function launchFirefox(opts: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  const executablePath = requireFirefox();
  const distDir = opts.distDir ?? FIREFOX_DIST_DIR;
  if (!existsSync(join(distDir, 'manifest.json'))) {
    throw new Error(`${distDir}/manifest.json is missing: run \`npm run build\` first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // From Firefox 153 a BiDi client may drive moz-extension:// pages only with this flag.
    args: ['--remote-allow-system-access', `--width=${opts.width ?? 1280}`, `--height=${opts.height ?? 1000}`],
    defaultViewport: null,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_ADDON_UUID }),
      ...opts.prefs,
    },
  });
  try {
    const installed = await browser.installExtension(distDir);
    if (installed !== GECKO_ID) throw new Error(`installed ${installed}, expected ${GECKO_ID}`);
  } catch (err) {
    await browser.close();
    throw err;
  }
  const origin = `moz-extension://${FIREFOX_ADDON_UUID}`;
  const version = await browser.version();

  const openExtensionPage = async (path: string, timeoutMs = 15_000): Promise<Page> => {
    const page = await browser.newPage({ type: 'window' });
    const url = `${origin}/${path.replace(/^\//, '')}`;
    // The navigation to a moz-extension:// page never reports done over BiDi: the page loads all the
    // same, so the wait is cut short and the page itself is checked.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 2000 }).catch(() => undefined);
    await poll(
      async () => {
        const state = await page
          .evaluate(() => ({ href: location.href, ready: document.readyState }))
          .catch(() => null);
        return state && state.href === url && state.ready !== 'loading' ? true : null;
      },
      { timeoutMs, intervalMs: 100, message: `${url} did not load` },
    );
    return page;
  };

  const readIndexedDb = async <T>(
    page: Page,
    dbName: string,
    storeName: string,
    readOpts: { base64?: boolean } = {},
  ): Promise<T[]> => {
    const result = (await page.evaluate(
      callScript(READ_INDEXED_DB, { dbName, storeName, base64: readOpts.base64 === true }),
    )) as { ok: true; entries: Array<{ value: T }> } | { ok: false; error: string };
    if (!result.ok) throw new Error(result.error);
    return result.entries.map((e) => e.value);
  };

  return { browser, origin, version, openExtensionPage, readIndexedDb, close: () => browser.close() };
}

/**
 * The panel's page (the sidebar's, which no automation can open) in a window of its own, serving the
 * window of the tab that shows `url`, as the Chromium tests' `?window=`.
 */
export async function openPanelForWindowOf(ff: FirefoxSession, url: string): Promise<Page> {
  const panel = await ff.openExtensionPage('src/panel/index.html');
  const windowId = await panel.evaluate(async (prefix) => {
    const tabs = await browser.tabs.query({});
    return tabs.find((tab) => tab.url?.startsWith(prefix))?.windowId ?? null;
  }, url);
  if (windowId === null) throw new Error(`no Firefox window shows ${url}`);
  await panel.evaluate((id) => {
    location.search = `?window=${id}`;
  }, windowId);
  await poll(
    async () => {
      const state = await panel.evaluate(() => location.search + document.readyState).catch(() => '');
      return state === `?window=${windowId}complete` ? true : null;
    },
    { timeoutMs: 15_000, intervalMs: 100, message: 'the panel did not reload for its window' },
  );
  return panel;
}
