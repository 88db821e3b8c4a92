import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

// crxjs lists dynamically injected scripts as web-accessible to every site, which lets any page detect
// that Peakend is installed. chrome.scripting injects files without that, so the entry is dropped.
function noWebAccessibleResources(): Plugin {
  return {
    name: 'peakend:no-web-accessible-resources',
    enforce: 'post',
    apply: 'build',
    writeBundle(options) {
      const file = resolve(options.dir ?? 'dist', 'manifest.json');
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      delete parsed.web_accessible_resources;
      writeFileSync(file, JSON.stringify(parsed, null, 2));
    },
  };
}

/**
 * The store, messages and the small domain modules the worker, the panel and the report pages all load.
 * A module the panel imports and this leaves out is pulled into the panel's chunk, and a worker that
 * imports it too then loads the panel's code and fails to start (test/e2e/bundle.test.ts checks).
 */
const CORE =
  /node_modules[\\/](idb|webextension-polyfill)[\\/]|vite[\\/]preload-helper|src[\\/](store|i18n|protocol\.ts|domain[\\/](rubric\.ts|mask-selectors\.ts|completeness|emotions|scores[\\/](normalise|vitals)))/;
/** The panel's UI (its stylesheets stay with its page, so no other page links them). */
const PANEL = /node_modules[\\/]preact[\\/]|src[\\/]panel[\\/]/;

export default defineConfig({
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), crx({ manifest }), noWebAccessibleResources()],
  build: {
    target: 'chrome116',
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        // Extension pages load every chunk through the browser process, a few milliseconds each and
        // one after another (measured: 20 chunks took 55 ms before the panel's first line ran), so the
        // code the worker and every page load at start is one chunk, and the panel's own another.
        codeSplitting: {
          groups: [
            { name: 'core', test: (id) => CORE.test(id), tags: ['$initial'], priority: 2 },
            { name: 'panel', test: (id) => PANEL.test(id) && !id.endsWith('.css'), tags: ['$initial'], priority: 1 },
          ],
        },
      },
      // Pages opened as full tabs, and the offscreen document, are not in the manifest, so they are named here.
      input: Object.fromEntries(
        Object.entries({
          report: 'src/report/report.html',
          compare: 'src/report/compare/compare.html',
          offscreen: 'src/offscreen/offscreen.html',
        }).filter(([, file]) => existsSync(file)),
      ),
    },
  },
  server: { port: 5199, strictPort: true, hmr: { port: 5199 } },
});
