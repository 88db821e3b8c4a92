// Issue 18, item 3, in a real Chromium: covers that the page cannot outdraw or move away from. Each
// fixture puts a sensitive field where an ordinary fixed cover layer misses it (the top layer, a
// transformed root scrolled 400 px, running animations, page zoom, a device scale factor of 2); the
// field is typed into at a person's pace, the step is captured, and the stored JPEG is read inside
// the field's box (scaled to image pixels): dark and flat. A control field with the same text in the
// same situation must show, so a cover over everything fails as surely as a leak.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Step } from '../../src/domain/model.ts';
import { launchExtension, type Harness } from './harness/index.ts';
import { BANDS, BAND_HEIGHT, BAND_TOP, COVERS_PAGES } from './support/covers-fixtures.ts';
import { serve, type LocalServer } from './support/offline.ts';
import { eventually, openPanel, startAudit, steps } from './support/peakend.ts';
import { boxStats, captureStep, storedJpeg, toImageBox, type BoxStats } from './support/stored-pixels.ts';

const TYPED = 'Sensitive 4111 2222';

let server: LocalServer;

beforeAll(async () => {
  server = await serve((req, res) => {
    const html = COVERS_PAGES[new URL(req.url ?? '/', 'http://x').pathname];
    res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
});

afterAll(async () => {
  await server?.close();
});

/** A browser with an audit running on `first`; visit() moves the audited tab to a fixture. */
function auditedBrowser(args: string[] = []) {
  const s = {} as { h: Harness; page: Page; panel: Page; windowId: number };
  beforeAll(async () => {
    s.h = await launchExtension({ args });
    s.page = s.h.context.pages()[0] ?? (await s.h.context.newPage());
    s.windowId = await s.h.windowIdOf(s.page);
    await s.page.goto(`${server.url}/plain.html?start`);
    s.panel = await openPanel(s);
    await startAudit(s.panel);
    await eventually(
      () => steps(s.h),
      (list) => list.length === 1 && list[0]!.capture.status !== 'pending',
    );
  }, 60_000);
  afterAll(async () => {
    await s.h?.close();
  });
  return s;
}
type Browser = ReturnType<typeof auditedBrowser>;

/** Loads a fixture in the audited tab and returns its (automatic) step once that step has settled. */
async function visit(s: Browser, path: string): Promise<Step> {
  const url = `${server.url}${path}`;
  const before = (await steps(s.h)).length;
  await s.page.goto(url);
  const list = await eventually(
    () => steps(s.h),
    (all) => all.length > before && all.at(-1)!.url === url && all.at(-1)!.capture.status !== 'pending',
  );
  return list.at(-1)!;
}

async function typeInto(page: Page, t: string): Promise<void> {
  await page.evaluate((name) => (window as unknown as { fieldEl(t: string): HTMLElement }).fieldEl(name).focus(), t);
  await page.keyboard.type(TYPED, { delay: 15 });
}

async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Captures the step and measures the secret and control fields' boxes in the stored JPEG. */
async function captureAndMeasure(
  s: Browser,
  step: Step,
): Promise<{ secret: BoxStats; control: BoxStats; scale: number }> {
  const shot = await captureStep(s, step);
  const jpeg = await storedJpeg(s.h, shot);
  const { rects, width } = await s.page.evaluate(() => {
    const find = (window as unknown as { fieldEl: (t: string) => Element }).fieldEl;
    const box = (t: string) => {
      const r = find(t).getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    };
    return { rects: [box('secret'), box('control')], width: innerWidth };
  });
  const scale = jpeg.width / width;
  const [secret, control] = await boxStats(
    s.panel,
    jpeg,
    rects.map((r) => toImageBox(r, scale)),
  );
  return { secret: secret!, control: control!, scale };
}

/** Covered: dark and flat. Shown: the white field and the typed text on it. */
function expectCoveredAndShown({ secret, control }: { secret: BoxStats; control: BoxStats }, what: string): void {
  console.log(
    `[e2e] ${what}: secret mean ${secret.mean.toFixed(1)} sd ${secret.sd.toFixed(1)}; control max ${control.max.toFixed(0)} sd ${control.sd.toFixed(1)}`,
  );
  expect(secret.mean, `${what}: the sensitive field is dark`).toBeLessThan(30);
  expect(secret.sd, `${what}: the sensitive field is flat`).toBeLessThan(10);
  expect(control.max, `${what}: the control's white field shows`).toBeGreaterThan(200);
  expect(control.sd, `${what}: the control's typed text shows`).toBeGreaterThan(30);
}

describe('covers in the top layer and under a transformed root', () => {
  const s = auditedBrowser();

  it('covers a field in a modal dialog, above a full-page element at the highest z-index', async () => {
    const step = await visit(s, '/dialog.html');
    await s.page.getByRole('button', { name: 'Pay' }).click();
    expect(await s.page.evaluate(() => document.querySelector('dialog')!.matches(':modal'))).toBe(true);
    await typeInto(s.page, 'secret');
    await typeInto(s.page, 'control');
    await blur(s.page);
    expectCoveredAndShown(await captureAndMeasure(s, step), 'modal dialog');
    // The dialog is still open: the covers did not close or change it.
    expect(await s.page.evaluate(() => document.querySelector('dialog')!.matches(':modal'))).toBe(true);
  }, 60_000);

  it('covers a field in a light-dismiss popover, and leaves the popover open', async () => {
    const step = await visit(s, '/popover.html');
    await s.page.getByRole('button', { name: 'Sign in' }).click();
    await typeInto(s.page, 'secret');
    await typeInto(s.page, 'control');
    expectCoveredAndShown(await captureAndMeasure(s, step), 'popover');
    expect(await s.page.evaluate(() => document.getElementById('p')!.matches(':popover-open'))).toBe(true);
  }, 60_000);

  it('covers a field under html { will-change: transform } scrolled 400 px', async () => {
    const step = await visit(s, '/root-transform.html');
    await s.page.mouse.move(400, 300);
    await s.page.mouse.wheel(0, 400);
    await eventually(
      () => s.page.evaluate(() => scrollY),
      (y) => y === 400,
    );
    await typeInto(s.page, 'secret');
    await typeInto(s.page, 'control');
    await blur(s.page);
    expect(await s.page.evaluate(() => scrollY)).toBe(400);
    expectCoveredAndShown(await captureAndMeasure(s, step), 'root transform, scrolled 400 px');
  }, 60_000);

  it('covers a field under html { zoom: 1.5 }', async () => {
    const step = await visit(s, '/root-zoom.html');
    await typeInto(s.page, 'secret');
    await typeInto(s.page, 'control');
    await blur(s.page);
    expectCoveredAndShown(await captureAndMeasure(s, step), 'root zoom 1.5');
  }, 60_000);

  it('covers a field in an element shown fullscreen', async () => {
    const step = await visit(s, '/fullscreen.html');
    await s.page.getByRole('button', { name: 'Full screen' }).click();
    await eventually(
      () => s.page.evaluate(() => document.fullscreenElement?.id ?? null),
      (id) => id === 'f',
    );
    await typeInto(s.page, 'secret');
    await typeInto(s.page, 'control');
    await blur(s.page);
    expectCoveredAndShown(await captureAndMeasure(s, step), 'fullscreen');
    expect(await s.page.evaluate(() => document.fullscreenElement?.id ?? null)).toBe('f');
    await s.page.evaluate(() => document.exitFullscreen());
  }, 60_000);

  it('covers a field at page zoom 150%', async () => {
    const step = await visit(s, '/plain.html');
    const tabId = await s.h.tabIdOf(s.page);
    const sw = await s.h.sw();
    await sw.evaluate((id) => chrome.tabs.setZoom(id, 1.5), tabId);
    try {
      await eventually(
        () => s.page.evaluate(() => devicePixelRatio),
        (ratio) => ratio === 1.5,
      );
      await typeInto(s.page, 'secret');
      await typeInto(s.page, 'control');
      await blur(s.page);
      const measured = await captureAndMeasure(s, step);
      // The image is at device pixels: 1.5 of the CSS pixels the page lays out.
      expect(measured.scale).toBeCloseTo(1.5, 2);
      expectCoveredAndShown(measured, 'page zoom 150%');
    } finally {
      await sw.evaluate((id) => chrome.tabs.setZoom(id, 1), tabId);
    }
  }, 60_000);

  it('covers fields that keep moving where they are when the pixels are taken, then lets them move on', async () => {
    const step = await visit(s, '/animated.html');
    for (const t of BANDS) if (t !== 'secret-transition') await typeInto(s.page, t);
    // The transition runs 200 px a second from the click: it is captured on its way.
    await s.page.getByRole('button', { name: 'Go' }).click();
    await typeInto(s.page, 'secret-transition');
    await blur(s.page);
    const shot = await captureStep(s, step);
    const jpeg = await storedJpeg(s.h, shot);
    const width = await s.page.evaluate(() => innerWidth);
    const scale = jpeg.width / width;
    // Each band is the whole path of its field; the page is grey, so white there is a field.
    const stats = await boxStats(
      s.panel,
      jpeg,
      BANDS.map((_, i) => toImageBox({ left: 0, top: BAND_TOP + i * BAND_HEIGHT, width, height: 44 }, scale)),
    );
    const byBand = new Map(BANDS.map((t, i) => [t, stats[i]!]));
    for (const [t, band] of byBand)
      console.log(`[e2e] moving field ${t}: brightest ${band.max.toFixed(0)}, dark run ${band.darkRun} px`);
    for (const t of BANDS.filter((b) => b !== 'control')) {
      expect(byBand.get(t)!.max, `${t}: no white field pixel on its path`).toBeLessThan(200);
      expect(byBand.get(t)!.darkRun, `${t}: its cover is in the band`).toBeGreaterThanOrEqual(Math.floor(270 * scale));
    }
    expect(byBand.get('control')!.max, 'the moving control field shows').toBeGreaterThan(200);
    // Afterwards every animation runs on as the page had it: the script's rate, a CSS animation the page
    // paused (and can still start with animation-play-state), the others moving again.
    const after = await s.page.evaluate(async () => {
      const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const scripted = (window as unknown as { scripted: Animation }).scripted;
      const css = document.querySelector('.slide')!.getAnimations()[0]!;
      const still = document.getElementById('still')!;
      const stillAnimation = still.getAnimations()[0]!;
      const t0 = Number(css.currentTime);
      const s0 = Number(scripted.currentTime);
      const pausedBefore = stillAnimation.playState;
      await frames();
      still.style.animationPlayState = 'running';
      await frames();
      return {
        scriptedRate: scripted.playbackRate,
        cssRate: css.playbackRate,
        cssMoved: Number(css.currentTime) !== t0,
        scriptedMoved: Number(scripted.currentTime) !== s0,
        pausedBefore,
        pausedAfterPageStarts: stillAnimation.playState,
      };
    });
    expect(after).toEqual({
      scriptedRate: 1.5,
      cssRate: 1,
      cssMoved: true,
      scriptedMoved: true,
      pausedBefore: 'paused',
      pausedAfterPageStarts: 'running',
    });
  }, 60_000);
});

describe('what a page can see of a capture', () => {
  const s = auditedBrowser();

  it('sees the cover layer come and go on <html> and its animations stand still, nothing else', async () => {
    const step = await visit(s, '/watcher.html');
    await typeInto(s.page, 'secret');
    await typeInto(s.page, 'control');
    await blur(s.page);
    // From its load on (with the automatic step's capture) and through the typing, the page saw only
    // the layer come and go, and no attribute change.
    const earlier = await s.page.evaluate(
      () => (window as unknown as { seen: { nodes: string[]; attributes: string[] } }).seen,
    );
    expect(earlier.nodes.length).toBeGreaterThan(0);
    expect(earlier.nodes.filter((n) => !/^[+-]PEAKEND-MASK-LAYER in HTML$/.test(n))).toEqual([]);
    expect(earlier.attributes).toEqual([]);
    await s.page.evaluate(() => (window as unknown as { resetSeen(): void }).resetSeen());
    expectCoveredAndShown(await captureAndMeasure(s, step), 'watching page');
    const seen = await s.page.evaluate(
      () =>
        (
          window as unknown as {
            seen: { nodes: string[]; attributes: string[]; events: string[]; rates: number[]; times: number[] };
          }
        ).seen,
    );
    const window_ = seen.times.length === 2 ? seen.times[1]! - seen.times[0]! : NaN;
    console.log(`[e2e] a watching page saw: ${JSON.stringify(seen.nodes)}, for ${window_.toFixed(0)} ms`);
    expect({ nodes: seen.nodes, attributes: seen.attributes, events: seen.events, rates: seen.rates }).toEqual({
      nodes: ['+PEAKEND-MASK-LAYER in HTML', '-PEAKEND-MASK-LAYER in HTML'],
      attributes: [],
      events: [],
      rates: [1, 0, 1],
    });
  }, 60_000);
});

describe('covers at a device scale factor of 2', () => {
  const s = auditedBrowser(['--force-device-scale-factor=2']);

  it('covers a field in an image of twice the CSS size', async () => {
    const step = await visit(s, '/plain.html');
    await typeInto(s.page, 'secret');
    await typeInto(s.page, 'control');
    await blur(s.page);
    const measured = await captureAndMeasure(s, step);
    expect(measured.scale).toBeCloseTo(2, 2);
    expectCoveredAndShown(measured, 'device scale factor 2');
  }, 60_000);
});
