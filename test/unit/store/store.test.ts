import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createScreenshot, createStep } from '../../../src/domain/factories.ts';
import {
  addScreenshot,
  addThumbnail,
  addStep,
  DB_NAME,
  DB_VERSION,
  deleteAudit,
  getActive,
  getAudit,
  getBlob,
  listAudits,
  listScreenshots,
  listSteps,
  listStepsOfAudits,
  readStepsOfAudits,
  newestSteps,
  openPeakendDb,
  screenshotsOfSteps,
  patchAudit,
  patchStep,
  patchStepSuggestingStage,
  putAudit,
  resetDbCache,
  setActive,
  updateCriterionMark,
} from '../../../src/store/index.ts';
import { toStoreError } from '../../../src/store/errors.ts';
import { runMigrations } from '../../../src/store/migrations.ts';
import type { PeakendSchema } from '../../../src/store/schema.ts';
import { jpegBlob, sampleAudit, T0 } from '../fixtures.ts';

beforeEach(() => resetDbCache());

async function blobBytes(blob: Blob | undefined): Promise<number[]> {
  if (!blob) throw new Error('no blob');
  return [...new Uint8Array(await blob.arrayBuffer())];
}

describe('migrations', () => {
  it('creates every store and index from an empty database', async () => {
    const db = await openPeakendDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'attachmentBlobs',
      'attachments',
      'audits',
      'blobs',
      'meta',
      'probes',
      'scoreCache',
      'screenshots',
      'steps',
      'templates',
    ]);
    const tx = db.transaction(['steps', 'screenshots', 'blobs', 'audits', 'templates']);
    expect([...tx.objectStore('steps').indexNames]).toEqual(['by-audit']);
    expect([...tx.objectStore('screenshots').indexNames].sort()).toEqual(['by-audit', 'by-step']);
    expect([...tx.objectStore('blobs').indexNames]).toEqual(['by-shot']);
    expect([...tx.objectStore('audits').indexNames]).toEqual(['by-updated']);
    expect([...tx.objectStore('templates').indexNames]).toEqual(['by-id']);
    expect(tx.objectStore('templates').keyPath).toEqual(['id', 'version']);
  });

  it('migrates a version-1 database holding data to version 2 without losing any of it', async () => {
    // A database as the first release left it: only migration 1 ran.
    const v1 = await openDB<PeakendSchema>(DB_NAME, 1, {
      upgrade(db, oldVersion, _newVersion, tx) {
        runMigrations(db, tx, oldVersion, 1);
      },
    });
    expect([...v1.objectStoreNames].sort()).toEqual(['audits', 'blobs', 'meta', 'screenshots', 'steps']);
    const audit = sampleAudit({ site: 'Before the upgrade' });
    await v1.put('audits', audit);
    const step = {
      ...createStep(audit.id, 0, { url: 'http://x/', title: 'x', trigger: 'manual' }, T0),
      ease: 5,
      valence: -2,
    };
    await v1.put('steps', step);
    const shot = createScreenshot({
      auditId: audit.id,
      stepId: step.id,
      takenAt: T0,
      mime: 'image/jpeg',
      width: 2,
      height: 2,
      bytes: 20,
      sha256: 'cd'.repeat(32),
      thumbWidth: 1,
      thumbHeight: 1,
      thumbBytes: 10,
      masked: true,
      maskedFields: 1,
    });
    await v1.put('screenshots', shot);
    const full = jpegBlob(20, 5);
    await v1.put('blobs', { shotId: shot.id, kind: 'full', blob: full });
    await v1.put('meta', { auditId: audit.id, tabId: 4, windowId: 2 }, 'active');
    v1.close();

    const db = await openPeakendDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('templates');
    expect(await db.count('templates')).toBe(0);
    expect(await getAudit(db, audit.id)).toEqual(audit);
    expect(await listSteps(db, audit.id)).toEqual([step]);
    expect(await listScreenshots(db, audit.id)).toEqual([shot]);
    expect(await blobBytes(await getBlob(db, shot.id, 'full'))).toEqual(await blobBytes(full));
    expect(await getActive(db)).toEqual({ auditId: audit.id, tabId: 4, windowId: 2 });
    // The indexes of version 1 still answer.
    expect((await db.getAllFromIndex('screenshots', 'by-step', step.id)).map((s) => s.id)).toEqual([shot.id]);
  });

  it('keeps data written at the current version when reopened', async () => {
    const db = await openPeakendDb();
    const audit = sampleAudit();
    await putAudit(db, audit);
    db.close();
    resetDbCache();
    const again = await openPeakendDb();
    expect(await getAudit(again, audit.id)).toEqual(audit);
  });

  it('refuses to open a database newer than this code knows, instead of corrupting it', async () => {
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    newer.close();
    await expect(openPeakendDb()).rejects.toMatchObject({ name: 'VersionError' });
  });
});

describe('audits and steps', () => {
  it('round-trips an audit and lists newest first', async () => {
    const db = await openPeakendDb();
    const older = sampleAudit({ updatedAt: '2026-11-01T00:00:00.000Z' });
    const newer = sampleAudit({ updatedAt: '2026-11-20T00:00:00.000Z' });
    await putAudit(db, older);
    await putAudit(db, newer);
    expect((await listAudits(db)).map((a) => a.id)).toEqual([newer.id, older.id]);
    expect(await getAudit(db, older.id)).toEqual(older);
  });

  it('numbers steps in order and counts them on the audit in the same transaction', async () => {
    const db = await openPeakendDb();
    const audit = sampleAudit();
    await putAudit(db, audit);
    const made = await Promise.all(
      ['a', 'b', 'c', 'd'].map((p) => addStep(db, audit.id, { url: `http://x/${p}`, title: p, trigger: 'manual' }, T0)),
    );
    const steps = await listSteps(db, audit.id);
    expect(steps.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    expect(new Set(made.map((s) => s.index)).size).toBe(4);
    expect((await getAudit(db, audit.id))?.stepCount).toBe(4);
  });

  it('reads the steps of several audits at once, each in journey order, none of another audit', async () => {
    const db = await openPeakendDb();
    const [a, b, c] = ['aud_a', 'aud_b', 'aud_c'].map((id) => sampleAudit({ id }));
    for (const audit of [a!, b!, c!]) await putAudit(db, audit);
    for (const p of ['1', '2', '3'])
      await addStep(db, a!.id, { url: `http://a/${p}`, title: p, trigger: 'manual' }, T0);
    await addStep(db, c!.id, { url: 'http://c/', title: 'c', trigger: 'manual' }, T0);
    const read = await listStepsOfAudits(db, [a!.id, b!.id, 'aud_gone']);
    expect([...read.keys()]).toEqual(['aud_a', 'aud_b', 'aud_gone']);
    expect(read.get('aud_a')?.map((s) => [s.title, s.index])).toEqual([
      ['1', 0],
      ['2', 1],
      ['3', 2],
    ]);
    expect(read.get('aud_b')).toEqual([]);
    expect(read.get('aud_gone')).toEqual([]);
  });

  it('reads the steps of many audits one promise each, in the order asked, each in journey order', async () => {
    const db = await openPeakendDb();
    const ids = ['aud_c', 'aud_a', 'aud_b'];
    for (const id of ids) {
      await putAudit(db, sampleAudit({ id }));
      for (const p of ['1', '2'])
        await addStep(db, id, { url: `http://x/${p}`, title: `${id}/${p}`, trigger: 'manual' }, T0);
    }
    const asking = ['aud_b', 'aud_gone', 'aud_c'];
    const lists = await Promise.all(readStepsOfAudits(db, asking));
    expect(lists.map((list) => list.map((s) => s.title))).toEqual([['aud_b/1', 'aud_b/2'], [], ['aud_c/1', 'aud_c/2']]);
  });

  it('patches one field without losing another written concurrently', async () => {
    const db = await openPeakendDb();
    const audit = sampleAudit();
    await putAudit(db, audit);
    const step = await addStep(db, audit.id, { url: 'http://x/', title: 'x', trigger: 'manual' }, T0);
    await Promise.all([
      patchStep(db, step.id, { ease: 6 }, T0),
      patchStep(db, step.id, { note: 'Delivery cost hidden' }, T0),
      patchStep(db, step.id, { valence: -2 }, T0),
    ]);
    const [stored] = await listSteps(db, audit.id);
    expect(stored).toMatchObject({ ease: 6, valence: -2, note: 'Delivery cost hidden' });
  });

  it('changes one criterion mark at a time: concurrent writes of different criteria, or of a mark and a comment, all stay', async () => {
    const db = await openPeakendDb();
    const audit = sampleAudit();
    await putAudit(db, audit);
    await Promise.all([
      updateCriterionMark(db, audit.id, 'F1', (prev) => ({ ...prev, mark: 'fail' }), T0),
      updateCriterionMark(db, audit.id, 'F1', (prev) => ({ ...prev, comment: 'Account forced' }), T0),
      updateCriterionMark(db, audit.id, 'M2', (prev) => ({ ...prev, comment: 'No scale photo' }), T0),
    ]);
    const marks = (await getAudit(db, audit.id))!.rubric.marks;
    expect(marks.F1).toMatchObject({ mark: 'fail', comment: 'Account forced', weight: 1 });
    expect(marks.M2).toMatchObject({ mark: null, comment: 'No scale photo' });
    await expect(updateCriterionMark(db, 'aud_missing', 'F1', (prev) => prev, T0)).rejects.toMatchObject({
      error: { code: 'audit-missing', auditId: 'aud_missing' },
    });
  });

  it("stores a suggested stage only while the auditor has not chosen one, read in the write's own transaction", async () => {
    const db = await openPeakendDb();
    const audit = sampleAudit();
    await putAudit(db, audit);
    const step = await addStep(db, audit.id, { url: 'http://x/', title: 'x', trigger: 'manual' }, T0);
    // The worker worked out its suggestion from the step it read before the auditor chose a stage.
    await patchStep(db, step.id, { stage: 'delivery', stageSource: 'auditor' }, T0);
    const kept = await patchStepSuggestingStage(db, step.id, { title: 'Checkout' }, 'payment', T0);
    expect(kept).toMatchObject({ title: 'Checkout', stage: 'delivery', stageSource: 'auditor' });
    const other = await addStep(db, audit.id, { url: 'http://y/', title: 'y', trigger: 'manual' }, T0);
    const suggested = await patchStepSuggestingStage(db, other.id, {}, 'payment', T0);
    expect(suggested).toMatchObject({ stage: 'payment', stageSource: 'suggested' });
  });

  it('says clearly when an audit is gone', async () => {
    const db = await openPeakendDb();
    const missing = { error: { code: 'audit-missing', auditId: 'aud_missing' } };
    await expect(patchAudit(db, 'aud_missing', { site: 'x' }, T0)).rejects.toMatchObject(missing);
    await expect(addStep(db, 'aud_missing', { url: 'u', title: 't', trigger: 'manual' }, T0)).rejects.toMatchObject(
      missing,
    );
  });
});

describe('screenshots', () => {
  async function stepWithShot(thumbBytes: number) {
    const db = await openPeakendDb();
    const audit = sampleAudit();
    await putAudit(db, audit);
    const step = await addStep(db, audit.id, { url: 'http://x/', title: 'x', trigger: 'manual' }, T0);
    const full = jpegBlob(5000, 3);
    const shot = createScreenshot({
      auditId: audit.id,
      stepId: step.id,
      takenAt: T0,
      mime: 'image/jpeg',
      width: 1280,
      height: 800,
      bytes: full.size,
      sha256: 'ab'.repeat(32),
      thumbWidth: 320,
      thumbHeight: 200,
      thumbBytes,
      masked: true,
      maskedFields: 4,
    });
    return { db, audit, full, shot };
  }

  it('stores both Blobs with the metadata and marks the step captured, byte for byte', async () => {
    const thumb = jpegBlob(700, 7);
    const { db, audit, full, shot } = await stepWithShot(thumb.size);
    await addScreenshot(db, shot, full, thumb, T0);
    expect(await listScreenshots(db, audit.id)).toEqual([shot]);
    expect(await blobBytes(await getBlob(db, shot.id, 'full'))).toEqual(await blobBytes(full));
    expect(await blobBytes(await getBlob(db, shot.id, 'thumb'))).toEqual(await blobBytes(thumb));
    expect((await getBlob(db, shot.id, 'full'))?.type).toBe('image/jpeg');
    expect((await listSteps(db, audit.id))[0]?.capture).toEqual({ status: 'ok' });
  });

  it('stores a screenshot whose thumbnail could not be drawn, with no thumbnail, and marks its step captured', async () => {
    const { db, audit, full, shot } = await stepWithShot(0);
    await addScreenshot(db, shot, full, null, T0);
    expect(await listScreenshots(db, audit.id)).toEqual([shot]);
    expect(await getBlob(db, shot.id, 'thumb')).toBeUndefined();
    expect(await blobBytes(await getBlob(db, shot.id, 'full'))).toEqual(await blobBytes(full));
    expect((await listSteps(db, audit.id))[0]?.capture).toEqual({ status: 'ok' });
  });

  it('adds a thumbnail drawn after the screenshot was stored, with its size on the record', async () => {
    const { db, audit, full, shot } = await stepWithShot(0);
    await addScreenshot(db, shot, full, null, T0);
    const thumb = jpegBlob(700, 7);
    expect(await addThumbnail(db, shot.id, thumb)).toBe(true);
    expect(await blobBytes(await getBlob(db, shot.id, 'thumb'))).toEqual(await blobBytes(thumb));
    expect(await listScreenshots(db, audit.id)).toEqual([{ ...shot, thumbBytes: thumb.size }]);
    expect(await blobBytes(await getBlob(db, shot.id, 'full'))).toEqual(await blobBytes(full));
  });

  it('leaves no thumbnail behind for a screenshot that is gone', async () => {
    const db = await openPeakendDb();
    expect(await addThumbnail(db, 'shot_gone', jpegBlob(10))).toBe(false);
    expect(await getBlob(db, 'shot_gone', 'thumb')).toBeUndefined();
  });

  it('stores the capture record it is given on the step: the frames the capture went ahead without', async () => {
    const { db, audit, full, shot } = await stepWithShot(0);
    const capture = {
      status: 'ok' as const,
      skippedFrames: [{ url: 'https://ads.test/banner', reason: 'not-loaded' as const }],
    };
    await addScreenshot(db, shot, full, null, T0, capture);
    expect((await listSteps(db, audit.id))[0]?.capture).toEqual(capture);
  });

  it('writes nothing when the step is gone (one transaction)', async () => {
    const db = await openPeakendDb();
    const audit = sampleAudit();
    await putAudit(db, audit);
    const shot = createScreenshot({
      auditId: audit.id,
      stepId: 'stp_gone',
      takenAt: T0,
      mime: 'image/jpeg',
      width: 1,
      height: 1,
      bytes: 1,
      sha256: '',
      thumbWidth: 1,
      thumbHeight: 1,
      thumbBytes: 1,
      masked: false,
      maskedFields: 0,
    });
    await expect(addScreenshot(db, shot, jpegBlob(10), jpegBlob(10), T0)).rejects.toMatchObject({
      error: { code: 'step-missing', stepId: shot.stepId },
    });
    expect(await listScreenshots(db, audit.id)).toEqual([]);
    expect(await getBlob(db, shot.id, 'full')).toBeUndefined();
  });
});

describe('reading a long audit from its newest steps', () => {
  async function auditWithSteps(n: number, id = 'aud_long') {
    const db = await openPeakendDb();
    const audit = sampleAudit({ id });
    await putAudit(db, audit);
    for (let i = 0; i < n; i++)
      await addStep(db, id, { url: `http://x/${i}`, title: `Page ${i}`, trigger: 'navigation' }, T0);
    return db;
  }

  it('gives the newest steps oldest first, and how many come before them', async () => {
    const db = await auditWithSteps(40);
    await auditWithSteps(3, 'aud_other');
    const { steps, before } = await newestSteps(db, 'aud_long', 25);
    expect(steps.map((s) => s.index)).toEqual(Array.from({ length: 25 }, (_, i) => 15 + i));
    expect(steps.every((s) => s.auditId === 'aud_long')).toBe(true);
    expect(before).toBe(15);
  });

  it('gives every step when the audit has no more than asked, and nothing for an empty one', async () => {
    const db = await auditWithSteps(7);
    const few = await newestSteps(db, 'aud_long', 25);
    expect(few.steps.map((s) => s.title)).toEqual((await listSteps(db, 'aud_long')).map((s) => s.title));
    expect(few.before).toBe(0);
    expect(await newestSteps(db, 'aud_long', 7)).toEqual({ steps: await listSteps(db, 'aud_long'), before: 0 });
    expect(await newestSteps(db, 'aud_none', 25)).toEqual({ steps: [], before: 0 });
    expect((await newestSteps(db, 'aud_long', 1)).steps.map((s) => s.index)).toEqual([6]);
  });

  it('reads the screenshots of the named steps only', async () => {
    const db = await auditWithSteps(3);
    const steps = await listSteps(db, 'aud_long');
    const shots = [];
    for (const [i, step] of steps.entries()) {
      const shot = createScreenshot({
        auditId: 'aud_long',
        stepId: step.id,
        takenAt: `2026-11-23T10:00:0${i}.000Z`,
        mime: 'image/jpeg',
        width: 1,
        height: 1,
        bytes: 10,
        sha256: '',
        thumbWidth: 1,
        thumbHeight: 1,
        thumbBytes: 10,
        masked: true,
        maskedFields: 0,
      });
      await addScreenshot(db, shot, jpegBlob(10), jpegBlob(10), T0);
      shots.push(shot);
    }
    expect(await screenshotsOfSteps(db, [steps[2]!.id, steps[0]!.id])).toEqual([shots[0], shots[2]]);
    expect(await screenshotsOfSteps(db, [])).toEqual([]);
  });
});

describe('delete', () => {
  it('removes the audit, its steps, screenshots and blobs, and nothing of another audit', async () => {
    const db = await openPeakendDb();
    const doomed = sampleAudit();
    const kept = sampleAudit();
    await putAudit(db, doomed);
    await putAudit(db, kept);
    const ids: string[] = [];
    for (const audit of [doomed, kept]) {
      const step = await addStep(db, audit.id, { url: 'http://x/', title: 'x', trigger: 'manual' }, T0);
      const shot = createScreenshot({
        auditId: audit.id,
        stepId: step.id,
        takenAt: T0,
        mime: 'image/jpeg',
        width: 2,
        height: 2,
        bytes: 20,
        sha256: '',
        thumbWidth: 1,
        thumbHeight: 1,
        thumbBytes: 10,
        masked: true,
        maskedFields: 0,
      });
      await addScreenshot(db, shot, jpegBlob(20), jpegBlob(10), T0);
      ids.push(shot.id);
    }
    await setActive(db, { auditId: doomed.id, tabId: 1, windowId: 1 });
    await deleteAudit(db, doomed.id);
    expect(await getAudit(db, doomed.id)).toBeUndefined();
    expect(await listSteps(db, doomed.id)).toEqual([]);
    expect(await listScreenshots(db, doomed.id)).toEqual([]);
    expect(await getBlob(db, ids[0]!, 'full')).toBeUndefined();
    expect(await getBlob(db, ids[0]!, 'thumb')).toBeUndefined();
    expect(await getActive(db)).toBeUndefined();
    expect(await getBlob(db, ids[1]!, 'full')).toBeDefined();
    expect(await listSteps(db, kept.id)).toHaveLength(1);
    expect(await db.count('blobs')).toBe(2);
  });
});

describe('errors', () => {
  it('turns a full disk into its code, and any other failure into one that keeps the browser’s text', () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    expect(toStoreError(quota).error).toEqual({ code: 'storage-full' });
    const aborted = Object.assign(new Error('Transaction aborted'), { name: 'AbortError' });
    expect(toStoreError(aborted).error).toEqual({ code: 'storage-failed', detail: 'Transaction aborted' });
  });

  it('a full disk met inside a write leaves the store as its code', async () => {
    const db = await openPeakendDb();
    const audit = sampleAudit();
    await putAudit(db, audit);
    const full = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    await expect(
      updateCriterionMark(
        db,
        audit.id,
        'F1',
        () => {
          throw full;
        },
        T0,
      ),
    ).rejects.toMatchObject({ error: { code: 'storage-full' } });
  });
});
