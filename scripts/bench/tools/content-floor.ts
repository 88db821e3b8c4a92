// How much of Peakend's cost on the audited page would any implementation of the signals pay? Runs the
// content-cost visit (scripts/bench/sections/content-cost.ts) in five configurations in turn, in one
// browser and one tab: none; base (capture-only-content-script.js: the content script's part in the
// step's masked capture, no signals); floor (floor-content-script.js: the least a content script can
// do for METHOD.md's signals); peakend; and rrweb. Prints each one's added main-thread time at a common
// speed, raw and script only, as the benchmark does, and the ratios to rrweb's.
//
//   npx tsx scripts/bench/tools/content-floor.ts [--rounds 20] [--warmup 1]
//
// The build is made here, into bench/tmp (git-ignored); in its copy the registered content script is
// all three scripts, Peakend's unless the page's URL asks for another (`&impl=floor`, `&impl=base`), so
// all run from one extension in one session: each figure is a paired difference within a round, as in
// the benchmark. All three are parsed on every page, and each one's outer function compiled (V8
// compiles a parenthesised function at once): each configuration carries the others' parse (Peakend's
// whole script evaluates in about 0.5 ms), so the gaps between them are understated a little.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession } from 'playwright-core';
import { atCommonSpeed, fmtCI, median, medianRatio, paired } from '../lib/stats.ts';
import { closeSession, openSession, readSteps, type Session } from '../lib/session.ts';
import { applySetup, calibrate, metrics, replayVisit, rrwebEvents, rrwebInitScript, speedIndexOf, type RunMetrics } from '../sections/content-cost.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TMP = join(ROOT, 'bench/tmp');
const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : def;
};
const ROUNDS = Number(arg('rounds', '20'));
const WARMUP = Number(arg('warmup', '1'));

type Config = 'none' | 'base' | 'floor' | 'peakend' | 'rrweb';
const CONFIGS: Config[] = ['none', 'base', 'floor', 'peakend', 'rrweb'];
/** The configurations that record with an extension content script other than Peakend's, and its file. */
const OTHER_SCRIPTS = { base: 'capture-only-content-script.js', floor: 'floor-content-script.js' } as const;
const TOOL_DIR = fileURLToPath(new URL('.', import.meta.url));

function build(): string {
  mkdirSync(TMP, { recursive: true });
  const base = join(TMP, 'dist-floor-base');
  const made = spawnSync('npx', ['vite', 'build', '--outDir', base, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  if (made.status !== 0) throw new Error('vite build failed');
  const dist = join(TMP, 'dist-floor');
  rmSync(dist, { recursive: true, force: true });
  cpSync(base, dist, { recursive: true });
  const file = join(dist, 'src/content/content-script.js');
  let script = `{\n${readFileSync(file, 'utf8')}\n}\n`;
  for (const [impl, name] of Object.entries(OTHER_SCRIPTS)) {
    script = `if (/[?&]impl=${impl}(&|$)/.test(location.search)) {\n${readFileSync(join(TOOL_DIR, name), 'utf8')}\n} else ${script}`;
  }
  writeFileSync(file, script);
  return dist;
}

async function main(): Promise<void> {
  const s: Session = await openSession(build());
  const cdp: CDPSession = await s.h.context.newCDPSession(s.page);
  const runs: Record<Config, RunMetrics[]> = { none: [], base: [], floor: [], peakend: [], rrweb: [] };
  try {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await cdp.send('Page.enable');
    const state = { recording: true, rrweb: null as string | null };
    const source = rrwebInitScript();
    const setConfig = (config: Config) =>
      applySetup(s, cdp, { recording: config !== 'none' && config !== 'rrweb', rrweb: config === 'rrweb' }, state, source);
    await setConfig('none');
    const points = await calibrate(s);
    let run = 0;
    for (let r = 0; r < WARMUP + ROUNDS; r++) {
      for (const config of CONFIGS.map((_, i) => CONFIGS[(i + r) % CONFIGS.length]!)) {
        await setConfig(config);
        await replayVisit(s, points, run++, undefined, config in OTHER_SCRIPTS ? `&impl=${config}` : '');
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
    const implOf = (url: string) => /[?&]impl=(\w+)/.exec(url)?.[1] ?? 'peakend';
    for (const impl of ['base', 'floor', 'peakend'] as const) {
      const pages = steps.filter((st) => implOf(st.url) === impl);
      const captured = pages.filter((st) => st.capture.status === 'ok').length;
      if (pages.length === 0 || captured < pages.length) throw new Error(`${impl}: ${captured} of ${pages.length} pages captured`);
      if (impl === 'base') continue;
      const filed = pages.filter((st) => (st.clicks ?? 0) >= points.length).length;
      if (pages.length === 0 || filed < pages.length - 1) throw new Error(`${impl}: ${filed} of ${pages.length} pages filed their ${points.length} clicks`);
      console.log(`${impl}: ${filed} of ${pages.length} pages filed their ${points.length} clicks`);
    }
  } finally {
    await cdp.detach().catch(() => undefined);
    await closeSession(s);
  }

  const reference = median(CONFIGS.flatMap((c) => runs[c].map(speedIndexOf)));
  const views: Record<string, (c: Config) => number[]> = {
    'common speed': (c) => atCommonSpeed(runs[c].map((m) => m.task), runs[c].map(speedIndexOf), reference),
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
      console.log(`  ${c.padEnd(8)} ${median(added(c)).toFixed(1).padStart(6)}  ${ratio.value.toFixed(2)} (${fmtCI(ratio.ci)})`);
    }
    out[name] = view;
  }
  writeFileSync(join(TMP, 'content-floor.json'), JSON.stringify(out, null, 1));
  console.log(`\nper-visit metrics: ${join(TMP, 'content-floor.json')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
