// Issue 23's last two faults in Chromium, as the panel meets them (the engine's are unit-tested in
// test/unit/sync/conflicts.test.ts): an audit edited on both machines while the team server is down
// (both versions kept, each panel showing who, when and what differs, a person on one machine
// choosing, the choice reaching the other), and the service worker stopped while a large share runs
// (the sync is the panel's: every document reaches the server once, at its first revision).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReportData } from '../../src/report/data.ts';
import { buildExport } from '../../src/report/json.ts';
import { buildZip } from '../../src/report/zip.ts';
import { stepDocId } from '../../src/sync/documents.ts';
import type { PouchDoc } from '../../src/sync/pouch-port.ts';
import type { Step } from '../../src/domain/model.ts';
import { startCouchServer, type CouchServer } from '../support/couch-server.ts';
import { fixture, shot } from '../unit/import/helpers.ts';
import { audits, demoShopFixture, eventually, openPanel, steps, type Session } from './support/peakend.ts';
import { connect, expectSharedOnce, syncNow } from './support/programme.ts';
import { importProgrammeAudit, openAudit, PROGRAMME, toLibrary } from './support/review.ts';

const shop = demoShopFixture();
const ANNA = 'Anna: the search box hides under the banner';
const BORIS = 'Boris: search found the jacket at once';
const LATER = 'Anna: later, the size guide opens behind the basket';
let server: CouchServer;
beforeEach(async () => {
  server = await startCouchServer();
});
afterEach(async () => server.close());

const status = (panel: Page) => panel.locator('.programme [role=status]').textContent();
const alertCount = (panel: Page) => panel.locator('.programme [role=alert]').count();

/** A step document's leaves on the server: the winner and every conflicting revision. */
async function leaves(db: string, id: string): Promise<PouchDoc[]> {
  const doc = await server.db(db).get(id, { conflicts: true });
  const others = await Promise.all((doc._conflicts ?? []).map((rev) => server.db(db).get(id, { rev })));
  return [doc, ...others];
}
const noteOf = (doc: PouchDoc) => (doc.step as { note: string }).note;

/** Replaces the audit view's first note, typed at a person's pace, and waits for "Saved": the step edited. */
async function editNote(s: Session, panel: Page, text: string): Promise<Step> {
  await openAudit(panel);
  const note = panel.getByLabel('Note').first();
  await note.click();
  await panel.keyboard.press('Control+a');
  await panel.keyboard.type(text, { delay: 30 });
  await panel.getByText('Saved', { exact: true }).first().waitFor();
  const list = await eventually(
    () => steps(s.h),
    (all) => all.some((step) => step.note === text),
  );
  await toLibrary(panel);
  return list.find((step) => step.note === text)!;
}

/** Sync now, and the pass it started over (its status says so, the button is enabled again). */
async function synced(panel: Page, expect: RegExp): Promise<void> {
  await syncNow(panel);
  await panel.locator('.programme [role=status]', { hasText: 'Syncing…' }).waitFor();
  await panel.locator('.programme [role=status]', { hasText: expect }).waitFor({ timeout: 30000 });
  await panel.locator('.programme').getByRole('button', { name: 'Sync now' }).and(panel.locator(':enabled')).waitFor();
}

async function noteHere(s: Session, stepId: string): Promise<string | undefined> {
  return (await steps(s.h)).find((step) => step.id === stepId)?.note;
}

describe('sync faults in the browser (issue 23)', () => {
  it('an audit edited on both machines while apart: both kept, a person chooses, the choice travels', async () => {
    const DB = 'conflicts';
    const a = await shop.launch();
    const panelA = await openPanel(a);
    const auditId = await importProgrammeAudit(panelA);
    await connect(panelA, server.url, 'anna', DB);
    await panelA.locator(`[data-audit-id="${auditId}"]`).getByRole('button', { name: 'Share this audit' }).click();
    await eventually(
      async () => (await server.db(DB).allDocs({})).rows.length,
      (n) => n === 4,
      30000,
    );
    const b = await shop.launch();
    const panelB = await openPanel(b);
    await panelB.getByRole('heading', { name: 'Audits' }).waitFor();
    await connect(panelB, server.url, 'boris', DB);
    await eventually(
      () => audits(b.h),
      (list) => list.some((x) => x.id === auditId),
      30000,
    );

    // Apart: the server is down while each edits the same step's note.
    await server.stop();
    const edited = await editNote(a, panelA, ANNA);
    expect((await editNote(b, panelB, BORIS)).id).toBe(edited.id);
    const docId = stepDocId(auditId, edited.id);
    const n = edited.index + 1;

    // Back: A syncs, then B (whose push meets A's edit on the server), then A again.
    await server.start();
    await synced(panelA, /^Up to date/);
    await synced(panelB, /^Up to date/);
    await synced(panelA, /^Up to date/);
    const kept = await leaves(DB, docId);
    expect(kept.map(noteOf).sort()).toEqual([ANNA, BORIS]);

    // Nothing written over: each machine still has its own note, and both panels show both versions.
    expect(await noteHere(a, edited.id)).toBe(ANNA);
    expect(await noteHere(b, edited.id)).toBe(BORIS);
    for (const panel of [panelA, panelB]) {
      const item = panel.locator(`.programme__conflicts [data-audit-id="${auditId}"]`);
      await item.waitFor({ timeout: 15000 });
      expect(await panel.getByRole('heading', { name: 'Edited on two computers' }).count()).toBe(1);
      const versions = (await item.locator('.programme__version').allTextContents()).sort();
      expect(versions).toEqual([
        expect.stringMatching(new RegExp(`^Step ${n}, note: ${ANNA}Keep the version anna shared on \\w{3} \\d`)),
        expect.stringMatching(new RegExp(`^Step ${n}, note: ${BORIS}Keep the version boris shared on \\w{3} \\d`)),
      ]);
      const axe = await new AxeBuilder({ page: panel })
        .include('.programme')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
    }
    // Syncing again while nobody has chosen loses neither version.
    await synced(panelA, /^Up to date/);
    await synced(panelB, /^Up to date/);
    expect((await leaves(DB, docId)).map(noteOf).sort()).toEqual([ANNA, BORIS]);
    // Anna goes on working while it waits: that edit is in neither version, and shared nowhere.
    await editNote(a, panelA, LATER);
    await synced(panelA, /^Up to date/);
    expect((await leaves(DB, docId)).map(noteOf).sort()).toEqual([ANNA, BORIS]);

    // A person on B keeps Boris's version; A's next sync takes it in.
    await panelB.getByRole('button', { name: /^Keep the version boris shared on / }).click();
    await panelB.locator('.programme__conflicts').waitFor({ state: 'detached', timeout: 30000 });
    await eventually(
      () => leaves(DB, docId),
      (list) => list.length === 1 && noteOf(list[0]!) === BORIS,
      30000,
    );
    await synced(panelA, /^Up to date/);
    await panelA.locator('.programme__conflicts').waitFor({ state: 'detached', timeout: 30000 });
    await eventually(
      () => noteHere(a, edited.id),
      (note) => note === BORIS,
    );
    expect(await noteHere(b, edited.id)).toBe(BORIS);
    // Anna's edit made while waiting is kept on her computer, in a copy the panel announces.
    const copies = (await audits(a.h)).filter((x) => x.id !== auditId);
    expect(copies.map((x) => x.site)).toEqual([expect.stringMatching(/ \(edited here while in conflict\)$/)]);
    const copyNotes = (await steps(a.h)).filter((x) => x.auditId === copies[0]!.id).map((x) => x.note);
    expect(copyNotes).toContain(LATER);
    expect(await status(panelA)).toContain('they are kept in a copy in your library');
    await panelA.locator(`[data-audit-id="${copies[0]!.id}"]`).first().waitFor();
    expect((await audits(b.h)).map((x) => x.id)).toEqual([auditId]);
    // One leaf per document on the server, and it stays so after both sync again.
    await synced(panelB, /^Up to date/);
    await synced(panelA, /^Up to date/);
    const all = await server.db(DB).allDocs({ include_docs: true, conflicts: true });
    expect(all.rows.filter((row) => (row.doc?._conflicts?.length ?? 0) > 0)).toEqual([]);
    expect(noteOf((await leaves(DB, docId))[0]!)).toBe(BORIS);
    expect(await noteHere(a, edited.id)).toBe(BORIS);
    for (const panel of [panelA, panelB]) expect(await alertCount(panel)).toBe(0);
  }, 300_000);

  it('the worker stopped while a large share runs: every document once, at its first revision', async () => {
    const DB = 'worker';
    const AUDITS = 8;
    const SHOT_BYTES = 250_000;
    const s = await shop.launch();
    const panel = await openPanel(s);
    const ids: string[] = [];
    for (let i = 0; i < AUDITS; i++) {
      const id = `aud_00000000-0000-4000-8000-00000000c0${String(i).padStart(2, '0')}`;
      await importZip(panel, id, bigZip(id, SHOT_BYTES));
      ids.push(id);
    }
    await connect(panel, server.url, 'ana', DB);
    await panel.getByText('Up to date').waitFor({ timeout: 30000 });
    expect((await server.db(DB).allDocs({})).rows).toEqual([]);

    await panel.getByLabel('Share finished audits automatically').check();
    await panel.locator('.programme [role=status]', { hasText: 'Syncing…' }).waitFor();
    // The browser stops the worker, again and again, while the pass runs.
    let stops = 0;
    const seenDuring: number[] = [];
    while ((await status(panel)) === 'Syncing…') {
      await s.h.stopServiceWorker();
      if ((await status(panel)) !== 'Syncing…') break;
      stops += 1;
      seenDuring.push((await server.db(DB).allDocs({})).rows.length);
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(stops).toBeGreaterThan(0);
    expect(seenDuring[0]).toBeLessThan(AUDITS * 4);
    // The pass ended: up to date, or (cut short) the next pass resumes from its checkpoint.
    if (!(await status(panel))?.startsWith('Up to date')) await synced(panel, /^Up to date/);
    expect(await status(panel)).toMatch(/^Up to date/);
    expect(await alertCount(panel)).toBe(0);

    const { rows } = await server.db(DB).allDocs({ include_docs: true, conflicts: true });
    expect(rows).toHaveLength(AUDITS * 4);
    expectSharedOnce(rows, ids);
    // Every screenshot once, with its bytes: one attachment per step document, of the size shared.
    for (const row of rows.filter((r) => r.id.startsWith('step:'))) {
      const files = Object.values(
        (row.doc?._attachments ?? {}) as Record<string, { length?: number; digest?: string }>,
      );
      expect(files.map((f) => f.length)).toEqual([SHOT_BYTES]);
    }
    // A sync after it sends nothing again.
    await synced(panel, /^Up to date: 0 documents sent/);
  }, 300_000);
});

/** The import fixture as a programme audit whose three screenshots are `bytes` of incompressible JPEG each. */
function bigZip(id: string, bytes: number): Uint8Array {
  const f = fixture({ id, programme: PROGRAMME, auditor: 'ana', site: 'Northwind', status: 'ended' });
  const blobs = new Map<string, Uint8Array>();
  const shots = f.steps.map((step) => {
    const data = new Uint8Array(randomBytes(bytes));
    data.set([0xff, 0xd8, 0xff, 0xe0]);
    data.set([0xff, 0xd9], bytes - 2);
    const meta = shot(step, data, 'image/jpeg');
    blobs.set(meta.id, data);
    return meta;
  });
  const data = buildReportData(f.audit, f.steps, shots, '2026-11-23T12:00:00.000Z', undefined, [], f.probes);
  return buildZip(buildExport(data, { generatorVersion: '0.1.0' }), blobs);
}

async function importZip(panel: Page, id: string, zip: Uint8Array): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'peakend-conflicts-')), 'audit.zip');
  writeFileSync(file, zip);
  await panel.locator('input[type=file]').setInputFiles(file);
  await panel.locator(`.audit-row[data-audit-id="${id}"]`).waitFor({ timeout: 30000 });
}
