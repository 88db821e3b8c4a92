import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { chromeManifest, firefoxManifest } from './scripts/build/manifests.ts';
import { scoringRevision } from './scripts/build/scoring-revision.ts';

// `vite build` builds Chrome's extension into dist/; `vite build --mode firefox` builds Firefox's
// into dist-firefox/ from the same sources (`npm run build` runs both).
const FIREFOX_MODE = 'firefox';

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

const SRC = resolve('src');

/**
 * The Firefox build imports a sibling firefox/X.ts wherever the code imports a Chrome-only
 * chrome/X.ts under src/ (src/background/chrome/, src/panel/programme/chrome/). Every Chrome-only
 * module must have its twin: the build fails otherwise, so no Chrome API reaches the Firefox package unseen.
 */
function firefoxTwins(): Plugin {
  return {
    name: 'peakend:firefox-twins',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/[\\/]chrome[\\/][\w-]+\.ts$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const dir = resolved ? dirname(resolved.id) : '';
      if (!resolved || basename(dir) !== 'chrome' || !dir.startsWith(SRC)) return null;
      const twin = join(dirname(dir), 'firefox', basename(resolved.id));
      if (!existsSync(twin)) this.error(`${resolved.id} is Chrome-only and has no Firefox twin at ${twin}`);
      return twin;
    },
  };
}

/**
 * The store, messages and the small domain modules the worker, the panel and the report pages all load.
 * A module the panel imports and this leaves out is pulled into the panel's chunk, and a worker that
 * imports it too then loads the panel's code and fails to start (test/e2e/bundle.test.ts checks).
 */
const CORE =
  /node_modules[\\/](idb|webextension-polyfill)[\\/]|vite[\\/]preload-helper|src[\\/](store|i18n|protocol\.ts|domain[\\/](rubric\.ts|mask-selectors\.ts|urls\.ts|step-stages\.ts|probes\.ts|ids\.ts|completeness|emotions|scores[\\/]|programme-view[\\/](summary|metrics)\.ts))/;
/** The panel's UI (its stylesheets stay with its page, so no other page links them). */
const PANEL = /node_modules[\\/]preact[\\/]|src[\\/]panel[\\/]/;

export default defineConfig(({ mode }) => {
  const firefox = mode === FIREFOX_MODE;
  const built = (firefox ? firefoxManifest : chromeManifest)(manifest, pkg.version) as unknown as ManifestV3Export;
  // Pages opened as full tabs are not in the manifest, so they are named here; so is Firefox's sidebar
  // page (crxjs reads side_panel's page, not sidebar_action's). Firefox has no offscreen document.
  const pages: Record<string, string> = firefox
    ? {
        panel: 'src/panel/index.html',
        report: 'src/report/report.html',
        compare: 'src/report/compare/compare.html',
        programme: 'src/report/programme/programme.html',
      }
    : {
        report: 'src/report/report.html',
        compare: 'src/report/compare/compare.html',
        programme: 'src/report/programme/programme.html',
        offscreen: 'src/offscreen/offscreen.html',
      };
  return {
    // Names the scoring code of this build: src/domain/programme-view/summary.ts.
    define: { __PEAKEND_SCORING__: JSON.stringify(scoringRevision()) },
    plugins: [
      ...(firefox ? [firefoxTwins()] : []),
      preact({ devToolsEnabled: false, prefreshEnabled: false }),
      crx({ manifest: built, browser: firefox ? 'firefox' : 'chrome' }),
      noWebAccessibleResources(),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      target: firefox ? 'firefox140' : 'chrome116',
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
        input: Object.fromEntries(Object.entries(pages).filter(([, file]) => existsSync(file))),
      },
    },
    server: { port: 5199, strictPort: true, hmr: { port: 5199 } },
  };
});
