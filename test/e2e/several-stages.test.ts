// METHOD.md "Stage", in a real Chromium: variant A of the demo shop checks out on one page. The
// auditor gives that step the stages checkout-details, delivery and payment in the panel, with the
// keyboard at a person's pace; the stored step holds them, and the compare page against variant B
// (a page per stage) finds A's checkout in the Payment and Delivery rows instead of saying that A
// has no such step. axe-core finds nothing on that compare page.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Step } from '../../src/domain/model.ts';
import { comparePagePath } from '../../src/report/compare/url.ts';
import { t } from '../../src/i18n/t.ts';
import { walkDemoJourney, type WalkResult } from './support/audit-walk.ts';
import { eventually, launch, openPanel, startDemoShop, steps, type DemoShop, type Session } from './support/peakend.ts';

let shop: DemoShop;
let s: Session;
let panel: Page;
let walkA: WalkResult;
let walkB: WalkResult;
let checkout: Step;

const stepOf = async (id: string): Promise<Step | undefined> => (await steps(s.h)).find((st) => st.id === id);

beforeAll(async () => {
  shop = await startDemoShop();
  s = await launch({ shop });
  panel = await openPanel(s);
  walkA = await walkDemoJourney(s, panel, { variant: 'A' });
  checkout = walkA.steps.find((st) => st.stage === 'checkout-details')!;
}, 240_000);

afterAll(async () => {
  await s?.h.close();
  await shop?.close();
});

describe('a one-page checkout holds three stages', () => {
  it('the auditor ticks Delivery and Payment under the step’s stage, by keyboard', async () => {
    expect(checkout, 'variant A has a checkout-details step').toBeDefined();
    expect(walkA.steps.filter((st) => st.stage === 'payment' || st.stage === 'delivery')).toEqual([]);
    await panel
      .getByRole('button', { name: t('tab_steps'), exact: true })
      .first()
      .click();
    await panel.getByRole('button', { name: t('rateStep', String(checkout.index + 1)), exact: true }).click();
    const editor = panel.locator(`[data-editor-for="${checkout.id}"]`);
    await editor.waitFor();
    await expect(editor.locator('label.stage select').inputValue()).resolves.toBe('checkout-details');

    // The disclosure opens from the keyboard, and each stage is a checkbox named by its stage.
    const summary = editor.locator('details.stage-also > summary');
    await expect(summary.innerText()).resolves.toContain(t('stageAlso'));
    await summary.focus();
    await panel.keyboard.press('Enter');
    const group = editor.getByRole('group', { name: t('stageAlsoLegend') });
    await group.waitFor();
    // The primary stage is not offered again.
    await expect(group.getByRole('checkbox', { name: 'Checkout details', exact: true }).count()).resolves.toBe(0);
    for (const name of ['Delivery', 'Payment']) {
      const box = group.getByRole('checkbox', { name, exact: true });
      await box.focus();
      await panel.waitForTimeout(250);
      await panel.keyboard.press('Space');
      await expect(box.isChecked()).resolves.toBe(true);
    }

    const stored = await eventually(
      () => stepOf(checkout.id),
      (st) => st?.alsoStages?.length === 2,
      15_000,
    );
    expect(stored).toMatchObject({
      stage: 'checkout-details',
      stageSource: 'auditor',
      alsoStages: ['delivery', 'payment'],
    });
    // The panel says which further stages the step holds, also with the disclosure closed.
    await expect(summary.innerText()).resolves.toContain('(Delivery and Payment)');
  });

  it('unticking one by keyboard takes it out of the store, ticking it again puts it back', async () => {
    const box = panel
      .locator(`[data-editor-for="${checkout.id}"]`)
      .getByRole('checkbox', { name: 'Payment', exact: true });
    await box.focus();
    await panel.keyboard.press('Space');
    const unticked = await eventually(
      () => stepOf(checkout.id),
      (st) => JSON.stringify(st?.alsoStages) === '["delivery"]',
      15_000,
    );
    expect(unticked?.alsoStages).toEqual(['delivery']);
    await expect(box.isChecked()).resolves.toBe(false);
    await panel.waitForTimeout(300);
    await panel.keyboard.press('Space');
    const again = await eventually(
      () => stepOf(checkout.id),
      (st) => JSON.stringify(st?.alsoStages) === '["delivery","payment"]',
      15_000,
    );
    expect(again?.alsoStages).toEqual(['delivery', 'payment']);
  });

  it('the compare page against a page-per-stage checkout finds the step in Delivery and Payment', async () => {
    walkB = await walkDemoJourney(s, panel, { variant: 'B' });
    const page = await s.h.openExtensionPage(comparePagePath([walkA.auditId, walkB.auditId]));
    await page.locator('#differences').waitFor();
    for (const stage of ['checkout-details', 'delivery', 'payment']) {
      const cell = page.locator(`section.cmp-stage[data-stage="${stage}"] .cmp-cell[data-audit="0"]`);
      await expect(cell.getAttribute('data-missing'), stage).resolves.toBe('false');
      const figure = cell.locator(`figure.cmp-shot[data-step-id="${checkout.id}"]`);
      await expect(figure.count(), stage).resolves.toBe(1);
      const note = (await figure.locator('.shared-step').innerText()).replace(/[\u2068\u2069]/g, '');
      expect(note).toBe('The same step holds Checkout details, Delivery, and Payment');
    }
    const differences = await page.locator('#differences').innerText();
    expect(differences).not.toMatch(/has no (Payment|Delivery) step/);
    expect(await page.locator('#method').innerText()).toContain(t('compare_methodSeveralStages').slice(0, 40));

    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await page.close();
  }, 240_000);
});
