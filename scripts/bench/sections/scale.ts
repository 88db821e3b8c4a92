// 3. Scale: a synthetic 500-step audit with real JPEG screenshots, written through the store as the
// recorder writes it; then the panel's first render of that audit (at the side panel's size,
// 360x585), measured from navigation start, and the panel's memory once its first screen is shown.
// Its targets are ratios within the run: the 500-step render against the 1-step one (size must not
// matter), and the 1-step render against an empty extension page's load (start-up).
// The panel opens a long audit at its newest steps (a window of STEP_PAGE cards, the newest few in the
// first frame; earlier ones on request) and reads thumbnails only near the viewport: "first render" is
// the first frame's cards in the DOM, and the whole window's arrival is recorded beside it.
import type { Page } from 'playwright-core';
import type { BenchApi, SeedResult } from '../page/bench-page.ts';
import { BLANK_PAGE_PATH } from '../lib/build.ts';
import { STEP_PAGE } from '../../../src/panel/boot.ts';
import { failed, info, judged, type BenchResult } from '../lib/result.ts';
import {
  at,
  bootstrapCI,
  fmtCI,
  median,
  medianRatio,
  paired,
  round,
  rounded,
  summarize,
  type Summary,
} from '../lib/stats.ts';
import { TARGETS } from '../lib/targets.ts';
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
      if (document.querySelectorAll('ol.steps li.step').length >= Math.min(n, page))
        marks.windowRender = performance.now();
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
      await p.waitForFunction(
        () => (window as unknown as { __benchMarks?: PanelMarks }).__benchMarks?.visibleThumbs !== undefined,
        null,
        {
          timeout: 30_000,
          polling: 100,
        },
      );
    } catch {
      const seen = await p.evaluate(() => ({
        cards: document.querySelectorAll('li.step').length,
        list: document.querySelector('ol.steps')?.outerHTML.slice(0, 120) ?? null,
        thumbs: document.querySelectorAll('img.thumb[src^="blob:"]').length,
      }));
      throw new Error(
        `panel of a ${n}-step audit: first screen not complete after 30 s (marks ${JSON.stringify(await read())}, saw ${JSON.stringify(seen)})`,
      );
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
    return {
      marks,
      thumbsRead,
      heapUsedMB: before.usedSize / 2 ** 20,
      heapUsedAfterGcMB: after.usedSize / 2 ** 20,
      domNodes: dom.nodes,
    };
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
    return await p.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    );
  } finally {
    await p.close().catch(() => undefined);
  }
}

export async function openBenchPage(s: Session, path: string): Promise<Page> {
  const page = await s.h.openExtensionPage(path);
  await page.waitForFunction(() => document.title === 'bench ready', null, { timeout: 30_000 });
  return page;
}

const pick = (runs: PanelRun[], f: (r: PanelRun) => number | undefined): Summary =>
  summarize(runs.map(f).filter((v): v is number => typeof v === 'number'));

/** Each run's first render, in round order; a run without one breaks the pairing, so it is an error. */
function firstRenders(runs: PanelRun[], n: number): number[] {
  return runs.map((r, i) => {
    if (typeof r.marks.firstRender !== 'number')
      throw new Error(`panel of a ${n}-step audit, round ${i}: no first render`);
    return r.marks.firstRender;
  });
}

type Opened = 'blank' | 'small' | 'large';
const OPENED: Opened[] = ['blank', 'small', 'large'];

export async function runScale(
  s: Session,
  bench: Page,
  opts: { reps: number; warmup: number },
): Promise<{ results: BenchResult[]; seed: SeedResult | null }> {
  const results: BenchResult[] = [];
  const errors: string[] = [];
  const sources = await bench.evaluate(() => (window as unknown as Bench).peakendBench.loadSources());
  const seedOf = (n: number) =>
    bench.evaluate(
      ([size, origin]) =>
        (window as unknown as Bench).peakendBench.seedAudit(size, {
          site: `Northwind Outfitters (${size} step${size === 1 ? '' : 's'})`,
          active: true,
          origin,
        }),
      [n, s.shop.url] as const,
    );
  const activate = (auditId: string) =>
    bench.evaluate(([id]) => (window as unknown as Bench).peakendBench.activate(id), [auditId] as const);

  const smallAudit = await seedOf(1);
  const seed = await seedOf(SCALE_STEPS);
  const writesPerS = seed.steps / (seed.writeMs / 1000);
  const blobBytesPerStep = (seed.fullBytes + seed.thumbBytes) / seed.steps;
  const usageDelta =
    seed.usageBefore !== null && seed.usageAfter !== null ? (seed.usageAfter - seed.usageBefore) / seed.steps : null;

  try {
    const reads = await bench.evaluate(([id, n]) => (window as unknown as Bench).peakendBench.timeReads(id, n), [
      seed.auditId,
      opts.warmup + opts.reps,
    ] as const);
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

  // The two panel targets are ratios of three pages opened in the same rounds, in a rotating order,
  // so each pair of medians saw the same machine: an empty extension page, the panel on the 1-step
  // audit and on the 500-step one (made the active audit just before, outside the page's timing).
  try {
    const blankRuns: number[] = [];
    const small: PanelRun[] = [];
    const large: PanelRun[] = [];
    for (let r = 0; r < opts.warmup + opts.reps; r++) {
      const keep = r >= opts.warmup;
      for (const opened of OPENED.map((_, i) => OPENED[(i + r) % OPENED.length]!)) {
        if (opened === 'blank') {
          const ms = await blankPageOnce(s);
          if (keep) blankRuns.push(ms);
        } else {
          const [audit, n, into] = opened === 'small' ? [smallAudit, 1, small] : [seed, SCALE_STEPS, large];
          await activate(audit.auditId);
          const run = await openPanelOnce(s, n);
          if (keep) into.push(run);
        }
      }
    }
    const largeFirst = firstRenders(large, SCALE_STEPS);
    const smallFirst = firstRenders(small, 1);
    const bySize = medianRatio(largeFirst, smallFirst);
    const byStartup = medianRatio(smallFirst, blankRuns);
    const blank = summarize(blankRuns);
    const smallS = summarize(smallFirst);
    const first = summarize(largeFirst);
    const smallDcl = pick(small, (r) => r.marks.domContentLoaded);
    const frame = pick(large, (r) => r.marks.firstRenderFrame);
    const whole = pick(large, (r) => r.marks.windowRender);
    const thumbs = pick(large, (r) => r.marks.visibleThumbs);
    const dcl = pick(large, (r) => r.marks.domContentLoaded);
    const heap = pick(large, (r) => r.heapUsedAfterGcMB);
    const heapBefore = pick(large, (r) => r.heapUsedMB);
    const nodes = pick(large, (r) => r.domNodes);
    const cards = pick(large, (r) => r.marks.cards);
    const read = pick(large, (r) => r.thumbsRead);
    const ci = bootstrapCI(largeFirst.length, (i) => median(at(largeFirst, i)));
    const ratioDetail = (pairs: [number[], number[]]) => ({
      pairedRatio: rounded(summarize(paired(pairs[0], pairs[1], (a, b) => a / b)), 2),
      rounds: pairs[0].length,
      viewport: `${SIDE_PANEL.width}x${SIDE_PANEL.height}`,
    });
    results.unshift(
      judged(TARGETS.panelSize, round(bySize.value, 2), {
        ...ratioDetail([largeFirst, smallFirst]),
        measured: `navigation start of the panel page to its first render (the newest step cards in the DOM), ${SCALE_STEPS}-step audit over 1-step audit, opened in the same rounds`,
        ci95: bySize.ci.map((v) => round(v, 2)),
        errors,
        summary: `${SCALE_STEPS} steps ${round(first.median)} ms vs 1 step ${round(smallS.median)} ms, n=${first.n}; ${fmtCI(bySize.ci)}`,
      }),
      judged(TARGETS.panelStartup, round(byStartup.value, 2), {
        ...ratioDetail([smallFirst, blankRuns]),
        measured:
          "the panel on a 1-step audit, navigation start to first render, over an extension page with no script (bench/blank.html, added to the bench's copy of the build only), navigation start to load",
        ci95: byStartup.ci.map((v) => round(v, 2)),
        summary: `1 step ${round(smallS.median)} ms vs empty page ${round(blank.median)} ms, n=${smallS.n}; ${fmtCI(byStartup.ci)}`,
      }),
      info(`scale: diagnostic, panel first render, ${SCALE_STEPS}-step audit`, round(first.median), 'ms', {
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
    results.unshift(...failed([TARGETS.panelSize, TARGETS.panelStartup], error));
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
