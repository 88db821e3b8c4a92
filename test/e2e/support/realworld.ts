// The real-world pages of ../shared/realworld (see its README.txt), served on 127.0.0.1 as they are.
// The Bootstrap examples load Bootstrap's dist/ from /docs/5.3/dist/, which comes from the
// `bootstrap` npm package, and the checkout loads checkout.js, the examples' starter script, which is
// not stored there: its documented behaviour is written out below.
import { readdirSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { contentTypeFor, resolveRequestPath } from '../../../scripts/demo-shop/server.ts';
import { REPO_ROOT, requireChromium } from '../harness/index.ts';
import { REFUSE_OTHER_HOSTS, serve, type LocalServer } from './offline.ts';

/** The shared folder is a sibling of the repository (CI sees it at ../shared/realworld). */
export const REALWORLD_DIR = resolve(REPO_ROOT, '..', 'shared', 'realworld');

const BOOTSTRAP_DIST = join(dirname(createRequire(import.meta.url).resolve('bootstrap/package.json')), 'dist');

/**
 * The checkout example's starter script, as the README describes it: on submit, an invalid form is
 * stopped and gets the class was-validated (which shows Bootstrap's invalid-feedback messages).
 */
const CHECKOUT_JS = `(() => {
  for (const form of document.querySelectorAll('.needs-validation')) {
    form.addEventListener('submit', (event) => {
      if (!form.checkValidity()) {
        event.preventDefault();
        event.stopPropagation();
      }
      form.classList.add('was-validated');
    }, false);
  }
})();
`;

export interface RealWorldPage {
  name: string;
  /** Path on the server. */
  path: string;
  /** The page's HTML file. */
  file: string;
}

export const CHECKOUT_PATH = '/docs/5.3/examples/checkout/';
export const SIGN_IN_PATH = '/docs/5.3/examples/sign-in/';

/** Every page: the Readability articles in name order, then the two Bootstrap examples. */
export function realWorldPages(dir = REALWORLD_DIR): RealWorldPage[] {
  const articles = readdirSync(join(dir, 'readability'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, 'readability', d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
  return [
    ...articles.map((name) => ({
      name,
      path: `/readability/${name}/source.html`,
      file: join(dir, 'readability', name, 'source.html'),
    })),
    { name: 'bootstrap-checkout', path: CHECKOUT_PATH, file: join(dir, CHECKOUT_PATH, 'index.html') },
    { name: 'bootstrap-sign-in', path: SIGN_IN_PATH, file: join(dir, SIGN_IN_PATH, 'index.html') },
  ];
}

/** Serves the folder; the Bootstrap dist and checkout.js are supplied as the README asks. */
export function serveRealWorld(dir = REALWORLD_DIR): Promise<LocalServer> {
  return serve(async (req, res) => {
    const path = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      res.end(body);
    };
    if (path === `${CHECKOUT_PATH}checkout.js`) return send(200, 'text/javascript', CHECKOUT_JS);
    const dist = /^\/docs\/5\.3\/dist\/(.*)$/.exec(path);
    const resolved = resolveRequestPath(dist ? `/${dist[1]}` : path, dist ? BOOTSTRAP_DIST : dir);
    if (resolved.kind !== 'file') return send(resolved.kind === 'bad-request' ? 400 : 403, 'text/plain', 'refused');
    for (const file of resolved.candidates) {
      const body = await readFile(file).catch(() => null);
      if (!body) continue;
      // No charset for HTML: the saved pages declare their own (gb2312, shift_jis, ...).
      const type = file.endsWith('.html') ? 'text/html' : contentTypeFor(file);
      return send(200, type, body);
    }
    send(404, 'text/html', '<!doctype html><title>Not found</title><p>Not found');
  });
}

/**
 * Counts, in the browser's DOM, the form fields a shopper sees: each input other than
 * hidden/submit/button/reset/image, select and textarea, that is enabled, has no ancestor (itself
 * included) with computed display:none, is not inside a closed <details> (outside its summary), and
 * is not visibility:hidden or collapse itself. Written apart from Peakend's own count (src/content/dom),
 * from the rule METHOD.md states for the form-fields signal, so the two check each other.
 */
export const COUNT_FIELDS_SCRIPT = `(() => {
  const notFields = new Set(['hidden', 'submit', 'button', 'reset', 'image']);
  let count = 0;
  for (const el of document.querySelectorAll('input, select, textarea')) {
    const type = (el.getAttribute('type') || 'text').trim().toLowerCase();
    if (el.localName === 'input' && notFields.has(type)) continue;
    if (el.matches(':disabled')) continue;
    const own = getComputedStyle(el).visibility;
    if (own === 'hidden' || own === 'collapse') continue;
    let shown = true;
    for (let node = el; node && shown; node = node.parentElement) {
      if (getComputedStyle(node).display === 'none') shown = false;
      const parent = node.parentElement;
      if (parent && parent.localName === 'details' && !parent.open && node !== parent.querySelector(':scope > summary'))
        shown = false;
    }
    if (shown) count += 1;
  }
  return count;
})()`;

/**
 * Each page's field count made from its HTML alone: the page rendered by Chromium with JavaScript
 * off (no extension, other hosts refused), counted by COUNT_FIELDS_SCRIPT. Not jsdom: its cascade
 * hides the search fields of aclu and nytimes-5, which Chromium shows from the same HTML (checked).
 */
export async function fieldsInHtml(server: LocalServer, list: readonly RealWorldPage[]): Promise<Map<string, number>> {
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    args: ['--no-sandbox', REFUSE_OTHER_HOSTS],
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const counts = new Map<string, number>();
    for (const p of list) {
      await page.goto(`${server.url}${p.path}`, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
      counts.set(p.name, await page.evaluate<number>(COUNT_FIELDS_SCRIPT));
    }
    return counts;
  } finally {
    await browser.close();
  }
}
