// The whole journey across channels as an auditor records it (issue 21's "Done when"): pages of the
// demo shop, a chat probe on the product page (reply marked, answered yes), the courier's phone call
// with a pasted image, the delivery last; then the report tab's peak and end (both touchpoints), the
// channel view's probe row and lanes, and the JSON export carrying the probe and touchpoints.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AuditExport } from '../../src/domain/export-format.ts';
import { rateStep } from './support/audit-walk.ts';
import { answeredChatProbe } from './support/probe-walk.ts';
import { addTouchpoint, pasteRedactedImage } from './support/touchpoint-walk.ts';
import { demoShopFixture, eventually, openPanel, settled, startAudit, steps } from './support/peakend.ts';

const demo = demoShopFixture();

describe('journey across channels', () => {
  it('web, chat probe, phone call, delivery: the report remembers it across all of them', async () => {
    const s = await demo.launch();
    const { h, page, shop } = s;
    const panel = await openPanel(s);
    await startAudit(panel);
    await page.goto(`${shop.url}/product.html`);
    const pages = await eventually(
      () => steps(h),
      (list) => list.length === 2 && settled(list),
    );
    const stored = (id: string) => async () => (await steps(h)).find((st) => st.id === id);
    await rateStep(panel, pages[1]!.id, stored(pages[1]!.id), { ease: 5, valence: 1 });

    // The shop's chat, asked on the product page three minutes ago, answered after 95 s.
    const probe = await answeredChatProbe(h, panel, pages[1]!.id, 'Will it arrive before Friday?');

    const call = await addTouchpoint(h, panel, { channel: 'phone', title: 'The courier phoned ahead', position: 2 });
    await rateStep(panel, call.id, stored(call.id), { ease: 7, valence: 4, emotions: ['cared-for'] });
    await pasteRedactedImage(panel);
    const delivery = await addTouchpoint(h, panel, { channel: 'delivery', title: 'The parcel came', position: 3 });
    await rateStep(panel, delivery.id, stored(delivery.id), {
      ease: 7,
      valence: 3,
      emotions: ['happy'],
      note: 'On time and well packed',
    });
    await panel.locator(`[data-editor-for="${delivery.id}"] label.stage select`).selectOption('post-purchase');
    await eventually(stored(delivery.id), (st) => st?.stage === 'post-purchase');

    const auditId = (await steps(h))[0]!.auditId;
    const report = await h.openExtensionPage(`src/report/report.html?audit=${auditId}`);
    await report.locator('[data-metric="pe100"]').waitFor();
    // Peak: the call (+4, the largest |v|); end: the delivery.
    expect(await report.locator('[data-role="peak"]').first().getAttribute('data-step-id')).toBe(call.id);
    expect(await report.locator('[data-role="end"]').first().getAttribute('data-step-id')).toBe(delivery.id);
    const row = report.locator(`tr[data-probe-id="${probe.id}"]`);
    expect(await row.getAttribute('data-outcome')).toBe('met');
    expect(await row.locator('[data-col="first-reply"]').innerText()).toBe('1 min 35 sec');
    expect(await row.locator('[data-col="expectation"]').innerText()).toBe('2 min');
    const lanes = await report
      .locator('[data-lane]')
      .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-lane')))]);
    expect(lanes).toEqual(['web', 'phone', 'chat', 'delivery']);

    const [got] = await Promise.all([
      report.waitForEvent('download'),
      report.getByRole('button', { name: 'Export JSON', exact: true }).click(),
    ]);
    const exported = JSON.parse(readFileSync(await got.path(), 'utf8')) as AuditExport;
    expect(exported.probes).toHaveLength(1);
    expect(exported.probes[0]).toMatchObject({ channel: 'chat', replies: [{ answered: true }] });
    expect(exported.steps.map((st) => st.channel ?? 'web')).toEqual(['web', 'web', 'phone', 'delivery']);
    expect(exported.attachments.map((a) => a.stepId)).toEqual([call.id]);
  });
});
