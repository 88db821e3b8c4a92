// Issue 23, the reviewer workflow, in a real Chromium at the side panel's size, in one profile whose
// local programme identity is switched between auditor (ana) and reviewer (rex): the two-machine
// flow comes with sync. A shared programme audit arrives as an import (as shared audits do); ana
// submits it, rex returns it with a comment, ana sees the return in the library and the audit, is
// refused a resubmit until she changes the audit, resubmits, and rex accepts. The stored review log
// is exactly those four events, and the report (tab and Markdown export) says who accepted it and when.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audits, demoShopFixture, eventually, openPanel } from './support/peakend.ts';
import { beAs, importProgrammeAudit, openAudit, PROGRAMME, toLibrary } from './support/review.ts';

const demo = demoShopFixture();
const PANEL = { width: 360, height: 585 };
const COMMENT = 'F1 has no evidence: add a note on the payment step';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peakend-review-e2e-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const focusedId = (panel: Page) => panel.evaluate(() => document.activeElement?.id ?? '');

describe('reviewer workflow (issue 23)', () => {
  it('submit, return with a comment, the auditor sees it and resubmits after a change, the reviewer accepts', async () => {
    const startedAt = new Date().toISOString();
    const s = await demo.launch();
    const panel = await openPanel(s);
    await panel.setViewportSize(PANEL);
    await importProgrammeAudit(panel);
    const row = panel.locator('.audit-row');
    await expect.poll(() => row.locator('[data-review]').textContent()).toBe('Not submitted for review');

    // ana, the auditor, submits.
    await beAs(panel, 'ana', 'Auditor');
    await openAudit(panel);
    await expect.poll(() => panel.locator('.review').textContent()).toContain('You: ana (Auditor)');
    expect(await panel.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await panel.getByRole('button', { name: 'Submit for review' }).click();
    await panel.locator('#review-state[data-review="submitted"]').waitFor();
    expect(await panel.locator('#review-state').textContent()).toMatch(/^Submitted for review by ana on /);
    await expect.poll(() => focusedId(panel)).toBe('review-state');
    expect(await panel.getByRole('button', { name: 'Submit for review' }).count()).toBe(0);

    // rex, the reviewer, returns it with a comment; Cancel first gives focus back to the button.
    await toLibrary(panel);
    await beAs(panel, 'rex', 'Reviewer');
    await expect.poll(() => row.locator('[data-review]').textContent()).toMatch(/^Submitted for review by ana on /);
    await openAudit(panel);
    const returnButton = panel.getByRole('button', { name: 'Return with comment' });
    await returnButton.click();
    await expect.poll(() => panel.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => returnButton.evaluate((b) => b === document.activeElement)).toBe(true);
    await returnButton.click();
    await panel.getByRole('button', { name: 'Return to the auditor' }).click();
    await panel.getByRole('alert').getByText('Say in a comment what the auditor should change.').waitFor();
    await panel.getByLabel('What the auditor should change').click();
    await panel.keyboard.type(COMMENT, { delay: 25 });
    await panel.getByRole('button', { name: 'Return to the auditor' }).click();
    await panel.locator('#review-state[data-review="returned"]').waitFor();
    await expect.poll(() => focusedId(panel)).toBe('review-state');

    // ana sees the return in the library and, first, in the audit; a resubmit without a change is refused.
    await toLibrary(panel);
    await beAs(panel, 'ana', 'Auditor');
    await expect.poll(() => row.locator('.review-status__comment').textContent()).toBe(`Returned: ${COMMENT}`);
    await openAudit(panel);
    expect(await panel.locator('#review-state .review-status__comment').textContent()).toBe(`Returned: ${COMMENT}`);
    expect(await panel.locator('#review-state').textContent()).toMatch(/Returned by rex on /);
    const [reviewTop, toolbarTop] = await Promise.all([
      panel.locator('.review').evaluate((el) => el.getBoundingClientRect().top),
      panel.locator('.toolbar').evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(reviewTop).toBeLessThan(toolbarTop);
    await panel.getByRole('button', { name: 'Resubmit' }).click();
    await panel
      .getByRole('alert')
      .getByText('Change the audit as the reviewer asked before you resubmit it.')
      .waitFor();
    const note = panel.getByLabel('Note').first();
    await note.click();
    await panel.keyboard.type(' Paid with a saved card.', { delay: 30 });
    await panel.getByText('Saved', { exact: true }).first().waitFor();
    await panel.getByRole('button', { name: 'Dismiss' }).click();
    await panel.getByRole('button', { name: 'Resubmit' }).click();
    await panel.locator('#review-state[data-review="submitted"]').waitFor();

    // rex accepts; an accepted audit offers a reviewer only Reopen.
    await toLibrary(panel);
    await beAs(panel, 'rex', 'Reviewer');
    await openAudit(panel);
    await panel.getByRole('button', { name: 'Accept' }).click();
    await panel.locator('#review-state[data-review="accepted"]').waitFor();
    expect(await panel.locator('#review-state').textContent()).toMatch(/^Accepted by rex on /);
    expect(await panel.getByRole('button', { name: 'Reopen' }).count()).toBe(1);

    // The stored log is exactly those events, in time order within the test.
    const [stored] = await eventually(
      () => audits(s.h),
      (list) => list[0]?.review?.length === 4,
    );
    const log = stored!.review!;
    expect(log.map(({ state, by, comment }) => ({ state, by, comment }))).toEqual([
      { state: 'submitted', by: 'ana', comment: '' },
      { state: 'returned', by: 'rex', comment: COMMENT },
      { state: 'submitted', by: 'ana', comment: '' },
      { state: 'accepted', by: 'rex', comment: '' },
    ]);
    const times = log.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
    expect(times[0]! >= startedAt && times[3]! <= new Date().toISOString()).toBe(true);
    expect(stored!.programme).toEqual(PROGRAMME);

    // The report says who accepted it and when, in the tab and in the Markdown export.
    const when = `${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(times[3]!))} UTC`;
    const report = await s.h.openExtensionPage(`src/report/report.html?audit=${encodeURIComponent(stored!.id)}`);
    const badge = report.locator('.cover [data-role="review"]');
    await badge.waitFor();
    expect((await badge.textContent())?.replace(/[\u2068\u2069]/g, '')).toBe(`Accepted by rex on ${when}`);
    expect((await report.locator('[data-role="review-detail"]').textContent())?.replace(/[\u2068\u2069]/g, '')).toBe(
      `Accepted by rex on ${when}`,
    );
    const button = report.getByRole('button', { name: 'Export Markdown', exact: true });
    const [download] = await Promise.all([report.waitForEvent('download'), button.click()]);
    const path = join(dir, 'report.md');
    await download.saveAs(path);
    expect(readFileSync(path, 'utf8')).toContain(`**Review:** Accepted by \u2068rex\u2069 on ${when}`);
  }, 120_000);
});
