// Where does the main-thread time Peakend's content script adds to an audited page go?
// Traces the content-cost visit (scripts/bench/sections/content-cost.ts) in configurations none and
// <variant> alternately, and breaks the audited page's renderer main thread down per trace event name.
//
//   npx vite build --outDir bench/tmp/dist-trace --emptyOutDir --logLevel warn
//   npx tsx scripts/bench/tools/trace-content.ts [--variant peakend|empty|noauto|script] [--script file.js] [--rounds 12] [--warmup 2] [--keep-traces]
//
// Variants (the "peakend" side of each pair):
//   peakend - the build as is (bench/tmp/dist-trace);
//   empty   - a copy of it whose registered content script file is `void 0;` (isolated world + injection);
//   script  - a copy of it whose registered content script file is --script's (another implementation);
//   noauto  - the build as is, with the audit's autoSteps set to false in IndexedDB (no automatic step,
//             so no Mask/Unmask messages and no captureVisibleTab of the page).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession } from 'playwright-core';
import { closeSession, openSession, readSteps, type Session } from '../lib/session.ts';
import { calibrate, replayVisit, setRecording } from '../sections/content-cost.ts';

// Builds, traces and results go to the git-ignored bench/tmp.
const HERE = fileURLToPath(new URL('../../../bench/tmp/', import.meta.url));
mkdirSync(HERE, { recursive: true });
const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : def;
};
const VARIANT = arg('variant', 'peakend') as 'peakend' | 'empty' | 'noauto' | 'script';
const ROUNDS = Number(arg('rounds', '12'));
const WARMUP = Number(arg('warmup', '2'));
const KEEP = args.includes('--keep-traces');
const SUFFIX =
  (VARIANT === 'peakend' ? '' : `-${VARIANT}`) + (arg('cats', 'full') === 'full' ? '' : `-${arg('cats', 'full')}`);
const OUT = join(HERE, `trace-content${SUFFIX}.json`);

// ---- the visit: content-cost.ts's own ----------------------------------------------------------------
type Config = 'none' | 'peakend';

const setConfig = (s: Session, config: Config, state: { recording: boolean }) =>
  setRecording(s, config === 'peakend', state);

// ---- tracing -----------------------------------------------------------------------------------------
const CATS = arg('cats', 'full');
const LIGHT = ['toplevel', 'devtools.timeline', 'disabled-by-default-v8.gc', '__metadata'];
const FULL = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'toplevel',
  'disabled-by-default-v8.gc',
  'ipc',
  'mojom',
  'renderer.scheduler',
  'blink.user_timing',
  'extensions',
  '__metadata',
];
const MEDIUM = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-v8.gc',
  'mojom',
  'ipc',
  'extensions',
  'v8.execute',
  'blink.user_timing',
  '__metadata',
];
const CATEGORIES = CATS === 'light' ? LIGHT : CATS === 'medium' ? MEDIUM : FULL;

async function startTrace(cdp: CDPSession) {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  } as never);
}

async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<{ stream?: string; dataLossOccurred?: boolean }>((resolve) =>
    cdp.once('Tracing.tracingComplete', resolve as never),
  );
  await cdp.send('Tracing.end');
  const { stream, dataLossOccurred } = await done;
  if (dataLossOccurred) console.warn('  (trace data loss)');
  if (!stream) throw new Error('no trace stream');
  const chunks: string[] = [];
  for (;;) {
    const r = await cdp.send('IO.read', { handle: stream, size: 4 << 20 });
    chunks.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data);
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const text = chunks.join('');
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

// ---- analysis ----------------------------------------------------------------------------------------
interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tts?: number;
  tdur?: number;
  args?: TraceArgs;
}

/** The parts of a trace event's free-form args this tool reads (Chrome's trace format leaves them open). */
interface TraceArgs {
  name?: string;
  data?: TraceData;
  beginData?: TraceData;
  fileName?: string;
  url?: string;
  src_file?: string;
  src_func?: string;
  task?: { posted_from?: { file_name: string; function_name: string } };
  chrome_mojo_event_info?: { mojo_interface_tag?: string };
}

interface TraceData {
  url?: string;
  scriptName?: string;
  stackTrace?: { url?: string }[];
  processId?: number;
  documentLoaderURL?: string;
  functionName?: string;
  lineNumber?: number;
  columnNumber?: number;
}

interface Node {
  name: string;
  ts: number;
  end: number;
  dur: number; // wall us
  tdur: number; // thread us (dur when absent)
  hasT: boolean;
  url: string | null;
  args?: TraceArgs;
  children: Node[];
  ext: boolean; // this node or an ancestor carries an extension script url
}

const TOPLEVEL = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'ThreadPool_RunTask']);
const EXT_NAME =
  /Extension|ScriptInjection|ContentScript|Messaging|extensions\.mojom|extensions::|\bRuntime\b|DispatchOnMessage|DispatchEvent.*extension/i;

function eventUrl(e: { args?: TraceArgs }): string | null {
  const a = e.args;
  if (!a) return null;
  const d = a.data ?? a.beginData;
  return d?.url || d?.scriptName || d?.stackTrace?.[0]?.url || a.fileName || a.url || null;
}

function refine(e: TraceEvent): string {
  const tag = e.args?.chrome_mojo_event_info?.mojo_interface_tag;
  return tag ? `${e.name} ${tag}` : e.name;
}

function buildTree(events: TraceEvent[]): Node[] {
  // B/E pairs to complete events, per thread (events here are one thread's).
  const complete: Node[] = [];
  const open: TraceEvent[] = [];
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  for (const e of sorted) {
    if (e.ph === 'X') {
      const dur = e.dur ?? 0;
      complete.push({
        name: refine(e),
        ts: e.ts,
        end: e.ts + dur,
        dur,
        tdur: e.tdur ?? dur,
        hasT: e.tdur !== undefined,
        url: eventUrl(e),
        args: e.args,
        children: [],
        ext: false,
      });
    } else if (e.ph === 'B') {
      open.push(e);
    } else if (e.ph === 'E') {
      // match the latest open B with the same name (or any, when E has no name)
      let idx = -1;
      for (let i = open.length - 1; i >= 0; i--)
        if (!e.name || open[i]!.name === e.name) {
          idx = i;
          break;
        }
      if (idx < 0) continue;
      const b = open.splice(idx, 1)[0]!;
      const dur = e.ts - b.ts;
      const hasT = b.tts !== undefined && e.tts !== undefined;
      const args = { ...b.args, ...e.args };
      complete.push({
        name: b.name,
        ts: b.ts,
        end: e.ts,
        dur,
        tdur: hasT ? e.tts! - b.tts! : dur,
        hasT,
        url: eventUrl({ args }),
        args,
        children: [],
        ext: false,
      });
    }
  }
  complete.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const n of complete) {
    while (stack.length && stack.at(-1)!.end <= n.ts) stack.pop();
    // a child ending after its parent (clock rounding): still nested if it starts inside
    const parent = stack.at(-1);
    if (parent) parent.children.push(n);
    else roots.push(n);
    stack.push(n);
  }
  const mark = (n: Node, ext: boolean) => {
    n.ext = ext || (n.url?.startsWith('chrome-extension://') ?? false);
    for (const c of n.children) mark(c, n.ext);
  };
  for (const r of roots) mark(r, false);
  return roots;
}

interface VisitSummary {
  config: Config;
  round: number;
  run: number;
  pid: number;
  tid: number;
  pidChoice: string;
  perfTaskMs: number;
  perfScriptMs: number;
  topTasks: number;
  topTaskMs: number; // sum of depth-0 task thread time
  topTaskWallMs: number;
  allRootsMs: number; // every depth-0 event (thread time), tasks or not
  selfMs: Record<string, number>; // thread self time per name
  selfExtMs: Record<string, number>; // part of selfMs under an extension-url node
  counts: Record<string, number>;
  v8ExtMs: number; // inclusive thread time of outermost extension-url nodes
  v8ExtSelfByName: Record<string, number>;
  jsOtherMs: number; // inclusive time of outermost non-extension JS entry points
  extTasks: { count: number; ms: number; byReason: Record<string, { count: number; ms: number }> };
  postedFrom: Record<string, { count: number; ms: number }>; // top-level tasks by posting location
  extUrls: string[];
  gcMs: number;
  extFunctions: Record<string, { count: number; ms: number }>;
  signatures: Record<string, { count: number; ms: number }>;
}

const WRAPPERS =
  /^(RunTask|ThreadControllerImpl::RunTask|BlinkScheduler_|SimpleWatcher::OnHandleReady|ThreadPool_RunTask|SequenceManager|TimerBase::run|AsyncTask Run)/;
/** What a top-level task did: the biggest meaningful event under the scheduler wrappers, and its biggest child. */
function meaningful(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    if (WRAPPERS.test(n.name)) out.push(...meaningful(n.children));
    else out.push(n);
  }
  return out;
}
function label(n: Node): string {
  return n.name + (n.url?.startsWith('chrome-extension://') ? '[ext]' : '');
}
function signature(r: Node): string {
  const first = meaningful(r.children.length || !WRAPPERS.test(r.name) ? [r] : []).sort((x, y) => y.tdur - x.tdur);
  if (!first.length) return '(no child events)';
  const top = first[0]!;
  const kid = meaningful(top.children).sort((x, y) => y.tdur - x.tdur)[0];
  const extra = first.length > 1 ? ` (+${first.length - 1})` : '';
  return label(top) + (kid ? ` > ${label(kid)}` : '') + extra;
}

const JS_ENTRY = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.run',
  'v8.callFunction',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'FireIdleCallback',
  'RunMicrotasks',
  'v8.evaluateModule',
  'V8.Execute',
]);

function analyse(
  events: TraceEvent[],
  shopUrl: string,
  run: number,
  config: Config,
  round: number,
  perf: { task: number; script: number },
): VisitSummary {
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const marker = `bench=${run}`;
  // Candidate renderer pids: committed the visit's URL.
  const cand = new Map<number, string>();
  for (const e of events) {
    const d = e.args?.data;
    if (!d) continue;
    if (e.name === 'FrameCommittedInBrowser' && typeof d.url === 'string' && d.url.includes(marker) && d.processId)
      cand.set(d.processId, 'FrameCommittedInBrowser');
    if (
      typeof d.url === 'string' &&
      d.url.startsWith(shopUrl) &&
      d.url.includes(marker) &&
      (e.name === 'ParseHTML' ||
        e.name === 'ResourceSendRequest' ||
        e.name === 'CommitLoad' ||
        e.name === 'MarkDOMContent' ||
        e.name === 'navigationStart' ||
        e.name === 'MarkLoad')
    ) {
      if (threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && !cand.has(e.pid)) cand.set(e.pid, e.name);
    }
    if (typeof d.documentLoaderURL === 'string' && d.documentLoaderURL.includes(marker) && !cand.has(e.pid))
      cand.set(e.pid, e.name);
  }
  // Main thread per candidate pid: CrRendererMain, the one with most task time.
  const taskTime = new Map<string, number>();
  for (const e of events) {
    if (e.ph === 'X' && TOPLEVEL.has(e.name) && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain') {
      const k = `${e.pid}:${e.tid}`;
      taskTime.set(k, (taskTime.get(k) ?? 0) + (e.tdur ?? e.dur ?? 0));
    }
  }
  let best: string | null = null;
  for (const [k, v] of taskTime) {
    const pid = Number(k.split(':')[0]);
    if (!cand.has(pid)) continue;
    if (!best || v > taskTime.get(best)!) best = k;
  }
  let pidChoice = best ? `commit (${cand.get(Number(best.split(':')[0]))})` : '';
  if (!best) {
    for (const [k, v] of taskTime) if (!best || v > taskTime.get(best)!) best = k;
    pidChoice = 'fallback: most RunTask time';
  }
  if (cand.size > 1) pidChoice += `; ${cand.size} candidate pids`;
  const [pid, tid] = best!.split(':').map(Number) as [number, number];
  const mine = events.filter(
    (e) =>
      e.pid === pid && e.tid === tid && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E' || e.ph === 'I' || e.ph === 'i'),
  );
  const counts: Record<string, number> = {};
  for (const e of mine) counts[refine(e)] = (counts[refine(e)] ?? 0) + (e.ph === 'E' ? 0 : 1);
  const roots = buildTree(mine);

  const selfMs: Record<string, number> = {};
  const selfExtMs: Record<string, number> = {};
  const v8ExtSelfByName: Record<string, number> = {};
  const extUrls = new Set<string>();
  const extFunctions: Record<string, { count: number; ms: number }> = {};
  const signatures: Record<string, { count: number; ms: number }> = {};
  let v8Ext = 0;
  let jsOther = 0;
  let gc = 0;
  const walk = (n: Node, inJs: boolean) => {
    const childT = n.children.reduce((s, c) => s + c.tdur, 0);
    const self = Math.max(0, n.tdur - childT) / 1000;
    selfMs[n.name] = (selfMs[n.name] ?? 0) + self;
    if (n.ext) {
      selfExtMs[n.name] = (selfExtMs[n.name] ?? 0) + self;
      v8ExtSelfByName[n.name] = (v8ExtSelfByName[n.name] ?? 0) + self;
    }
    if (n.url?.startsWith('chrome-extension://')) {
      extUrls.add(n.url);
      if (n.name === 'FunctionCall' || n.name === 'EvaluateScript' || n.name === 'v8.compile') {
        const d = n.args?.data ?? {};
        const k = `${n.name} ${d.functionName ?? ''}@${String(n.url).split('/').pop()}:${d.lineNumber ?? ''}:${d.columnNumber ?? ''}`;
        const b = (extFunctions[k] ??= { count: 0, ms: 0 });
        b.count += 1;
        b.ms += n.tdur / 1000;
      }
    }
    const isJs = JS_ENTRY.has(n.name) || n.name.startsWith('v8.') || n.name.startsWith('V8.');
    // outermost extension-url node
    if (/GC|Scavenge|MarkCompact|MinorMS/.test(n.name) && !n.name.startsWith('ThreadControllerImpl')) gc += self;
    for (const c of n.children) walk(c, inJs || isJs);
  };
  const outermost = (n: Node, parentExt: boolean, parentJs: boolean) => {
    const isExt = n.ext && !parentExt;
    if (isExt) v8Ext += n.tdur / 1000;
    const isJs =
      !n.ext &&
      !parentJs &&
      (n.name === 'FunctionCall' ||
        n.name === 'EvaluateScript' ||
        n.name === 'v8.run' ||
        n.name === 'v8.callFunction' ||
        n.name === 'v8.evaluateModule' ||
        n.name === 'V8.Execute' ||
        n.name === 'RunMicrotasks');
    if (isJs) jsOther += n.tdur / 1000;
    for (const c of n.children) outermost(c, n.ext, parentJs || isJs);
  };
  for (const r of roots) {
    walk(r, false);
    outermost(r, false, false);
  }

  let topTasks = 0;
  let topTaskMs = 0;
  let topTaskWallMs = 0;
  let allRootsMs = 0;
  const extTasks = { count: 0, ms: 0, byReason: {} as Record<string, { count: number; ms: number }> };
  const postedFrom: Record<string, { count: number; ms: number }> = {};
  const names = (n: Node, out: Set<string>, urls: { ext: boolean }) => {
    out.add(n.name);
    if (n.url?.startsWith('chrome-extension://')) urls.ext = true;
    for (const c of n.children) names(c, out, urls);
  };
  for (const r of roots) {
    allRootsMs += r.tdur / 1000;
    if (!TOPLEVEL.has(r.name)) continue;
    topTasks += 1;
    topTaskMs += r.tdur / 1000;
    topTaskWallMs += r.dur / 1000;
    const inner = r.children.find((c) => TOPLEVEL.has(c.name));
    const a = (r.args && Object.keys(r.args).length ? r.args : inner?.args) ?? {};
    const sig = signature(r);
    const sb = (signatures[sig] ??= { count: 0, ms: 0 });
    sb.count += 1;
    sb.ms += r.tdur / 1000;
    const src = a.src_func
      ? `${a.src_file ?? ''}:${a.src_func}`
      : a.task?.posted_from
        ? `${a.task.posted_from.file_name}:${a.task.posted_from.function_name}`
        : '?';
    const p = (postedFrom[src] ??= { count: 0, ms: 0 });
    p.count += 1;
    p.ms += r.tdur / 1000;
    const set = new Set<string>();
    const u = { ext: false };
    names(r, set, u);
    const reasons: string[] = [];
    if (u.ext) reasons.push('extension-url JS');
    for (const nm of set) if (EXT_NAME.test(nm)) reasons.push(nm);
    if (reasons.length) {
      extTasks.count += 1;
      extTasks.ms += r.tdur / 1000;
      for (const reason of reasons) {
        const b = (extTasks.byReason[reason] ??= { count: 0, ms: 0 });
        b.count += 1;
        b.ms += r.tdur / 1000;
      }
    }
  }
  return {
    config,
    round,
    run,
    pid,
    tid,
    pidChoice,
    perfTaskMs: perf.task,
    perfScriptMs: perf.script,
    topTasks,
    topTaskMs,
    topTaskWallMs,
    allRootsMs,
    selfMs,
    selfExtMs,
    counts,
    v8ExtMs: v8Ext,
    v8ExtSelfByName,
    jsOtherMs: jsOther,
    extTasks,
    postedFrom,
    extUrls: [...extUrls],
    gcMs: gc,
    extFunctions,
    signatures,
  };
}

// ---- stats / report ----------------------------------------------------------------------------------
function median(v: number[]): number {
  if (!v.length) return Number.NaN;
  const s = [...v].sort((a, b) => a - b);
  const m = (s.length - 1) / 2;
  return (s[Math.floor(m)]! + s[Math.ceil(m)]!) / 2;
}
const q = (v: number[], p: number) => {
  const s = [...v].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  return s[Math.floor(pos)]! + (s[Math.ceil(pos)]! - s[Math.floor(pos)]!) * (pos - Math.floor(pos));
};
const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'NaN');

function report(visits: VisitSummary[], label: string) {
  const rounds = [...new Set(visits.map((v) => v.round))].sort((a, b) => a - b);
  const pairs = rounds
    .map((r) => ({
      n: visits.find((v) => v.round === r && v.config === 'none'),
      p: visits.find((v) => v.round === r && v.config === 'peakend'),
    }))
    .filter((x): x is { n: VisitSummary; p: VisitSummary } => !!x.n && !!x.p);
  const line = (title: string, get: (v: VisitSummary) => number) => {
    const dn = pairs.map((x) => get(x.n));
    const dp = pairs.map((x) => get(x.p));
    const d = pairs.map((x) => get(x.p) - get(x.n));
    console.log(
      `${title.padEnd(44)} none ${f(median(dn)).padStart(8)}  ${label} ${f(median(dp)).padStart(8)}  added med ${f(median(d)).padStart(7)} [p25 ${f(q(d, 0.25))}, p75 ${f(q(d, 0.75))}]`,
    );
  };
  console.log(`\n== ${label} vs none, ${pairs.length} paired rounds (thread time, ms) ==`);
  line('Performance.getMetrics TaskDuration', (v) => v.perfTaskMs);
  line('Performance.getMetrics ScriptDuration', (v) => v.perfScriptMs);
  line('trace: sum top-level task tdur', (v) => v.topTaskMs);
  line('trace: sum top-level task wall dur', (v) => v.topTaskWallMs);
  line('trace: sum of all depth-0 events tdur', (v) => v.allRootsMs);
  line('trace: top-level task count', (v) => v.topTasks);
  line('trace: extension-url JS (inclusive)', (v) => v.v8ExtMs);
  line('trace: other JS entry points (inclusive)', (v) => v.jsOtherMs);
  line('trace: GC self', (v) => v.gcMs);
  line('trace: tasks w/ extension markers (ms)', (v) => v.extTasks.ms);
  line('trace: tasks w/ extension markers (count)', (v) => v.extTasks.count);
  const names = new Set<string>();
  for (const v of visits) for (const k of Object.keys(v.selfMs)) names.add(k);
  const rows = [...names].map((name) => {
    const d = pairs.map((x) => (x.p.selfMs[name] ?? 0) - (x.n.selfMs[name] ?? 0));
    const ext = pairs.map((x) => x.p.selfExtMs[name] ?? 0);
    const cnt = pairs.map((x) => (x.p.counts[name] ?? 0) - (x.n.counts[name] ?? 0));
    return {
      name,
      med: median(d),
      p25: q(d, 0.25),
      p75: q(d, 0.75),
      none: median(pairs.map((x) => x.n.selfMs[name] ?? 0)),
      ext: median(ext),
      cnt: median(cnt),
    };
  });
  rows.sort((a, b) => b.med - a.med);
  console.log(`\nper event name: thread self time, median of paired (${label} - none), top 40`);
  console.log(
    `${'name'.padEnd(52)} ${'added'.padStart(7)} ${'p25'.padStart(7)} ${'p75'.padStart(7)} ${'none'.padStart(8)} ${'underExt'.padStart(8)} ${'+count'.padStart(7)}`,
  );
  for (const r of rows.slice(0, 40))
    console.log(
      `${r.name.slice(0, 52).padEnd(52)} ${f(r.med).padStart(7)} ${f(r.p25).padStart(7)} ${f(r.p75).padStart(7)} ${f(r.none).padStart(8)} ${f(r.ext).padStart(8)} ${f(r.cnt, 1).padStart(7)}`,
    );
  const sumPos = rows.filter((r) => r.med > 0).reduce((s, r) => s + r.med, 0);
  const sumAll = rows.reduce((s, r) => s + r.med, 0);
  console.log(`sum of per-name medians: positive ${f(sumPos)}, all ${f(sumAll)}`);
  const steady = rows.filter((r) => r.p25 > 0);
  console.log(
    `consistently added (names whose paired p25 > 0): ${steady.length} names, sum of medians ${f(steady.reduce((a, r) => a + r.med, 0))} ms; of which under extension-url nodes ${f(steady.reduce((a, r) => a + r.ext, 0))} ms`,
  );
  console.log('\nmost negative:');
  for (const r of rows.slice(-6)) console.log(`  ${r.name.slice(0, 52).padEnd(52)} ${f(r.med)}`);
  // extension-task reasons
  const reasons = new Map<string, number[]>();
  for (const x of pairs)
    for (const [k, b] of Object.entries(x.p.extTasks.byReason))
      (reasons.get(k) ?? reasons.set(k, []).get(k)!).push(b.ms);
  console.log(
    `\ntasks with extension markers (${label}), median per visit: count ${median(pairs.map((x) => x.p.extTasks.count))}, ms ${f(median(pairs.map((x) => x.p.extTasks.ms)))}`,
  );
  for (const [k, v] of [...reasons].sort((a, b) => median(b[1]) - median(a[1])).slice(0, 15))
    console.log(`  ${k.slice(0, 60).padEnd(60)} ms ${f(median(v))} (in ${v.length}/${pairs.length} visits)`);
  // extension subtree by name
  const extNames = new Set<string>();
  for (const x of pairs) for (const k of Object.keys(x.p.v8ExtSelfByName)) extNames.add(k);
  console.log(`\nself time under extension-url nodes (${label}), median per visit:`);
  for (const [k, m] of [...extNames]
    .map((k) => [k, median(pairs.map((x) => x.p.v8ExtSelfByName[k] ?? 0))] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15))
    console.log(`  ${k.padEnd(50)} ${f(m)}`);
  // posted-from diff
  const srcs = new Set<string>();
  for (const v of visits) for (const k of Object.keys(v.postedFrom)) srcs.add(k);
  const srcRows = [...srcs]
    .map((k) => ({
      k,
      ms: median(pairs.map((x) => (x.p.postedFrom[k]?.ms ?? 0) - (x.n.postedFrom[k]?.ms ?? 0))),
      c: median(pairs.map((x) => (x.p.postedFrom[k]?.count ?? 0) - (x.n.postedFrom[k]?.count ?? 0))),
    }))
    .sort((a, b) => b.ms - a.ms);
  const sigs = new Set<string>();
  for (const v of visits) for (const k of Object.keys(v.signatures)) sigs.add(k);
  const sigRows = [...sigs]
    .map((k) => ({
      k,
      ms: median(pairs.map((x) => (x.p.signatures[k]?.ms ?? 0) - (x.n.signatures[k]?.ms ?? 0))),
      c: median(pairs.map((x) => (x.p.signatures[k]?.count ?? 0) - (x.n.signatures[k]?.count ?? 0))),
      pm: median(pairs.map((x) => x.p.signatures[k]?.ms ?? 0)),
    }))
    .sort((a, b) => b.ms - a.ms);
  console.log(
    '\ntop-level tasks by what they did (first two meaningful levels), median paired added (ms, count), peakend ms:',
  );
  for (const r of sigRows.slice(0, 25))
    console.log(
      `  ${r.k.slice(0, 90).padEnd(90)} ${f(r.ms).padStart(7)} ${f(r.c, 1).padStart(6)} ${f(r.pm).padStart(7)}`,
    );
  const fns = new Set<string>();
  for (const x of pairs) for (const k of Object.keys(x.p.extFunctions)) fns.add(k);
  console.log(`\nextension script entry points (${label}), median per visit (count, inclusive ms):`);
  for (const [k, c, m] of [...fns]
    .map(
      (k) =>
        [
          k,
          median(pairs.map((x) => x.p.extFunctions[k]?.count ?? 0)),
          median(pairs.map((x) => x.p.extFunctions[k]?.ms ?? 0)),
        ] as const,
    )
    .sort((a, b) => b[2] - a[2])
    .slice(0, 15))
    console.log(`  ${k.slice(0, 70).padEnd(70)} ${f(c, 0).padStart(5)} ${f(m).padStart(7)}`);
  console.log('\ntop-level tasks by posting location, median paired added (ms, count):');
  for (const r of srcRows.slice(0, 15))
    console.log(`  ${r.k.slice(-70).padEnd(70)} ${f(r.ms).padStart(7)} ${f(r.c, 1).padStart(6)}`);
}

// ---- main --------------------------------------------------------------------------------------------
async function main() {
  const base = join(HERE, 'dist-trace');
  if (!existsSync(join(base, 'manifest.json')))
    throw new Error('build first: npx vite build --outDir bench/tmp/dist-trace --emptyOutDir');
  let dist = base;
  if (VARIANT === 'empty' || VARIANT === 'script') {
    dist = join(HERE, `dist-trace-${VARIANT}`);
    rmSync(dist, { recursive: true, force: true });
    cpSync(base, dist, { recursive: true });
    if (VARIANT === 'script' && !arg('script', '')) throw new Error('--variant script needs --script <file.js>');
    writeFileSync(
      join(dist, 'src/content/content-script.js'),
      VARIANT === 'empty' ? 'void 0;\n' : readFileSync(arg('script', ''), 'utf8'),
    );
  }
  const s = await openSession(dist);
  const visits: VisitSummary[] = [];
  try {
    const cdp = await s.h.context.newCDPSession(s.page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' } as never);
    if (VARIANT === 'noauto') {
      await s.panel.evaluate(
        (id) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('peakend');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('audits', 'readwrite');
              const st = tx.objectStore('audits');
              const g = st.get(id);
              g.onsuccess = () => st.put({ ...g.result, autoSteps: false });
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        s.auditId,
      );
    }
    const state = { recording: true };
    await setConfig(s, 'none', state);
    const points = await calibrate(s);
    let run = 0;
    const configs: Config[] = ['none', 'peakend'];
    mkdirSync(join(HERE, 'traces'), { recursive: true });
    for (let r = 0; r < WARMUP + ROUNDS; r++) {
      const order = r % 2 === 0 ? configs : [...configs].reverse();
      for (const config of order) {
        await setConfig(s, config, state);
        const thisRun = run++;
        if (CATS !== 'off') await startTrace(cdp);
        await replayVisit(s, points, thisRun);
        const { metrics } = await cdp.send('Performance.getMetrics');
        const get = (n: string) => (metrics.find((m) => m.name === n)?.value ?? Number.NaN) * 1000;
        const perf = { task: get('TaskDuration'), script: get('ScriptDuration') };
        if (CATS === 'off') {
          console.log(
            `${r < WARMUP ? 'warm' : `r${r - WARMUP}`} ${config.padEnd(7)} run ${thisRun} perfTask ${f(perf.task, 1)} perfScript ${f(perf.script, 1)}`,
          );
          continue;
        }
        const events = await endTrace(cdp);
        if (KEEP && r === WARMUP)
          writeFileSync(
            join(HERE, 'traces', `${VARIANT}-${CATS}-${config}-${thisRun}.json`),
            JSON.stringify({ traceEvents: events }),
          );
        const sum = analyse(events, s.shop.url, thisRun, config, r - WARMUP, perf);
        const tag = r < WARMUP ? 'warm' : `r${r - WARMUP}`;
        console.log(
          `${tag} ${config.padEnd(7)} run ${thisRun} pid ${sum.pid} perfTask ${f(sum.perfTaskMs, 1)} traceTasks ${f(sum.topTaskMs, 1)} (${sum.topTasks}) extJS ${f(sum.v8ExtMs, 1)} events ${events.length} [${sum.pidChoice}]`,
        );
        if (r >= WARMUP) visits.push(sum);
      }
    }
    if (VARIANT === 'noauto' || VARIANT === 'empty' || VARIANT === 'script') {
      const steps = await readSteps(s.panel, s.auditId);
      console.log(
        `steps in the audit: ${steps.length}; capture statuses: ${JSON.stringify(steps.reduce<Record<string, number>>((a, st) => ((a[st.capture.status] = (a[st.capture.status] ?? 0) + 1), a), {}))}`,
      );
    }
    await setConfig(s, 'none', state);
    await cdp.detach().catch(() => undefined);
  } finally {
    await closeSession(s);
  }
  const label = VARIANT;
  writeFileSync(
    OUT,
    JSON.stringify(
      { variant: VARIANT, cats: CATS, rounds: ROUNDS, warmup: WARMUP, categories: CATEGORIES, visits },
      null,
      1,
    ),
  );
  report(visits, label);
  console.log(`\nraw per-visit summaries: ${OUT}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const reportOnly = arg('report', '');
  (reportOnly
    ? Promise.resolve().then(async () => {
        const { readFileSync } = await import('node:fs');
        const j = JSON.parse(readFileSync(reportOnly, 'utf8')) as { variant: string; visits: VisitSummary[] };
        report(j.visits, j.variant);
      })
    : main()
  ).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
