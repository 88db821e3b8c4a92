// Issue 21 in a real Chromium: an audit of pages with a phone-call touchpoint placed between them,
// an image pasted from the clipboard into it, a redaction box drawn over it and burned into the
// stored pixels; the touchpoint in the step list, the report and every export; and a round trip
// through export and import that gives back the same steps, byte-identical attachments and the
// same channel probes (a chat probe on the call, seeded in the store: the panel's probe controls are
// another branch's).
import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditExport } from '../../src/domain/export-format.ts';
import type { Probe } from '../../src/domain/probes.ts';
import type { Attachment } from '../../src/domain/touchpoints.ts';
import type { BlobSummary, Harness } from './harness/index.ts';
import { easeRadioName } from './support/audit-walk.ts';
import { addTouchpoint, pasteRedactedImage } from './support/touchpoint-walk.ts';
import { demoShopFixture, eventually, openPanel, settled, startAudit, steps } from './support/peakend.ts';

const demo = demoShopFixture();
const dir = mkdtempSync(join(tmpdir(), 'peakend-touchpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Downloads one export from the report tab; its bytes. */
async function download(report: Page, label: string, file: string): Promise<Buffer> {
  const [got] = await Promise.all([
    report.waitForEvent('download'),
    report.getByRole('button', { name: label, exact: true }).click(),
  ]);
  const path = join(dir, file);
  await got.saveAs(path);
  return readFileSync(path);
}

const attachmentRows = (h: Harness) => h.readIndexedDb<AttachmentBlobRow>('peakend', 'attachmentBlobs');

interface AttachmentBlobRow {
  attachmentId: string;
  kind: 'full' | 'thumb';
  blob: BlobSummary;
}

/** RGB at points of a stored image (base64), decoded in the page. */
const PIXELS = String.raw`async ({ base64, type, points }) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(bitmap, 0, 0);
  return { width: bitmap.width, height: bitmap.height, rgb: points.map(([x, y]) => [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)]) };
}`;

async function pixels(page: Page, blob: BlobSummary, points: [number, number][]) {
  return page.evaluate<{ width: number; height: number; rgb: number[][] }>(
    `(${PIXELS})(${JSON.stringify({ base64: blob.base64, type: blob.type, points })})`,
  );
}

describe('touchpoints', () => {
  it('records a phone call between pages with a pasted, redacted image', async () => {
    const s = await demo.launch();
    const { h, page, shop } = s;
    const panel = await openPanel(s);
    await startAudit(panel);
    await page.goto(`${shop.url}/product.html`);
    await eventually(
      () => steps(h),
      (list) => list.length === 2 && settled(list),
    );

    // The call happened after the first page: placed there, not at the end.
    await addTouchpoint(h, panel, { channel: 'phone', title: 'Called to ask about sizes', position: 1 });
    const list = await steps(h);
    expect(list.map((st) => st.kind ?? 'page')).toEqual(['page', 'touchpoint', 'page']);
    const call = list[1]!;
    expect(call).toMatchObject({ channel: 'phone', title: 'Called to ask about sizes', url: '', signals: null });

    // In the step list: its number, its title and its channel, as text.
    const card = panel.locator(`[data-step-id="${call.id}"]`);
    await expect(card.locator('.step__index').textContent()).resolves.toBe('2');
    await expect(card.locator('[data-channel="phone"]').textContent()).resolves.toContain('Phone call');

    // Rated like a page.
    await card.getByRole('radio', { name: easeRadioName(2) }).check();
    await eventually(
      () => steps(h),
      (all) => all[1]?.ease === 2,
    );

    // An image pasted from the clipboard opens in the redaction editor; one box over the top-left.
    await pasteRedactedImage(panel);
    const [attachment] = await eventually(
      () => h.readIndexedDb<Attachment>('peakend', 'attachments'),
      (rows) => rows.length === 1,
    );
    expect(attachment).toMatchObject({ stepId: call.id, mime: 'image/png', width: 400, height: 300, redactions: 1 });
    expect(attachment!.name).toMatch(/^image\.png$/);
    await card.locator('img.attachment__thumb').waitFor();

    const rows = await h.readIndexedDb<AttachmentBlobRow>('peakend', 'attachmentBlobs', { base64: true });
    const full = rows.find((r) => r.kind === 'full')!;
    expect(full.blob.size).toBe(attachment!.bytes);
    expect(full.blob.sha256).toBe(attachment!.sha256);
    // The box (40..200, 30..150) is black in the stored pixels, the red band under it too; outside it,
    // white and red as pasted.
    const seen = await pixels(panel, full.blob, [
      [60, 60],
      [150, 140],
      [300, 60],
      [300, 150],
    ]);
    expect(seen.width).toBe(400);
    const [inBox, inBoxBand, outside, outsideBand] = seen.rgb as [number[], number[], number[], number[]];
    expect(Math.max(...inBox)).toBeLessThan(10);
    expect(Math.max(...inBoxBand)).toBeLessThan(10);
    expect(Math.min(...outside)).toBeGreaterThan(245);
    expect(outsideBand[0]).toBeGreaterThan(245);
    expect(outsideBand[1]).toBeLessThan(10);

    // A chat probe on the call, written the way the store writes one, from an extension page.
    const sentAt = Date.now() - 10 * 60_000;
    const probe: Probe = {
      id: 'prb_e2e_chat',
      auditId: call.auditId,
      stepId: call.id,
      channel: 'chat',
      question: 'Do you have it in <b>M</b>?',
      sentAt,
      replies: [{ at: sentAt + 90_000, answered: true }],
      resolvedAt: sentAt + 5 * 60_000,
      expectationMs: 2 * 60_000,
      createdAt: new Date(sentAt).toISOString(),
      updatedAt: new Date(sentAt + 5 * 60_000).toISOString(),
    };
    await panel.evaluate(async (record) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('peakend');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('probes', 'readwrite');
        tx.objectStore('probes').put(record);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, probe);

    // ---- the report and every export ---------------------------------------------------------
    await panel.getByRole('button', { name: 'Pause' }).click();
    const auditId = call.auditId;
    const report = await h.openExtensionPage(`src/report/report.html?audit=${encodeURIComponent(auditId)}`);
    const shown = report.locator(`article[data-step-id="${call.id}"]`);
    await shown.waitFor();
    await expect(shown.locator('[data-channel="phone"]').textContent()).resolves.toContain('Phone call');
    await expect(shown.locator('h3').textContent()).resolves.toBe('Called to ask about sizes');
    await expect
      .poll(() => shown.locator('[data-attachment-id] img').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(400);
    const zip = unzipSync(new Uint8Array(await download(report, 'Export zip', 'journey.zip')));
    const exp = JSON.parse(strFromU8(zip['audit.json']!)) as AuditExport;
    expect(exp.version).toBe(3);
    expect(exp.steps.map((st) => st.kind ?? 'page')).toEqual(['page', 'touchpoint', 'page']);
    expect(exp.probes).toEqual([probe]);
    // The report's channel view shows it, met, on the call's lane.
    await expect(
      report.locator('#channels tr[data-probe-id="prb_e2e_chat"]').getAttribute('data-outcome'),
    ).resolves.toBe('met');
    expect(exp.attachments).toHaveLength(1);
    const file = zip[exp.attachments[0]!.file!]!;
    expect(file.length).toBe(attachment!.bytes);
    const json = JSON.parse((await download(report, 'Export JSON', 'journey.json')).toString('utf8')) as AuditExport;
    expect(json.attachments[0]).toMatchObject({ id: attachment!.id, sha256: attachment!.sha256 });
    const csv = (await download(report, 'Export CSV', 'journey.csv')).toString('utf8');
    expect(csv).toContain(`touchpoint,phone,,${attachment!.id},${attachment!.sha256}`);
    const md = (await download(report, 'Export Markdown', 'journey.md')).toString('utf8');
    expect(md).toContain('\\[Phone call\\] Called to ask about sizes');
    const htmlText = (await download(report, 'Export HTML', 'journey.html')).toString('utf8');
    expect(htmlText).toMatch(new RegExp(`data-attachment-id="${attachment!.id}"[^]*?<img src="data:image/png;base64,`));

    // ---- into a fresh profile and back: lossless ----------------------------------------------
    const original = {
      steps: await steps(h),
      attachments: await h.readIndexedDb<Attachment>('peakend', 'attachments'),
      probes: await h.readIndexedDb<Probe>('peakend', 'probes'),
    };
    expect(original.probes).toEqual([probe]);
    const originalBlobs = await attachmentRows(h);
    const b = await demo.launch();
    const panelB = await openPanel(b);
    await panelB.getByRole('heading', { name: 'Audits' }).waitFor();
    await panelB.locator('input[type=file]').setInputFiles(join(dir, 'journey.zip'));
    await expect.poll(() => panelB.getByRole('status').first().textContent(), { timeout: 15000 }).toContain('Imported');
    expect(await steps(b.h)).toEqual(original.steps);
    expect(await b.h.readIndexedDb<Attachment>('peakend', 'attachments')).toEqual(original.attachments);
    expect(await b.h.readIndexedDb<Probe>('peakend', 'probes')).toEqual(original.probes);
    const importedFull = (await attachmentRows(b.h)).find((r) => r.kind === 'full')!;
    const originalFull = originalBlobs.find((r) => r.kind === 'full')!;
    expect([importedFull.blob.sha256, importedFull.blob.size, importedFull.blob.type]).toEqual([
      originalFull.blob.sha256,
      originalFull.blob.size,
      originalFull.blob.type,
    ]);
  });
});
