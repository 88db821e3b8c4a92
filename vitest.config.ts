import { defineConfig } from 'vitest/config';

// Unit tier: pure domain, store over fake-indexeddb, panel components as a plain page.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
});
