// importAudit writes the whole audit in one transaction or nothing; keep-both and replace; and an
// export -> import round trip into a fresh database is lossless (records, bytes, scores).
import { beforeEach, describe, expect, it } from 'vitest';
import { PeakendFailure } from '../../../src/domain/errors.ts';
import type { ImportPlan } from '../../../src/domain/import/index.ts';
import { computeScores } from '../../../src/domain/scores/index.ts';
import { loadReportData } from '../../../src/report/data.ts';
import { zipExport } from '../../../src/report/exports.ts';
import { collectBlobs } from '../../../src/report/zip.ts';
import {
  addStep,
  duplicateAsPlan,
  findClash,
  getAudit,
  getBlob,
  importAudit,
  listScreenshots,
  listSteps,
  openPeakendDb,
  putAudit,
  resetDbCache,
  setActive,
  type PeakendDb,
} from '../../../src/store/index.ts';
import { sampleAudit, T0 } from '../fixtures.ts';
import { fixture, HOSTILE, plan, sha256hex } from './helpers.ts';
import { IDBFactory } from 'fake-indexeddb';

beforeEach(() => resetDbCache());

const STORES = ['audits', 'steps', 'screenshots', 'blobs', 'meta', 'templates'] as const;

/** Every record of every store, blobs as their bytes: "exactly as it was" is this equal. */
async function snapshot(db: PeakendDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const store of STORES) {
    const rows = await db.getAll(store);
    out[store] = await Promise.all(
      rows.map(async (row) =>
        'blob' in (row as object)
          ? { ...row, blob: [...new Uint8Array(await (row as { blob: Blob }).blob.arrayBuffer())] }
          : row,
      ),
    );
  }
  out.metaKeys = await db.getAllKeys('meta');
  return out;
}

async function bytesOf(blob: Blob | undefined): Promise<Uint8Array> {
  if (!blob) throw new Error('no blob');
  return new Uint8Array(await blob.arrayBuffer());
}

/** A database that already holds an unrelated audit with a step and a running-audit record. */
async function seeded(): Promise<{ db: PeakendDb; other: string }> {
  const db = await openPeakendDb();
  const other = sampleAudit({ site: 'Other shop' });
  await putAudit(db, other);
  await addStep(db, other.id, { url: 'http://x/', title: 'x', trigger: 'manual' }, T0);
  await setActive(db, { auditId: other.id, tabId: 3, windowId: 1 });
  return { db, other: other.id };
}

describe('importAudit', () => {
  it('writes the audit, steps, screenshot records and both blobs of each screenshot', async () => {
    const { db } = await seeded();
    const f = fixture();
    const p = await plan(f.zip);
    const outcome = await importAudit(db, p);
    expect(outcome).toEqual({
      auditId: f.audit.id,
      mode: 'new',
      steps: 3,
      screenshots: 3,
      images: 3,
      attachments: 0,
      probes: 2,
    });
    expect(await getAudit(db, f.audit.id)).toEqual(f.audit);
    expect(await listSteps(db, f.audit.id)).toEqual(f.steps);
    expect(await listScreenshots(db, f.audit.id)).toEqual(f.shots);
    for (const s of f.shots) {
      const full = await getBlob(db, s.id, 'full');
      expect(await bytesOf(full)).toEqual(f.blobs.get(s.id));
      expect(full?.type).toBe(s.mime);
      expect(await getBlob(db, s.id, 'thumb')).toBeDefined();
    }
  });

  it('stores hostile strings literally', async () => {
    const db = await openPeakendDb();
    const f = fixture();
    await importAudit(db, await plan(f.zip));
    const audit = await getAudit(db, f.audit.id);
    expect(audit?.site).toBe(HOSTILE);
    expect((await listSteps(db, f.audit.id))[1]?.findings[0]?.title).toBe(HOSTILE);
  });

  it('uses the thumbnails it is given, and the full image when there is none', async () => {
    const db = await openPeakendDb();
    const f = fixture();
    const thumb = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 1])], { type: 'image/jpeg' });
    await importAudit(db, await plan(f.zip), { thumbs: new Map([['sht_stp_a_0', thumb]]) });
    expect(await bytesOf(await getBlob(db, 'sht_stp_a_0', 'thumb'))).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 1]));
    expect(await bytesOf(await getBlob(db, 'sht_stp_b_0', 'thumb'))).toEqual(f.blobs.get('sht_stp_b_0'));
  });

  it('refuses a clash when no choice was made, and changes nothing', async () => {
    const db = await openPeakendDb();
    const p = await plan(fixture().zip);
    await importAudit(db, p);
    const before = await snapshot(db);
    expect(await findClash(db, p.audit.id)).toMatchObject({ id: p.audit.id });
    const error = await importAudit(db, p).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PeakendFailure);
    expect((error as PeakendFailure).error).toEqual({ code: 'audit-exists', auditId: p.audit.id });
    expect(await snapshot(db)).toEqual(before);
  });

  it('keep both: a second audit with new ids everywhere, references kept, hashes and bytes unchanged', async () => {
    const db = await openPeakendDb();
    const f = fixture();
    const p = await plan(f.zip);
    await importAudit(db, p);
    const outcome = await importAudit(db, p, { onClash: 'keep-both', copySite: (s) => `${s} (copy)` });
    expect(outcome.mode).toBe('kept-both');
    expect(outcome.auditId).not.toBe(f.audit.id);
    expect(await getAudit(db, f.audit.id)).toEqual(f.audit);
    const copy = (await getAudit(db, outcome.auditId))!;
    expect(copy.site).toBe(`${HOSTILE} (copy)`);
    const steps = await listSteps(db, copy.id);
    const shots = await listScreenshots(db, copy.id);
    expect(steps).toHaveLength(3);
    expect(shots).toHaveLength(3);
    const stepIds = new Set(steps.map((s) => s.id));
    const shotIds = new Set(shots.map((s) => s.id));
    for (const s of steps) expect(f.steps.map((x) => x.id)).not.toContain(s.id);
    for (const s of shots) {
      expect(stepIds.has(s.stepId)).toBe(true);
      const original = f.shots.find((o) => o.sha256 === s.sha256)!;
      expect(await bytesOf(await getBlob(db, s.id, 'full'))).toEqual(f.blobs.get(original.id));
    }
    expect(steps.map(({ id: _i, auditId: _a, findings: _f, ...rest }) => rest)).toEqual(
      f.steps.map(({ id: _i, auditId: _a, findings: _f, ...rest }) => rest),
    );
    const finding = steps[1]!.findings[0]!;
    expect(finding.title).toBe(HOSTILE);
    expect(finding.id).not.toBe('fnd_1');
    expect(shotIds.has(finding.evidence!.shotId)).toBe(true);
    const f1 = copy.rubric.marks.F1!.evidence!;
    expect(stepIds.has(f1.stepId) && shotIds.has(f1.shotId!)).toBe(true);
    // Same numbers: the scores of the copy equal the original's.
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x).replaceAll(/"(stp|sht|aud)_[^"]+"/g, '"id"'));
    expect(strip(computeScores(copy, steps))).toEqual(strip(computeScores(f.audit, f.steps)));
    expect(await db.count('blobs')).toBe(12);
  });

  it('replace: the old audit’s steps, screenshots and blobs go, in the same transaction', async () => {
    const { db, other } = await seeded();
    const f = fixture();
    const p = await plan(f.zip);
    await importAudit(db, p);
    // The old version had one more step and screenshot than the new file.
    const extra = await addStep(db, f.audit.id, { url: 'http://x/extra', title: 'extra', trigger: 'manual' }, T0);
    await db.put('screenshots', { ...f.shots[0]!, id: 'sht_extra', stepId: extra.id });
    await db.put('blobs', { shotId: 'sht_extra', kind: 'full', blob: new Blob([new Uint8Array(3)]) });
    await setActive(db, { auditId: f.audit.id, tabId: 1, windowId: 1 });
    const changed = { ...p, steps: p.steps.map((s) => ({ ...s, note: 'new note' })) };
    const outcome = await importAudit(db, changed, { onClash: 'replace' });
    expect(outcome).toMatchObject({ auditId: f.audit.id, mode: 'replaced' });
    expect((await listSteps(db, f.audit.id)).map((s) => s.note)).toEqual(['new note', 'new note', 'new note']);
    expect(await db.get('steps', extra.id)).toBeUndefined();
    expect(await db.get('screenshots', 'sht_extra')).toBeUndefined();
    expect(await getBlob(db, 'sht_extra', 'full')).toBeUndefined();
    expect(await db.get('meta', 'active')).toBeUndefined();
    expect(await listSteps(db, other)).toHaveLength(1);
    expect(await db.count('audits')).toBe(2);
  });

  it('gives new inner ids when another audit already uses a step or screenshot id', async () => {
    const db = await openPeakendDb();
    const f = fixture();
    const p = await plan(f.zip);
    const intruder = sampleAudit();
    await putAudit(db, intruder);
    await db.put('steps', { ...f.steps[0]!, auditId: intruder.id });
    const outcome = await importAudit(db, p);
    expect(outcome.auditId).toBe(f.audit.id);
    expect((await db.get('steps', 'stp_a'))?.auditId).toBe(intruder.id);
    const steps = await listSteps(db, f.audit.id);
    expect(steps).toHaveLength(3);
    expect(steps.map((s) => s.id)).not.toContain('stp_a');
  });
});

describe('all or nothing', () => {
  /** A plan whose last step IndexedDB refuses to store (a function is not cloneable). */
  function failingAtTheEnd(p: ImportPlan): ImportPlan {
    const steps = p.steps.map((s, i) =>
      i === p.steps.length - 1 ? { ...s, note: (() => 'x') as unknown as string } : s,
    );
    return { ...p, steps };
  }

  it('a failure mid-way (after the audit and two steps were written) leaves the database exactly as it was', async () => {
    const { db } = await seeded();
    const before = await snapshot(db);
    const p = failingAtTheEnd(await plan(fixture().zip));
    await expect(importAudit(db, p)).rejects.toBeInstanceOf(PeakendFailure);
    expect(await snapshot(db)).toEqual(before);
    expect(await getAudit(db, p.audit.id)).toBeUndefined();
  });

  it('a failure during replace keeps the old audit whole', async () => {
    const { db } = await seeded();
    const p = await plan(fixture().zip);
    await importAudit(db, p);
    const before = await snapshot(db);
    await expect(importAudit(db, failingAtTheEnd(p), { onClash: 'replace' })).rejects.toBeInstanceOf(PeakendFailure);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a failure while writing blobs (a key already taken) leaves everything as it was', async () => {
    const { db } = await seeded();
    await db.put('blobs', { shotId: 'sht_stp_c_0', kind: 'full', blob: new Blob([new Uint8Array([9])]) });
    const before = await snapshot(db);
    await expect(importAudit(db, await plan(fixture().zip))).rejects.toBeInstanceOf(PeakendFailure);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('export, then import into a fresh database', () => {
  it('is lossless: same records, byte-identical screenshots, same scores and completeness', async () => {
    const f = fixture();
    const source = await openPeakendDb();
    await importAudit(source, await plan(f.zip));
    const data = (await loadReportData(source, f.audit.id, '2026-11-24T08:00:00.000Z'))!;
    const blobs = await collectBlobs(source, data.screenshots);
    const zip = zipExport(data, blobs, { generatorVersion: '0.1.0' }).bytes;
    source.close();

    // A fresh profile.
    globalThis.indexedDB = new IDBFactory();
    resetDbCache();
    const fresh = await openPeakendDb();
    expect(await fresh.count('audits')).toBe(0);
    await importAudit(fresh, await plan(zip));
    const again = (await loadReportData(fresh, f.audit.id, '2026-11-24T08:00:00.000Z'))!;
    expect(again.audit).toEqual(data.audit);
    expect(again.steps).toEqual(data.steps);
    expect(again.screenshots).toEqual(data.screenshots);
    expect(again.scores).toEqual(data.scores);
    expect(again.completeness).toEqual(data.completeness);
    for (const s of again.screenshots) {
      const bytes = await bytesOf(await getBlob(fresh, s.id, 'full'));
      expect(bytes).toEqual(blobs.get(s.id));
      expect(sha256hex(bytes)).toBe(s.sha256);
    }
  });
});

describe('duplicate as plan', () => {
  it('makes a new plan with the same site, scenario, template and settings, and no steps or ratings', async () => {
    const db = await openPeakendDb();
    const f = fixture({ templateId: 'booking', templateVersion: 1, touchpoint: 3 });
    await importAudit(db, await plan(f.zip));
    const copy = await duplicateAsPlan(db, f.audit.id, '2026-12-01T09:00:00.000Z');
    expect(copy.id).not.toBe(f.audit.id);
    expect(copy).toMatchObject({
      status: 'plan',
      site: f.audit.site,
      scenario: f.audit.scenario,
      successCriterion: f.audit.successCriterion,
      templateId: 'booking',
      templateVersion: 1,
      touchpoint: 3,
      stepCount: 0,
      startedAt: null,
      endedAt: null,
      endSurvey: null,
      createdAt: '2026-12-01T09:00:00.000Z',
    });
    expect(copy.rubric).toEqual({ rubricVersion: 'v1', marks: {} });
    expect(await getAudit(db, copy.id)).toEqual(copy);
    expect(await listSteps(db, copy.id)).toEqual([]);
    expect(await listScreenshots(db, copy.id)).toEqual([]);
    expect(await listSteps(db, f.audit.id)).toHaveLength(3);
    await expect(duplicateAsPlan(db, 'aud_gone', T0)).rejects.toMatchObject({
      error: { code: 'audit-missing', auditId: 'aud_gone' },
    });
  });
});
