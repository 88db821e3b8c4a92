// `npm test`: the static gates, unit tests, end-to-end tests; then one closing line
// `N passed, N failed` (`, N skipped` when some were skipped) that CI reads. Exit code 1 on any failure.
//
//   npm test                 the static gates (type check, lint, format, layers), unit and e2e tests
//   npm test -- --unit       the static gates + unit tests
//   npm test -- --e2e        end-to-end tests only (the e2e global setup builds dist/ first)
//   npm test -- <filter...>  passed on to vitest as file filters (both vitest tiers)
//
// Each tier's own output streams to the terminal; counts come from vitest's JSON reporter.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface TierResult extends Counts {
  name: string;
  note?: string;
}

/** The subset of vitest 4's JSON reporter output that is used here. */
interface VitestJson {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: Array<{
    status?: string;
    name?: string;
    message?: string;
    assertionResults?: Array<{ status?: string }>;
  }>;
}

function bin(name: string): string[] {
  const local = join(ROOT, 'node_modules', '.bin', name);
  return existsSync(local) ? [local] : ['npx', '--no-install', name];
}

function run(command: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [cmd, ...args] = command;
  if (!cmd) return Promise.resolve(1);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
    child.on('error', (err) => {
      console.error(`[test] could not start ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function banner(text: string): void {
  console.log(`\n=== ${text} ===`);
}

/** A gate is one command that passes or fails as a whole: it counts as one test. */
async function gate(name: string, command: string[], okText: string): Promise<TierResult> {
  banner(`${name}: ${command.join(' ')}`);
  const [tool, ...args] = command;
  const code = await run([...bin(tool ?? ''), ...args]);
  if (code === 0) console.log(`[test] ${name}: ${okText}`);
  return { name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
}

/** The static gates, in `npm run` order; each also runs alone (README, "The gates"). */
const GATES: Array<[name: string, command: string[], okText: string]> = [
  ['typecheck', ['tsc', '--noEmit', '-p', 'tsconfig.json'], 'no errors'],
  [
    'lint',
    ['oxlint', '--type-aware', '--deny-warnings', '--tsconfig', 'tsconfig.json', 'src', 'test', 'scripts'],
    'no findings',
  ],
  ['format', ['prettier', '--check', '--log-level', 'warn', '.'], 'every file formatted'],
  [
    'layers',
    ['depcruise', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
    'no import crosses a layer',
  ],
];

export function countVitest(report: VitestJson | undefined, exitCode: number): Counts & { note?: string } {
  if (!report) {
    return {
      passed: 0,
      failed: 1,
      skipped: 0,
      note: `no JSON report (vitest exited with ${exitCode} before reporting)`,
    };
  }
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that failed without a failed test (import error, failing beforeAll) counts once.
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  );
  failed += brokenFiles.length;
  let note: string | undefined;
  if (brokenFiles.length) note = `${brokenFiles.length} test file(s) failed outside tests`;
  if (exitCode !== 0 && failed === 0) {
    failed = 1; // e.g. global setup failed, unhandled error, or a crash after the report
    note = `vitest exited with ${exitCode} although no test failed`;
  }
  return { passed, failed, skipped, ...(note ? { note } : {}) };
}

async function vitestTier(name: string, config: string, filters: string[], tmp: string): Promise<TierResult> {
  const out = join(tmp, `${name}.json`);
  banner(`${name}: vitest run --config ${config}${filters.length ? ` ${filters.join(' ')}` : ''}`);
  const code = await run([
    ...bin('vitest'),
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
    '--passWithNoTests',
    ...filters,
  ]);
  let report: VitestJson | undefined;
  if (existsSync(out)) {
    try {
      report = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
    } catch (err) {
      console.error(`[test] ${name}: unreadable JSON report ${out}: ${(err as Error).message}`);
    }
  }
  return { name, ...countVitest(report, code) };
}

function summaryLine(total: Counts): string {
  return `${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2).filter((a) => a !== '--');
  const onlyUnit = argv.includes('--unit');
  const onlyE2e = argv.includes('--e2e');
  const filters = argv.filter((a) => a !== '--unit' && a !== '--e2e');
  const runUnit = onlyUnit || !onlyE2e;
  const runE2e = onlyE2e || !onlyUnit;

  const tmp = mkdtempSync(join(tmpdir(), 'peakend-test-'));
  const results: TierResult[] = [];
  try {
    if (runUnit) {
      for (const [name, command, okText] of GATES) results.push(await gate(name, command, okText));
      results.push(await vitestTier('unit', 'vitest.config.ts', filters, tmp));
    }
    if (runE2e) results.push(await vitestTier('e2e', 'vitest.e2e.config.ts', filters, tmp));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const total = results.reduce<Counts>(
    (t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  banner('summary');
  for (const r of results) {
    console.log(
      `[test] ${r.name}: passed=${r.passed} failed=${r.failed} skipped=${r.skipped}${r.note ? ` (${r.note})` : ''}`,
    );
  }
  console.log(summaryLine(total));
  return total.failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error('[test] runner crashed:', err);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  },
);
