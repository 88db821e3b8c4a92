// Issue 17, part 1, in a real Chromium: a frame the browser could not load shows its own error page,
// which no content script can enter and which holds nothing typed. The capture goes ahead without it
// and the step's record names it; a frame that loaded and stays silent still stops the capture, and
// the notice says which frame. Each way a frame fails is its own page: a host refused (as by an ad
// blocker), a port that refuses the connection, X-Frame-Options: DENY, CSP frame-ancestors 'none'.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Step } from '../../src/domain/model.ts';
import { launchExtension, type Harness } from './harness/index.ts';
import { closedPort, REFUSE_OTHER_HOSTS, serve, type LocalServer } from './support/offline.ts';
import { eventually, openPanel, screenshots, settled, startAudit, steps, hangMainThread } from './support/peakend.ts';

let server: LocalServer;
let refusedPort: number;
let h: Harness | null = null;

/** A page with a typed password (a field to cover) and one iframe. */
const topPage = (frameSrc: string) =>
  `<!doctype html><title>Frame test</title><h1>Sign in</h1>
   <label>Password <input type="password" id="pw" value="hunter2-secret"></label>
   <iframe id="frame" src="${frameSrc}" width="400" height="200"></iframe>`;

beforeAll(async () => {
  server = await serve((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const html = (body: string, headers: Record<string, string> = {}) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
      res.end(body);
    };
    if (url.pathname === '/top') return html(topPage(url.searchParams.get('frame') ?? ''));
    if (url.pathname === '/deny') return html('<p>never framed</p>', { 'X-Frame-Options': 'DENY' });
    if (url.pathname === '/no-ancestors')
      return html('<p>never framed</p>', { 'Content-Security-Policy': "frame-ancestors 'none'" });
    if (url.pathname === '/card')
      return html('<label>Card <input autocomplete="cc-number" value="4111111111111111"></label>');
    res.writeHead(404);
    res.end();
  });
  refusedPort = await closedPort();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await h?.close();
  h = null;
});

/** Opens the page with `frameSrc` in its iframe, starts an audit there, and returns its first step once settled. */
async function auditPageWith(frameSrc: string): Promise<{ step: Step; page: Page; panel: Page }> {
  h = await launchExtension({ args: [REFUSE_OTHER_HOSTS] });
  const page = h.context.pages()[0] ?? (await h.context.newPage());
  await page.goto(`${server.url}/top?frame=${encodeURIComponent(frameSrc)}`, { waitUntil: 'load' });
  const panel = await openPanel({ h, windowId: await h.windowIdOf(page) });
  await startAudit(panel);
  const [step] = await eventually(
    () => steps(h!),
    (list) => list.length === 1 && settled(list),
    20_000,
  );
  return { step: step!, page, panel };
}

describe('a frame the browser could not load', () => {
  const cases: Array<[string, () => string]> = [
    ['a refused host (the name does not resolve)', () => 'http://ads.refused.example/banner.html'],
    ['a port that refuses the connection', () => `http://127.0.0.1:${refusedPort}/widget.html`],
    ['a page sent with X-Frame-Options: DENY', () => `${server.otherSiteUrl}/deny`],
    ["a page sent with CSP frame-ancestors 'none'", () => `${server.otherSiteUrl}/no-ancestors`],
  ];

  it.each(cases)(
    'is not waited for when it is %s: the screenshot is stored and the record names it',
    async (_, src) => {
      const frameSrc = src();
      const started = Date.now();
      const { step, page } = await auditPageWith(frameSrc);
      // The browser's own error page is what the frame shows.
      expect(page.frames().map((f) => f.url())).toContain('chrome-error://chromewebdata/');
      expect(step.capture).toEqual({ status: 'ok', skippedFrames: [{ url: frameSrc, reason: 'not-loaded' }] });
      const shots = (await screenshots(h!)).filter((s) => s.stepId === step.id);
      expect(shots).toHaveLength(1);
      expect(shots[0]!.maskedFields).toBe(1);
      // Not after a wait for the frame (that was 2 x 2.5 s plus an injection).
      expect(Date.now() - started).toBeLessThan(15_000);
    },
  );
});

describe('a frame that loaded and stays silent', () => {
  it('still stops the capture, and the notice names the frame', async () => {
    const frameSrc = `${server.otherSiteUrl}/card`;
    h = await launchExtension({ args: [REFUSE_OTHER_HOSTS] });
    const page = h.context.pages()[0] ?? (await h.context.newPage());
    await page.goto(`${server.url}/top?frame=${encodeURIComponent(frameSrc)}`, { waitUntil: 'load' });
    const panel = await openPanel({ h, windowId: await h.windowIdOf(page) });
    await startAudit(panel);
    const [first] = await eventually(
      () => steps(h!),
      (list) => list.length === 1 && settled(list),
    );
    // Loaded, answering: captured, nothing skipped.
    expect(first!.capture).toEqual({ status: 'ok' });
    const auditId = first!.auditId;
    // The payment frame (another site: its own process) busy for 12 s; the top page stays free.
    const HUNG_MS = 12_000;
    const frame = page.frames().find((f) => f.url() === frameSrc)!;
    await hangMainThread(frame, HUNG_MS);
    const hungAt = Date.now();
    void panel.evaluate((m) => chrome.runtime.sendMessage(m), {
      type: 'worker/log-step',
      windowId: await h.windowIdOf(page),
      auditId,
    });
    const recorded = await eventually(
      () => steps(h!),
      (list) => list.length === 2 && settled(list),
      HUNG_MS,
    );
    expect(Date.now() - hungAt, 'refused while the frame was still hung').toBeLessThan(HUNG_MS);
    expect(recorded[1]!.capture).toEqual({ status: 'failed', reason: 'frame-silent', frames: [frameSrc] });
    expect((await screenshots(h)).filter((x) => x.stepId === recorded[1]!.id)).toEqual([]);
    await panel.getByText(`No screenshot: a frame from localhost:${server.port} did not answer`).first().waitFor();
    await page.waitForTimeout(Math.max(0, hungAt + HUNG_MS - Date.now()) + 500);
  });
});
