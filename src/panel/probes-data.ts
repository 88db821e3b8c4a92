// What the panel reads of channel probes: an audit's probes (again on every change the worker
// announces, such as an alarm passing an expectation) and the expectation settings.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Expectations, Probe } from '../domain/probes.ts';
import { getExpectations, listProbes } from '../store/index.ts';
import { useBackend } from './context.ts';

export function useProbes(auditId: string): { probes: Probe[]; reload: () => Promise<void> } {
  const backend = useBackend();
  const [probes, setProbes] = useState<Probe[]>([]);
  const reload = useCallback(async () => {
    setProbes(await listProbes(await backend.db(), auditId));
  }, [backend, auditId]);
  useEffect(() => {
    void reload().catch(() => undefined);
    return backend.onAuditChanged((event) => {
      if (event.auditId === auditId && event.stepId === null) void reload().catch(() => undefined);
    });
  }, [backend, auditId, reload]);
  return { probes, reload };
}

export function useExpectations(): { expectations: Expectations | null; reload: () => Promise<void> } {
  const backend = useBackend();
  const [expectations, setExpectations] = useState<Expectations | null>(null);
  const reload = useCallback(async () => {
    setExpectations(await getExpectations(await backend.db()));
  }, [backend]);
  useEffect(() => {
    void reload().catch(() => undefined);
  }, [reload]);
  return { expectations, reload };
}

/** The time now, once a second while `live` (a probe is waiting): a tick of the UI only. */
export function useNow(live: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live]);
  return now;
}
