// Writing a checked import (src/domain/import) in ONE readwrite transaction over every store it
// touches: the audit, its steps, screenshot metadata and blobs, attachments and their bytes, its
// channel probes, and on
// "replace" the removal of the audit it replaces. Any failure aborts the transaction, so the
// database is exactly as it was.
import { abandon } from './abandon.ts';
import { newId } from '../domain/ids.ts';
import type { ImportPlan } from '../domain/import/prepare.ts';
import { planOf } from '../domain/import/plan.ts';
import { reidentify } from '../domain/import/reid.ts';
import type { Audit, AuditId } from '../domain/model.ts';
import type { PeakendDb } from './db.ts';
import { PeakendFailure } from '../domain/errors.ts';
import { toStoreError } from './errors.ts';
import { touchScores } from './score-cache.ts';

export type ClashChoice = 'keep-both' | 'replace';

export interface ImportOptions {
  /** What to do when an audit with the same id exists; without it a clash is refused ('conflict'). */
  onClash?: ClashChoice;
  /** The site name of a kept-both copy (default "<site> (imported)"). */
  copySite?: (site: string) => string;
  /** Small images by screenshot id (the panel makes them); the full image is stored when missing. */
  thumbs?: ReadonlyMap<string, Blob>;
}

export interface ImportOutcome {
  auditId: AuditId;
  mode: 'new' | 'kept-both' | 'replaced';
  steps: number;
  screenshots: number;
  images: number;
  attachments: number;
  probes: number;
}

const STORES = [
  'audits',
  'steps',
  'screenshots',
  'blobs',
  'meta',
  'attachments',
  'attachmentBlobs',
  'probes',
  'scoreCache',
] as const;

/** The audit an import would clash with, if any. */
export function findClash(db: PeakendDb, auditId: AuditId): Promise<Audit | undefined> {
  return db.get('audits', auditId);
}

export function importAudit(db: PeakendDb, plan: ImportPlan, opts: ImportOptions = {}): Promise<ImportOutcome> {
  const tx = db.transaction([...STORES], 'readwrite');
  // An aborted transaction rejects `done`; the error is reported through the awaited work instead.
  const done = tx.done;
  done.catch(() => undefined);
  const audits = tx.objectStore('audits');
  const steps = tx.objectStore('steps');
  const shots = tx.objectStore('screenshots');
  const blobs = tx.objectStore('blobs');
  const meta = tx.objectStore('meta');
  const attachments = tx.objectStore('attachments');
  const attachmentBlobs = tx.objectStore('attachmentBlobs');
  const probes = tx.objectStore('probes');

  const work = async (): Promise<ImportOutcome> => {
    let next = plan;
    let mode: ImportOutcome['mode'] = 'new';
    const existing = await audits.get(plan.audit.id);
    let replacedSteps: string[] = [];
    let replacedShots: string[] = [];
    let replacedAttachments: string[] = [];
    let replacedProbes: string[] = [];
    if (existing) {
      if (!opts.onClash) throw new PeakendFailure({ code: 'audit-exists', auditId: plan.audit.id });
      if (opts.onClash === 'keep-both') {
        mode = 'kept-both';
        next = reidentify(plan, newId);
        const copySite = opts.copySite ?? ((site: string) => `${site} (imported)`);
        next = { ...next, audit: { ...next.audit, site: copySite(plan.audit.site) } };
      } else {
        mode = 'replaced';
        const id = existing.id;
        replacedSteps = await steps.index('by-audit').getAllKeys(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
        replacedShots = await shots.index('by-audit').getAllKeys(id);
        replacedAttachments = await attachments.index('by-audit').getAllKeys(id);
        replacedProbes = await probes.index('by-audit').getAllKeys(id);
      }
    }
    // Step or screenshot ids that another audit already uses: new inner ids, same audit id.
    const own = (auditId: string | undefined) => mode === 'replaced' && auditId === plan.audit.id;
    let taken = false;
    for (const step of next.steps) {
      const other = await steps.get(step.id);
      if (other && !own(other.auditId)) taken = true;
      if (taken) break;
    }
    for (const shot of taken ? [] : next.screenshots) {
      const other = await shots.get(shot.id);
      if (other && !own(other.auditId)) taken = true;
      if (taken) break;
    }
    for (const attachment of taken ? [] : next.attachments) {
      const other = await attachments.get(attachment.id);
      if (other && !own(other.auditId)) taken = true;
      if (taken) break;
    }
    for (const probe of taken ? [] : next.probes) {
      const other = await probes.get(probe.id);
      if (other && !own(other.auditId)) taken = true;
      if (taken) break;
    }
    if (taken) next = reidentify(next, newId, { keepAuditId: true });

    if (mode === 'replaced') {
      for (const shotId of replacedShots) {
        for (const key of await blobs.index('by-shot').getAllKeys(shotId)) await blobs.delete(key);
        await shots.delete(shotId);
      }
      for (const attachmentId of replacedAttachments) {
        for (const key of await attachmentBlobs.index('by-attachment').getAllKeys(attachmentId)) {
          await attachmentBlobs.delete(key);
        }
        await attachments.delete(attachmentId);
      }
      for (const probeId of replacedProbes) await probes.delete(probeId);
      for (const stepId of replacedSteps) await steps.delete(stepId);
      await audits.delete(plan.audit.id);
      const active = await meta.get('active');
      if (active && 'auditId' in active && active.auditId === plan.audit.id) await meta.delete('active');
    }

    await audits.add(next.audit);
    for (const step of next.steps) await steps.add(step);
    // After the steps: an ended audit arrives with its summary, computed from what was just written.
    await touchScores(tx, next.audit.id, next.audit);
    for (const shot of next.screenshots) await shots.add(shot);
    let images = 0;
    // reidentify keeps the order, so the i-th screenshot is the plan's i-th (thumbs use its ids).
    for (let i = 0; i < next.screenshots.length; i++) {
      const shot = next.screenshots[i] as (typeof next.screenshots)[number];
      const image = next.images.get(shot.id);
      if (!image) continue;
      const full = new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.mime });
      await blobs.add({ shotId: shot.id, kind: 'full', blob: full });
      const thumb = opts.thumbs?.get(plan.screenshots[i]?.id ?? shot.id);
      await blobs.add({ shotId: shot.id, kind: 'thumb', blob: thumb ?? full });
      images += 1;
    }
    for (const attachment of next.attachments) {
      await attachments.add(attachment);
      const bytes = next.attachmentFiles.get(attachment.id);
      if (!bytes) continue;
      // Byte for byte as exported: its SHA-256 was checked against the one recorded when attached.
      const full = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: attachment.mime });
      await attachmentBlobs.add({ attachmentId: attachment.id, kind: 'full', blob: full });
    }
    for (const probe of next.probes) await probes.add(probe);
    return {
      auditId: next.audit.id,
      mode,
      steps: next.steps.length,
      screenshots: next.screenshots.length,
      images,
      attachments: next.attachments.length,
      probes: next.probes.length,
    };
  };

  return (async () => {
    let outcome: ImportOutcome;
    try {
      outcome = await work();
    } catch (error) {
      await abandon(tx);
      throw toStoreError(error);
    }
    try {
      await done;
    } catch (error) {
      throw toStoreError(error);
    }
    return outcome;
  })();
}

/** "Duplicate as plan": a new audit with the same site, scenario, template and settings, no steps. */
export async function duplicateAsPlan(db: PeakendDb, auditId: AuditId, now: string): Promise<Audit> {
  const source = await db.get('audits', auditId);
  if (!source) throw new PeakendFailure({ code: 'audit-missing', auditId });
  const plan = planOf(source, newId('aud'), now);
  try {
    const tx = db.transaction(['audits', 'scoreCache'], 'readwrite');
    await Promise.all([tx.objectStore('audits').add(plan), touchScores(tx, plan.id, plan), tx.done]);
  } catch (error) {
    throw toStoreError(error);
  }
  return plan;
}
