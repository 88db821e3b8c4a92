// What the panel needs from the outside world, behind one narrow interface: the store, requests to the
// service worker, and change events. The extension provides it over runtime messaging; UI tests run
// the same components as a plain page with a fake (as Preact DevTools does).
import browser from 'webextension-polyfill';
import { PeakendFailure } from '../domain/errors.ts';
import { isPanelEvent, type PanelEvent, type ToWorker, type WorkerApi, type WorkerResponse } from '../protocol.ts';
import { openPeakendDb, type PeakendDb } from '../store/index.ts';
import type { ProgrammePort } from './programme/port.ts';

export interface PanelBackend {
  db(): Promise<PeakendDb>;
  request<K extends ToWorker>(type: K, req: WorkerApi[K]['req']): Promise<WorkerApi[K]['res']>;
  onAuditChanged(listener: (event: PanelEvent) => void): () => void;
  /** The browser window this panel serves, or null for "the last focused one". */
  windowId(): number | null;
  openPage(path: string): void;
  /**
   * The optional "notifications" permission (a probe passing its expectation): whether it is held,
   * asking for it (from the auditor's click: browsers ask only during one) and giving it back.
   * Absent where a page has no permissions API (UI tests).
   */
  notifications?: {
    allowed(): Promise<boolean>;
    request(): Promise<boolean>;
    remove(): Promise<boolean>;
  };
  /** Sharing with a team's CouchDB (absent where there is no extension storage, as in UI tests). */
  programme?(): Promise<ProgrammePort>;
}

/** The extension's backend; `ready` settles once the window it serves is known. */
export function extensionBackend(): PanelBackend & { ready: Promise<void> } {
  // A panel opened as its own page (tests, a detached window) names the window it serves.
  const param = new URLSearchParams(location.search).get('window');
  let windowId: number | null = param ? Number(param) : null;
  const ready =
    windowId !== null
      ? Promise.resolve()
      : browser.windows.getCurrent().then(
          (w) => void (windowId = w.id ?? null),
          () => undefined,
        );
  // One port for the panel: its queue is what keeps the library's passes and the automatic ones apart.
  let programme: Promise<ProgrammePort> | null = null;
  return {
    ready,
    db: () => openPeakendDb(),
    async request(type, req) {
      // A rejected send (no worker listening, the port closed) and an empty answer alike mean the
      // worker did not answer; its own refusals arrive as codes.
      const response = (await browser.runtime.sendMessage({ type, ...req }).catch(() => undefined)) as
        WorkerResponse<typeof type> | undefined;
      if (!response) throw new PeakendFailure({ code: 'worker-unreachable' });
      if (!response.ok) throw new PeakendFailure(response.error);
      return response.value;
    },
    onAuditChanged(listener) {
      const handler = (message: unknown) => {
        if (isPanelEvent(message)) listener(message);
        return undefined;
      };
      browser.runtime.onMessage.addListener(handler);
      return () => browser.runtime.onMessage.removeListener(handler);
    },
    windowId: () => windowId,
    openPage(path) {
      void browser.tabs.create({ url: browser.runtime.getURL(path) });
    },
    notifications: {
      allowed: () => browser.permissions.contains({ permissions: ['notifications'] }),
      request: () => browser.permissions.request({ permissions: ['notifications'] }),
      remove: () => browser.permissions.remove({ permissions: ['notifications'] }),
    },
    // PouchDB loads only when the library (or the first automatic pass) asks for the programme,
    // keeping the panel quick to open.
    programme: () =>
      (programme ??= import('./programme/extension.ts').then(
        (m) => m.extensionProgramme(() => openPeakendDb()),
        (error: unknown) => {
          // A chunk that failed to load is tried again at the next ask.
          programme = null;
          throw error;
        },
      )),
  };
}
