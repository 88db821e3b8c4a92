// The audit's channel probes for the rubric's suggestions (I1, I6, F7: src/domain/probe-suggest.ts),
// read again whenever the audit is (`version` changes), and judged at the time they were read.
import { useEffect, useState } from 'preact/hooks';
import type { ProbeEvidence } from '../domain/rubric-suggest.ts';
import { listProbes } from '../store/index.ts';
import { useBackend } from './context.ts';

/** The probes with the time they were read; undefined until read (or when they cannot be). */
export function useRubricProbes(auditId: string, version: unknown): ProbeEvidence | undefined {
  const backend = useBackend();
  const [evidence, setEvidence] = useState<ProbeEvidence | undefined>(undefined);
  useEffect(() => {
    let live = true;
    backend
      .db()
      .then((db) => listProbes(db, auditId))
      .then((probes) => {
        if (live) setEvidence({ probes, nowMs: Date.now() });
      })
      // Without its probes the rubric still shows every signal-based suggestion.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [backend, auditId, version]);
  return evidence;
}
