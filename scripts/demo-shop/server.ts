// Demo shop server: serves scripts/demo-shop/site/ ("Northwind Outfitters") with node:http only.
// Two listeners share one handler: the shop origin and a second "payment provider" origin, so the
// checkout page can embed a genuinely cross-origin payment iframe. /config.js tells pages where the
// payment origin is, so both ports may be chosen at random (port 0).
//
//   npx tsx scripts/demo-shop/server.ts        (DEMO_PORT=4310, DEMO_PAYMENT_PORT=4311, DEMO_HOST=127.0.0.1)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DemoShopOptions {
  /** Port of the shop origin; 0 (default) picks a free port. */
  port?: number;
  /** Port of the payment-provider origin; 0 (default) picks a free port. */
  paymentPort?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
}

export interface DemoShop {
  /** Shop origin without trailing slash, e.g. http://127.0.0.1:4310 */
  url: string;
  /** Payment origin without trailing slash, e.g. http://127.0.0.1:4311 */
  paymentUrl: string;
  port: number;
  paymentPort: number;
  close(): Promise<void>;
}

/** Absolute path of the static site, with a trailing separator. */
export const DEMO_SITE_DIR = fileURLToPath(new URL('./site/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

type Resolved =
  { kind: 'file'; candidates: string[] } | { kind: 'config' } | { kind: 'bad-request' } | { kind: 'forbidden' };

/**
 * Maps a raw request target (as sent on the wire, not normalised) to candidate files under the
 * site directory. Any `..` or `.` segment, backslash or NUL, encoded or not, is refused outright.
 */
export function resolveRequestPath(rawUrl: string, siteDir: string = DEMO_SITE_DIR): Resolved {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/';
  if (!rawPath.startsWith('/')) return { kind: 'bad-request' };
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'bad-request' };
  }
  if (path.includes('\0')) return { kind: 'bad-request' };
  const segments = path.split('/');
  if (path.includes('\\') || segments.some((s) => s === '..' || s === '.')) return { kind: 'forbidden' };
  // Dotfiles (.git, .env, .well-known, ...) are never served: plain 404.
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'file', candidates: [] };
  if (path === '/config.js') return { kind: 'config' };

  // The account area is a single-page app: every /app/* (and /b/app/*) deep link gets the shell.
  const app = /^\/(b\/)?app(\/.*)?$/.exec(path);
  if (app) path = app[1] ? '/b/app.html' : '/app.html';

  const root = siteDir.endsWith(sep) ? siteDir : siteDir + sep;
  const candidates: string[] = [];
  if (path.endsWith('/')) candidates.push(path + 'index.html');
  else {
    candidates.push(path);
    if (!extname(path)) candidates.push(path + '.html', path + '/index.html');
  }
  const files = candidates.map((c) => resolve(root, '.' + c));
  // Belt and braces: never leave the site directory whatever the resolution did.
  if (files.some((f) => !f.startsWith(root))) return { kind: 'forbidden' };
  return { kind: 'file', candidates: files };
}

function hostnameFor(req: IncomingMessage, fallbackHost: string): string {
  const header = req.headers.host ?? '';
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::\d+)?$/.exec(header);
  if (m?.[1]) return m[1];
  return displayHost(fallbackHost);
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

async function findFile(candidates: string[]): Promise<string | null> {
  for (const file of candidates) {
    try {
      const s = await stat(file);
      if (s.isFile()) return file;
    } catch {
      // try the next candidate
    }
  }
  return null;
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  type: string,
  body: Buffer | string,
  extra: Record<string, string> = {},
): void {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(buf.length),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : buf);
}

function makeHandler(siteDir: string, ports: { port: number; paymentPort: number }, host: string) {
  const notFound = async (req: IncomingMessage, res: ServerResponse) => {
    let page: Buffer | string = '<!doctype html><title>Page not found</title><h1>Page not found</h1>';
    try {
      page = await readFile(resolve(siteDir, '404.html'));
    } catch {
      // fall back to the inline page
    }
    send(req, res, 404, 'text/html; charset=utf-8', page);
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const method = req.method ?? 'GET';
      const rawUrl = req.url ?? '/';
      if (method === 'POST') {
        // Forms post here only when JavaScript is off: land on the same page with GET.
        req.resume();
        const target = rawUrl.split(/[?#]/, 1)[0] ?? '/';
        const r = resolveRequestPath(target, siteDir);
        if (r.kind !== 'file') return send(req, res, 400, 'text/plain; charset=utf-8', 'Bad request\n');
        res.writeHead(303, { Location: target, 'Content-Length': '0' });
        res.end();
        return;
      }
      if (method !== 'GET' && method !== 'HEAD') {
        return send(req, res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD, POST' });
      }
      const r = resolveRequestPath(rawUrl, siteDir);
      if (r.kind === 'bad-request') return send(req, res, 400, 'text/plain; charset=utf-8', 'Bad request\n');
      if (r.kind === 'forbidden') return send(req, res, 403, 'text/plain; charset=utf-8', 'Forbidden\n');
      if (r.kind === 'config') {
        const hostname = hostnameFor(req, host);
        const config = {
          shopOrigin: `http://${hostname}:${ports.port}`,
          paymentOrigin: `http://${hostname}:${ports.paymentPort}`,
        };
        const js = `window.NW_CONFIG = ${JSON.stringify(config).replace(/</g, '\\u003c')};\n`;
        return send(req, res, 200, 'text/javascript; charset=utf-8', js);
      }
      const file = await findFile(r.candidates);
      if (!file) return notFound(req, res);
      send(req, res, 200, contentTypeFor(file), await readFile(file));
    } catch {
      if (!res.headersSent) send(req, res, 500, 'text/plain; charset=utf-8', 'Internal server error\n');
      else res.destroy();
    }
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClose) => {
    if (!server.listening) return resolveClose();
    server.close(() => resolveClose());
    server.closeAllConnections();
  });
}

/** Starts the shop and the payment origin. Both ports default to 0 (random free ports). */
export async function startDemoShop(opts: DemoShopOptions = {}): Promise<DemoShop> {
  const host = opts.host ?? '127.0.0.1';
  const ports = { port: 0, paymentPort: 0 };
  const handler = makeHandler(DEMO_SITE_DIR, ports, host);
  const shop = createServer((req, res) => void handler(req, res));
  const payment = createServer((req, res) => void handler(req, res));
  try {
    ports.port = await listen(shop, opts.port ?? 0, host);
    ports.paymentPort = await listen(payment, opts.paymentPort ?? 0, host);
  } catch (err) {
    await Promise.all([closeServer(shop), closeServer(payment)]);
    throw err;
  }
  const h = displayHost(host);
  let closing: Promise<void> | null = null;
  return {
    url: `http://${h}:${ports.port}`,
    paymentUrl: `http://${h}:${ports.paymentPort}`,
    port: ports.port,
    paymentPort: ports.paymentPort,
    close() {
      closing ??= Promise.all([closeServer(shop), closeServer(payment)]).then(() => undefined);
      return closing;
    },
  };
}

function envPort(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number, got "${v}"`);
  return n;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const shop = await startDemoShop({
    port: envPort('DEMO_PORT', 4310),
    paymentPort: envPort('DEMO_PAYMENT_PORT', 4311),
    host: process.env.DEMO_HOST || '127.0.0.1',
  });
  console.log('Northwind Outfitters demo shop');
  console.log(`  shop, variant A:  ${shop.url}/`);
  console.log(`  shop, variant B:  ${shop.url}/b/`);
  console.log(`  payment origin:   ${shop.paymentUrl}/payment-frame.html`);
  console.log('Press Ctrl-C to stop.');
  const stop = () => {
    void shop.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
