// How much of Peakend's cost on the audited page would any implementation of the signals pay? Runs the
// content-cost visit (scripts/bench/sections/content-cost.ts) in six configurations in turn, in one
// browser and one tab: none; base, floor and method (floor-content-script.js, one variant each: the
// content script's part in the step's masked capture with no signals; the least a content script can
// do for METHOD.md's signals, without and with what the method's definitions need on any page);
// peakend; and rrweb. Prints each one's added main-thread time at a common speed, raw and script
// only, as the benchmark does, and the ratios to rrweb's.
//
//   npx tsx scripts/bench/tools/content-floor.ts [--rounds 20] [--warmup 1]
//
// The build is made here, into bench/tmp (git-ignored); in its copy the registered content script holds
// both files, Peakend's unless the page's URL asks for another (`&impl=base`, `&impl=floor`,
// `&impl=method`), so all run from one extension in one session: each figure is a paired difference
// within a round, as in the benchmark. Both are parsed on every page, and each one's outer function
// compiled (V8 compiles a parenthesised function at once): each configuration carries the other's
// parse (Peakend's whole script evaluates in about 0.5 ms), so the gaps between them are understated
// a little.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { BENCH_TMP, buildExtension } from '../lib/build.ts';
import {
  addAlternativeScripts,
  describeSignals,
  disagreements,
  implOf,
  implQuery,
  recordedSignals,
} from '../lib/alternatives.ts';
import { atCommonSpeed, fmtCI, median, medianRatio, paired } from '../lib/stats.ts';
import { closeSession, openSession, readSteps, type Session } from '../lib/session.ts';
import {
  applySetup,
  calibrate,
  metrics,
  replayVisit,
  rrwebEvents,
  rrwebInitScript,
  speedIndexOf,
  type RunMetrics,
} from '../sections/content-cost.ts';

const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : def;
};
const ROUNDS = Number(arg('rounds', '20'));
const WARMUP = Number(arg('warmup', '1'));

type Config = 'none' | 'base' | 'floor' | 'method' | 'peakend' | 'rrweb';
const CONFIGS: Config[] = ['none', 'base', 'floor', 'method', 'peakend', 'rrweb'];
const ALTERNATIVES = ['base', 'floor', 'method'] as const;

function build(): string {
  const dist = join(BENCH_TMP, 'dist-floor');
  buildExtension(dist);
  addAlternativeScripts(dist, ALTERNATIVES);
  return dist;
}

async function main(): Promise<void> {
  const s: Session = await openSession(build());
  const cdp: CDPSession = await s.h.context.newCDPSession(s.page);
  const runs: Record<Config, RunMetrics[]> = { none: [], base: [], floor: [], method: [], peakend: [], rrweb: [] };
  try {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await cdp.send('Page.enable');
    const state = { recording: true, rrweb: null as string | null };
    const source = rrwebInitScript();
    const setConfig = (config: Config) =>
      applySetup(
        s,
        cdp,
        { recording: config !== 'none' && config !== 'rrweb', rrweb: config === 'rrweb' },
        state,
        source,
      );
    await setConfig('none');
    const points = await calibrate(s);
    let run = 0;
    for (let r = 0; r < WARMUP + ROUNDS; r++) {
      for (const config of CONFIGS.map((_, i) => CONFIGS[(i + r) % CONFIGS.length]!)) {
        await setConfig(config);
        await replayVisit(
          s,
          points,
          run++,
          undefined,
          config === 'none' || config === 'rrweb' ? '' : implQuery(config),
        );
        const m = await metrics(cdp);
        await rrwebEvents(s, config === 'rrweb');
        if (r >= WARMUP) runs[config].push(m);
      }
      process.stdout.write(`round ${r + 1 - WARMUP}/${ROUNDS}${r < WARMUP ? ' (warm-up)' : ''}\n`);
    }
    await setConfig('none');
    // A floor that never started would pass for a cheap one: every floor page but the last (whose
    // batch goes when it is left) must have filed its clicks, as Peakend's pages must. Every page of
    // every recording configuration must have had its step captured.
    const steps = await readSteps(s.panel, s.auditId);
    const recorded: Record<string, Record<string, number | null>> = {};
    for (const impl of ['base', 'floor', 'method', 'peakend'] as const) {
      const pages = steps.filter((st) => implOf(st.url) === impl);
      const captured = pages.filter((st) => st.capture.status === 'ok').length;
      if (pages.length === 0 || captured < pages.length)
        throw new Error(`${impl}: ${captured} of ${pages.length} pages captured`);
      if (impl === 'base') continue;
      const filed = pages.filter((st) => (st.signals?.clicks ?? 0) >= points.length).length;
      if (filed < pages.length - 1)
        throw new Error(`${impl}: ${filed} of ${pages.length} pages filed their ${points.length} clicks`);
      recorded[impl] = recordedSignals(steps, impl);
      console.log(
        `${impl}: ${filed} of ${pages.length} pages filed their ${points.length} clicks\n  recorded: ${describeSignals(recorded[impl])}`,
      );
    }
    // The method's floor stands for a complete implementation only if it records what Peakend records.
    const differ = disagreements(recorded.method!, recorded.peakend!);
    if (differ.length > 0) throw new Error(`method and peakend recorded different signals: ${differ.join(', ')}`);
  } finally {
    await cdp.detach().catch(() => undefined);
    await closeSession(s);
  }

  const reference = median(CONFIGS.flatMap((c) => runs[c].map(speedIndexOf)));
  const views: Record<string, (c: Config) => number[]> = {
    'common speed': (c) =>
      atCommonSpeed(
        runs[c].map((m) => m.task),
        runs[c].map(speedIndexOf),
        reference,
      ),
    raw: (c) => runs[c].map((m) => m.task),
    'script only': (c) => runs[c].map((m) => m.script),
  };
  const out: Record<string, unknown> = { rounds: ROUNDS, warmup: WARMUP, runs };
  const measured = CONFIGS.filter((c) => c !== 'none' && c !== 'rrweb');
  console.log(`\nadded main-thread time (ms): median of paired differences with none; ratio to rrweb's (95% CI)`);
  for (const [name, values] of Object.entries(views)) {
    const added = (c: Config) => paired(values(c), values('none'), (a, b) => a - b);
    const rrweb = added('rrweb');
    const view: Record<string, unknown> = { rrweb: median(rrweb) };
    console.log(`${name}: rrweb ${median(rrweb).toFixed(1)}`);
    for (const c of measured) {
      const ratio = medianRatio(added(c), rrweb);
      view[c] = { added: median(added(c)), ratio };
      console.log(
        `  ${c.padEnd(8)} ${median(added(c)).toFixed(1).padStart(6)}  ${ratio.value.toFixed(2)} (${fmtCI(ratio.ci)})`,
      );
    }
    out[name] = view;
  }
  writeFileSync(join(BENCH_TMP, 'content-floor.json'), JSON.stringify(out, null, 1));
  console.log(`\nper-visit metrics: ${join(BENCH_TMP, 'content-floor.json')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
