// Moving audits between machines, in a real Chromium with the built extension: a journey recorded
// on the demo shop (real screenshots), rated, with an emotion, a finding and hostile text, exported
// from the report tab as a zip and as JSON, then imported through the library's file input into a
// FRESH profile: same records, byte-identical screenshot blobs, same scores; keep both and replace
// on a clash. Then every bad file of the issue, through the same input, leaves every store
// unchanged and says why in a role=alert message.
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { completeness } from '../../src/domain/completeness.ts';
import type { Audit, Screenshot, Step } from '../../src/domain/model.ts';
import { computeScores } from '../../src/domain/scores/index.ts';
import type { AuditExport } from '../../src/domain/export-format.ts';
import { buildZip } from '../../src/report/zip.ts';
import type { Harness } from './harness/index.ts';
import {
  audits,
  blobs,
  eventually,
  launch,
  openPanel,
  screenshots,
  settled,
  startAudit,
  startDemoShop,
  steps,
  type DemoShop,
  type Session,
} from './support/peakend.ts';
import { clone, declareSize, fixture, jpeg, sha256hex } from '../unit/import/helpers.ts';

const HOSTILE = `<img src=x onerror="window.__pwned=1">"'&amp;</script><script>window.__pwned=2</script> {{x}} \${y}`;

let shop: DemoShop;
let sessions: Session[] = [];
let dir: string;

beforeAll(async () => {
  shop = await startDemoShop();
  dir = mkdtempSync(join(tmpdir(), 'peakend-import-e2e-'));
});
afterAll(async () => {
  await shop.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.h.close();
});

async function session(): Promise<Session> {
  const s = await launch({ shop });
  sessions.push(s);
  return s;
}

const STORES = ['audits', 'steps', 'screenshots', 'blobs', 'meta', 'templates'] as const;

/** Every store of the extension's database, keys included (blobs as type, size and SHA-256). */
async function everything(h: Harness): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const store of STORES) out[store] = await h.readIndexedDbEntries('peakend', store);
  return out;
}

/** Sets ratings, emotions, a finding, rubric marks and hostile text on the recorded audit, in the panel's page. */
async function rate(panel: Page, auditId: string, shotOfStep1: string): Promise<void> {
  await panel.evaluate(
    async ({ auditId, shotId, hostile }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('peakend');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['audits', 'steps'], 'readwrite');
      const get = <T>(store: string, key: IDBValidKey) =>
        new Promise<T>((resolve) => {
          const r = tx.objectStore(store).get(key);
          r.onsuccess = () => resolve(r.result as T);
        });
      const all = await new Promise<Array<{ auditId: string; index: number; id: string }>>((resolve) => {
        const r = tx.objectStore('steps').getAll();
        r.onsuccess = () => resolve(r.result);
      });
      const mine = all.filter((s) => s.auditId === auditId).sort((a, b) => a.index - b.index);
      const patches = [
        { ease: 6, valence: 2, arousal: 6, emotions: [{ emotion: 'interested', intensity: 3 }], note: 'Clear listing' },
        {
          ease: 2,
          valence: -3,
          emotions: [
            { emotion: 'frustrated', intensity: 4 },
            { emotion: 'stressed', intensity: 2 },
          ],
          note: hostile,
          findings: [
            {
              id: 'fnd_e2e_1',
              title: hostile,
              severity: 3,
              element: 'frictionless',
              evidence: { shotId, rect: { x: 10, y: 20, width: 200, height: 80 } },
              createdAt: '2026-11-23T10:05:00.000Z',
            },
          ],
        },
        { ease: 5, valence: 1, emotions: [{ emotion: 'pleased', intensity: 2 }] },
      ];
      mine.forEach((step, i) => tx.objectStore('steps').put({ ...step, ...patches[i] }));
      const audit = await get<{ rubric: { marks: Record<string, unknown> } }>('audits', auditId);
      tx.objectStore('audits').put({
        ...audit,
        site: hostile,
        scenario: `Buy a jacket ${hostile}`,
        endSurvey: { taskCompleted: true, ces: 5, rememberedValence: -1 },
        rubric: {
          ...audit.rubric,
          marks: {
            ...audit.rubric.marks,
            F1: { mark: 'fail', weight: 3, evidence: { stepId: mine[1]!.id, shotId }, comment: hostile },
            M1: { mark: 'pass', weight: 1, evidence: null, comment: '' },
          },
        },
      });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { auditId, shotId: shotOfStep1, hostile: HOSTILE },
  );
}

async function exportFrom(
  h: Harness,
  auditId: string,
  label: 'Export zip' | 'Export JSON',
  file: string,
): Promise<Buffer> {
  const report = await h.openExtensionPage(`src/report/report.html?audit=${encodeURIComponent(auditId)}`);
  const button = report.getByRole('button', { name: label, exact: true });
  await button.waitFor();
  const [download] = await Promise.all([report.waitForEvent('download'), button.click()]);
  const path = join(dir, file);
  await download.saveAs(path);
  await report.close();
  return readFileSync(path);
}

async function importThrough(panel: Page, path: string): Promise<void> {
  await panel.locator('input[type=file]').setInputFiles(path);
}

const withoutIds = <T extends object>(rows: T[], keys: string[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))));

describe('export, then import into a fresh profile', () => {
  it('is lossless: same steps, ratings, emotions, findings, byte-identical screenshots, same scores; clashes ask', async () => {
    // ---- machine A: record, rate, export ----------------------------------------------------
    const a = await session();
    const panelA = await openPanel(a);
    await startAudit(panelA);
    // Each page stays until its step is captured: this test is about the export, not the pace.
    const captured = (n: number) =>
      eventually(
        () => steps(a.h),
        (list) => list.length === n && settled(list),
      );
    await a.page.goto(`${shop.url}/products.html`);
    await captured(2);
    await a.page.click('a[href*="product.html"]');
    await a.page.waitForURL(/product\.html/);
    await captured(3);
    await a.page.goto(`${shop.url}/cart.html`);
    // The start page is step 1, then the three pages visited.
    const recorded = await eventually(
      () => steps(a.h),
      (list) => list.length === 4 && settled(list),
    );
    expect(recorded.every((st) => st.capture.status === 'ok')).toBe(true);
    await panelA.getByRole('button', { name: 'Pause' }).click();
    await eventually(
      () => audits(a.h),
      (list) => list[0]?.status === 'paused',
    );
    const auditId = (await audits(a.h))[0]!.id;
    const shotsA = await screenshots(a.h);
    expect(shotsA).toHaveLength(4);
    await rate(panelA, auditId, shotsA.find((x) => x.stepId === recorded[1]!.id)!.id);

    const zipBytes = await exportFrom(a.h, auditId, 'Export zip', 'journey.zip');
    await exportFrom(a.h, auditId, 'Export JSON', 'journey.json');
    const original = {
      audits: await audits(a.h),
      steps: await steps(a.h),
      shots: await screenshots(a.h),
      blobs: await blobs(a.h),
    };
    expect(original.steps[1]!.note).toBe(HOSTILE);
    const exported = JSON.parse(strFromU8(unzipSync(new Uint8Array(zipBytes))['audit.json']!)) as AuditExport;
    expect(exported.screenshots.every((x) => x.file !== null)).toBe(true);
    await a.h.close();
    sessions = sessions.filter((x) => x !== a);

    // ---- machine B: a fresh profile ---------------------------------------------------------
    const b = await session();
    const panel = await openPanel(b);
    await panel.getByRole('heading', { name: 'Audits' }).waitFor();
    expect(await audits(b.h)).toEqual([]);
    await importThrough(panel, join(dir, 'journey.zip'));
    await expect.poll(() => panel.getByRole('status').first().textContent(), { timeout: 15000 }).toContain('Imported');
    expect(await panel.getByRole('alert').count()).toBe(0);

    const imported = {
      audits: await audits(b.h),
      steps: await steps(b.h),
      shots: await screenshots(b.h),
      blobs: await blobs(b.h),
    };
    expect(imported.audits).toEqual(original.audits);
    expect(imported.steps).toEqual(original.steps);
    expect(imported.steps.map((st) => [st.ease, st.valence, st.emotions.map((e) => e.emotion)])).toEqual([
      [6, 2, ['interested']],
      [2, -3, ['frustrated', 'stressed']],
      [5, 1, ['pleased']],
      [null, null, []],
    ]);
    expect(imported.steps[1]!.findings).toEqual(original.steps[1]!.findings);
    expect(imported.shots.sort(byId)).toEqual(original.shots.sort(byId));
    const fullA = original.blobs.filter((x) => x.kind === 'full');
    const fullB = imported.blobs.filter((x) => x.kind === 'full');
    const byShot = (x: { shotId: string }, y: { shotId: string }) => x.shotId.localeCompare(y.shotId);
    expect(fullB.toSorted(byShot).map((x) => [x.shotId, x.blob.sha256, x.blob.size, x.blob.type])).toEqual(
      fullA.toSorted(byShot).map((x) => [x.shotId, x.blob.sha256, x.blob.size, x.blob.type]),
    );
    for (const shot of imported.shots) expect(fullB.find((x) => x.shotId === shot.id)!.blob.sha256).toBe(shot.sha256);
    // Thumbnails were made again from the pixels: small JPEGs.
    const thumbs = imported.blobs.filter((x) => x.kind === 'thumb');
    expect(thumbs).toHaveLength(4);
    for (const th of thumbs) {
      expect(th.blob.type).toBe('image/jpeg');
      expect(th.blob.size).toBeLessThan(fullB.find((x) => x.shotId === th.shotId)!.blob.size);
    }
    // Same scores: recomputed from the imported records, equal to the export's and the original's.
    const audit = imported.audits[0]!;
    const scores = computeScores(audit, imported.steps);
    expect(scores).toEqual(computeScores(original.audits[0]!, original.steps));
    expect(JSON.parse(JSON.stringify(scores))).toEqual(exported.scores);
    expect(completeness(audit, imported.steps)).toEqual(exported.completeness);

    // Hostile text is shown literally and runs nothing.
    const row = panel.locator(`[data-audit-id="${auditId}"]`);
    expect(await row.locator('.audit-row__site').textContent()).toBe(HOSTILE);
    expect(await panel.locator('.audit-row img, .audit-row script').count()).toBe(0);
    // The imported audit opens with its three screenshots.
    await row.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => panel.locator('.step img.thumb[src^="blob:"]').count()).toBe(4);
    expect(await panel.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await panel.getByRole('button', { name: 'Library' }).click();

    // ---- the JSON of the same audit: a clash; keep both ---------------------------------------
    await importThrough(panel, join(dir, 'journey.json'));
    const dialog = panel.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('An audit with this id exists');
    await dialog.getByRole('button', { name: 'Keep both' }).click();
    await expect.poll(() => audits(b.h).then((l) => l.length)).toBe(2);
    const copy = (await audits(b.h)).find((x) => x.id !== auditId)!;
    expect(copy.site).toBe(`${HOSTILE} (imported)`);
    const copySteps = (await steps(b.h)).filter((st) => st.auditId === copy.id);
    expect(withoutIds(copySteps, ['id', 'auditId', 'findings'])).toEqual(
      withoutIds(original.steps, ['id', 'auditId', 'findings']),
    );
    expect(copySteps[1]!.findings.map((x) => x.title)).toEqual([HOSTILE]);
    expect((await screenshots(b.h)).filter((x) => x.auditId === copy.id)).toHaveLength(4);
    expect((await blobs(b.h)).length).toBe(8); // the JSON carries no pixels
    await expect.poll(() => panel.getByRole('status').first().textContent()).toContain('came without their images');

    // ---- the zip again: replace -----------------------------------------------------------------
    const beforeReplace = await everything(b.h);
    await importThrough(panel, join(dir, 'journey.zip'));
    await panel.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
    await expect
      .poll(() => panel.getByRole('status').first().textContent(), { timeout: 20000 })
      .toMatch(/Imported .*4 steps, 4 screenshots/s);
    const afterReplace = await everything(b.h);
    for (const store of ['audits', 'steps', 'screenshots'] as const)
      expect(sortRows(afterReplace[store])).toEqual(sortRows(beforeReplace[store]));
    // Full images byte for byte (thumbnails are made again).
    const full = (rows: unknown) => sortRows(rows).filter((r) => (r.key as unknown[])[1] === 'full');
    expect(full(afterReplace.blobs)).toEqual(full(beforeReplace.blobs));
    expect(full(afterReplace.blobs)).toHaveLength(4);
    expect((await audits(b.h)).length).toBe(2);
  }, 120_000);
});

const byId = (x: Screenshot, y: Screenshot) => x.id.localeCompare(y.id);
const sortRows = (rows: unknown) =>
  [...(rows as Array<{ key: unknown }>)].sort((p, q) => JSON.stringify(p.key).localeCompare(JSON.stringify(q.key)));

describe('bad imports through the library', () => {
  it('leave every store unchanged and say why', async () => {
    const f = fixture();
    const good = join(dir, 'good.zip');
    writeFileSync(good, f.zip);

    const bad: Array<{ name: string; bytes?: Uint8Array; size?: number; message: string }> = [];
    bad.push({
      name: 'truncated.zip',
      bytes: f.zip.subarray(0, Math.floor(f.zip.length * 0.6)),
      message: 'This zip is incomplete (truncated): it ends before its table of contents. Nothing was imported.',
    });
    bad.push({
      name: 'bomb.zip',
      bytes: declareSize(f.zip, 'screenshots/sht_stp_a_0.jpg', 3_000_000_000),
      message: '(a zip bomb?). Nothing was imported.',
    });
    bad.push({
      name: 'newer.json',
      bytes: new TextEncoder().encode(JSON.stringify({ ...f.exp, version: 4 })),
      message: 'This file was made by a newer Peakend (format version 4',
    });
    const missing = new Map(f.blobs);
    bad.push({
      name: 'missing.zip',
      bytes: zipSync({
        'audit.json': new TextEncoder().encode(JSON.stringify(f.exp)),
        'screenshots/sht_stp_a_0.jpg': missing.get('sht_stp_a_0')!,
      }),
      message: 'The screenshot screenshots/sht_stp_b_0.jpg is missing from the zip.',
    });
    const altered = new Map(f.blobs);
    const flipped = f.blobs.get('sht_stp_b_0')!.slice();
    flipped[900] = flipped[900]! ^ 0x40;
    altered.set('sht_stp_b_0', flipped);
    bad.push({
      name: 'altered.zip',
      bytes: buildZip(f.exp, altered),
      message: 'was altered after capture: its SHA-256 does not match',
    });
    const notImage = new TextEncoder().encode('<html><script>window.__pwned=3</script></html>');
    const fakeExp = clone(f.exp);
    fakeExp.screenshots[0].bytes = notImage.length;
    fakeExp.screenshots[0].sha256 = sha256hex(notImage);
    bad.push({
      name: 'not-image.zip',
      bytes: buildZip(fakeExp as AuditExport, new Map([...f.blobs, ['sht_stp_a_0', notImage]])),
      message: 'screenshots/sht_stp_a_0.jpg is not an image',
    });
    const hostileField = clone(f.exp);
    hostileField.steps[0].ease = HOSTILE;
    bad.push({
      name: 'hostile.json',
      bytes: new TextEncoder().encode(JSON.stringify(hostileField)),
      message: 'steps[0].ease should be a whole number from 1 to 7',
    });
    bad.push({
      name: 'huge.zip',
      size: 300 * 1000 * 1000,
      message: 'This file is too large to import (286 MB; the limit is 250 MB). Nothing was imported.',
    });
    for (const b of bad) {
      const path = join(dir, b.name);
      if (b.bytes) writeFileSync(path, b.bytes);
      else {
        writeFileSync(path, jpeg(16, 1));
        truncateSync(path, b.size); // sparse: 300 MB on paper, nothing on disk
      }
    }

    const s = await session();
    const panel = await openPanel(s);
    await panel.getByRole('heading', { name: 'Audits' }).waitFor();
    // The database holds one good audit first, so "unchanged" is about real data.
    await importThrough(panel, good);
    await eventually(
      () => steps(s.h),
      (list) => list.length === 3,
    );
    await expect.poll(() => panel.getByRole('status').first().textContent()).toContain('Imported');

    for (const b of bad) {
      const before = await everything(s.h);
      await importThrough(panel, join(dir, b.name));
      const alert = panel.getByRole('alert');
      await expect.poll(() => alert.textContent(), { timeout: 15000, message: b.name }).toContain(b.message);
      expect(await alert.textContent(), b.name).toContain('Nothing was imported.');
      expect(await everything(s.h), b.name).toEqual(before);
      expect(await panel.getByRole('dialog').count()).toBe(0);
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => alert.count()).toBe(0);
    }
    expect(await panel.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await panel.locator('.banner img, .banner script').count()).toBe(0);
    expect((await audits(s.h)).map((x: Audit) => x.id)).toEqual([f.audit.id]);
    expect((await steps(s.h)).map((x: Step) => x.id)).toEqual(['stp_a', 'stp_b', 'stp_c']);
  }, 120_000);
});
