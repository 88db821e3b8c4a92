// The programme view's score summaries (src/store/score-cache.ts): the migration from a version-4
// database with data, a summary used only while nothing it was computed from has changed (every
// write path over audits and steps, each tried), a summary computed before a write never stored
// after it, and one from another build of the scoring code never used.
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAttachment, createScreenshot } from '../../../src/domain/factories.ts';
import type { Audit } from '../../../src/domain/model.ts';
import { createProbe } from '../../../src/domain/probes.ts';
import { summariseScores } from '../../../src/domain/programme-view/index.ts';
import { rubricOf } from '../../../src/domain/rubric.ts';
import { computeScores } from '../../../src/domain/scores/index.ts';
import { loadProgrammeHead, saveScoreSummaries } from '../../../src/report/programme/data.ts';
import { SCORING_REVISION } from '../../../src/domain/programme-view/summary.ts';
import {
  addAttachment,
  addScreenshot,
  addStep,
  changeReview,
  DB_NAME,
  deleteAudit,
  duplicateAsPlan,
  getAudit,
  importAudit,
  insertTouchpoint,
  listSteps,
  openPeakendDb,
  patchAudit,
  patchStep,
  patchStepSuggestingStage,
  putAudit,
  putProbe,
  readAuditScores,
  resetDbCache,
  setStepCapture,
  setStepSignals,
  storeScoreSummaries,
  updateCriterionMark,
  updateProbe,
  type PeakendDb,
} from '../../../src/store/index.ts';
import { addScoreCache, MIGRATIONS, runMigrations } from '../../../src/store/migrations.ts';
import type { PeakendSchema } from '../../../src/store/schema.ts';
import { jpegBlob } from '../fixtures.ts';
import { fixture, plan } from '../import/helpers.ts';
import { PROGRAMME, specAudit, twoByTwoByThree } from '../programme/fixtures.ts';
import { makeSignals } from '../scores/factory.ts';

beforeEach(() => resetDbCache());

const LATER = '2026-12-02T10:00:00.000Z';
const all = (audits: Audit[]) => audits;

/** Writes audits and steps as a database of an older version holds them: no summary at all. */
async function seedRaw(db: PeakendDb, list: ReadonlyArray<ReturnType<typeof specAudit>>): Promise<void> {
  const tx = db.transaction(['audits', 'steps'], 'readwrite');
  for (const { audit, steps } of list) {
    await tx.objectStore('audits').put(audit);
    for (const step of steps) await tx.objectStore('steps').put(step);
  }
  await tx.done;
}

/** What the programme view does on opening: score what has no summary, then keep the summaries. */
async function openView(db: PeakendDb) {
  const loaded = await loadProgrammeHead(db, PROGRAMME.id, LATER);
  if (!loaded.ok) throw new Error(loaded.reason);
  await saveScoreSummaries(db, loaded);
  return loaded;
}

/** Which audits' summaries would be used now. */
async function cachedIds(db: PeakendDb): Promise<string[]> {
  const { entries } = await readAuditScores(db, SCORING_REVISION, all);
  return entries
    .filter((e) => e.cached !== null)
    .map((e) => e.audit.id)
    .sort();
}

/** Each audit's scores computed here from what the store holds now, as the audit's report does. */
async function scoresNow(db: PeakendDb, id: string) {
  const audit = (await getAudit(db, id))!;
  return summariseScores(computeScores(audit, await listSteps(db, id), rubricOf(audit)));
}

const specs = twoByTwoByThree();
const FIRST = specs[0]!.id;

async function warmDb(): Promise<PeakendDb> {
  const db = await openPeakendDb();
  await seedRaw(db, specs.map(specAudit));
  await openView(db);
  expect(await cachedIds(db)).toEqual(specs.map((s) => s.id).sort());
  return db;
}

describe('database migration to score summaries', () => {
  it('upgrades a version 4 database with its audits and steps in place; the view scores them', async () => {
    const previous = MIGRATIONS.indexOf(addScoreCache);
    expect(previous).toBe(4);
    const old = await openDB<PeakendSchema>(DB_NAME, previous, {
      upgrade(db, oldVersion, _newVersion, tx) {
        runMigrations(db, tx, oldVersion, previous);
      },
    });
    expect([...old.objectStoreNames]).not.toContain('scoreCache');
    const seeded = specs.map(specAudit);
    const tx = old.transaction(['audits', 'steps'], 'readwrite');
    for (const { audit, steps } of seeded) {
      await tx.objectStore('audits').put(audit);
      for (const step of steps) await tx.objectStore('steps').put(step);
    }
    await tx.done;
    old.close();

    const db = await openPeakendDb();
    expect([...db.objectStoreNames]).toContain('scoreCache');
    expect(await getAudit(db, FIRST)).toEqual(seeded[0]!.audit);
    expect(await listSteps(db, FIRST)).toEqual(seeded[0]!.steps);
    expect(await cachedIds(db)).toEqual([]);
    const first = await openView(db);
    expect(first.fresh).toHaveLength(specs.length);
    for (const item of first.head.items) expect(item.scores).toEqual(await scoresNow(db, item.audit.id));
  });
});

describe('the programme view with stored summaries', () => {
  it('reads no step the second time, and shows the same numbers', async () => {
    const db = await openPeakendDb();
    await seedRaw(db, specs.map(specAudit));
    const first = await openView(db);
    expect(first.steps.size).toBe(specs.length);
    const second = await openView(db);
    expect(second.fresh).toEqual([]);
    expect(second.steps.size).toBe(0);
    expect(second.head.stats).toEqual(first.head.stats);
    expect(second.head.items.map((i) => i.scores)).toEqual(first.head.items.map((i) => i.scores));
  });

  it.each(['running', 'ended'] as const)(
    'does not keep a summary computed before a write that lands before it is stored (%s)',
    async (status) => {
      const db = await openPeakendDb();
      await seedRaw(
        db,
        specs
          .map(specAudit)
          .map(({ audit, steps }) => ({ audit: audit.id === FIRST ? { ...audit, status } : audit, steps })),
      );
      const loaded = await loadProgrammeHead(db, PROGRAMME.id, LATER);
      if (!loaded.ok) throw new Error(loaded.reason);
      const step = (await listSteps(db, FIRST))[0]!;
      await patchStep(db, step.id, { ease: 1, valence: -3 }, LATER);
      expect(await saveScoreSummaries(db, loaded)).toBe(specs.length - 1);
      const viewed = loaded.head.items.find((i) => i.audit.id === FIRST)!.scores;
      // Running: no summary until the view scores it again; ended: the one the write stored.
      const stored = (await recordOf(db, FIRST)).scores;
      expect(stored).toEqual(status === 'ended' ? await scoresNow(db, FIRST) : null);
      const again = await openView(db);
      const shown = again.head.items.find((i) => i.audit.id === FIRST)!.scores;
      expect(shown).toEqual(await scoresNow(db, FIRST));
      expect(shown).not.toEqual(viewed);
    },
  );

  it('does not use a summary stored by another build of the scoring code', async () => {
    const db = await warmDb();
    const { entries } = await readAuditScores(db, SCORING_REVISION, all);
    const entry = entries.find((e) => e.audit.id === FIRST)!;
    await storeScoreSummaries(db, 'an-older-build', [
      { auditId: FIRST, revision: entry.revision, scores: { ...entry.cached!, overall: { value: 1 } } },
    ]);
    const after = await readAuditScores(db, SCORING_REVISION, all);
    const read = after.entries.find((e) => e.audit.id === FIRST)!;
    expect(read.cached).toBeNull();
    expect(await read.steps).toHaveLength(specs[0]!.eases.length);
  });
});

// Every write path over an audit or its steps, each after the view has stored every summary. For an
// audit in progress the written audit's summary is no longer used, the others still are, and the view
// then shows the scores of what is stored now. For an ended audit the write stores, in its own
// transaction, the summary of what it wrote: a new revision and the same numbers as computeScores over
// the stored audit and steps, so the view scores nothing from steps.
const others = specs
  .map((s) => s.id)
  .filter((id) => id !== FIRST)
  .sort();
const stepOf = async (db: PeakendDb) => (await listSteps(db, FIRST))[0]!;
const writes: Record<string, (db: PeakendDb) => Promise<unknown>> = {
  putAudit: async (db) => putAudit(db, { ...(await getAudit(db, FIRST))!, site: 'Westwind' }),
  patchAudit: (db) => patchAudit(db, FIRST, { auditor: 'heron' }, LATER),
  updateCriterionMark: (db) => updateCriterionMark(db, FIRST, 'F1', (m) => ({ ...m, mark: 'pass' }), LATER),
  changeReview: (db) => changeReview(db, FIRST, 'submit', { name: 'fox', role: 'auditor' }, '', LATER),
  addStep: (db) => addStep(db, FIRST, { url: 'https://shop.example/x', title: 'X', trigger: 'manual' }, LATER),
  patchStep: async (db) => patchStep(db, (await stepOf(db)).id, { ease: 1 }, LATER),
  patchStepSuggestingStage: async (db) =>
    patchStepSuggestingStage(db, (await stepOf(db)).id, { valence: -3 }, 'payment', LATER),
  setStepCapture: async (db) =>
    setStepCapture(db, (await stepOf(db)).id, { status: 'uncapturable', reason: 'chrome:// page' }, LATER),
  setStepSignals: async (db) => setStepSignals(db, (await stepOf(db)).id, makeSignals({ clicks: 40 }), LATER),
  insertTouchpoint: (db) =>
    insertTouchpoint(db, FIRST, { channel: 'phone', title: 'Courier call', occurredAt: null }, 0, LATER),
  addScreenshot: async (db) => {
    const step = await stepOf(db);
    const full = jpegBlob(500, 2);
    const shot = createScreenshot({
      auditId: FIRST,
      stepId: step.id,
      takenAt: LATER,
      mime: 'image/jpeg',
      width: 1280,
      height: 800,
      bytes: full.size,
      sha256: 'ab'.repeat(32),
      thumbWidth: 320,
      thumbHeight: 200,
      thumbBytes: 0,
      masked: true,
      maskedFields: 0,
    });
    return addScreenshot(db, shot, full, null, LATER);
  },
  addAttachment: async (db) => {
    const step = await stepOf(db);
    const attachment = createAttachment({
      auditId: FIRST,
      stepId: step.id,
      name: 'photo.jpg',
      mime: 'image/jpeg',
      bytes: 20,
      sha256: 'ab'.repeat(32),
      addedAt: LATER,
      width: 4,
      height: 3,
      redactions: 0,
    });
    return addAttachment(db, attachment, jpegBlob(20), null, LATER);
  },
  putProbe: (db) =>
    putProbe(
      db,
      createProbe(
        { auditId: FIRST, stepId: null, channel: 'chat', question: 'Open?', sentAt: 1_000, expectationMs: null },
        LATER,
      ),
    ),
};

/** The stored record of the audit: its revision and the summary's scores, if any. */
async function recordOf(db: PeakendDb, id: string) {
  const record = await db.get('scoreCache', id);
  return {
    revision: record?.revision ?? 0,
    scores: record?.summary?.scoring === SCORING_REVISION ? record.summary.scores : null,
  };
}

/** As warmDb, with FIRST running (a review is taken on ended audits only: left out there). */
async function warmDbWithFirstRunning(): Promise<PeakendDb> {
  const db = await openPeakendDb();
  await seedRaw(
    db,
    specs.map(specAudit).map(({ audit, steps }) => ({
      audit: audit.id === FIRST ? { ...audit, status: 'running' as const } : audit,
      steps,
    })),
  );
  await openView(db);
  expect(await cachedIds(db)).toEqual(specs.map((s) => s.id).sort());
  return db;
}

describe('every write to an audit in progress drops its summary', () => {
  const running = Object.entries(writes).filter(([name]) => name !== 'changeReview');
  it.each(running)('%s', async (_name, write) => {
    const db = await warmDbWithFirstRunning();
    const before = await recordOf(db, FIRST);
    await write(db);
    expect(await recordOf(db, FIRST)).toEqual({ revision: before.revision + 1, scores: null });
    expect(await cachedIds(db)).toEqual(others);
    const view = await openView(db);
    expect(view.fresh.map((f) => f.auditId)).toEqual([FIRST]);
    const shown = view.head.items.find((i) => i.audit.id === FIRST);
    // putAudit moved the audit to another site; it is still in the programme.
    expect(shown?.scores).toEqual(await scoresNow(db, FIRST));
    expect(await cachedIds(db)).toEqual(specs.map((s) => s.id).sort());
  });
});

describe('every write to an ended audit stores its summary in the same transaction', () => {
  it.each(Object.entries(writes))('%s', async (_name, write) => {
    const db = await warmDb();
    const before = await recordOf(db, FIRST);
    await write(db);
    const after = await recordOf(db, FIRST);
    expect(after.revision).toBe(before.revision + 1);
    expect(after.scores).toEqual(await scoresNow(db, FIRST));
    expect(await cachedIds(db)).toEqual(specs.map((s) => s.id).sort());
    const view = await openView(db);
    expect(view.fresh).toEqual([]);
    expect(view.steps.size).toBe(0);
    expect(view.head.items.find((i) => i.audit.id === FIRST)?.scores).toEqual(await scoresNow(db, FIRST));
  });

  it('with no summary before (a database never opened in the view), the write stores one', async () => {
    const db = await openPeakendDb();
    await seedRaw(db, specs.map(specAudit));
    await patchStep(db, (await stepOf(db)).id, { ease: 1, valence: -4 }, LATER);
    expect(await cachedIds(db)).toEqual([FIRST]);
    expect((await recordOf(db, FIRST)).scores).toEqual(await scoresNow(db, FIRST));
  });

  it('ending an audit stores its summary; reopening it drops it', async () => {
    const db = await warmDbWithFirstRunning();
    await patchAudit(db, FIRST, { auditor: 'heron' }, LATER);
    expect(await cachedIds(db)).toEqual(others);
    await patchAudit(db, FIRST, { status: 'ended' }, LATER);
    expect((await recordOf(db, FIRST)).scores).toEqual(await scoresNow(db, FIRST));
    await patchAudit(db, FIRST, { status: 'paused' }, LATER);
    expect(await cachedIds(db)).toEqual(others);
  });

  it('a changed mark changes the stored numbers', async () => {
    const db = await warmDb();
    const provisional = specs.find((s) => s.unmarked?.length)!;
    const before = await recordOf(db, provisional.id);
    for (const id of provisional.unmarked!) {
      await updateCriterionMark(db, provisional.id, id, (m) => ({ ...m, mark: 'fail' }), LATER);
    }
    const after = await recordOf(db, provisional.id);
    expect(after.scores).not.toEqual(before.scores);
    expect(after.scores).toEqual(await scoresNow(db, provisional.id));
  });
});

describe('other writes', () => {
  it('updateProbe: running, the summary is dropped; ended, it is stored again', async () => {
    const db = await openPeakendDb();
    await seedRaw(db, specs.map(specAudit));
    const probe = createProbe(
      { auditId: FIRST, stepId: null, channel: 'chat', question: 'Open?', sentAt: 1_000, expectationMs: null },
      LATER,
    );
    await putProbe(db, probe);
    expect(await cachedIds(db)).toEqual([FIRST]);
    const before = await recordOf(db, FIRST);
    await updateProbe(db, probe.id, (p) => ({ ...p, question: 'Open today?' }), LATER);
    expect(await recordOf(db, FIRST)).toEqual({ revision: before.revision + 1, scores: await scoresNow(db, FIRST) });
    await patchAudit(db, FIRST, { status: 'running' }, LATER);
    await openView(db);
    expect(await cachedIds(db)).toContain(FIRST);
    await updateProbe(db, probe.id, (p) => ({ ...p, question: 'Open at all?' }), LATER);
    expect(await cachedIds(db)).toEqual(others);
  });

  it('importAudit, new and replacing (as a synced audit arrives): an ended audit arrives scored', async () => {
    const db = await openPeakendDb();
    const f = fixture({ programme: { id: PROGRAMME.id, name: PROGRAMME.name, wave: 'Wave 9' } });
    await importAudit(db, await plan(f.zip));
    expect(await cachedIds(db)).toEqual([f.audit.id]);
    expect((await recordOf(db, f.audit.id)).scores).toEqual(await scoresNow(db, f.audit.id));
    const view = await openView(db);
    expect(view.fresh).toEqual([]);
    expect(view.head.items.map((i) => i.audit.id)).toEqual([f.audit.id]);
    // The same audit arrives again, now in another wave.
    const changed = fixture({ programme: { id: PROGRAMME.id, name: PROGRAMME.name, wave: 'Wave 10' } });
    await importAudit(db, await plan(changed.zip), { onClash: 'replace' });
    expect(await cachedIds(db)).toEqual([f.audit.id]);
    expect((await recordOf(db, f.audit.id)).scores).toEqual(await scoresNow(db, f.audit.id));
    const again = await openView(db);
    expect(again.fresh).toEqual([]);
    expect(again.head.items[0]?.audit.programme?.wave).toBe('Wave 10');
  });

  it('importAudit of an audit in progress stores no summary', async () => {
    const db = await openPeakendDb();
    const f = fixture({ status: 'paused', programme: { id: PROGRAMME.id, name: PROGRAMME.name, wave: 'Wave 9' } });
    await importAudit(db, await plan(f.zip));
    expect(await recordOf(db, f.audit.id)).toEqual({ revision: 1, scores: null });
    expect((await openView(db)).fresh.map((x) => x.auditId)).toEqual([f.audit.id]);
  });

  it('duplicateAsPlan: the new audit starts with no summary', async () => {
    const db = await warmDb();
    const copy = await duplicateAsPlan(db, FIRST, LATER);
    const { entries } = await readAuditScores(db, SCORING_REVISION, all);
    const entry = entries.find((e) => e.audit.id === copy.id)!;
    expect(entry.cached).toBeNull();
    expect(entry.revision).toBe(1);
  });

  it('deleteAudit removes its summary; an audit later stored under the same id is scored afresh', async () => {
    const db = await warmDb();
    const audit = (await getAudit(db, FIRST))!;
    await deleteAudit(db, FIRST);
    expect(await db.get('scoreCache', FIRST)).toBeUndefined();
    await putAudit(db, { ...audit, status: 'running' });
    expect(await recordOf(db, FIRST)).toEqual({ revision: 1, scores: null });
    expect(await cachedIds(db)).toEqual(others);
  });
});
