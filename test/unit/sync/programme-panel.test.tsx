// @vitest-environment jsdom
// The library's Programme section over the real sync (Node's PouchDB) and the test server: an http
// address elsewhere than this machine is refused with a message and no permission is asked; connecting
// asks for the server's permission, keeps the credentials in extension storage (a fake area here) and
// nothing is sent until "Share this audit"; a 401 says so in words; Disconnect removes the password.
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../src/panel/views/Library.tsx';
import { programmePort, type ProgrammePort } from '../../../src/panel/programme/port.ts';
import type { SettingsArea } from '../../../src/panel/programme/settings.ts';
import { getStep, listAudits, openPeakendDb, patchStep, resetDbCache } from '../../../src/store/index.ts';
import { runPass } from '../../../src/sync/engine.ts';
import type { Replica } from '../../../src/sync/pouch-port.ts';
import { startCouchServer, type CouchServer } from '../../support/couch-server.ts';
import { NodePouch } from '../../support/pouch-node.ts';
import { byRole, click, freshPanelTest, mount, type, unmountAll, waitFor } from '../panel/harness.tsx';
import type { FakeBackend } from '../panel/fake-backend.ts';
import { HOSTILE, sha256 } from '../import/helpers.ts';
import { IDBFactory } from 'fake-indexeddb';
import { connection, profile, seedFixture } from './helpers.ts';

let server: CouchServer;
let backend: FakeBackend;
let stored: Record<string, unknown>;
let asked: string[];
let granted: boolean;
/** Firefox's data collection for sharing, as permissions.contains would answer (absent in Chrome). */
let consent: boolean;
let run = 0;
let port: ProgrammePort;
// Handles open at once on the local replica: PouchDB's IndexedDB adapter shares one connection between
// them, and the first to close it breaks the others' work.
let openReplicas = 0;
let mostOpen = 0;

// Screenshots are stored as Node's Blobs, as the store tests do: jsdom's Blob does not survive
// fake-indexeddb's structured clone with its bytes.
const JsdomBlob = globalThis.Blob;
afterEach(() => {
  globalThis.Blob = JsdomBlob;
});

beforeEach(async () => {
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
  server = await startCouchServer();
  backend = freshPanelTest();
  stored = {};
  asked = [];
  granted = true;
  consent = true;
  run += 1;
  const thisRun = run;
  openReplicas = 0;
  mostOpen = 0;
  const area: SettingsArea = {
    get: async (key) => (key in stored ? { [key]: structuredClone(stored[key]) } : {}),
    set: async (items) => void Object.assign(stored, structuredClone(items)),
  };
  port = programmePort({
    area,
    requestHost: async (origin) => {
      asked.push(origin);
      // Firefox asks for the host and the data in one request: an Allow grants both.
      if (granted) consent = true;
      return granted;
    },
    consented: async () => consent,
    pouch: (nameOrUrl, opts) =>
      /^https?:/.test(nameOrUrl)
        ? new NodePouch<Replica>(nameOrUrl, opts ?? {})
        : tracked(new NodePouch<Replica>(`ui${thisRun}-${nameOrUrl}`, { adapter: 'memory' }), thisRun),
    sha256,
    db: () => openPeakendDb(),
    version: '0.1.0',
  });
  backend.programme = async () => port;
});
afterEach(async () => {
  await unmountAll();
  // The port runs one thing at a time: a call queued now settles once the passes a test started are
  // over, so the server is not closed under a pass (its reset connection surfaced as an unhandled
  // ECONNRESET in a later test). Not connected, it then refuses, as it should.
  await port.status({ connection: null, shared: [], shareFinished: false, origin: 'test' }).catch(() => undefined);
  await server.close();
});

/**
 * Counts the handles of this test's port only: a pass of the previous test's port may still open or
 * close its replica after the counters were reset: such a close took the count below zero, and this
 * file's Share test, run after the others, read no handle at all ("expected 0 to be 1").
 */
function tracked(replica: Replica, owner: number): Replica {
  if (owner !== run) return replica;
  openReplicas += 1;
  mostOpen = Math.max(mostOpen, openReplicas);
  const close = replica.close.bind(replica);
  replica.close = async () => {
    if (owner === run) openReplicas -= 1;
    return close();
  };
  return replica;
}

async function library(): Promise<HTMLElement> {
  const { container } = mount(backend, <Library onOpen={() => undefined} onNew={() => undefined} />);
  await waitFor(() => {
    if (container.querySelector('#programme-title')?.textContent !== 'Programme') throw new Error('no section');
  }, 10_000);
  return container;
}

async function fill(c: HTMLElement, serverUrl: string, password = 'secret', user = 'anna'): Promise<void> {
  type(byRole<HTMLInputElement>(c, 'textbox', 'Server address'), serverUrl);
  type(byRole<HTMLInputElement>(c, 'textbox', 'Database'), 'team');
  type(byRole<HTMLInputElement>(c, 'textbox', 'User name'), user);
  type(c.querySelector<HTMLInputElement>('input[name="password"]')!, password);
  click(byRole(c, 'button', 'Connect'));
}

describe('the Programme section', () => {
  it('refuses plain http to another machine, naming why, and asks no permission', async () => {
    const c = await library();
    await fill(c, 'http://couch.example.org');
    const alert = await waitFor(() => byRole(c, 'alert'));
    expect(alert.textContent).toContain('https://');
    expect(asked).toEqual([]);
    expect(stored.programme).toMatchObject({ connection: null });
  });

  it("says so when the person denies the browser's prompt for the server, and keeps nothing", async () => {
    granted = false;
    const c = await library();
    await fill(c, server.url);
    const alert = await waitFor(() => byRole(c, 'alert'));
    expect(alert.textContent).toBe(`Peakend was not allowed to reach ${server.url}, so nothing was shared.`);
    expect(asked).toEqual([server.url]);
    expect(stored.programme).toMatchObject({ connection: null });
    expect(server.requests).toEqual([]);
    byRole(c, 'button', 'Connect');
  });

  it('connects, sends nothing until an audit is shared, then shares it; disconnect forgets the password', async () => {
    const fx = await seedFixture(await openPeakendDb());
    const c = await library();
    await fill(c, server.url);
    await waitFor(() => {
      if (!c.textContent?.includes('Connected to')) throw new Error('not connected');
    });
    expect(asked).toEqual([server.url]);
    expect(stored.programme).toMatchObject({ connection: { server: server.url, database: 'team', user: 'anna' } });
    await waitFor(() => {
      if (!c.textContent?.includes('Up to date')) throw new Error('no pass yet');
    }, 10_000);
    expect((await server.db('team').allDocs({})).rows).toEqual([]);

    click(byRole(c, 'button', 'Share this audit'));
    await waitFor(async () => {
      if ((await server.db('team').allDocs({})).rows.length !== 4) throw new Error('not shared yet');
    }, 10_000).catch((e) => {
      throw new Error(`${String(e)}: ${c.textContent ?? ''}`);
    });
    expect((await server.db('team').get(`audit:${fx.audit.id}`)).auditId).toBe(fx.audit.id);

    click(byRole(c, 'button', 'Disconnect'));
    await waitFor(() => byRole(c, 'button', 'Connect'));
    expect(JSON.stringify(stored)).not.toContain('secret');
  }, 20_000);

  it('a Share clicked while the connecting pass runs waits for it: one pass on the replica at a time', async () => {
    const fx = await seedFixture(await openPeakendDb());
    const c = await library();
    await fill(c, server.url);
    await waitFor(() => byRole(c, 'button', 'Share this audit'));
    click(byRole(c, 'button', 'Share this audit'));
    await waitFor(async () => {
      if ((await server.db('team').allDocs({})).rows.length !== 4) throw new Error('not shared yet');
    }, 8000).catch((e) => {
      throw new Error(`${String(e)}: ${c.textContent ?? ''}`);
    });
    expect((await server.db('team').get(`audit:${fx.audit.id}`)).auditId).toBe(fx.audit.id);
    expect(c.querySelector('[role="alert"]')).toBeNull();
    // The share's pass goes on to pull: the test ends once it is over, not under the server's close.
    await waitFor(() => {
      if (!c.textContent?.includes('is shared with the programme')) throw new Error('the share pass still runs');
    }, 8000);
    expect(mostOpen).toBe(1);
  }, 20_000);

  it("a Share's pass that also brings another machine's audit shows it in the library", async () => {
    // Anna's machine first (a profile takes the IndexedDB of its own), then the panel's.
    const anna = await profile('anna');
    const theirs = await seedFixture(anna.db, { id: 'aud_00000000-0000-4000-8000-0000000000a7' });
    globalThis.indexedDB = new IDBFactory();
    resetDbCache();
    const mine = await openPeakendDb();
    const own = await seedFixture(mine);
    const c = await library();
    await fill(c, server.url);
    await waitFor(() => {
      if (!c.textContent?.includes('Up to date')) throw new Error('no pass yet');
    }, 10_000);
    // Anna shares hers after the connecting pass: only the Share's pass can bring it.
    await runPass(anna.deps, connection(server.url), { bundles: [await anna.bundle(theirs.audit.id)], by: 'anna' });
    expect(c.querySelector(`[data-audit-id="${theirs.audit.id}"]`)).toBeNull();

    click(byRole(c, 'button', 'Share this audit'));
    await waitFor(() => {
      if (!c.querySelector(`[data-audit-id="${theirs.audit.id}"]`)) throw new Error('not listed');
    }, 10_000).catch((e) => {
      throw new Error(`${String(e)}: ${c.textContent ?? ''}`);
    });
    expect((await listAudits(mine)).map((a) => a.id).sort()).toEqual([own.audit.id, theirs.audit.id].sort());
  }, 20_000);

  it('sends nothing once the consent is withdrawn, says so, and Connect asks again', async () => {
    const fx = await seedFixture(await openPeakendDb());
    const c = await library();
    await fill(c, server.url);
    await waitFor(() => {
      if (!c.textContent?.includes('Up to date')) throw new Error('no pass yet');
    }, 10_000);
    expect(asked).toEqual([server.url]);

    // Withdrawn (about:addons) after Connect: the audit shared now must not leave.
    consent = false;
    const requestsBefore = server.requests.length;
    const withdrawn =
      'Firefox no longer allows Peakend to share audits (withdrawn in Add-ons and themes → Peakend → ' +
      'Permissions), so nothing was sent. Press Connect to allow it again.';
    click(byRole(c, 'button', 'Share this audit'));
    // The row's share says so in the library's banner, and the Programme section offers Connect.
    const banner = await waitFor(() => byRole(c, 'alert'), 10_000);
    expect(banner.textContent).toContain(withdrawn);
    await waitFor(() => byRole(c, 'button', 'Connect'), 10_000);
    expect(server.requests.slice(requestsBefore)).toEqual([]);
    expect((await server.db('team').allDocs({})).rows).toEqual([]);
    // Sync now stays refused while it is withdrawn, in the section's own words.
    click(byRole(c, 'button', 'Sync now'));
    const alert = await waitFor(() => {
      const el = c.querySelector('.programme [role="alert"]');
      if (!el) throw new Error('no alert in the section');
      return el;
    }, 10_000);
    expect(alert.textContent).toBe(withdrawn);
    expect(server.requests.slice(requestsBefore)).toEqual([]);

    // Connect asks again for the same server; allowed, the shared audit goes.
    click(byRole(c, 'button', 'Connect'));
    await waitFor(async () => {
      if ((await server.db('team').allDocs({})).rows.length !== 4) throw new Error('not shared yet');
    }, 10_000).catch((e) => {
      throw new Error(`${String(e)}: ${c.textContent ?? ''}`);
    });
    expect(asked).toEqual([server.url, server.url]);
    expect((await server.db('team').get(`audit:${fx.audit.id}`)).auditId).toBe(fx.audit.id);
    expect(c.querySelector('.programme [role="alert"]')).toBeNull();
    expect(() => byRole(c, 'button', 'Connect')).toThrow(/Connect/);
  }, 20_000);

  it('asking again and refused: says so and still sends nothing', async () => {
    await seedFixture(await openPeakendDb());
    const c = await library();
    await fill(c, server.url);
    await waitFor(() => {
      if (!c.textContent?.includes('Up to date')) throw new Error('no pass yet');
    }, 10_000);
    consent = false;
    granted = false;
    click(byRole(c, 'button', 'Sync now'));
    await waitFor(() => byRole(c, 'button', 'Connect'), 10_000);
    const requestsBefore = server.requests.length;
    click(byRole(c, 'button', 'Connect'));
    await waitFor(() => {
      if (!byRole(c, 'alert').textContent?.startsWith('Peakend was not allowed')) throw new Error('no refusal yet');
    }, 10_000);
    expect(byRole(c, 'alert').textContent).toBe(
      `Peakend was not allowed to reach ${server.url}, so nothing was shared.`,
    );
    expect(server.requests.slice(requestsBefore)).toEqual([]);
    byRole(c, 'button', 'Connect');
  }, 20_000);

  it('says in words that the server refused the password', async () => {
    server.fail({ status: 401 });
    const c = await library();
    await fill(c, server.url, 'wrong');
    const alert = await waitFor(() => byRole(c, 'alert'), 10_000);
    expect(alert.textContent).toBe('The server did not accept the user name or password.');
  });

  it('lists an audit edited on two computers and keeps the version a person chooses', async () => {
    // Anna's machine, outside the panel: shares the audit, then edits it while Boris does too.
    const anna = await profile('anna');
    const fx = await seedFixture(anna.db);
    const id = fx.audit.id;
    const conn = connection(server.url);
    await runPass(anna.deps, conn, { bundles: [await anna.bundle(id)], by: 'anna' });
    // Boris's machine is the panel, on a database of its own.
    globalThis.indexedDB = new IDBFactory();
    resetDbCache();
    const c = await library();
    await fill(c, server.url, 'secret', 'boris');
    const boris = await openPeakendDb();
    await waitFor(async () => {
      if (!(await getStep(boris, 'stp_a'))) throw new Error('not taken in yet');
    }, 10_000);

    await patchStep(anna.db, 'stp_a', { note: 'Anna: the banner hides the search' }, '2026-11-24T09:00:00.000Z');
    await runPass(anna.deps, conn, { bundleOf: (auditId) => anna.bundle(auditId), by: 'anna' });
    await patchStep(boris, 'stp_a', { note: 'Boris: search works fine' }, '2026-11-24T09:05:00.000Z');
    const syncNow = byRole<HTMLButtonElement>(c, 'button', 'Sync now');
    await waitFor(() => {
      if (syncNow.disabled) throw new Error('the first pass still runs');
    }, 10_000);
    click(syncNow);
    const keepAnna = await waitFor(() => byRole(c, 'button', /^Keep the version anna shared on/), 10_000).catch(
      (e: unknown) => {
        throw new Error(`${String(e)}: ${c.textContent ?? ''}`);
      },
    );
    expect(byRole(c, 'button', /^Keep the version boris shared on/)).toBeTruthy();
    // What each version holds, beside its button: the person sees what choosing removes.
    const versions = [...c.querySelectorAll('.programme__version')].map((v) => v.textContent);
    expect(versions.sort()).toEqual([
      expect.stringMatching(/^Step 1, note: Anna: the banner hides the searchKeep the version anna shared on /),
      expect.stringMatching(/^Step 1, note: Boris: search works fineKeep the version boris shared on /),
    ]);
    // The audit is named by its site, as text: the hostile fixture site adds no element.
    const item = c.querySelector('.programme__conflicts > li')!;
    expect(item.textContent).toContain(HOSTILE);
    expect(item.querySelector('img, script')).toBeNull();
    // Nothing was written over while nobody chose.
    expect((await getStep(boris, 'stp_a'))?.note).toBe('Boris: search works fine');

    click(keepAnna);
    await waitFor(async () => {
      if ((await getStep(boris, 'stp_a'))?.note !== 'Anna: the banner hides the search') throw new Error('not kept');
    }, 10_000);
    // Boris made no edit after his share: the choice keeps no copy.
    expect((await listAudits(boris)).length).toBe(1);
    await waitFor(() => {
      if (c.textContent?.includes('Edited on two computers')) throw new Error('still listed');
    }, 10_000);
    expect((await server.db('team').get(`step:${id}:stp_a`, { conflicts: true }))._conflicts).toBeUndefined();
  }, 40_000);
});
