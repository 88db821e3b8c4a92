// Vitest global setup for the e2e tier: builds the extension once (`npx vite build`) so every test
// file can load dist/. Set PEAKEND_SKIP_BUILD=1 to use an existing dist/ (or none, for tests like
// harness.test.ts that bring their own extension).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
  const started = Date.now();
  console.log('[e2e] building the extension: npx vite build');
  const run = spawnSync('npx', ['vite', 'build'], { cwd: REPO_ROOT, stdio: 'inherit', env: process.env });
  if (run.error) throw new Error(`e2e: could not run \`npx vite build\`: ${run.error.message}`);
  if (run.status !== 0) {
    throw new Error(
      `e2e: \`npx vite build\` failed (exit ${run.status ?? `signal ${run.signal}`}); see its output above. ` +
        'Fix the build, or run with PEAKEND_SKIP_BUILD=1 to test an existing dist/.',
    );
  }
  if (!existsSync(join(DEFAULT_DIST_DIR, 'manifest.json'))) {
    throw new Error(`e2e: \`npx vite build\` succeeded but ${DEFAULT_DIST_DIR}/manifest.json is missing.`);
  }
  console.log(`[e2e] built ${DEFAULT_DIST_DIR} in ${Date.now() - started} ms`);
}
