// 2. Content script cost on the audited page: renderer main-thread time (CDP Performance.getMetrics
// TaskDuration, thread CPU time) during a scripted visit of the demo shop's product page (load, 50
// clicks on varied elements, 200 characters typed), in three configurations run alternately in the
// same browser and the same tab:
//   none    - no audit recording: Peakend's content script is not registered, nothing of ours runs;
//   peakend - an audit recording this tab (content script registered at document_start, auto step
//             with its masked capture, signals);
//   method  - as peakend, but the page runs, instead of Peakend's script, the least one that records
//             METHOD.md's signals (scripts/bench/tools/floor-content-script.js, impl=method): what the
//             method itself costs the page, checked to record the same signals as Peakend on this
//             visit. Target: Peakend's paired excess over it has a 95% interval reaching 0 or below;
//   rrweb   - no audit, rrweb's record({ emit(){} }) started in the page.
// Added time = configuration - none, paired within each round, with every visit's time first brought to
// a common speed (see SPEED INDEX below).
//
// SPEED INDEX. A visit's main-thread time moves by tens of ms from one visit to the next (standard
// deviation 40-70 ms over a ~400 ms visit), and all of its parts move together: script, style, layout
// and the rest correlate at 0.8-0.98 within a visit, while the number of style and layout passes is the
// same in every visit and every configuration (LayoutCount 224-225, RecalcStyleCount 399-405 in the
// runs that found this). The renderer runs faster or slower from one visit to the next; the visit does
// not do more work. So each visit's style + layout time, work every configuration does alike, measures
// that visit's speed, and every visit's time is rescaled to the median speed before the differences
// are taken. That cuts the spread of a paired difference about threefold (sd ~45 -> ~14 ms).
// What it cannot tell apart: a tool that itself slowed style or layout raises its own index, and the
// rescaling then shrinks that tool's whole visit by the same share (1% of the index is ~4-5 ms of a
// visit), taking more than the tool's own style and layout time off its added time. In either
// direction, for either tool: `detail.speedIndex.pairedChange` gives each tool's median paired change
// of the index against none, and the raw figures stay in `detail.raw`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CDPSession } from 'playwright-core';
import { info, judged, type BenchResult } from '../lib/result.ts';
import { TARGETS } from '../lib/targets.ts';
import { disagreements, implQuery, recordedSignals } from '../lib/alternatives.ts';
import {
  at,
  atCommonSpeed,
  bootstrapCI,
  fmtCI,
  median,
  medianRatio,
  paired,
  round,
  rounded,
  sd,
  summarize,
} from '../lib/stats.ts';
import { readSteps, request, sleep, type Session } from '../lib/session.ts';

const require = createRequire(import.meta.url);
// rrweb's package exports do not list the UMD build; it sits next to the CommonJS entry.
const RRWEB_UMD = require.resolve('rrweb').replace(/rrweb\.cjs$/, 'rrweb.umd.min.cjs');

type Config = 'none' | 'peakend' | 'method' | 'rrweb';
const CONFIGS: Config[] = ['none', 'peakend', 'method', 'rrweb'];
/** The configurations in which the audit records, with Peakend's script or the method's least one. */
const recording = (c: Config) => c === 'peakend' || c === 'method';

/** Clicked in turn (49 clicks), then the coupon field (the 50th), then 200 characters typed into it. */
const CLICK_CYCLE = [
  '#thumb-2',
  '#thumb-3',
  'label:has(#size-S)',
  'label:has(#size-L)',
  '#dead-button',
  '#product-price',
  '#main-image-button',
  '#lightbox-next',
  '#lightbox-close',
  '#size-finder',
  '#size-finder-calc',
  '#size-finder-close',
  '#rage-button',
  '#thumb-4',
  '.promises',
  '.colour',
  '#thumb-1',
];
const TYPED = 'Ridge shell jacket, size M, navy: does AUTUMN10 apply to delivery as well? '.repeat(3).slice(0, 200);
const CLICK_GAP_MS = 5;
/** The gallery thumbnails and the coupon field sit just below the fold at 1280x800: the visit scrolls first. */
const SCROLL_Y = 200;
/**
 * Peakend sends its signals 1.2 s after the last event that changed them, and the settle lets that
 * batch land inside the run. The last such event is not the last click: the second error scan of the
 * size guide's last submit, 0.7 s after it, or an INP reading during the typing, sets the batch later.
 * With a settle of 1.3 s the batch left about 0.1 s after the run had ended (a timed copy of the
 * script), so no run counted it; 2.5 s covers it.
 */
const SETTLE_MS = 2500;

export interface Point {
  selector: string;
  x: number;
  y: number;
}

export interface RunMetrics {
  task: number;
  script: number;
  layout: number;
  style: number;
  layoutCount: number;
  styleCount: number;
}

export async function metrics(cdp: CDPSession): Promise<RunMetrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => list.find((m) => m.name === name)?.value ?? Number.NaN;
  const ms = (name: string) => value(name) * 1000;
  return {
    task: ms('TaskDuration'),
    script: ms('ScriptDuration'),
    layout: ms('LayoutDuration'),
    style: ms('RecalcStyleDuration'),
    layoutCount: value('LayoutCount'),
    styleCount: value('RecalcStyleCount'),
  };
}

async function scroll(s: Session): Promise<void> {
  await s.page.evaluate((y) => scrollTo(0, y), SCROLL_Y);
}

/** Where each click lands, found once on the real page; every measured run replays the same points. */
export async function calibrate(s: Session): Promise<Point[]> {
  await s.page.goto(`${s.shop.url}/product.html?id=ridge-shell&bench=calibrate`);
  await scroll(s);
  const points: Point[] = [];
  const sequence = [...Array.from({ length: 49 }, (_, i) => CLICK_CYCLE[i % CLICK_CYCLE.length]!), '#coupon'];
  for (const selector of sequence) {
    const box = await s.page.locator(selector).first().boundingBox();
    if (!box) throw new Error(`calibration: ${selector} is not visible`);
    const x = box.x + Math.min(box.width / 2, 40);
    const y = box.y + box.height / 2;
    if (x < 0 || y < 0 || x > 1280 || y > 800)
      throw new Error(`calibration: ${selector} is outside the 1280x800 viewport (${x}, ${y})`);
    points.push({ selector, x, y });
    await s.page.mouse.click(x, y);
    await sleep(CLICK_GAP_MS);
  }
  return points;
}

/** Which element each replayed click hit (checked once, in the baseline configuration). */
async function verifyHits(s: Session, points: Point[]): Promise<number> {
  await s.page.goto(`${s.shop.url}/product.html?id=ridge-shell&bench=verify`);
  await s.page.evaluate(() => {
    const w = window as unknown as { __hits: Element[] };
    w.__hits = [];
    addEventListener('mousedown', (e) => w.__hits.push(e.target as Element), { capture: true });
  });
  await scroll(s);
  for (const p of points) {
    await s.page.mouse.click(p.x, p.y);
    await sleep(CLICK_GAP_MS);
  }
  return s.page.evaluate(
    (sels) => {
      const hits = (window as unknown as { __hits: Element[] }).__hits;
      return sels.filter((sel, i) => hits[i] && (hits[i].closest(sel) || hits[i].querySelector?.(sel))).length;
    },
    points.map((p) => p.selector),
  );
}

/** Resumes or pauses the bench's audit, and checks that the content script is registered exactly then. */
export async function setRecording(s: Session, wantRecording: boolean, state: { recording: boolean }): Promise<void> {
  if (wantRecording && !state.recording) {
    await request(s.panel, { type: 'worker/resume-audit', windowId: s.windowId, auditId: s.auditId });
    state.recording = true;
  } else if (!wantRecording && state.recording) {
    await request(s.panel, { type: 'worker/pause-audit', auditId: s.auditId });
    state.recording = false;
  }
  const registered = await (
    await s.h.sw()
  ).evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length);
  if (registered > 0 !== wantRecording)
    throw new Error(`content script registered=${registered} while recording=${wantRecording}`);
}

/** What a visit runs with: Peakend recording the tab, and rrweb injected into the page. */
export interface PageSetup {
  recording: boolean;
  rrweb: boolean;
}

/** Brings the tab to `want`; `state` remembers what is set (rrweb: its init script's identifier). */
export async function applySetup(
  s: Session,
  cdp: CDPSession,
  want: PageSetup,
  state: { recording: boolean; rrweb: string | null },
  rrwebSource: string,
): Promise<void> {
  await setRecording(s, want.recording, state);
  if (want.rrweb && state.rrweb === null) {
    state.rrweb = (await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: rrwebSource })).identifier;
  } else if (!want.rrweb && state.rrweb !== null) {
    await cdp.send('Page.removeScriptToEvaluateOnNewDocument', { identifier: state.rrweb });
    state.rrweb = null;
  }
}

const setConfig = (
  s: Session,
  cdp: CDPSession,
  config: Config,
  state: { recording: boolean; rrweb: string | null },
  rrwebSource: string,
) => applySetup(s, cdp, { recording: recording(config), rrweb: config === 'rrweb' }, state, rrwebSource);

/** rrweb's events in the page just visited; a visit with rrweb that recorded none is an error. */
export async function rrwebEvents(s: Session, expected: boolean): Promise<number | null> {
  const events = await s.page.evaluate(
    () => (window as unknown as { __benchRrwebEvents?: number }).__benchRrwebEvents ?? null,
  );
  if (expected && !events) throw new Error('rrweb recorded nothing: its script did not run');
  return events;
}

/** A visit's speed (SPEED INDEX above): its style + layout time. */
export const speedIndexOf = (m: RunMetrics): number => m.layout + m.style;

/** The parts of a visit, in order; `mark` is called at the end of each but the last. */
export const PHASES = ['load', 'clicks', 'typing', 'settle'] as const;
export type Phase = (typeof PHASES)[number];

/** One visit's interaction: a fresh document, the scroll, the clicks at `points`, the typing, the settle. */
export async function replayVisit(
  s: Session,
  points: Point[],
  run: number,
  mark: (ended: Phase) => Promise<void> = async () => undefined,
  query = '',
): Promise<void> {
  await s.page.goto(`${s.shop.url}/product.html?id=ridge-shell&bench=${run}${query}`, { waitUntil: 'load' });
  await scroll(s);
  await mark('load');
  for (const p of points) {
    await s.page.mouse.click(p.x, p.y);
    await sleep(CLICK_GAP_MS);
  }
  await mark('clicks');
  await s.page.keyboard.type(TYPED);
  await mark('typing');
  await sleep(SETTLE_MS);
}

type VisitMetrics = RunMetrics & {
  rrwebEvents: number | null;
  /** Recording configurations only: whether the page's signals were filed before the run ended (so counted in it). */
  batchInRun: boolean | null;
  phases: Record<Phase, { task: number; script: number }>;
};

async function visit(s: Session, cdp: CDPSession, points: Point[], run: number, config: Config): Promise<VisitMetrics> {
  // The counters are cumulative over the document: a reading at each phase's end, differences after.
  const marks: RunMetrics[] = [];
  await replayVisit(
    s,
    points,
    run,
    async () => {
      marks.push(await metrics(cdp));
    },
    config === 'method' ? implQuery('method') : '',
  );
  const m = await metrics(cdp);
  marks.push(m);
  const phases = Object.fromEntries(
    PHASES.map((p, i) => [
      p,
      { task: marks[i]!.task - (marks[i - 1]?.task ?? 0), script: marks[i]!.script - (marks[i - 1]?.script ?? 0) },
    ]),
  ) as VisitMetrics['phases'];
  const events = await rrwebEvents(s, config === 'rrweb');
  // Read in the panel's process, after the page's counters: it adds nothing to them.
  const batchInRun = recording(config)
    ? (await readSteps(s.panel, s.auditId)).some(
        (st) => new URL(st.url).searchParams.get('bench') === String(run) && st.signals !== null,
      )
    : null;
  return { ...m, rrwebEvents: events, batchInRun, phases };
}

/**
 * rrweb 2.2.2's UMD sets globalThis.rrweb. record() is started at DOMContentLoaded, top frame only:
 * called earlier, its capture-phase window 'load' listener re-enters record() on the synchronous load
 * of the helper iframe rrweb itself appends (stack overflow in this Chromium); and an init script
 * also runs in that about:blank helper iframe, which a page's own <script> would not.
 */
export function rrwebInitScript(): string {
  return (
    readFileSync(RRWEB_UMD, 'utf8') +
    '\n;if (window === window.top) { window.__benchRrwebEvents = 0; addEventListener("DOMContentLoaded", function () {' +
    ' rrweb.record({ emit: function () { window.__benchRrwebEvents++; } }); }, { once: true }); }\n'
  );
}

export async function runContentCost(s: Session, opts: { reps: number; warmup: number }): Promise<BenchResult[]> {
  const rrwebSource = rrwebInitScript();
  const cdp = await s.h.context.newCDPSession(s.page);
  // threadTicks: the main thread's CPU time, which descheduling on a busy machine does not inflate.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  // Page.addScriptToEvaluateOnNewDocument only takes effect on a session with the Page domain enabled.
  await cdp.send('Page.enable');
  const state = { recording: true, rrweb: null as string | null };
  await setConfig(s, cdp, 'none', state, rrwebSource);
  const points = await calibrate(s);
  const hits = await verifyHits(s, points);

  const runs: Record<Config, VisitMetrics[]> = { none: [], peakend: [], method: [], rrweb: [] };
  let run = 0;
  for (let r = 0; r < opts.warmup + opts.reps; r++) {
    const order = CONFIGS.map((_, i) => CONFIGS[(i + r) % CONFIGS.length]!);
    for (const config of order) {
      await setConfig(s, cdp, config, state, rrwebSource);
      const m = await visit(s, cdp, points, run++, config);
      if (r >= opts.warmup) runs[config].push(m);
    }
  }
  await setConfig(s, cdp, 'none', state, rrwebSource);
  await cdp.detach().catch(() => undefined);
  // The method's least script stands for the method only if it recorded what Peakend recorded.
  const steps = await readSteps(s.panel, s.auditId);
  const recorded = { peakend: recordedSignals(steps, 'peakend'), method: recordedSignals(steps, 'method') };
  const differ = disagreements(recorded.method, recorded.peakend);

  const raw = (c: Config) => runs[c].map((m) => m.task);
  const speedIndex = (c: Config) => runs[c].map(speedIndexOf);
  const reference = median(CONFIGS.flatMap(speedIndex));
  const task = (c: Config) => atCommonSpeed(raw(c), speedIndex(c), reference);
  const added = (values: (c: Config) => number[], c: Config) => paired(values(c), values('none'), (a, b) => a - b);
  const none = summarize(task('none'));
  const peak = summarize(task('peakend'));
  const rr = summarize(task('rrweb'));
  const dP = added(task, 'peakend');
  const dR = added(task, 'rrweb');
  const addedPeak = summarize(dP);
  const addedRr = summarize(dR);
  const { value: ratio, ci } = medianRatio(dP, dR);
  const rawP = added(raw, 'peakend');
  const rawR = added(raw, 'rrweb');
  const { value: rawRatio, ci: rawCi } = medianRatio(rawP, rawR);
  const script = (c: Config) => runs[c].map((m) => m.script);
  const scriptAddedP = summarize(added(script, 'peakend'));
  const scriptAddedR = summarize(added(script, 'rrweb'));
  const inRun = runs.peakend.filter((m) => m.batchInRun).length;
  const methodInRun = runs.method.filter((m) => m.batchInRun).length;
  const dM = added(task, 'method');
  const addedMethod = summarize(dM);
  const methodRatio = medianRatio(dM, dR);
  const scriptAddedM = summarize(added(script, 'method'));
  // Peakend above the method's least script, paired within each round.
  const aboveMethod = (values: (c: Config) => number[]) => {
    const d = paired(values('peakend'), values('method'), (a, b) => a - b);
    return { median: median(d), ci: bootstrapCI(d.length, (idx) => median(at(d, idx))) };
  };
  const above = aboveMethod(task);
  const aboveRaw = aboveMethod(raw);
  const scriptAbove = aboveMethod(script);
  const part = (c: Config, k: keyof RunMetrics) => round(summarize(runs[c].map((m) => m[k])).median);
  const breakdown = Object.fromEntries(
    CONFIGS.map((c) => [
      c,
      {
        taskMs: part(c, 'task'),
        scriptMs: part(c, 'script'),
        layoutMs: part(c, 'layout'),
        styleMs: part(c, 'style'),
        layoutCount: part(c, 'layoutCount'),
        styleCount: part(c, 'styleCount'),
      },
    ]),
  );
  // Where each tool's time goes: each phase's task time rescaled by the whole visit's index (a phase's
  // own style and layout are too few to index it; the settle has none). Its script time stays raw.
  const phaseAdded = Object.fromEntries(
    PHASES.map((p) => {
      const of = (k: 'task' | 'script') => (c: Config) => runs[c].map((m) => m.phases[p][k]);
      const scaled = (c: Config) => atCommonSpeed(of('task')(c), speedIndex(c), reference);
      const row = (c: Config) => ({
        taskMs: round(median(added(scaled, c))),
        rawScriptMs: round(median(added(of('script'), c))),
      });
      return [
        p,
        {
          none: { taskMs: round(median(scaled('none'))) },
          peakend: row('peakend'),
          method: row('method'),
          rrweb: row('rrweb'),
        },
      ];
    }),
  );
  // The index stands for speed only while every configuration does the same style and layout passes.
  const counts = CONFIGS.map((c) => breakdown[c]!.layoutCount + breakdown[c]!.styleCount);
  const countSpread = (Math.max(...counts) - Math.min(...counts)) / Math.min(...counts);
  const detail = {
    page: '/product.html?id=ridge-shell',
    interaction: `load + scroll ${SCROLL_Y}px + ${points.length} clicks (${hits}/${points.length} on their intended element) + ${TYPED.length} characters typed + ${SETTLE_MS} ms settle`,
    metric:
      'CDP Performance.getMetrics TaskDuration (threadTicks), one document per run, at the common speed (style + layout time as speed index)',
    rounds: none.n,
    warmup: opts.warmup,
    speedIndex: {
      what: "LayoutDuration + RecalcStyleDuration of the visit; each visit's times are scaled by reference / index",
      referenceMs: round(reference),
      medianMs: Object.fromEntries(CONFIGS.map((c) => [c, round(median(speedIndex(c)))])),
      pairedChange: Object.fromEntries(
        (['peakend', 'method', 'rrweb'] as const).map((c) => [
          c,
          `${round(100 * median(paired(speedIndex(c), speedIndex('none'), (a, b) => a / b - 1)), 2)}%`,
        ]),
      ),
      passCountSpread: round(countSpread, 4),
      pairedSdMs: {
        raw: { peakend: round(sd(rawP)), rrweb: round(sd(rawR)) },
        atCommonSpeed: { peakend: round(sd(dP)), rrweb: round(sd(dR)) },
      },
    },
    taskMs: {
      none: rounded(none),
      peakend: rounded(peak),
      method: rounded(summarize(task('method'))),
      rrweb: rounded(rr),
    },
    addedMs: { peakend: rounded(addedPeak), method: rounded(addedMethod), rrweb: rounded(addedRr) },
    ci95: ci.map((v) => round(v, 3)),
    raw: {
      ratio: round(rawRatio, 3),
      addedMs: { peakend: rounded(summarize(rawP)), rrweb: rounded(summarize(rawR)) },
      ci95: rawCi.map((v) => round(v, 3)),
    },
    phases: phaseAdded,
    scriptOnlyAddedMs: {
      peakend: rounded(scriptAddedP),
      method: rounded(scriptAddedM),
      rrweb: rounded(scriptAddedR),
      ratio: round(scriptAddedP.median / scriptAddedR.median, 3),
    },
    medians: breakdown,
    runs: Object.fromEntries(
      CONFIGS.map((c) => [
        c,
        runs[c].map((m) => ({
          task: round(m.task),
          script: round(m.script),
          layout: round(m.layout),
          style: round(m.style),
          layoutCount: m.layoutCount,
          styleCount: m.styleCount,
        })),
      ]),
    ),
    rrwebEventsMedian: summarize(runs.rrweb.map((m) => m.rrwebEvents ?? 0)).median,
    peakendSteps: 'each Peakend run is a new page of the audit: an automatic step with a masked capture',
    peakendBatchesInRun: `${inRun} of ${runs.peakend.length}`,
    method: {
      what: "the least content script that records METHOD.md signals (scripts/bench/tools/floor-content-script.js, impl=method), in place of Peakend's",
      recorded,
      batchesInRun: `${methodInRun} of ${runs.method.length}`,
      peakendAboveMs: {
        commonSpeed: round(above.median),
        ci95: above.ci.map((v) => round(v)),
        raw: round(aboveRaw.median),
        rawCi95: aboveRaw.ci.map((v) => round(v)),
        scriptOnly: round(scriptAbove.median),
        scriptOnlyCi95: scriptAbove.ci.map((v) => round(v)),
      },
    },
  };
  // Kept, not thrown: the raw figures stand, and the verdict then goes by them.
  const indexHolds = countSpread <= 0.02;
  const warning =
    (!indexHolds
      ? `WARNING: the configurations did different numbers of style and layout passes (${counts.join(', ')}), so style + layout time is no speed index here: the figure is the raw one. `
      : '') +
    (inRun < runs.peakend.length
      ? `WARNING: Peakend's batch of signals was filed inside ${inRun} of ${runs.peakend.length} runs only: the others leave it out. `
      : '');
  const methodWarning =
    (differ.length > 0
      ? `WARNING: it recorded other signals than Peakend (${differ.join(', ')}), so it does not stand for the method here. `
      : '') +
    (methodInRun < runs.method.length
      ? `WARNING: its batch was filed inside ${methodInRun} of ${runs.method.length} runs only. `
      : '');
  // Peakend against the method's least script: judged on the interval of the paired excess, which must
  // reach 0 or below (Peakend no dearer than what the method itself costs, within the noise).
  const excess = indexHolds ? above : aboveRaw;
  const againstMethod = judged(TARGETS.contentVsMethod, round(excess.median, 1), {
    ...detail.method,
    measured: `Peakend's visit minus the method's least script's visit, paired within each round, ${indexHolds ? 'at a common speed' : 'raw (the speed index did not hold)'}; median and 95% bootstrap interval`,
    ci95: excess.ci.map((v) => round(v, 1)),
    summary:
      `${methodWarning}Peakend ${round(excess.median, 1)} ms above it (${fmtCI(excess.ci, 1)}) on ${round(addedPeak.median)} ms added, n=${none.n}; ` +
      `its JavaScript ${round(scriptAbove.median, 1)} ms (${fmtCI(scriptAbove.ci, 1)})`,
  });
  // A script that recorded other signals does not stand for the method: no verdict then.
  if (differ.length > 0) {
    againstMethod.met = null;
    againstMethod.detail.error = `not judged: the least script recorded other signals than Peakend (${differ.join(', ')})`;
  }
  return [
    judged(TARGETS.contentVsRrweb, round(indexHolds ? ratio : rawRatio, 3), {
      ...detail,
      ci95: (indexHolds ? ci : rawCi).map((v) => round(v, 3)),
      summary: `${warning}added ${round(addedPeak.median)} ms (Peakend) vs ${round(addedRr.median)} ms (rrweb) over ${round(none.median)} ms at a common speed, n=${none.n}; ${fmtCI(ci)}; raw ${round(rawRatio, 2)}x (${fmtCI(rawCi)}); script only ${round(scriptAddedP.median)} vs ${round(scriptAddedR.median)} ms; the least script for the method ${round(methodRatio.value, 2)}x`,
    }),
    againstMethod,
    info(
      'content script: diagnostic, least script for the method, added / rrweb added',
      round(methodRatio.value, 3),
      'x',
      {
        ...detail.method,
        summary: `${methodWarning}added ${round(addedMethod.median)} ms vs rrweb's ${round(addedRr.median)} ms at a common speed; ${fmtCI(methodRatio.ci)}; script only ${round(scriptAddedM.median)} ms`,
      },
    ),
    info('content script: Peakend added main-thread time (common speed)', round(addedPeak.median), 'ms', {
      ...rounded(addedPeak),
      summary: `p95 ${round(addedPeak.p95)} ms`,
    }),
    info('content script: rrweb added main-thread time (common speed)', round(addedRr.median), 'ms', {
      ...rounded(addedRr),
      summary: `p95 ${round(addedRr.p95)} ms`,
    }),
    info('content script: baseline main-thread time (no audit, common speed)', round(none.median), 'ms', {
      ...rounded(none),
      summary: `p95 ${round(none.p95)} ms`,
    }),
  ];
}
