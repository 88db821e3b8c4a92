// Builds what the bench loads: the extension (the ordinary `vite build`, into a folder of our own so a
// colleague's `dist/` is never rebuilt under their running tests) plus a bench-only extension page,
// bundled from scripts/bench/page/ with its own small Vite config, that calls the store and the
// report's export functions inside the extension's origin (same IndexedDB).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoringRevision } from '../../build/scoring-revision.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BENCH_TMP = join(REPO_ROOT, 'bench', 'tmp');
export const BENCH_DIST = join(BENCH_TMP, 'dist');
const PAGE_DIR = fileURLToPath(new URL('../page/', import.meta.url));
/** Path of the bench page inside the extension. */
export const BENCH_PAGE_PATH = 'bench/bench.html';
/** An extension page with no script at all: the floor of opening any extension page. */
export const BLANK_PAGE_PATH = 'bench/blank.html';

export interface BuildInfo {
  distDir: string;
  /** How the extension got there: "vite build" or "copied from <dir>". */
  source: string;
  ms: number;
}

export async function buildAll(opts: { noBuild: boolean }): Promise<BuildInfo> {
  const started = performance.now();
  mkdirSync(BENCH_TMP, { recursive: true });
  let source: string;
  if (opts.noBuild) {
    const from = resolve(process.env.PEAKEND_DIST ?? join(REPO_ROOT, 'dist'));
    if (!existsSync(join(from, 'manifest.json')))
      throw new Error(`--no-build: no built extension at ${from} (run npx vite build first)`);
    rmSync(BENCH_DIST, { recursive: true, force: true });
    cpSync(from, BENCH_DIST, { recursive: true });
    rmSync(join(BENCH_DIST, 'bench'), { recursive: true, force: true });
    source = `copied from ${from}`;
  } else {
    buildExtension(BENCH_DIST);
    source = 'vite build (main vite.config.ts, --outDir bench/tmp/dist)';
  }
  await buildBenchPage(join(BENCH_DIST, 'bench'));
  return { distDir: BENCH_DIST, source, ms: performance.now() - started };
}

/** The ordinary `vite build` of the extension, into `outDir`. */
export function buildExtension(outDir: string): void {
  const res = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (res.status !== 0) throw new Error(`vite build failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
}

async function buildBenchPage(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: './',
    logLevel: 'warn',
    // The store's writes from this page name the scoring build as the extension's own pages do, so
    // the summaries they store are the ones the programme view uses (src/domain/programme-view/summary.ts).
    define: { 'process.env.NODE_ENV': '"production"', __PEAKEND_SCORING__: JSON.stringify(scoringRevision()) },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome116',
      sourcemap: false,
      modulePreload: false,
      rollupOptions: { input: join(PAGE_DIR, 'bench.html') },
    },
  });
  writeFileSync(
    join(outDir, 'blank.html'),
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>\n',
  );
}
