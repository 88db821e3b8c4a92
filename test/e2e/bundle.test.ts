// The built extension's chunk graph. The service worker must load no page code: a module the panel
// imports that vite.config.ts leaves out of `core` lands in the panel's chunk, and a worker importing
// it too loads Preact and the panel with it, and does not start at all (it happened: every e2e test
// then failed with "no service worker registration").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticGraph } from '../../scripts/bench/sections/bundle.ts';
import { DEFAULT_DIST_DIR } from './harness/index.ts';

const manifest = JSON.parse(readFileSync(join(DEFAULT_DIST_DIR, 'manifest.json'), 'utf8')) as {
  background: { service_worker: string };
};

describe('the built bundle', () => {
  it("loads none of the panel's chunks in the service worker", () => {
    const files = staticGraph(DEFAULT_DIST_DIR, [manifest.background.service_worker]);
    expect(files.some((f) => /service-worker/.test(f))).toBe(true);
    // Preact and src/panel are the panel chunk's (vite.config.ts), so this rules out both.
    expect(files.filter((f) => /(^|\/)panel-[^/]*\.js$/.test(f))).toEqual([]);
  });
});
