// What the panel reads of channel probes: an audit's probes (again on every change the worker
// announces, such as an alarm passing an expectation) and the expectation settings.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Expectations, Probe } from '../domain/probes.ts';
import type { ProbeEvidence } from '../domain/rubric-suggest.ts';
import { getExpectations, listProbes } from '../store/index.ts';
import { useBackend } from './context.ts';

const NONE: Probe[] = [];

/**
 * The audit's probes, for the steps list and for the rubric's and the scenario's suggestions (I1, I6,
 * F7: src/domain/probe-suggest.ts). `evidence` is undefined until the first read lands (or when none
 * can: the rubric then still shows every signal-based suggestion); its `nowMs` is when the probes
 * were read, the time open probes are judged at.
 */
export function useProbes(auditId: string): {
  probes: Probe[];
  evidence: ProbeEvidence | undefined;
  reload: () => Promise<void>;
} {
  const backend = useBackend();
  const [read, setRead] = useState<{ probes: Probe[]; nowMs: number } | undefined>(undefined);
  // Reads overlap (a worker event and the auditor's own change): only the last one started lands,
  // since it sees every write committed before it; none lands for another audit or once unmounted.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    const probes = await listProbes(await backend.db(), auditId);
    if (ticket === latest.current) setRead({ probes, nowMs: Date.now() });
  }, [backend, auditId]);
  useEffect(() => {
    void reload().catch(() => undefined);
    const off = backend.onAuditChanged((event) => {
      if (event.auditId === auditId && event.stepId === null) void reload().catch(() => undefined);
    });
    return () => {
      off();
      latest.current += 1;
    };
  }, [backend, auditId, reload]);
  return { probes: read?.probes ?? NONE, evidence: read, reload };
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
