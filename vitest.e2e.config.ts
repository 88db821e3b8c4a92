import { defineConfig } from 'vitest/config';

// End-to-end tier: the built extension (dist/) in Debian's Chromium via playwright-core.
// One file at a time (2-core machine, one browser per file); generous timeouts for browser work.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/harness/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
