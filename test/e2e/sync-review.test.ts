// Issue 23's round trip on two machines: profile A (ana, auditor) and profile B (rex, reviewer) with
// one team CouchDB (the CouchDB-protocol test server on 127.0.0.1). A submits an ended programme audit
// for review and shares it; B connects, finds it, and returns it with a comment; A syncs, sees the
// return, changes the audit and resubmits; B syncs and accepts; A syncs and its report says "Accepted
// by rex on …". Both profiles end with the same review log and the same edit, and the server with one
// revision of each document, no conflicts. (Byte-identical screenshots are sync.test.ts's.)
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit } from '../../src/domain/model.ts';
import { auditDocId } from '../../src/sync/documents.ts';
import { startCouchServer, type CouchServer } from '../support/couch-server.ts';
import { audits, demoShopFixture, eventually, openPanel, steps } from './support/peakend.ts';
import { connect, syncNow } from './support/programme.ts';
import { beAs, importProgrammeAudit, openAudit, PROGRAMME, toLibrary } from './support/review.ts';

const shop = demoShopFixture();
const DB = 'review';
const COMMENT = 'Step 2 has no note: say what the delivery costs were';
const ADDED = ' Delivery 4.90, shown only at the end.';
let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => server.close());

type Shared = { body: { audit: Audit }; _conflicts?: string[] };
const onServer = async (auditId: string) =>
  (await server.db(DB).get(auditDocId(auditId), { conflicts: true })) as unknown as Shared;
const reviewOf = (audit: Audit | undefined) => (audit?.review ?? []).map(({ state, by }) => `${state}:${by}`);

async function reviewOnServer(auditId: string, length: number): Promise<Shared> {
  return eventually(
    () => onServer(auditId).catch(() => null),
    (doc) => (doc?.body.audit.review?.length ?? 0) === length,
    30000,
  ) as Promise<Shared>;
}

async function reviewHere(h: Parameters<typeof audits>[0], length: number): Promise<Audit> {
  const [audit] = await eventually(
    () => audits(h),
    (list) => list[0]?.review?.length === length,
    30000,
  );
  return audit!;
}

const rowState = (panel: Page) => panel.locator('.audit-row [data-review]').first().textContent();

describe('a programme audit reviewed across two machines (issue 23)', () => {
  it('submit, share, return with a comment, resubmit after a change, accept: both sides agree', async () => {
    const a = await shop.launch();
    const panelA = await openPanel(a);
    const auditId = await importProgrammeAudit(panelA);
    await beAs(panelA, 'ana', 'Auditor');
    await openAudit(panelA);
    await panelA.getByRole('button', { name: 'Submit for review' }).click();
    await panelA.locator('#review-state[data-review="submitted"]').waitFor();
    await toLibrary(panelA);
    await connect(panelA, server.url, 'ana', DB);
    await panelA.locator(`[data-audit-id="${auditId}"]`).getByRole('button', { name: 'Share this audit' }).click();
    await reviewOnServer(auditId, 1);

    // B, the reviewer, connects and finds it submitted by ana.
    const b = await shop.launch();
    const panelB = await openPanel(b);
    await panelB.getByRole('heading', { name: 'Audits' }).waitFor();
    await connect(panelB, server.url, 'rex', DB);
    await eventually(
      () => audits(b.h),
      (list) => list.some((x) => x.id === auditId),
      30000,
    );
    await beAs(panelB, 'rex', 'Reviewer');
    await expect.poll(() => rowState(panelB), { timeout: 15000 }).toMatch(/^Submitted for review by ana on /);
    await openAudit(panelB);
    await panelB.getByRole('button', { name: 'Return with comment' }).click();
    await panelB.getByLabel('What the auditor should change').click();
    await panelB.keyboard.type(COMMENT, { delay: 25 });
    await panelB.getByRole('button', { name: 'Return to the auditor' }).click();
    await panelB.locator('#review-state[data-review="returned"]').waitFor();
    await toLibrary(panelB);
    await syncNow(panelB);
    await reviewOnServer(auditId, 2);

    // A syncs and sees the return, with the comment, in the library and the audit.
    await syncNow(panelA);
    await reviewHere(a.h, 2);
    await expect
      .poll(() => panelA.locator('.audit-row .review-status__comment').textContent(), { timeout: 15000 })
      .toBe(`Returned: ${COMMENT}`);
    await openAudit(panelA);
    expect(await panelA.locator('#review-state').textContent()).toMatch(/Returned by rex on /);
    const note = panelA.getByLabel('Note').first();
    await note.click();
    await panelA.keyboard.press('End');
    await panelA.keyboard.type(ADDED, { delay: 30 });
    await panelA.getByText('Saved', { exact: true }).first().waitFor();
    await panelA.getByRole('button', { name: 'Resubmit' }).click();
    await panelA.locator('#review-state[data-review="submitted"]').waitFor();
    await toLibrary(panelA);
    await syncNow(panelA);
    await reviewOnServer(auditId, 3);

    // B syncs, sees the resubmission with A's change, and accepts.
    await syncNow(panelB);
    await reviewHere(b.h, 3);
    await expect.poll(() => rowState(panelB), { timeout: 15000 }).toMatch(/^Submitted for review by ana on /);
    await openAudit(panelB);
    await panelB.getByRole('button', { name: 'Accept' }).click();
    await panelB.locator('#review-state[data-review="accepted"]').waitFor();
    await toLibrary(panelB);
    await syncNow(panelB);
    const shared = await reviewOnServer(auditId, 4);
    expect(shared._conflicts ?? []).toEqual([]);

    // A syncs: the same log on both sides, the change on both, and the report says who accepted it.
    await syncNow(panelA);
    const auditA = await reviewHere(a.h, 4);
    const auditB = (await audits(b.h))[0]!;
    expect(reviewOf(auditA)).toEqual(['submitted:ana', 'returned:rex', 'submitted:ana', 'accepted:rex']);
    expect(auditB.review).toEqual(auditA.review);
    expect(auditA.review![1]!.comment).toBe(COMMENT);
    expect(auditA.programme).toEqual(PROGRAMME);
    const notes = async (h: typeof a.h) => (await steps(h)).map((s) => s.note).sort();
    const [notesA, notesB] = [await notes(a.h), await notes(b.h)];
    expect(notesA.some((n) => n?.endsWith(ADDED))).toBe(true);
    expect(notesB).toEqual(notesA);
    // One revision line per document on the server: nothing was ever in conflict.
    const all = await server.db(DB).allDocs({ include_docs: true, conflicts: true });
    expect(all.rows.filter((r) => (r.doc?._conflicts?.length ?? 0) > 0)).toEqual([]);
    expect(all.rows).toHaveLength(1 + (await steps(a.h)).length);
    for (const panel of [panelA, panelB]) expect(await panel.getByText('Edited on two computers').count()).toBe(0);

    const when = `${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(auditA.review![3]!.at))} UTC`;
    const report = await a.h.openExtensionPage(`src/report/report.html?audit=${encodeURIComponent(auditId)}`);
    const badge = report.locator('.cover [data-role="review"]');
    await badge.waitFor();
    expect((await badge.textContent())?.replace(/[\u2068\u2069]/g, '')).toBe(`Accepted by rex on ${when}`);
  }, 240_000);
});
