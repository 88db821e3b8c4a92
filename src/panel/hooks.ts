import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Audit } from '../domain/model.ts';
import type { JourneyTemplate } from '../domain/templates.ts';
import { listAudits, resolveTemplate, type PeakendDb } from '../store/index.ts';
import { applyStepChange, readAudit, readAuditTail, readStepChange, type AuditData } from './audit-data.ts';
import { useBackend } from './context.ts';
import { useLatest } from './latest.ts';

type Update = (prev: AuditData | null | undefined) => AuditData | null | undefined;

export interface AuditDataOptions {
  /** Already read (the panel's boot reads the active audit before the first render). */
  initial?: AuditData | null;
  /** Read only this many newest steps first, the rest right after they are on screen. */
  newestFirst?: number;
}

/**
 * The audit as stored. A worker event naming a step re-reads that step only (each capture and each
 * signals batch sends one); any other event re-reads the whole audit.
 */
export function useAuditData(
  auditId: string,
  options: AuditDataOptions = {},
): { data: AuditData | null | undefined; reload: () => Promise<void>; reloadStep: (stepId: string) => Promise<void> } {
  const backend = useBackend();
  const [data, setData] = useState<AuditData | null | undefined>(options.initial);
  // Reads overlap (a worker event and a save). Each lands in the order it started, and a read
  // started later sees every write committed before it, so no read undoes a newer one.
  const landed = useRef<Promise<unknown>>(Promise.resolve());
  const queue = useCallback(
    (read: (db: PeakendDb) => Promise<Update>): Promise<void> => {
      const started = backend.db().then(read);
      const done = landed.current.then(() => started).then((update) => setData(update));
      landed.current = done.catch(() => undefined);
      return done;
    },
    [backend],
  );
  // What was read at boot serves the first read of an audit; a later change to it is no reason to read again.
  const opening = useLatest(options);
  const reload = useCallback(() => queue(async (db) => constant(await readAudit(db, auditId))), [auditId, queue]);
  const reloadStep = useCallback(
    (stepId: string) =>
      queue(async (db) => {
        const change = await readStepChange(db, auditId, stepId);
        return (prev) => applyStepChange(prev, change);
      }),
    [auditId, queue],
  );
  useEffect(() => {
    const off = backend.onAuditChanged((event) => {
      if (event.auditId !== auditId) return;
      void (event.stepId ? reloadStep(event.stepId) : reload()).catch(() => undefined);
    });
    const { initial, newestFirst: count } = opening.current;
    if (initial === undefined) {
      void (count ? queue(async (db) => constant(await readAuditTail(db, auditId, count))) : reload()).catch(
        () => undefined,
      );
    } else if (!initial || initial.before === 0) {
      // Read at boot, before this listener existed: a change made meanwhile would be missed. (A
      // partial read is followed by a whole one anyway.)
      void reload().catch(() => undefined);
    }
    return off;
  }, [auditId, backend, queue, reload, reloadStep, opening]);
  // The older steps of a long audit follow once the newest are on screen.
  const partial = !!data && data.before > 0;
  useEffect(() => {
    if (!partial) return;
    // Tried again after a second if the store was busy, so the list can always reach step 1.
    let retry: ReturnType<typeof setTimeout> | undefined;
    void reload().catch(() => {
      retry = setTimeout(() => void reload().catch(() => undefined), 1000);
    });
    return () => clearTimeout(retry);
  }, [partial, reload]);
  return { data, reload, reloadStep };
}

const constant =
  (value: AuditData | null): Update =>
  () =>
    value;

/** The journey template an audit uses, built-in or the auditor's own, at the audit's version. */
export function useTemplate(id: string, version: number): JourneyTemplate | null {
  const backend = useBackend();
  const [template, setTemplate] = useState<JourneyTemplate | null>(null);
  useEffect(() => {
    let live = true;
    void backend
      .db()
      .then((db) => resolveTemplate(db, id, version))
      .then((found) => live && setTemplate(found));
    return () => {
      live = false;
    };
  }, [backend, id, version]);
  return template;
}

export function useAuditList(): { audits: Audit[] | null; reload: () => Promise<void> } {
  const backend = useBackend();
  const [audits, setAudits] = useState<Audit[] | null>(null);
  // Reloads overlap (a worker event, an import, a sync pass): only the newest one's list is shown, so a
  // slower, older read cannot put back a list without the audit that just arrived.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    const list = await listAudits(await backend.db());
    if (ticket === latest.current) setAudits(list);
  }, [backend]);
  useEffect(() => {
    void reload();
    return backend.onAuditChanged(() => void reload());
  }, [backend, reload]);
  return { audits, reload };
}
