// Plans and journey templates in a real Chromium: an audit duplicated as a plan runs again from its
// start URL, and the template chosen for a new audit decides the stages its steps get.
import { describe, expect, it } from 'vitest';
import { audits, eventually, openPanel, settled, demoShopFixture, steps, type Session } from './support/peakend.ts';

const demo = demoShopFixture();
let s: Session | null = null;

describe('plans and templates', () => {
  it('records with the template chosen for the audit, and runs a plan again from its start URL', async () => {
    s = await demo.launch();
    const { h, page } = s;
    await page.goto(`${demo.shop.url}/b/register.html`);
    const panel = await openPanel(s);
    await panel.getByRole('button', { name: 'New audit' }).click();
    await panel.getByLabel('Auditor pseudonym').fill('fox');
    await panel.getByLabel('Journey template').selectOption('sign-up');
    await panel.getByRole('button', { name: 'Start audit' }).click();
    const [first] = await eventually(
      () => steps(h),
      (list) => list.length === 1 && settled(list),
    );
    const [audit] = await audits(h);
    expect(audit).toMatchObject({ templateId: 'sign-up', templateVersion: 1 });
    // A sign-up template stage, not an e-commerce one.
    expect(first!.stage).not.toBeNull();
    expect([
      'landing',
      'search-browse',
      'product',
      'cart',
      'checkout-details',
      'delivery',
      'payment',
      'confirmation',
      'post-purchase',
    ]).not.toContain(first!.stage);

    await panel.getByRole('button', { name: 'Pause' }).click();
    await panel.getByRole('button', { name: 'Library' }).click();
    const row = panel.locator(`[data-audit-id="${audit!.id}"]`);
    await row.getByRole('button', { name: /Duplicate as plan/ }).click();
    const plan = (
      await eventually(
        () => audits(h),
        (list) => list.some((a) => a.status === 'plan'),
      )
    ).find((a) => a.status === 'plan')!;
    expect(plan).toMatchObject({
      site: audit!.site,
      scenario: audit!.scenario,
      templateId: 'sign-up',
      stepCount: 0,
      startedAt: null,
    });

    await page.goto(`${demo.shop.url}/story.html`);
    await panel.locator(`[data-audit-id="${plan.id}"]`).getByRole('button', { name: 'Open' }).click();
    await panel.getByRole('button', { name: 'Start this audit' }).click();
    const planSteps = await eventually(
      () => steps(h).then((list) => list.filter((st) => st.auditId === plan.id)),
      (list) => list.length === 1 && settled(list),
    );
    expect(planSteps[0]!.url).toBe(audit!.startUrl);
    const started = (await audits(h)).find((a) => a.id === plan.id)!;
    expect(started.status).toBe('running');
    expect(started.startedAt).not.toBeNull();
    expect(page.url()).toBe(audit!.startUrl);
  });
});
