// Channel probes (src/domain/probes.ts) in their own store (migration 4), one record per probe, so
// the panel marking a reply and the worker's alarm never rewrite each other's data.
import type { AuditId } from '../domain/model.ts';
import { PeakendFailure } from '../domain/errors.ts';
import { DEFAULT_EXPECTATIONS, type Expectations, type Probe, type ProbeId } from '../domain/probes.ts';
import { CHANNELS } from '../domain/touchpoints.ts';
import { abandon } from './abandon.ts';
import type { PeakendDb } from './db.ts';
import { guarded } from './errors.ts';
import { touchScores } from './score-cache.ts';

/** Adds or replaces a probe of an existing audit, and marks the audit updated. */
export function putProbe(db: PeakendDb, probe: Probe): Promise<Probe> {
  return guarded(async () => {
    const tx = db.transaction(['audits', 'steps', 'probes', 'scoreCache'], 'readwrite');
    try {
      const audit = await tx.objectStore('audits').get(probe.auditId);
      if (!audit) throw new PeakendFailure({ code: 'audit-missing', auditId: probe.auditId });
      await tx.objectStore('probes').put(probe);
      const written = { ...audit, updatedAt: probe.updatedAt };
      await tx.objectStore('audits').put(written);
      await touchScores(tx, probe.auditId, written);
      await tx.done;
      return probe;
    } catch (error) {
      await abandon(tx);
      throw error;
    }
  });
}

/**
 * Changes a probe as read in the same transaction: `apply` sees the stored probe and returns the new
 * one, or throws to refuse (a reply before the send time), in which case nothing is written.
 */
export function updateProbe(db: PeakendDb, id: ProbeId, apply: (probe: Probe) => Probe, at: string): Promise<Probe> {
  return guarded(async () => {
    const tx = db.transaction(['audits', 'steps', 'probes', 'scoreCache'], 'readwrite');
    try {
      const stored = await tx.objectStore('probes').get(id);
      if (!stored) throw new PeakendFailure({ code: 'probe-missing' });
      const probe = { ...apply(stored), id, auditId: stored.auditId, updatedAt: at };
      const audit = await tx.objectStore('audits').get(probe.auditId);
      if (!audit) throw new PeakendFailure({ code: 'audit-missing', auditId: probe.auditId });
      await tx.objectStore('probes').put(probe);
      const written = { ...audit, updatedAt: at };
      await tx.objectStore('audits').put(written);
      await touchScores(tx, probe.auditId, written);
      await tx.done;
      return probe;
    } catch (error) {
      await abandon(tx);
      throw error;
    }
  });
}

export async function getProbe(db: PeakendDb, id: ProbeId): Promise<Probe | undefined> {
  return db.get('probes', id);
}

const bySent = (a: Probe, b: Probe) => a.sentAt - b.sentAt || a.id.localeCompare(b.id);

/** An audit's probes in the order they were sent. */
export async function listProbes(db: PeakendDb, auditId: AuditId): Promise<Probe[]> {
  return (await db.getAllFromIndex('probes', 'by-audit', auditId)).sort(bySent);
}

/** Every probe of every audit (the worker re-arms the alarms of open ones after a restart). */
export async function allProbes(db: PeakendDb): Promise<Probe[]> {
  return (await db.getAll('probes')).sort(bySent);
}

export function deleteProbe(db: PeakendDb, id: ProbeId): Promise<void> {
  return guarded(async () => {
    await db.delete('probes', id);
  });
}

const EXPECTATIONS_KEY = 'expectations';

/** The auditor's expectation per channel; METHOD.md's defaults for any channel not set. */
export async function getExpectations(db: PeakendDb): Promise<Expectations> {
  const record = await db.get('meta', EXPECTATIONS_KEY);
  const stored = record && 'expectations' in record ? record.expectations : {};
  const result = { ...DEFAULT_EXPECTATIONS };
  for (const channel of CHANNELS) {
    const value = stored[channel];
    if (value === null || (typeof value === 'number' && Number.isFinite(value) && value > 0)) result[channel] = value;
  }
  return result;
}

export function setExpectations(db: PeakendDb, expectations: Expectations): Promise<void> {
  return guarded(async () => {
    await db.put('meta', { expectations }, EXPECTATIONS_KEY);
  });
}
