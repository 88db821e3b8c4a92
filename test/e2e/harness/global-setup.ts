// Vitest global setup for the e2e tier: builds the extension once for each browser (`npx vite build`,
// then `--mode firefox`) so every test file can load dist/ or dist-firefox/. Set PEAKEND_SKIP_BUILD=1
// to use existing builds (or none, for tests like harness.test.ts that bring their own extension).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX_DIST_DIR } from './firefox.ts';
import { DEFAULT_DIST_DIR, REPO_ROOT, requireChromium } from './index.ts';

export default function setup(): void {
  try {
    requireChromium();
  } catch (err) {
    throw new Error(`e2e: ${(err as Error).message}`);
  }
  if (process.env.PEAKEND_SKIP_BUILD === '1') {
    console.log('[e2e] PEAKEND_SKIP_BUILD=1: not building the extension.');
    return;
  }
  build([], DEFAULT_DIST_DIR);
  build(['--mode', 'firefox'], FIREFOX_DIST_DIR);
}

function build(args: string[], distDir: string): void {
  const started = Date.now();
  const command = ['vite', 'build', ...args].join(' ');
  console.log(`[e2e] building the extension: npx ${command}`);
  const run = spawnSync('npx', ['vite', 'build', ...args], { cwd: REPO_ROOT, stdio: 'inherit', env: process.env });
  if (run.error) throw new Error(`e2e: could not run \`npx ${command}\`: ${run.error.message}`);
  if (run.status !== 0) {
    throw new Error(
      `e2e: \`npx ${command}\` failed (exit ${run.status ?? `signal ${run.signal}`}); see its output above. ` +
        'Fix the build, or run with PEAKEND_SKIP_BUILD=1 to test an existing build.',
    );
  }
  if (!existsSync(join(distDir, 'manifest.json'))) {
    throw new Error(`e2e: \`npx ${command}\` succeeded but ${distDir}/manifest.json is missing.`);
  }
  console.log(`[e2e] built ${distDir} in ${Date.now() - started} ms`);
}
