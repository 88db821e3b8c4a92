// 3. Scale: a synthetic 500-step audit with real JPEG screenshots, written through the store as the
// recorder writes it; then the panel's first render of that audit (at the side panel's size,
// 360x585), measured from navigation start, and the panel's memory once its first screen is shown.
// The panel opens a long audit at its newest steps (a window of STEP_PAGE cards, the newest few in the
// first frame; earlier ones on request) and reads thumbnails only near the viewport: "first render" is
// the first frame's cards in the DOM, and the whole window's arrival is recorded beside it.
import type { Page } from 'playwright-core';
import type { BenchApi, SeedResult } from '../page/bench-page.ts';
import { BLANK_PAGE_PATH } from '../lib/build.ts';
import { STEP_PAGE } from '../../../src/panel/boot.ts';
import { info, targeted, type BenchResult } from '../lib/result.ts';
import { at, bootstrapCI, fmtCI, median, round, rounded, summarize, type Summary } from '../lib/stats.ts';
import type { Session } from '../lib/session.ts';

export const SCALE_STEPS = 500;
const SIDE_PANEL = { width: 360, height: 585 };

type Bench = { peakendBench: BenchApi };

export interface PanelMarks {
  /** The newest step's card and every card of the rendered window are in the DOM. */
  firstRender?: number;
  /** How many step cards that first render holds. */
  cards?: number;
  /** The whole first window (STEP_PAGE cards, or every step of a shorter audit) is in the DOM. */
  windowRender?: number;
  /** Start of the next animation frame after firstRender. */
  firstRenderFrame?: number;
  /** Every thumbnail inside the viewport shows its image. */
  visibleThumbs?: number;
  domContentLoaded?: number;
}

/**
 * Runs in the panel page before its own scripts: notes when the step cards and thumbnails arrive.
 * Serialised by Playwright: no named inner functions (tsx's keepNames would wrap them in a helper the
 * page does not have).
 */
function markerScript([n, page]: [number, number]): void {
  const marks: PanelMarks = {};
  (window as unknown as { __benchMarks: PanelMarks }).__benchMarks = marks;
  const observer = new MutationObserver(() => {
    if (marks.firstRender === undefined) {
      const list = document.querySelector(`ol.steps[data-total="${n}"]`);
      const newest = document.querySelector(`li.step[data-step-index="${n - 1}"]`);
      if (list && newest) {
        const cards = list.querySelectorAll('li.step').length;
        const shown = Number(list.getAttribute('data-shown') ?? cards);
        if (cards >= shown) {
          marks.firstRender = performance.now();
          marks.cards = cards;
          requestAnimationFrame(() => {
            marks.firstRenderFrame = performance.now();
          });
        }
      }
    }
    if (marks.firstRender !== undefined && marks.windowRender === undefined) {
      if (document.querySelectorAll('ol.steps li.step').length >= Math.min(n, page)) marks.windowRender = performance.now();
    }
    if (marks.firstRender === undefined || marks.visibleThumbs !== undefined) return;
    // Inline on purpose: this function is serialised into the page, where no helper it names exists.
    let visible = 0;
    let loaded = 0;
    for (const img of document.querySelectorAll<HTMLImageElement>('img.thumb')) {
      const r = img.getBoundingClientRect();
      if (r.width === 0 || r.bottom <= 0 || r.top >= innerHeight) continue;
      visible++;
      if (img.src.startsWith('blob:')) loaded++;
    }
    if (visible > 0 && loaded === visible) {
      marks.visibleThumbs = performance.now();
      const nav = performance.getEntriesByType('navigation')[0];
      marks.domContentLoaded = nav?.domContentLoadedEventEnd;
    }
    if (marks.visibleThumbs !== undefined && marks.windowRender !== undefined) observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
}

interface PanelRun {
  marks: PanelMarks;
  thumbsRead: number;
  heapUsedMB: number;
  heapUsedAfterGcMB: number;
  domNodes: number;
}

async function openPanelOnce(s: Session, n: number): Promise<PanelRun> {
  const p = await s.h.context.newPage();
  try {
    await p.setViewportSize(SIDE_PANEL);
    await p.addInitScript(markerScript, [n, STEP_PAGE] as [number, number]);
    await p.goto(s.h.extensionUrl(`${s.h.sidePanelPath()}?window=${s.windowId}`));
    const read = () => p.evaluate(() => (window as unknown as { __benchMarks: PanelMarks }).__benchMarks);
    try {
      await p.waitForFunction(() => (window as unknown as { __benchMarks?: PanelMarks }).__benchMarks?.visibleThumbs !== undefined, null, {
        timeout: 30_000,
        polling: 100,
      });
    } catch {
      const seen = await p.evaluate(() => ({
        cards: document.querySelectorAll('li.step').length,
        list: document.querySelector('ol.steps')?.outerHTML.slice(0, 120) ?? null,
        thumbs: document.querySelectorAll('img.thumb[src^="blob:"]').length,
      }));
      throw new Error(`panel of a ${n}-step audit: first screen not complete after 30 s (marks ${JSON.stringify(await read())}, saw ${JSON.stringify(seen)})`);
    }
    await p.waitForTimeout(300);
    const marks = await read();
    const thumbsRead = await p.evaluate(() => document.querySelectorAll('img.thumb[src^="blob:"]').length);
    const cdp = await s.h.context.newCDPSession(p);
    const before = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('HeapProfiler.collectGarbage');
    const after = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    await cdp.detach().catch(() => undefined);
    return { marks, thumbsRead, heapUsedMB: before.usedSize / 2 ** 20, heapUsedAfterGcMB: after.usedSize / 2 ** 20, domNodes: dom.nodes };
  } finally {
    await p.close().catch(() => undefined);
  }
}

/** Navigation start to the load event of an extension page with no script: what any page costs here. */
async function blankPageOnce(s: Session): Promise<number> {
  const p = await s.h.context.newPage();
  try {
    await p.setViewportSize(SIDE_PANEL);
    await p.goto(s.h.extensionUrl(BLANK_PAGE_PATH));
    return await p.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  } finally {
    await p.close().catch(() => undefined);
  }
}

export async function openBenchPage(s: Session, path: string): Promise<Page> {
  const page = await s.h.openExtensionPage(path);
  await page.waitForFunction(() => document.title === 'bench ready', null, { timeout: 30_000 });
  return page;
}

async function repeat<T>(times: number, warmup: number, once: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < warmup + times; i++) {
    const r = await once();
    if (i >= warmup) out.push(r);
  }
  return out;
}

const pick = (runs: PanelRun[], f: (r: PanelRun) => number | undefined): Summary =>
  summarize(runs.map(f).filter((v): v is number => typeof v === 'number'));

export async function runScale(
  s: Session,
  bench: Page,
  opts: { reps: number; warmup: number },
): Promise<{ results: BenchResult[]; seed: SeedResult | null }> {
  const results: BenchResult[] = [];
  const errors: string[] = [];
  const sources = await bench.evaluate(() => (window as unknown as Bench).peakendBench.loadSources());

  // The floors: an extension page with no script, and the panel on a 1-step audit.
  try {
    const blank = summarize(await repeat(opts.reps, opts.warmup, () => blankPageOnce(s)));
    await bench.evaluate(
      ([origin]) => (window as unknown as Bench).peakendBench.seedAudit(1, { site: 'Northwind Outfitters (1 step)', active: true, origin }),
      [s.shop.url] as const,
    );
    const small = await repeat(opts.reps, opts.warmup, () => openPanelOnce(s, 1));
    const smallS = pick(small, (r) => r.marks.firstRender);
    const smallDcl = pick(small, (r) => r.marks.domContentLoaded);
    results.push(
      info('scale: diagnostic, panel first render, 1-step audit', round(smallS.median), 'ms', {
        ...rounded(smallS),
        domContentLoadedMs: rounded(smallDcl),
        summary: `p95 ${round(smallS.p95)} ms; DOMContentLoaded ${round(smallDcl.median)} ms: the panel's fixed start-up cost`,
      }),
      info('scale: diagnostic, empty extension page load', round(blank.median), 'ms', {
        ...rounded(blank),
        summary: `p95 ${round(blank.p95)} ms: navigation start to load of a page with no script, the floor of any panel`,
      }),
    );
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }

  const seed = await bench.evaluate(
    ([n, origin]) => (window as unknown as Bench).peakendBench.seedAudit(n, { site: 'Northwind Outfitters (500 steps)', active: true, origin }),
    [SCALE_STEPS, s.shop.url] as const,
  );
  const writesPerS = seed.steps / (seed.writeMs / 1000);
  const blobBytesPerStep = (seed.fullBytes + seed.thumbBytes) / seed.steps;
  const usageDelta = seed.usageBefore !== null && seed.usageAfter !== null ? (seed.usageAfter - seed.usageBefore) / seed.steps : null;

  try {
    const reads = await bench.evaluate(([id, n]) => (window as unknown as Bench).peakendBench.timeReads(id, n), [seed.auditId, opts.warmup + opts.reps] as const);
    const ls = summarize(reads.listStepsMs.slice(opts.warmup));
    const whole = summarize(reads.wholeAuditMs.slice(opts.warmup));
    results.push(
      info(`scale: diagnostic, read all steps of a ${SCALE_STEPS}-step audit (listSteps)`, round(ls.median, 1), 'ms', {
        ...rounded(ls),
        wholeAuditMs: rounded(whole),
        note: 'listSteps runs on every logged step (stepInitFor); audit + steps + screenshots on every panel reload',
        summary: `p95 ${round(ls.p95)} ms; audit + steps + screenshots ${round(whole.median)} ms (p95 ${round(whole.p95)})`,
      }),
    );
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }

  try {
    const runs = await repeat(opts.reps, opts.warmup, () => openPanelOnce(s, SCALE_STEPS));
    const first = pick(runs, (r) => r.marks.firstRender);
    const frame = pick(runs, (r) => r.marks.firstRenderFrame);
    const whole = pick(runs, (r) => r.marks.windowRender);
    const thumbs = pick(runs, (r) => r.marks.visibleThumbs);
    const dcl = pick(runs, (r) => r.marks.domContentLoaded);
    const heap = pick(runs, (r) => r.heapUsedAfterGcMB);
    const heapBefore = pick(runs, (r) => r.heapUsedMB);
    const nodes = pick(runs, (r) => r.domNodes);
    const cards = pick(runs, (r) => r.marks.cards);
    const read = pick(runs, (r) => r.thumbsRead);
    const firstValues = runs.map((r) => r.marks.firstRender).filter((v): v is number => typeof v === 'number');
    const ci = bootstrapCI(firstValues.length, (i) => median(at(firstValues, i)));
    results.unshift(
      targeted(`scale: panel first render, ${SCALE_STEPS}-step audit`, round(first.median), 'ms', '<', 150, {
        measured: `navigation start of the panel page to the newest ${cards.median} step cards in the DOM (the first frame; the rest of the ${STEP_PAGE}-card window follows in the next, earlier steps on request)`,
        viewport: `${SIDE_PANEL.width}x${SIDE_PANEL.height}`,
        firstRenderMs: rounded(first),
        nextFrameMs: rounded(frame),
        wholeWindowMs: rounded(whole),
        windowCards: STEP_PAGE,
        visibleThumbnailsMs: rounded(thumbs),
        domContentLoadedMs: rounded(dcl),
        cardsRendered: cards.median,
        thumbnailsRead: read.median,
        runs: first.n,
        errors,
        ci95: ci.map((v) => round(v, 1)),
        summary: `p95 ${round(first.p95)} ms; ${fmtCI(ci, 0)} ms; newest ${cards.median} cards, all ${STEP_PAGE} at ${round(whole.median)} ms; DOMContentLoaded ${round(dcl.median)} ms; visible thumbnails ${round(thumbs.median)} ms`,
      }),
      info(`scale: panel JS heap after GC, ${SCALE_STEPS}-step audit open`, round(heap.median, 1), 'MB', {
        afterGcMB: rounded(heap, 1),
        beforeGcMB: rounded(heapBefore, 1),
        domNodes: nodes.median,
        thumbnailsRead: read.median,
        note: 'Runtime.getHeapUsage of the panel page; thumbnail Blobs live in the browser process, outside the JS heap',
        summary: `${round(heapBefore.median, 1)} MB before GC, ${nodes.median} DOM nodes, ${read.median} thumbnails read`,
      }),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.unshift({
      name: `scale: panel first render, ${SCALE_STEPS}-step audit`,
      value: null,
      unit: 'ms',
      target: '< 150',
      met: null,
      detail: { error: message, errors, summary: `not measured: ${message.split('\n')[0]}` },
    });
  }
  results.push(
    info('scale: store writes (step + screenshot)', round(writesPerS, 1), 'steps/s', {
      steps: seed.steps,
      writeMs: round(seed.writeMs),
      wallMs: round(seed.wallMs),
      perStep: 'addStep (1 transaction) + addScreenshot (1 transaction: metadata, full JPEG, thumbnail, step update)',
      summary: `${round((seed.steps * 2) / (seed.writeMs / 1000), 1)} transactions/s, ${round(seed.writeMs / seed.steps, 1)} ms per step`,
    }),
    info('scale: stored bytes per step', round(blobBytesPerStep / 1000, 1), 'kB', {
      fullJpegBytes: round(seed.fullBytes / seed.steps),
      thumbnailBytes: round(seed.thumbBytes / seed.steps),
      storageEstimateDeltaPerStepBytes: usageDelta === null ? null : round(usageDelta),
      images: sources,
      summary: `JPEG ${round(seed.fullBytes / seed.steps / 1000, 1)} kB + thumb ${round(seed.thumbBytes / seed.steps / 1000, 1)} kB; storage.estimate ${usageDelta === null ? 'n/a' : `${round(usageDelta / 1000, 1)} kB`}/step; ${sources.count} distinct ${sources.kind} JPEGs`,
    }),
  );
  return { results, seed };
}
