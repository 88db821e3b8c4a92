import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Audit, Screenshot, Step } from '../domain/model.ts';
import type { JourneyTemplate } from '../domain/templates.ts';
import { getAudit, listAudits, listScreenshots, listSteps, resolveTemplate } from '../store/index.ts';
import { useBackend } from './context.ts';

export interface AuditData {
  audit: Audit;
  steps: Step[];
  shotsByStep: Map<string, Screenshot[]>;
}

function groupShots(shots: Screenshot[]): Map<string, Screenshot[]> {
  const byStep = new Map<string, Screenshot[]>();
  for (const shot of shots) {
    const list = byStep.get(shot.stepId);
    if (list) list.push(shot);
    else byStep.set(shot.stepId, [shot]);
  }
  return byStep;
}

/** The audit as stored, re-read whenever the worker reports a change to it. */
export function useAuditData(auditId: string): { data: AuditData | null | undefined; reload: () => Promise<void> } {
  const backend = useBackend();
  const [data, setData] = useState<AuditData | null | undefined>(undefined);
  // Reads overlap (a worker event and a save); only the newest one started may land, so an older
  // read never shows a value from before the auditor's last edit.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    const db = await backend.db();
    const [audit, steps, shots] = await Promise.all([getAudit(db, auditId), listSteps(db, auditId), listScreenshots(db, auditId)]);
    if (ticket !== latest.current) return;
    setData(audit ? { audit, steps, shotsByStep: groupShots(shots) } : null);
  }, [auditId]);
  useEffect(() => {
    void reload();
    return backend.onAuditChanged((event) => {
      if (event.auditId === auditId) void reload();
    });
  }, [auditId]);
  return { data, reload };
}

/** The journey template an audit uses, built-in or the auditor's own, at the audit's version. */
export function useTemplate(id: string, version: number): JourneyTemplate | null {
  const backend = useBackend();
  const [template, setTemplate] = useState<JourneyTemplate | null>(null);
  useEffect(() => {
    let live = true;
    void backend.db().then((db) => resolveTemplate(db, id, version)).then((found) => live && setTemplate(found));
    return () => {
      live = false;
    };
  }, [id, version]);
  return template;
}

export function useAuditList(): { audits: Audit[] | null; reload: () => Promise<void> } {
  const backend = useBackend();
  const [audits, setAudits] = useState<Audit[] | null>(null);
  const reload = useCallback(async () => {
    setAudits(await listAudits(await backend.db()));
  }, []);
  useEffect(() => {
    void reload();
    return backend.onAuditChanged(() => void reload());
  }, []);
  return { audits, reload };
}
