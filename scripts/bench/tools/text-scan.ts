// What covering text costs before a capture, on the real-world pages of ../shared/realworld: the
// content script's field scan (findSensitive) and its text scan (sensitiveTextBoxes), each timed in
// the page on its own, median of N runs after a warm-up, in headless Chromium with other hosts
// refused. Prints each page's medians, the text scan's ratio to the field scan, and what it found.
//   npx tsx scripts/bench/tools/text-scan.ts [--reps 15] [page names...]
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { requireChromium } from '../../../test/e2e/harness/index.ts';
import { REFUSE_OTHER_HOSTS } from '../../../test/e2e/support/offline.ts';
import { realWorldPages, serveRealWorld } from '../../../test/e2e/support/realworld.ts';

const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const reps = repsAt >= 0 ? Number(args[repsAt + 1]) : 15;
const only = args.filter((a, i) => !a.startsWith('--') && (repsAt < 0 || i !== repsAt + 1));

const bundle = await build({
  stdin: {
    contents: `export { findSensitive } from './src/content/masking/sensitive.ts';
export { sensitiveTextBoxes } from './src/content/masking/text.ts';
export { findSensitiveText } from './src/domain/sensitive-text.ts';`,
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  globalName: '__scan',
  write: false,
  target: 'es2022',
});
const code = bundle.outputFiles[0]!.text;

const MEASURE = `(reps) => {
  const { findSensitive, sensitiveTextBoxes } = window.__scan;
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = (f) => { const t = performance.now(); f(); return performance.now() - t; };
  findSensitive(document, []); sensitiveTextBoxes(document);
  const fields = [], text = [];
  for (let i = 0; i < reps; i++) {
    fields.push(time(() => findSensitive(document, [])));
    text.push(time(() => sensitiveTextBoxes(document)));
  }
  const walker = document.createTreeWalker(document.body ?? document.documentElement, 4);
  const skip = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'title']);
  let nodes = 0;
  const found = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes++;
    if (skip.has(n.parentNode?.localName)) continue;
    for (const m of window.__scan.findSensitiveText(n.data)) found.push(m.kind + ' ' + JSON.stringify(n.data.slice(m.start, m.end)));
  }
  return { fields: median(fields), text: median(text), nodes, boxes: sensitiveTextBoxes(document).length,
    elements: document.getElementsByTagName('*').length, found };
}`;

const server = await serveRealWorld();
const browser = await chromium.launch({
  executablePath: requireChromium(),
  args: ['--no-sandbox', REFUSE_OTHER_HOSTS],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const pages = realWorldPages().filter((p) => only.length === 0 || only.includes(p.name));
  console.log('page                  elements  text nodes  boxes  fields ms  text ms  text/fields');
  for (const p of pages) {
    await page.goto(`${server.url}${p.path}`, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
    await page.addScriptTag({ content: code });
    const r = await page.evaluate<{
      fields: number;
      text: number;
      nodes: number;
      boxes: number;
      elements: number;
      found: string[];
    }>(`(${MEASURE})(${reps})`);
    console.log(
      `${p.name.padEnd(22)}${String(r.elements).padStart(8)}${String(r.nodes).padStart(12)}${String(r.boxes).padStart(7)}` +
        `${r.fields.toFixed(2).padStart(11)}${r.text.toFixed(2).padStart(9)}${(r.text / r.fields).toFixed(2).padStart(13)}`,
    );
    // What was found (in view or not), to judge the patterns' precision on text nobody wrote for them.
    for (const f of r.found) console.log(`    ${f}`);
  }
} finally {
  await browser.close();
  await server.close();
}
