// A PanelBackend for panel tests: the real store over fake-indexeddb (the unit setup gives each test
// a fresh IDBFactory; call resetDbCache() in beforeEach), requests recorded and answered from a
// table, audit-changed events from a plain emitter, and opened pages recorded.
import type { PanelBackend } from '../../../src/panel/backend.ts';
import { ToPanel, type PanelEvent, type ToWorker, type WorkerApi } from '../../../src/protocol.ts';
import { openPeakendDb } from '../../../src/store/index.ts';

export interface RecordedRequest {
  type: ToWorker;
  req: unknown;
}

/** A canned answer: a value, an Error to reject with, or a function of the request. */
export type Canned = unknown;

export interface FakeBackend extends PanelBackend {
  readonly requests: RecordedRequest[];
  readonly opened: string[];
  /** How many times a component asked for the database (each store write does). */
  dbCalls: number;
  /** Answers by request type; a missing type answers `{ auditId }` of the request, or undefined. */
  responses: Partial<Record<ToWorker, Canned>>;
  emit(event: PanelEvent): void;
  /** Shorthand: emit AuditChanged for an audit. */
  changed(auditId: string, stepId?: string | null): void;
  listenerCount(): number;
}

export function fakeBackend(
  options: { windowId?: number | null; responses?: Partial<Record<ToWorker, Canned>> } = {},
): FakeBackend {
  const listeners = new Set<(event: PanelEvent) => void>();
  const requests: RecordedRequest[] = [];
  const opened: string[] = [];
  const backend: FakeBackend = {
    requests,
    opened,
    responses: { ...options.responses },
    dbCalls: 0,
    db: () => {
      backend.dbCalls += 1;
      return openPeakendDb();
    },
    async request<K extends ToWorker>(type: K, req: WorkerApi[K]['req']): Promise<WorkerApi[K]['res']> {
      requests.push({ type, req });
      await Promise.resolve();
      let answer: unknown = backend.responses[type];
      if (typeof answer === 'function') answer = (answer as (r: unknown) => unknown)(req);
      if (answer instanceof Error) throw answer;
      if (answer === undefined && req && typeof req === 'object' && 'auditId' in req) answer = { auditId: req.auditId };
      return answer as WorkerApi[K]['res'];
    },
    onAuditChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    windowId: () => options.windowId ?? 1,
    openPage(path) {
      opened.push(path);
    },
    emit(event) {
      // A snapshot: a listener may subscribe or unsubscribe another while it runs.
      for (const listener of Array.from(listeners)) listener(event);
    },
    changed(auditId, stepId = null) {
      backend.emit({ type: ToPanel.AuditChanged, auditId, stepId });
    },
    listenerCount: () => listeners.size,
  };
  return backend;
}
