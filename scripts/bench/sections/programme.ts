// 5. Programme view: two programmes seeded through the store in the extension (10 and 200 ended,
// complete audits of 30 rated steps, over 10 sites, 4 waves and 5 auditors), then the programme
// page's first render of each, opened in alternating order in the same rounds. The target is the
// ratio of the two medians: a programme 20 times larger may take at most 1.5 times as long to show.
// "First render": navigation start to the page's <main id="programme"> in the DOM, holding the cover
// and the scores per site and wave; the rest of the page is appended after a paint, and its time is
// reported beside the target (completeMs, phasesMs.rest). No screenshot is seeded: the view reads audits and steps only, never an
// image, so screenshots would change the store's size and nothing the page does.
// The store keeps each ended audit's score summary (src/store/score-cache.ts), computed in the
// transaction of every write to it: the seeding ends each audit through the store, so even the first
// opening draws from summaries. Beside the target, with how many audits each kind of round scored
// from steps (scoredFromSteps):
// - edited: every audit of the programme first edited through the store (a step's note, patchStep),
//   as a person does: the write recomputes the summary where it would in use;
// - cold: every summary first marked as another build's, as on the first opening after an update
//   that changed the scoring code: the view scores every audit from its steps (what an audit in
//   progress, or one written outside the store, also costs).
// And the cost of that write: patchStep on ended audits of 30 steps against the same audits in
// progress (where the summary is only dropped, as before); and the recorder's writes on a running
// audit (addStep, addScreenshot), which must cost what they did.
import type { Page } from 'playwright-core';
import type { BenchApi } from '../page/bench-page.ts';
import { failed, info, judged, type BenchResult } from '../lib/result.ts';
import { medianRatio, round, rounded, summarize } from '../lib/stats.ts';
import { TARGETS } from '../lib/targets.ts';
import type { Session } from '../lib/session.ts';

export const PROGRAMME_SIZES = [10, 200] as const;
export const PROGRAMME_STEPS = 30;
const PAGE = 'src/report/programme/programme.html';

type Bench = { peakendBench: BenchApi };
interface Marks {
  firstRender?: number;
  frame?: number;
  /** The page's own marks: store open and language loaded; audits, steps and scores ready. */
  started?: number;
  auditsRead?: number;
  stepsRead?: number;
  dataReady?: number;
  /** The rest of the page (stages, recurring findings, spread, trends) appended after a paint. */
  complete?: number;
  /** Audits scored from their steps rather than from a stored summary. */
  scored?: number;
}

/** Runs in the page before its scripts (serialised by Playwright: no named inner functions). */
function markerScript(): void {
  const marks: Marks = {};
  (window as unknown as { __benchMarks: Marks }).__benchMarks = marks;
  const observer = new MutationObserver(() => {
    if (marks.firstRender !== undefined || !document.getElementById('programme')) return;
    marks.firstRender = performance.now();
    requestAnimationFrame(() => {
      marks.frame = performance.now();
    });
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true });
}

async function openOnce(s: Session, programmeId: string): Promise<Marks> {
  const p = await s.h.context.newPage();
  try {
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.addInitScript(markerScript);
    await p.goto(s.h.extensionUrl(`${PAGE}?programme=${encodeURIComponent(programmeId)}&lang=en`));
    // Until the whole page is drawn, so that the round measures it too (and the next starts clean).
    await p.waitForFunction(
      () =>
        (window as unknown as { __benchMarks?: Marks }).__benchMarks?.frame !== undefined &&
        document.querySelector('#programme[aria-busy]') === null,
      null,
      {
        timeout: 60_000,
        polling: 50,
      },
    );
    // Inline on purpose: a helper named here would be serialised without the one tsx wraps it in.
    return await p.evaluate(() => ({
      ...(window as unknown as { __benchMarks: Marks }).__benchMarks,
      started: performance.getEntriesByName('peakend:programme-start')[0]?.startTime,
      auditsRead: performance.getEntriesByName('peakend:programme-audits')[0]?.startTime,
      stepsRead: performance.getEntriesByName('peakend:programme-steps')[0]?.startTime,
      scored: (performance.getEntriesByName('peakend:programme-steps')[0] as PerformanceMark | undefined)?.detail
        ?.scored as number | undefined,
      dataReady: performance.getEntriesByName('peakend:programme-data')[0]?.startTime,
      complete:
        performance.getEntriesByName('peakend:programme-complete')[0]?.startTime ??
        (window as unknown as { __benchMarks: Marks }).__benchMarks.firstRender,
    }));
  } finally {
    await p.close().catch(() => undefined);
  }
}

export async function runProgramme(
  s: Session,
  bench: Page,
  opts: { reps: number; warmup: number },
): Promise<BenchResult[]> {
  try {
    const seeds = [];
    for (const n of PROGRAMME_SIZES) {
      seeds.push(
        await bench.evaluate(
          ([count, steps]) =>
            (window as unknown as Bench).peakendBench.seedProgramme(count, steps, {
              id: `bench-programme-${count}`,
              name: `Bench programme (${count} audits)`,
            }),
          [n, PROGRAMME_STEPS] as const,
        ),
      );
    }
    const [small, large] = seeds as [(typeof seeds)[number], (typeof seeds)[number]];
    const smallRuns: number[] = [];
    const largeRuns: number[] = [];
    const largeFrames: number[] = [];
    const completes = { small: [] as number[], large: [] as number[] };
    const phases = { small: [] as Marks[], large: [] as Marks[] };
    for (let r = 0; r < opts.warmup + opts.reps; r++) {
      const keep = r >= opts.warmup;
      const order = r % 2 === 0 ? [small, large] : [large, small];
      for (const seed of order) {
        const marks = await openOnce(s, seed.programmeId);
        if (marks.firstRender === undefined) throw new Error(`programme of ${seed.audits} audits: no first render`);
        if (!keep) continue;
        phases[seed === small ? 'small' : 'large'].push(marks);
        completes[seed === small ? 'small' : 'large'].push(marks.complete ?? Number.NaN);
        if (seed === small) smallRuns.push(marks.firstRender);
        else {
          largeRuns.push(marks.firstRender);
          largeFrames.push(marks.frame ?? marks.firstRender);
        }
      }
    }
    // Edited, then cold: each round's preparation (not timed), then the same first render.
    const prepared = async (prepare: 'editProgramme' | 'staleProgramme') => {
      const ms = { small: [] as number[], large: [] as number[] };
      const scored = { small: [] as number[], large: [] as number[] };
      for (let r = 0; r < opts.reps; r++) {
        for (const seed of r % 2 === 0 ? [small, large] : [large, small]) {
          await bench.evaluate(([how, id]) => (window as unknown as Bench).peakendBench[how](id), [
            prepare,
            seed.programmeId,
          ] as const);
          const marks = await openOnce(s, seed.programmeId);
          if (marks.firstRender === undefined) throw new Error(`programme of ${seed.audits} audits: no first render`);
          ms[seed === small ? 'small' : 'large'].push(marks.firstRender);
          scored[seed === small ? 'small' : 'large'].push(marks.scored ?? Number.NaN);
        }
      }
      const ratio = medianRatio(ms.large, ms.small);
      return {
        ratio: round(ratio.value, 2),
        ci95: ratio.ci.map((x) => round(x, 2)),
        smallMs: rounded(summarize(ms.small)),
        largeMs: rounded(summarize(ms.large)),
        scoredFromSteps: { small: rounded(summarize(scored.small)), large: rounded(summarize(scored.large)) },
      };
    };
    const edited = await prepared('editProgramme');
    const cold = await prepared('staleProgramme');
    const writes = await bench.evaluate(
      (id) => (window as unknown as Bench).peakendBench.timeAuditWrites(id, 60),
      large.programmeId,
    );
    const recorder = await bench.evaluate(() => (window as unknown as Bench).peakendBench.timeRecorderWrites(60));
    const ended = summarize(writes.endedMs);
    const running = summarize(writes.runningMs);
    const ratio = medianRatio(largeRuns, smallRuns);
    const a = summarize(smallRuns);
    const b = summarize(largeRuns);
    return [
      judged(TARGETS.programmeSize, round(ratio.value, 2), {
        ci95: ratio.ci.map((x) => round(x, 2)),
        smallMs: rounded(a),
        largeMs: rounded(b),
        largeFrameMs: rounded(summarize(largeFrames)),
        // Not the target: navigation start to the last section appended (the whole page drawn).
        completeMs: { small: rounded(summarize(completes.small)), large: rounded(summarize(completes.large)) },
        phasesMs: Object.fromEntries(
          Object.entries(phases).map(([k, list]) => [
            k,
            {
              start: round(summarize(list.map((m) => m.started ?? 0)).median),
              audits: round(summarize(list.map((m) => (m.auditsRead ?? 0) - (m.started ?? 0))).median),
              steps: round(summarize(list.map((m) => (m.stepsRead ?? 0) - (m.auditsRead ?? 0))).median),
              scores: round(summarize(list.map((m) => (m.dataReady ?? 0) - (m.stepsRead ?? 0))).median),
              render: round(summarize(list.map((m) => (m.firstRender ?? 0) - (m.dataReady ?? 0))).median),
              rest: round(summarize(list.map((m) => (m.complete ?? 0) - (m.firstRender ?? 0))).median),
            },
          ]),
        ),
        scoredFromSteps: {
          small: rounded(summarize(phases.small.map((m) => m.scored ?? Number.NaN))),
          large: rounded(summarize(phases.large.map((m) => m.scored ?? Number.NaN))),
        },
        // Not the target: every audit edited through the store before each opening.
        edited,
        // Not the target: every summary another build's (a scoring-code change), every audit scored from steps.
        cold,
        // patchStep on ended audits (summary recomputed) against the same audits in progress (dropped).
        writeMs: {
          steps: writes.steps,
          ended: rounded(ended, 2),
          running: rounded(running, 2),
          added: round(ended.median - running.median, 2),
        },
        // The recorder's writes on a running audit (a Log step's addStep and addScreenshot): unchanged.
        recorderMs: {
          addStep: rounded(summarize(recorder.addStepMs), 2),
          addScreenshot: rounded(summarize(recorder.addScreenshotMs), 2),
        },
        seeded: { small, large },
        note: 'audits and steps only: the view reads no screenshot, so none is seeded',
        summary: `${large.audits} audits: ${round(b.median)} ms, ${small.audits} audits: ${round(a.median)} ms (medians, navigation start to the view in the DOM, scores from stored summaries); whole page ${round(summarize(completes.large).median)} and ${round(summarize(completes.small).median)} ms; after editing every audit: ${edited.ratio}x [${edited.ci95.join(', ')}]; cold (summaries of another scoring build): ${cold.ratio}x [${cold.ci95.join(', ')}]; patchStep on an ended ${writes.steps}-step audit ${round(ended.median, 2)} ms, in progress ${round(running.median, 2)} ms`,
      }),
      info(
        `programme: seeding ${large.audits} audits of ${PROGRAMME_STEPS} steps through the store`,
        round(large.wallMs / 1000, 1),
        's',
        {
          summary: `${round(large.wallMs / large.audits)} ms an audit (putAudit, addStep + patchStep per step, patchAudit)`,
        },
      ),
    ];
  } catch (error) {
    return failed([TARGETS.programmeSize], error);
  }
}
