// 5. Bundle: gzip size of the panel's JavaScript (its entry chunk and every chunk it imports
// statically), of the content script (the IIFE the worker injects) and of the service worker (its
// chunk and static imports), from the built dist. Each file is gzipped on its own (level 9) and the
// sizes are summed: each file is a separate resource; CSS is not counted.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { info, judged, type BenchResult } from '../lib/result.ts';
import { TARGETS } from '../lib/targets.ts';
import { round } from '../lib/stats.ts';

interface Bundle {
  files: Array<{ file: string; bytes: number; gzip: number }>;
  bytes: number;
  gzip: number;
}

/** Static imports only (`import ... from "./x.js"`, `import "./x.js"`), not `import("./x.js")`. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:\bimport|\bexport)\s*(?:[^'"`();]*?\bfrom\s*)?["']([^"']+\.js)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1]!);
  return out;
}

/** The files `entries` load, themselves included, following static imports. */
export function staticGraph(dist: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map((e) => normalize(e));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    if (!existsSync(join(dist, file))) throw new Error(`bundle: ${file} not found in ${dist}`);
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const spec of staticImports(code)) {
      const target = spec.startsWith('/') ? spec.slice(1) : relative(dist, join(dist, dirname(file), spec));
      queue.push(normalize(target));
    }
  }
  return [...seen];
}

function collect(dist: string, entries: string[]): Bundle {
  const files = staticGraph(dist, entries).map((file) => {
    const buf = readFileSync(join(dist, file));
    return { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

function panelEntries(dist: string, manifest: Record<string, unknown>): string[] {
  const htmlPath =
    (manifest.side_panel as { default_path?: string } | undefined)?.default_path ?? 'src/panel/index.html';
  const html = readFileSync(join(dist, htmlPath), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  // Module preloads are chunks the entry imports statically anyway; following imports finds them.
  return scripts.map((src) => (src.startsWith('/') ? src.slice(1) : normalize(join(dirname(htmlPath), src))));
}

export function runBundle(dist: string): BenchResult[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const panel = collect(dist, panelEntries(dist, manifest));
  const content = collect(dist, ['src/content/content-script.js']);
  const swEntry =
    (manifest.background as { service_worker?: string } | undefined)?.service_worker ?? 'service-worker-loader.js';
  const worker = collect(dist, [swEntry]);
  const kb = (n: number) => round(n / 1000, 2);
  const describe = (b: Bundle) => ({
    files: b.files.map((f) => ({ file: f.file, kB: kb(f.bytes), gzipKB: kb(f.gzip) })),
    rawKB: kb(b.bytes),
    gzipKB: kb(b.gzip),
    summary: `${b.files.length} file(s), ${kb(b.bytes)} kB raw`,
  });
  return [
    judged(TARGETS.panelBundle, kb(panel.gzip), describe(panel)),
    judged(TARGETS.contentBundle, kb(content.gzip), describe(content)),
    info('bundle: service worker, gzip', kb(worker.gzip), 'kB', describe(worker)),
  ];
}
