import { defineConfig } from 'vitest/config';
import { scoringRevision } from './scripts/build/scoring-revision.ts';

// Unit tier: pure domain, store over fake-indexeddb, panel components as a plain page.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
  },
  define: { __PEAKEND_SCORING__: JSON.stringify(scoringRevision()) },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
});
