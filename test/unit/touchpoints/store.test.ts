// Touchpoint steps and their attachments in IndexedDB: the migration from the previous version's
// data, insertion in journey order, and attachments stored whole or not at all.
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAttachment, createStep } from '../../../src/domain/factories.ts';
import { computeScores } from '../../../src/domain/scores/index.ts';
import {
  addAttachment,
  addStep,
  attachmentsOfStep,
  DB_NAME,
  DB_VERSION,
  deleteAttachment,
  deleteAudit,
  getAttachmentBlob,
  getAudit,
  insertTouchpoint,
  listAttachments,
  listSteps,
  openPeakendDb,
  putAudit,
  resetDbCache,
} from '../../../src/store/index.ts';
import { addAttachmentStores, MIGRATIONS, runMigrations } from '../../../src/store/migrations.ts';
import type { PeakendSchema } from '../../../src/store/schema.ts';
import { jpegBlob, sampleAudit, T0 } from '../fixtures.ts';

beforeEach(() => resetDbCache());

const T1 = '2026-11-23T10:05:00.000Z';

const attachmentOf = (auditId: string, stepId: string, bytes = 20) =>
  createAttachment({
    auditId,
    stepId,
    name: 'photo.jpg',
    mime: 'image/jpeg',
    bytes,
    sha256: 'ab'.repeat(32),
    addedAt: T1,
    width: 4,
    height: 3,
    redactions: 1,
  });

describe('database migration to attachments', () => {
  it('upgrades a database of the previous version with its data in place', async () => {
    const previous = MIGRATIONS.indexOf(addAttachmentStores);
    const old = await openDB<PeakendSchema>(DB_NAME, previous, {
      upgrade(db, oldVersion, _newVersion, tx) {
        runMigrations(db, tx, oldVersion, previous);
      },
    });
    expect([...old.objectStoreNames]).not.toContain('attachments');
    const audit = sampleAudit({ stepCount: 1 });
    await old.put('audits', audit);
    const step = { ...createStep(audit.id, 0, { url: 'http://x/', title: 'x', trigger: 'manual' }, T0), valence: 2 };
    await old.put('steps', step);
    old.close();

    const db = await openPeakendDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['attachments', 'attachmentBlobs']));
    expect(await getAudit(db, audit.id)).toEqual(audit);
    const [read] = await listSteps(db, audit.id);
    expect(read).toEqual(step);
    // A step stored before touchpoints has no kind and is a page.
    expect(read?.kind).toBeUndefined();
    expect(await listAttachments(db, audit.id)).toEqual([]);
    // Old steps and new touchpoints live together.
    await insertTouchpoint(db, audit.id, { channel: 'phone', title: 'Courier call', occurredAt: null }, null, T1);
    expect((await listSteps(db, audit.id)).map((s) => s.kind ?? 'page')).toEqual(['page', 'touchpoint']);
  });
});

describe('insertTouchpoint', () => {
  it('puts the touchpoint at its place in the journey and moves later steps down', async () => {
    const db = await openPeakendDb();
    const audit = sampleAudit();
    await putAudit(db, audit);
    for (const title of ['Home', 'Product', 'Checkout']) {
      await addStep(db, audit.id, { url: `http://x/${title}`, title, trigger: 'navigation' }, T0);
    }
    const occurredAt = Date.UTC(2026, 10, 23, 9, 58);
    const call = await insertTouchpoint(
      db,
      audit.id,
      { channel: 'phone', title: ' Called the shop ', occurredAt, stage: 'product' },
      1,
      T1,
    );
    expect(call).toMatchObject({
      kind: 'touchpoint',
      channel: 'phone',
      title: 'Called the shop',
      url: '',
      index: 1,
      occurredAt,
      signals: null,
      stage: 'product',
      stageSource: 'auditor',
      capture: { status: 'ok' },
    });
    const steps = await listSteps(db, audit.id);
    expect(steps.map((s) => [s.index, s.title])).toEqual([
      [0, 'Home'],
      [1, 'Called the shop'],
      [2, 'Product'],
      [3, 'Checkout'],
    ]);
    expect((await getAudit(db, audit.id))?.stepCount).toBe(4);
    // A page the worker appends afterwards takes the next free index.
    const next = await addStep(db, audit.id, { url: 'http://x/done', title: 'Done', trigger: 'navigation' }, T1);
    expect(next.index).toBe(4);
    // Past the end, or null: at the end.
    const end = await insertTouchpoint(
      db,
      audit.id,
      { channel: 'delivery', title: 'Parcel', occurredAt: null },
      99,
      T1,
    );
    expect(end.index).toBe(5);
  });

  it('is rated and scored like any step: it can be the peak', async () => {
    const db = await openPeakendDb();
    const audit = sampleAudit();
    await putAudit(db, audit);
    await addStep(db, audit.id, { url: 'http://x/a', title: 'A', trigger: 'navigation' }, T0);
    await addStep(db, audit.id, { url: 'http://x/b', title: 'B', trigger: 'navigation' }, T0);
    const call = await insertTouchpoint(db, audit.id, { channel: 'chat', title: 'Bot', occurredAt: null }, 1, T1);
    const steps = (await listSteps(db, audit.id)).map((s) => ({
      ...s,
      valence: s.id === call.id ? -4 : 1,
      ease: s.id === call.id ? 2 : 6,
    }));
    const scores = computeScores(audit, steps);
    expect(scores.peakEnd?.peak.stepId).toBe(call.id);
    expect(scores.effort?.meanEase).toBeCloseTo((6 + 2 + 6) / 3);
  });

  it('is not a page of the checkout benchmark, even at a checkout stage', () => {
    const audit = sampleAudit();
    const page = {
      ...createStep(audit.id, 0, { url: 'http://x/d', title: 'D', trigger: 'manual' }, T0),
      stage: 'delivery',
    };
    const courier = { ...page, id: 'stp_c', index: 1, kind: 'touchpoint' as const, channel: 'delivery' as const };
    expect(computeScores(audit, [page, courier]).checkout.steps).toBe(1);
  });

  it('refuses an audit that does not exist', async () => {
    const db = await openPeakendDb();
    await expect(
      insertTouchpoint(db, 'aud_none', { channel: 'phone', title: 'x', occurredAt: null }, 0, T1),
    ).rejects.toMatchObject({ error: { code: 'audit-missing' } });
  });
});

describe('attachments', () => {
  async function withTouchpoint() {
    const db = await openPeakendDb();
    const audit = sampleAudit();
    await putAudit(db, audit);
    const step = await insertTouchpoint(db, audit.id, { channel: 'phone', title: 'Call', occurredAt: null }, 0, T0);
    return { db, audit, step };
  }

  it('stores the metadata and its bytes together, and deletes them together', async () => {
    const { db, audit, step } = await withTouchpoint();
    const full = jpegBlob(20, 3);
    const thumb = jpegBlob(8, 4);
    const attachment = attachmentOf(audit.id, step.id);
    await addAttachment(db, attachment, full, thumb, T1);
    expect(await attachmentsOfStep(db, step.id)).toEqual([attachment]);
    expect(new Uint8Array(await (await getAttachmentBlob(db, attachment.id, 'full'))!.arrayBuffer())).toEqual(
      new Uint8Array(await full.arrayBuffer()),
    );
    expect((await getAttachmentBlob(db, attachment.id, 'thumb'))?.size).toBe(8);
    await deleteAttachment(db, attachment.id);
    expect(await listAttachments(db, audit.id)).toEqual([]);
    expect(await getAttachmentBlob(db, attachment.id, 'full')).toBeUndefined();
  });

  it('stores nothing when the step is gone', async () => {
    const { db, audit } = await withTouchpoint();
    const attachment = attachmentOf(audit.id, 'stp_gone');
    await expect(addAttachment(db, attachment, jpegBlob(20), null, T1)).rejects.toMatchObject({
      error: { code: 'step-missing' },
    });
    expect(await db.count('attachments')).toBe(0);
    expect(await db.count('attachmentBlobs')).toBe(0);
  });

  it('stores nothing when the same attachment is added twice', async () => {
    const { db, audit, step } = await withTouchpoint();
    const attachment = attachmentOf(audit.id, step.id);
    await addAttachment(db, attachment, jpegBlob(20), null, T1);
    await expect(addAttachment(db, attachment, jpegBlob(30), jpegBlob(5), T1)).rejects.toBeTruthy();
    expect(await db.count('attachments')).toBe(1);
    expect(await db.count('attachmentBlobs')).toBe(1);
    expect((await getAttachmentBlob(db, attachment.id, 'full'))?.size).toBe(20);
  });

  it('go with their audit when it is deleted', async () => {
    const { db, audit, step } = await withTouchpoint();
    await addAttachment(db, attachmentOf(audit.id, step.id), jpegBlob(20), jpegBlob(5), T1);
    await deleteAudit(db, audit.id);
    expect(await db.count('attachments')).toBe(0);
    expect(await db.count('attachmentBlobs')).toBe(0);
  });
});
