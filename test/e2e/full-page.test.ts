// Issue 17, part 5 in a real Chromium: Full page on a step scrolls, masks and captures each slice,
// stitches them, stores one screenshot and puts the page back; on the demo shop's long reviews page
// and on three real-world pages (served on 127.0.0.1) with an e-mail field typed below the fold.
// And the bad inputs: a page that cannot be scrolled, one that grows while captured, a tab closed and
// a navigation mid-capture: a notice, nothing stored, the audit goes on.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FullPageResult } from '../../src/protocol.ts';
import { REPO_ROOT } from './harness/index.ts';
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

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface BoxStats {
  mean: number;
  max: number;
  variance: number;
}

/**
 * Decodes a stored JPEG in the page: luminance statistics of each box, and how many pixel rows have
 * `colour` at x = 8 (a fixed bar's rows).
 */
const ANALYSE = String.raw`async ({ base64, boxes, colour }) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(bitmap, 0, 0);
  const stats = boxes.map(({ x, y, w, h }) => {
    const d = ctx.getImageData(x, y, w, h).data;
    let sum = 0, sq = 0, max = 0;
    const n = d.length / 4;
    for (let i = 0; i < d.length; i += 4) {
      const l = 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
      sum += l; sq += l * l; max = Math.max(max, d[i], d[i + 1], d[i + 2]);
    }
    const mean = sum / n;
    return { mean, max, variance: sq / n - mean * mean };
  });
  let colourRows = 0;
  if (colour) {
    const column = ctx.getImageData(8, 0, 1, bitmap.height).data;
    for (let i = 0; i < column.length; i += 4) {
      if (Math.abs(column[i] - colour[0]) + Math.abs(column[i + 1] - colour[1]) + Math.abs(column[i + 2] - colour[2]) < 60) colourRows++;
    }
  }
  return { stats, colourRows };
}`;

async function analyse(page: Page, base64: string, boxes: Box[], colour?: [number, number, number]) {
  return page.evaluate<{ stats: BoxStats[]; colourRows: number }>(
    `(${ANALYSE})(${JSON.stringify({ base64, boxes, colour: colour ?? null })})`,
  );
}

/** The box of an element in page coordinates (CSS px), shrunk by 3 px against anti-aliased edges. */
async function pageBox(page: Page, selector: string): Promise<Box> {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return {
      x: Math.round(r.left + scrollX + 3),
      y: Math.round(r.top + scrollY + 3),
      w: Math.round(r.width - 6),
      h: Math.round(r.height - 6),
    };
  }, selector);
}

async function requestFullPage(panel: Page, auditId: string, windowId: number): Promise<FullPageResult> {
  type Answer = { ok: boolean; value?: FullPageResult; error?: string };
  const res = await panel.evaluate((m): Promise<Answer> => chrome.runtime.sendMessage(m), {
    type: 'worker/full-page',
    windowId,
    auditId,
    stepId: null,
  });
  if (!res.ok) throw new Error(res.error);
  return res.value!;
}

/** A running audit whose newest step is `url` (reached by navigating, logged as an automatic step). */
async function auditOn(url: string, session?: Session) {
  s = session ?? (await demo.launch());
  const panel = await openPanel(s);
  await startAudit(panel);
  await s.page.goto(url);
  const list = await eventually(
    () => steps(s!.h),
    (l) => l.length >= 2 && settled(l) && l[l.length - 1]!.url.split('#')[0] === url.split('#')[0],
  );
  const auditId = (await audits(s.h))[0]!.id;
  return { h: s.h, page: s.page, panel, auditId, stepsBefore: list.length };
}

const fullPages = async (h: Session['h']) => (await screenshots(h)).filter((x) => x.kind === 'full-page');

async function storedImage(h: Session['h'], shotId: string): Promise<string> {
  const row = (await blobs(h, true)).find((b) => b.kind === 'full' && b.shotId === shotId);
  if (!row?.blob.base64) throw new Error(`no stored image for ${shotId}`);
  return row.blob.base64;
}

describe('Full page on the demo shop', () => {
  it('stitches the long reviews page: full height, the e-mail field below the fold black, the fixed bar once, the scroll put back', async () => {
    const { h, page, panel } = await auditOn(`${demo.shop.url}/reviews.html`);
    await page.fill('#notify-email', 'sam.sample@example.com');
    await page.evaluate(() => scrollTo({ top: 300, behavior: 'instant' }));
    const geometry = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      view: innerHeight,
      fieldTop: document.querySelector('#notify-email')!.getBoundingClientRect().top,
    }));
    expect(geometry.height / geometry.view, 'a page of about five viewports').toBeGreaterThan(4);
    expect(geometry.fieldTop, 'the field is below the fold').toBeGreaterThan(geometry.view);
    const field = await pageBox(page, '#notify-email');
    const text = await pageBox(page, '#review-list');

    const started = Date.now();
    await panel.getByRole('button', { name: 'Full page' }).click();
    const [shot] = await eventually(
      () => fullPages(h),
      (list) => list.length === 1,
      20_000,
    );
    const elapsed = Date.now() - started;
    expect(shot!.width).toBe(1280);
    expect(shot!.height).toBe(geometry.height);
    expect(shot!.cut).toBeUndefined();
    expect(shot!.masked).toBe(true);
    expect(shot!.maskedFields).toBeGreaterThanOrEqual(1);
    expect(shot!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(shot!.thumbWidth).toBe(320);
    const base64 = await storedImage(h, shot!.id);
    expect(jpegSize(Buffer.from(base64, 'base64'))).toEqual({ width: 1280, height: geometry.height });

    const { stats, colourRows } = await analyse(
      page,
      base64,
      [field, { x: text.x, y: text.y, w: Math.min(text.w, 700), h: Math.min(text.h, 2000) }],
      [0xc2, 0x18, 0x7a],
    );
    const [inField, inText] = stats;
    expect(inField!.max, 'no bright pixel inside the masked field').toBeLessThan(40);
    expect(inField!.variance, 'the field is a uniform cover').toBeLessThan(20);
    expect(inText!.mean, 'the reviews are on a light page').toBeGreaterThan(150);
    expect(inText!.variance, 'the reviews are text, not a cover').toBeGreaterThan(200);
    // The 48 px fixed bar is in the first slice only (five slices would give 240 rows).
    expect(colourRows).toBeGreaterThanOrEqual(44);
    expect(colourRows).toBeLessThanOrEqual(52);

    // The page is back where the auditor left it, with nothing of the capture left on it.
    expect(await page.evaluate(() => scrollY)).toBe(300);
    expect(await page.locator('[data-peakend-hidden]').count()).toBe(0);
    expect(await page.locator('peakend-mask-layer').count()).toBe(0);
    expect(await page.inputValue('#notify-email')).toBe('sam.sample@example.com');
    // The panel shows it as the step's full page; no notice.
    await panel.locator('.shot--full-page .shot__label', { hasText: 'Full page' }).waitFor();
    expect(await panel.locator('[role="alert"]').count()).toBe(0);
    console.log(`[full-page] reviews page: ${geometry.height} px in ${elapsed} ms (click to stored, panel polling)`);
  });
});

// ---- Real-world pages, served as they are on 127.0.0.1; every other host is refused. ----

const REALWORLD = join(REPO_ROOT, '..', 'shared', 'realworld');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

function serveRealworld(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (path.includes('..')) {
      res.writeHead(403).end();
      return;
    }
    readFile(join(REALWORLD, path)).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

describe('Full page on real-world pages', () => {
  let served: { url: string; server: Server };
  beforeAll(async () => {
    served = await serveRealworld();
  });
  afterAll(async () => {
    served.server.close();
  });

  it.each([
    'readability/wikipedia/source.html',
    'readability/lwn-1/source.html',
    'docs/5.3/examples/checkout/index.html',
  ])('%s: the stitched page has the e-mail field typed below the fold black', async (path) => {
    const session = await demo.launch();
    await session.h.context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      return /^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1' ? route.abort() : route.continue();
    });
    const { h, page, panel, auditId } = await auditOn(`${served.url}/${path}`, session);
    // An e-mail field placed well below the fold (and within the height limit), with typed text.
    const placed = await page.evaluate(() => {
      const height = Math.min(document.documentElement.scrollHeight, 16_384);
      const input = document.createElement('input');
      input.type = 'email';
      input.id = 'peakend-test-email';
      input.style.cssText =
        'position:absolute;left:40px;width:320px;height:36px;font:20px sans-serif;color:#000;background:#fff;border:1px solid #888;z-index:1';
      input.style.top = `${Math.round(Math.max(innerHeight * 1.5, height * 0.6))}px`;
      document.body.append(input);
      return { height: document.documentElement.scrollHeight, view: innerHeight };
    });
    expect(placed.height).toBeGreaterThan(placed.view * 1.5);
    await page.fill('#peakend-test-email', 'ada.lovelace@example.org');
    const field = await pageBox(page, '#peakend-test-email');
    expect(field.y).toBeGreaterThan(placed.view);
    // Typing scrolled the field into view: that is where the auditor is, and where the page goes back to.
    const scrolled = await page.evaluate(() => scrollY);

    const result = await requestFullPage(panel, auditId, session.windowId);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    if (!result.ok) return;
    const [shot] = await fullPages(h);
    expect(shot!.id).toBe(result.shotId);
    const heightNow = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(shot!.height).toBe(Math.min(heightNow, 16_384));
    expect(shot!.cut ?? false).toBe(heightNow > 16_384);
    const { stats } = await analyse(page, await storedImage(h, shot!.id), [
      field,
      { x: 0, y: 0, w: 1200, h: Math.min(3000, shot!.height) },
    ]);
    expect(stats[0]!.max, 'no bright pixel inside the typed field').toBeLessThan(40);
    expect(stats[1]!.variance, 'the page itself is not blacked out').toBeGreaterThan(100);
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    console.log(
      `[full-page] ${path}: ${shot!.width}x${shot!.height}${shot!.cut ? ' (cut)' : ''}, ${result.slices} slices`,
    );
  });
});

describe('Full page on bad input: a notice, nothing stored, the audit goes on', () => {
  it('a page that scrolls inside a box of its own is refused with a notice in the panel', async () => {
    const { h, page, panel } = await auditOn(`${demo.shop.url}/reviews.html`);
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'scroller';
      box.style.cssText = 'height:100vh;overflow:auto';
      box.append(...document.body.childNodes);
      document.body.append(box);
      document.body.style.cssText = 'margin:0;padding:0;overflow:hidden;height:100vh';
    });
    await panel.getByRole('button', { name: 'Full page' }).click();
    await panel.locator('[role="alert"]', { hasText: 'nothing below the fold' }).waitFor();
    expect(await fullPages(h)).toEqual([]);
    // The audit goes on: Log step still stores a screenshot.
    const before = (await screenshots(h)).length;
    await panel.getByRole('button', { name: 'Log step' }).click();
    await eventually(
      () => screenshots(h),
      (list) => list.length === before + 1,
    );
  });

  it('a page that grows while its slices are taken: height-changed, nothing stored, the page put back', async () => {
    const { h, page, panel, auditId } = await auditOn(`${demo.shop.url}/reviews.html`);
    // Every scroll past 1,500 px appends 300 px (an endless list), during the capture too.
    await page.evaluate(() => {
      addEventListener('scroll', () => {
        if (scrollY < 1500) return;
        const more = document.createElement('div');
        more.style.height = '300px';
        document.querySelector('#review-list')!.append(more);
      });
    });
    const result = await requestFullPage(panel, auditId, s!.windowId);
    expect(result).toMatchObject({ ok: false, error: { code: 'full-page-height-changed' } });
    expect(await fullPages(h)).toEqual([]);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    expect(await page.locator('[data-peakend-hidden]').count()).toBe(0);
    expect((await audits(h))[0]!.status).toBe('running');
  });

  it('a navigation mid-capture: left-page, nothing stored, the new page not scrolled by the capture', async () => {
    const { h, page, panel, auditId, stepsBefore } = await auditOn(`${demo.shop.url}/reviews.html`);
    const pending = requestFullPage(panel, auditId, s!.windowId);
    await page.waitForTimeout(900);
    await page.goto(`${demo.shop.url}/story.html`);
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { code: 'full-page-left-page' } });
    expect(await fullPages(h)).toEqual([]);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    expect(await page.locator('[data-peakend-hidden]').count()).toBe(0);
    // The audit goes on: the navigation became its step as usual.
    await eventually(
      () => steps(h),
      (list) => list.length === stepsBefore + 1 && settled(list),
    );
  });

  it('a tab closed mid-capture: tab-closed, nothing stored, the audit still running', async () => {
    const { h, page, panel, auditId } = await auditOn(`${demo.shop.url}/reviews.html`);
    // Another tab in the window, so closing the audited one does not close the window.
    const sw = await h.sw();
    await sw.evaluate((w) => chrome.tabs.create({ windowId: w, url: 'about:blank', active: false }), s!.windowId);
    const shotsBefore = (await screenshots(h)).length;
    const pending = requestFullPage(panel, auditId, s!.windowId);
    await page.waitForTimeout(900);
    await page.close();
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { code: 'full-page-tab-closed' } });
    expect((await screenshots(h)).length).toBe(shotsBefore);
    expect((await audits(h))[0]!.status).toBe('running');
  });
});
