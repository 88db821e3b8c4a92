// A programme's address is checked before anything is sent: HTTPS except on this machine, no
// credentials in the address, a database name CouchDB accepts; HTTP failures become typed codes.
import { describe, expect, it } from 'vitest';
import { checkConnection, originPattern, syncProblemOf } from '../../../src/sync/connection.ts';

describe('checkConnection', () => {
  it('accepts https anywhere and http on this machine only', () => {
    expect(checkConnection({ server: 'https://couch.example.org', database: 'acme-wave1' })).toEqual({
      ok: true,
      origin: 'https://couch.example.org',
      url: 'https://couch.example.org/acme-wave1',
    });
    expect(checkConnection({ server: 'http://localhost:5984/', database: 'team' })).toMatchObject({ ok: true });
    expect(checkConnection({ server: 'http://127.0.0.1:5984', database: 'team' })).toMatchObject({ ok: true });
    expect(checkConnection({ server: 'http://couch.example.org', database: 'team' })).toEqual({
      ok: false,
      problem: { code: 'sync-not-https', url: 'http://couch.example.org' },
    });
  });

  it('refuses odd addresses, credentials in the address, and bad database names', () => {
    expect(checkConnection({ server: 'couch.example.org', database: 'team' })).toMatchObject({
      problem: { code: 'sync-bad-url' },
    });
    expect(checkConnection({ server: 'ftp://couch.example.org', database: 'team' })).toMatchObject({
      problem: { code: 'sync-bad-url' },
    });
    expect(checkConnection({ server: 'https://me:pw@couch.example.org', database: 'team' })).toMatchObject({
      problem: { code: 'sync-bad-url', url: 'https://couch.example.org' },
    });
    expect(checkConnection({ server: 'https://couch.example.org', database: 'Team' })).toMatchObject({
      problem: { code: 'sync-bad-database' },
    });
    expect(checkConnection({ server: 'https://couch.example.org', database: '_users' })).toMatchObject({
      problem: { code: 'sync-bad-database' },
    });
  });

  it("asks for the server's host only, without its port (Firefox's patterns cannot hold one)", () => {
    expect(originPattern('https://couch.example.org:6984')).toBe('https://couch.example.org/*');
    expect(originPattern('http://127.0.0.1:5984')).toBe('http://127.0.0.1/*');
    expect(originPattern('http://[::1]:5984')).toBe('http://[::1]/*');
    expect(originPattern('https://couch.example.org')).toBe('https://couch.example.org/*');
  });
});

describe('syncProblemOf', () => {
  it('names the status', () => {
    expect(syncProblemOf({ status: 401 })).toEqual({ code: 'sync-unauthorized' });
    expect(syncProblemOf({ status: 403 })).toEqual({ code: 'sync-forbidden' });
    expect(syncProblemOf({ status: 413 })).toEqual({ code: 'sync-too-large' });
    expect(syncProblemOf({ status: 503 })).toEqual({ code: 'sync-unreachable' });
    expect(syncProblemOf(new TypeError('Failed to fetch'))).toEqual({ code: 'sync-unreachable' });
    expect(syncProblemOf({ status: 500, message: 'boom' })).toEqual({ code: 'sync-failed', detail: '500 boom' });
  });
});
