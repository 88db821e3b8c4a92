// A tiny MV3 extension written from strings, so the harness's own test runs on any machine without
// the real build: module service worker, side panel at a nested path, sidePanel/tabs permissions.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const MINI_PANEL_PATH = 'src/panel/index.html';
export const MINI_DB = 'mini';
export const MINI_STORE = 'kv';

const FILES: Record<string, string> = {
  'manifest.json': JSON.stringify(
    {
      manifest_version: 3,
      name: 'Peakend harness mini extension',
      version: '0.0.1',
      permissions: ['sidePanel', 'tabs', 'storage'],
      host_permissions: ['<all_urls>'],
      background: { service_worker: 'sw.js', type: 'module' },
      side_panel: { default_path: MINI_PANEL_PATH },
    },
    null,
    2,
  ),
  'sw.js': `import { bootId } from './boot.js';
globalThis.bootId = bootId;
chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
  if (msg && msg.type === 'ping') reply({ bootId: globalThis.bootId, marker: globalThis.marker ?? null });
  return false;
});
`,
  'boot.js': `export const bootId = Math.random().toString(36).slice(2);
`,
  [MINI_PANEL_PATH]: `<!doctype html>
<html>
  <head><meta charset="utf-8"><title>Mini panel</title></head>
  <body>
    <h1>Mini panel</h1>
    <button id="press" type="button">Press me</button>
    <p id="count">0</p>
    <label>Name <input id="name" type="text"></label>
    <p id="echo"></p>
    <script type="module" src="./panel.js"></script>
  </body>
</html>
`,
  'src/panel/panel.js': `let clicks = 0;
document.getElementById('press').addEventListener('click', () => {
  clicks += 1;
  document.getElementById('count').textContent = String(clicks);
});
document.getElementById('name').addEventListener('input', (e) => {
  document.getElementById('echo').textContent = e.target.value;
});
window.panelReady = true;
`,
};

/** Writes the mini extension into a new temp folder (or `dir`) and returns the folder. */
export function writeMiniExtension(dir?: string): string {
  const root = dir ?? mkdtempSync(join(tmpdir(), 'peakend-mini-ext-'));
  for (const [path, text] of Object.entries(FILES)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}
