// Issue 20, "Done when": the common path (rate a step, log a finding, mark a criterion) in fewer
// actions. Walked as an auditor on the demo shop's checkout, where guest checkout (F1) is judged, at
// the side panel's 360 x 585, once by pointer and once by keyboard from where Start audit leaves the
// focus; every click and key press counts (typed text apart), and what they stored is read back.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { audits, demoShopFixture, eventually, screenshots, steps } from './support/peakend.ts';
import { Actions, panelWithAudit } from './support/side-panel.ts';

const demo = demoShopFixture();

/** A fresh audit whose first step is the checkout, rated by nobody yet. */
async function atCheckout() {
  const opened = await panelWithAudit(demo, '/checkout.html', (step) => step.stage === 'checkout-details');
  await opened.panel.locator('[data-editor-for]').first().waitFor();
  return opened;
}

/** What has focus: its id, its placeholder, and the criterion it belongs to. */
const focus = (panel: Page) =>
  panel.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      id: el?.id ?? '',
      placeholder: el?.getAttribute('placeholder') ?? '',
      criterion: el?.closest<HTMLElement>('[data-criterion]')?.dataset.criterion ?? '',
    };
  });

/**
 * The same two walks measured on main before this change (cdb3cf3), at 360 x 585 on the checkout:
 * by pointer ease, valence, Add finding, Enter, the Rubric tab, Frictionless, Pass on F1; by keyboard
 * 6, Alt+7, 17 Tab presses to Add finding, Enter, Enter, 8 Shift+Tab back to the Rubric tab, Enter,
 * 18 Tab presses to Frictionless, Enter, 1 Tab to F1, Space. Typing the title (28 characters) is
 * the same before and after and is not counted.
 */
const BEFORE = { pointer: 7, keyboard: 51 } as const;

const TITLE = 'Phone asked without a reason';

/** What the walk stored: ease 6, valence +2, the finding, and F1 passed with the step as evidence. */
async function storedPath(s: Awaited<ReturnType<typeof atCheckout>>['s']) {
  const [step] = await eventually(
    () => steps(s.h),
    (list) => list[0]?.findings.length === 1 && list[0].ease === 6 && list[0].valence === 2,
  );
  const shots = await screenshots(s.h);
  expect(step!.findings[0]).toMatchObject({
    title: TITLE,
    severity: 2,
    element: null,
    evidence: { shotId: shots[0]!.id, rect: null },
  });
  const [audit] = await eventually(
    () => audits(s.h),
    (list) => list[0]?.rubric.marks.F1?.mark === 'pass',
  );
  expect(audit!.rubric.marks.F1).toMatchObject({ mark: 'pass', evidence: { stepId: step!.id }, fromSuggestion: false });
  // Only F1: the other criteria of the stage are left as they were.
  expect(Object.values(audit!.rubric.marks).filter((m) => m.mark !== null)).toHaveLength(1);
}

describe('the common path (issue 20)', () => {
  it('by pointer: ease, valence, the finding field, Enter, Pass on F1 on the step', async () => {
    const { s, panel } = await atCheckout();
    const act = new Actions(panel);
    await act.click(panel.getByLabel('Ease 6: Easy'));
    await act.click(panel.getByLabel('Valence +2: Somewhat pleasant'));
    await act.click(panel.getByLabel('New finding'));
    await act.type(TITLE);
    await act.press('Enter');
    // Guest checkout is judged here: the step shows it with the stage's other criteria.
    const stage = panel.getByRole('group', { name: 'Criteria to mark here' });
    expect(
      await stage
        .locator('[data-criterion]')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.criterion)),
    ).toEqual(['I5', 'F1', 'F3']);
    await act.click(stage.locator('[data-criterion="F1"]').getByRole('radio', { name: 'Pass' }));
    await storedPath(s);
    // The step with its stage's criteria, one marked and one suggested: axe-core finds nothing.
    const axe = await new AxeBuilder({ page: panel })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
    expect(await panel.getByLabel('New finding').inputValue()).toBe('');
    expect(await stage.locator('.stage-criteria__head .muted').innerText()).toBe('1 of 3 marked');
    console.log(
      `[common-path] pointer ${JSON.stringify({ before: BEFORE.pointer, after: act.total, typed: act.typed })}`,
    );
    expect(act.total).toBe(5);
    expect(act.total).toBeLessThan(BEFORE.pointer);
  });

  it('by keyboard: 6, Alt+7, Tab to the finding field, Enter, Tab to F1 on the step, Space', async () => {
    const { s, panel } = await atCheckout();
    const act = new Actions(panel);
    await eventually(
      () => focus(panel),
      (f) => f.id === 'audit-title',
    );
    await act.press('6');
    await act.press('Alt+7');
    const toFinding = await act.pressUntil('Tab', async () => (await focus(panel)).placeholder === 'Add a finding…');
    await act.type(TITLE);
    await act.press('Enter');
    // Focus stays in the field, emptied, for the next finding.
    await eventually(
      () => focus(panel),
      (f) => f.placeholder === 'Add a finding…',
    );
    const toF1 = await act.pressUntil('Tab', async () => (await focus(panel)).criterion === 'F1');
    await act.press('Space');
    await storedPath(s);
    const after = act.total;
    console.log(`[common-path] keyboard ${JSON.stringify({ before: BEFORE.keyboard, after, toFinding, toF1 })}`);
    // Past the finding's severity and Add, the stage, its "Also covers other stages" disclosure, and
    // the stage's first criterion.
    expect(toF1).toBeLessThanOrEqual(6);
    // What this path does beyond reaching the finding field (unchanged: 17 Tab presses past the
    // toolbar, the tabs and the ratings) took 34 presses before.
    expect(after - toFinding).toBeLessThanOrEqual(10);
    expect(after).toBeLessThan(BEFORE.keyboard - 20);
  });
});
