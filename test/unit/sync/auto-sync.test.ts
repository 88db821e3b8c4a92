// When the panel shares on its own: every few minutes while shown, when shown again (not more often
// than the gap), at once after an audit is ended when finished audits are shared, only once
// connected, never two passes at once, and the outcome (report or error) told to listeners.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PeakendFailure } from '../../../src/domain/errors.ts';
import {
  createAutoSync,
  type AutoSync,
  type AutoSyncOutcome,
  type AutoSyncOptions,
} from '../../../src/panel/programme/auto-sync.ts';
import { programmePort, type ProgrammePort } from '../../../src/panel/programme/port.ts';
import type { ProgrammeSettings } from '../../../src/panel/programme/settings.ts';
import type { PassReport } from '../../../src/sync/engine.ts';

const EVERY = 5 * 60_000;
const GAP = 60_000;
const REPORT: PassReport = {
  written: 0,
  rebuilt: 0,
  pushed: 0,
  pulled: 0,
  ingest: { imported: [], refused: [], conflicts: [], incomplete: [], copies: [] },
};

let settings: ProgrammeSettings;
let passes: number;
let running: number;
let lastEnded: number | null;
let mostRunning: number;
let hold: (() => void)[];
let holding: boolean;
let fail: unknown;
let outcomes: AutoSyncOutcome[];
let auto: AutoSync;

/** A page whose visibility the test sets, as the browser would when the panel is hidden or shown. */
function fakeDoc() {
  const target = new EventTarget();
  const doc = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    show(state: DocumentVisibilityState) {
      doc.visibilityState = state;
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
  return doc;
}
let doc: ReturnType<typeof fakeDoc>;

const port: ProgrammePort = {
  load: async () => settings,
  save: async () => undefined,
  requestHost: async () => true,
  consented: async () => true,
  async pass() {
    passes += 1;
    running += 1;
    mostRunning = Math.max(mostRunning, running);
    try {
      if (holding) await new Promise<void>((resolve) => hold.push(resolve));
      if (fail) throw fail;
      return REPORT;
    } finally {
      running -= 1;
      lastEnded = Date.now();
    }
  },
  lastPass: () => (running > 0 ? Date.now() : lastEnded),
  status: async () => ({ refused: [], conflicts: [] }),
  keep: async () => ({ copy: null }),
};

function start(opts: Partial<AutoSyncOptions> = {}): AutoSync {
  auto = createAutoSync({ port: async () => port, everyMs: EVERY, shownGapMs: GAP, doc, now: Date.now, ...opts });
  auto.subscribe((o) => outcomes.push(o));
  auto.start();
  return auto;
}

/** Lets the promises of a pass (settings read, pass, outcome) settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  settings = {
    connection: { server: 'http://127.0.0.1:5984', database: 'team', user: 'anna', password: 'x' },
    shared: [],
    shareFinished: true,
    origin: 'o',
  };
  passes = 0;
  running = 0;
  lastEnded = null;
  mostRunning = 0;
  hold = [];
  holding = false;
  fail = null;
  outcomes = [];
  doc = fakeDoc();
});
afterEach(() => {
  auto.stop();
  vi.useRealTimers();
});

describe('automatic passes', () => {
  it('run every five minutes while the panel is open, and stop with it', async () => {
    start();
    await vi.advanceTimersByTimeAsync(EVERY - 1);
    expect(passes).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(passes).toBe(1);
    await vi.advanceTimersByTimeAsync(EVERY);
    expect(passes).toBe(2);
    expect(outcomes).toEqual([
      { reason: 'periodic', ok: true, report: REPORT },
      { reason: 'periodic', ok: true, report: REPORT },
    ]);
    auto.stop();
    await vi.advanceTimersByTimeAsync(3 * EVERY);
    expect(passes).toBe(2);
  });

  it('skip a tick when a pass ran in the last half period (a Sync now, say)', async () => {
    start();
    await vi.advanceTimersByTimeAsync(EVERY - EVERY / 4);
    await port.pass(settings);
    await vi.advanceTimersByTimeAsync(EVERY / 4);
    expect(passes).toBe(1);
    expect(outcomes).toEqual([]);
    await vi.advanceTimersByTimeAsync(EVERY);
    expect(passes).toBe(2);
    expect(outcomes.map((o) => o.reason)).toEqual(['periodic']);
  });

  it('run nothing before a programme is connected', async () => {
    settings = { ...settings, connection: null };
    start();
    await vi.advanceTimersByTimeAsync(2 * EVERY);
    auto.ended();
    doc.show('hidden');
    await vi.advanceTimersByTimeAsync(GAP);
    doc.show('visible');
    await settle();
    expect(passes).toBe(0);
    expect(outcomes).toEqual([]);
  });

  it('share an ended audit at once when finished audits are shared, and not otherwise', async () => {
    start();
    auto.ended();
    await settle();
    expect(outcomes).toEqual([{ reason: 'ended', ok: true, report: REPORT }]);

    settings = { ...settings, shareFinished: false };
    auto.ended();
    await settle();
    expect(passes).toBe(1);
  });

  it('run when the panel is shown again, at most once a minute, and not while it is hidden', async () => {
    start();
    doc.show('hidden');
    await vi.advanceTimersByTimeAsync(EVERY);
    expect(passes).toBe(0);
    doc.show('visible');
    await settle();
    expect(passes).toBe(1);
    expect(outcomes[0]?.reason).toBe('shown');
    doc.show('hidden');
    await vi.advanceTimersByTimeAsync(GAP / 2);
    doc.show('visible');
    await settle();
    expect(passes).toBe(1);
    doc.show('hidden');
    await vi.advanceTimersByTimeAsync(GAP);
    doc.show('visible');
    await settle();
    expect(passes).toBe(2);
  });

  it('never run two passes at once: triggers during a pass make one more pass after it', async () => {
    holding = true;
    start();
    auto.ended();
    await settle();
    expect(passes).toBe(1);
    // A tick, a showing and another end while the first pass still runs.
    await vi.advanceTimersByTimeAsync(EVERY);
    doc.show('hidden');
    await vi.advanceTimersByTimeAsync(GAP);
    doc.show('visible');
    auto.ended();
    await settle();
    expect(passes).toBe(1);
    holding = false;
    hold.shift()?.();
    await settle();
    expect(passes).toBe(2);
    expect(mostRunning).toBe(1);
    expect(outcomes.map((o) => o.reason)).toEqual(['ended', 'ended']);
  });

  it('know when the port last passed, a pass that failed included', async () => {
    auto = createAutoSync({ port: async () => undefined });
    const real = programmePort({
      area: { get: async () => ({}), set: async () => undefined },
      requestHost: async () => true,
      pouch: () => {
        throw new Error('no replica without a connection');
      },
      sha256: async () => '',
      db: async () => {
        throw new Error('no database without a connection');
      },
      version: null,
    });
    expect(real.lastPass()).toBeNull();
    const ended = Date.now();
    await expect(real.pass({ ...settings, connection: null })).rejects.toMatchObject({
      error: { code: 'sync-not-connected' },
    });
    expect(real.lastPass()).toBe(ended);
    await vi.advanceTimersByTimeAsync(1000);
    expect(real.lastPass()).toBe(ended);
  });

  it('tell listeners of a failure, with its error', async () => {
    fail = new PeakendFailure({ code: 'sync-unauthorized' });
    start();
    auto.ended();
    await settle();
    expect(outcomes).toEqual([{ reason: 'ended', ok: false, error: fail }]);
  });
});
