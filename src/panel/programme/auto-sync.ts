// Sharing without a click while the panel is open: a pass after an audit is ended (when "share
// finished audits" is on), every few minutes, and when the panel is shown again; the last two only
// when no pass (automatic or not) ran shortly before. Only once the auditor connected a programme;
// what a pass shares is what the settings say, as for Sync now.
// Passes never overlap: the port runs replica work one call at a time, and a trigger that comes
// while an automatic pass runs waits for it and runs once after (several such triggers, once).
// Quiet: no status line; the outcome goes to whoever listens (the Programme section shows a failure
// as it shows a failed Sync now, and reloads the library when audits came in).
import type { PassReport } from '../../sync/engine.ts';
import type { ProgrammePort } from './port.ts';

/** How often a pass runs while the panel is open. */
export const AUTO_SYNC_EVERY_MS = 5 * 60_000;
/** A tick runs a pass only when the last one is at least half a period old; showing the panel, this. */
export const AUTO_SYNC_SHOWN_GAP_MS = 60_000;

export type AutoSyncReason = 'ended' | 'periodic' | 'shown';

export type AutoSyncOutcome =
  { reason: AutoSyncReason; ok: true; report: PassReport } | { reason: AutoSyncReason; ok: false; error: unknown };

export interface AutoSync {
  /** Starts the timer and the visibility listener; stop() undoes both. */
  start(): void;
  stop(): void;
  /** An audit was ended: share it now, when the settings share finished audits. */
  ended(): void;
  subscribe(listener: (outcome: AutoSyncOutcome) => void): () => void;
}

export interface AutoSyncOptions {
  port: () => Promise<ProgrammePort | undefined>;
  everyMs?: number;
  shownGapMs?: number;
  /** The panel's document (its visibility), absent where there is none. */
  doc?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  now?: () => number;
}

export function createAutoSync(opts: AutoSyncOptions): AutoSync {
  const everyMs = opts.everyMs ?? AUTO_SYNC_EVERY_MS;
  const shownGapMs = opts.shownGapMs ?? AUTO_SYNC_SHOWN_GAP_MS;
  const now = opts.now ?? (() => Date.now());
  const listeners = new Set<(outcome: AutoSyncOutcome) => void>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let running = false;
  let again: AutoSyncReason | null = null;

  const tell = (outcome: AutoSyncOutcome) => {
    for (const listener of listeners) listener(outcome);
  };

  const run = async (reason: AutoSyncReason): Promise<void> => {
    if (running) {
      // An end outranks a tick: it must not be dropped for want of share-finished checks.
      if (again !== 'ended') again = reason;
      return;
    }
    running = true;
    try {
      const port = await opts.port();
      if (!port) return;
      const settings = await port.load();
      if (!settings.connection) return;
      if (reason === 'ended' && !settings.shareFinished) return;
      const last = port.lastPass();
      const gap = reason === 'periodic' ? everyMs / 2 : reason === 'shown' ? shownGapMs : 0;
      if (last !== null && now() - last < gap) return;
      const report = await port.pass(settings);
      tell({ reason, ok: true, report });
    } catch (error) {
      tell({ reason, ok: false, error });
    } finally {
      running = false;
      const next = again;
      again = null;
      if (next && timer !== null) void run(next);
    }
  };

  const onVisibility = () => {
    if (opts.doc?.visibilityState === 'visible') void run('shown');
  };

  return {
    start() {
      if (timer !== null) return;
      timer = setInterval(() => {
        if (opts.doc?.visibilityState !== 'hidden') void run('periodic');
      }, everyMs);
      opts.doc?.addEventListener('visibilitychange', onVisibility);
    },
    stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      again = null;
      opts.doc?.removeEventListener('visibilitychange', onVisibility);
    },
    ended() {
      if (timer !== null) void run('ended');
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
