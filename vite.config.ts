import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), crx({ manifest })],
  build: {
    target: 'chrome116',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: { port: 5199, strictPort: true, hmr: { port: 5199 } },
});
