// A programme's server: where it is, which database, who connects. Checked before anything is sent:
// HTTPS only (the password travels with every request), except a server on this machine.
import { COUCH_DB_NAME, type SyncProblem } from '../domain/sync-errors.ts';

export interface Connection {
  /** The server's base address, e.g. https://couch.example.org (no database in it). */
  server: string;
  database: string;
  user: string;
  password: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The server's origin and the database's address, or why they are refused. */
export function checkConnection(
  conn: Pick<Connection, 'server' | 'database'>,
): { ok: true; origin: string; url: string } | { ok: false; problem: SyncProblem } {
  let url: URL;
  try {
    url = new URL(conn.server.trim());
  } catch {
    return { ok: false, problem: { code: 'sync-bad-url', url: conn.server } };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, problem: { code: 'sync-bad-url', url: conn.server } };
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return { ok: false, problem: { code: 'sync-not-https', url: url.origin } };
  }
  // Credentials belong in their own fields, never in an address that may be shown or logged.
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, problem: { code: 'sync-bad-url', url: url.origin } };
  }
  if (!COUCH_DB_NAME.test(conn.database)) {
    return { ok: false, problem: { code: 'sync-bad-database', name: conn.database } };
  }
  const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { ok: true, origin: url.origin, url: `${base}${encodeURIComponent(conn.database)}` };
}

/**
 * The host-permission pattern that covers the server (what `permissions.request` is asked for): its
 * scheme and host, every port. Firefox's match patterns cannot name a port (bugs 1362809, 1468162):
 * it grants `http://127.0.0.1:5984/*` as asked, and that grant then matches no request, so the
 * replication went out as a CORS request and failed (test/e2e/firefox-sync.test.ts).
 */
export const originPattern = (origin: string): string => {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
};

/** A PouchDB or fetch failure as a typed code: the status says what the auditor can do. */
export function syncProblemOf(error: unknown): SyncProblem {
  const e = (error ?? {}) as { status?: unknown; message?: unknown; name?: unknown; code?: unknown };
  const status = typeof e.status === 'number' ? e.status : null;
  if (status === 401) return { code: 'sync-unauthorized' };
  if (status === 403) return { code: 'sync-forbidden' };
  if (status === 413) return { code: 'sync-too-large' };
  const message = typeof e.message === 'string' ? e.message : String(error);
  // PouchDB reports a refused or dropped connection without a status (fetch's TypeError underneath).
  if (status === null || status === 0 || status >= 502) {
    if (status !== null && status >= 502) return { code: 'sync-unreachable' };
    if (/fetch|network|ECONNREFUSED|ECONNRESET|socket|failed/i.test(message)) return { code: 'sync-unreachable' };
  }
  return { code: 'sync-failed', detail: `${status ?? ''} ${message}`.trim().slice(0, 200) };
}
