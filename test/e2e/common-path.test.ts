// Issue 20, "Done when": the common path (rate a step, log a finding, mark a criterion) in fewer
// actions. Walked as an auditor on the demo shop's checkout, where guest checkout (F1) is judged, at
// the side panel's 360 x 585, once by pointer and once by keyboard from where Start audit leaves the
// focus; every click and key press counts (typed text apart), and what they stored is read back.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  audits,
  demoShopFixture,
  eventually,
  openPanel,
  screenshots,
  settled,
  startAudit,
  steps,
} from './support/peakend.ts';

const demo = demoShopFixture();

const PANEL = { width: 360, height: 585 };

/** Counts the auditor's actions: each click and each key press (typed text is counted apart). */
class Actions {
  clicks = 0;
  keys = 0;
  typed = 0;
  constructor(private readonly page: Page) {}
  async click(target: { click(): Promise<void> }): Promise<void> {
    await target.click();
    this.clicks += 1;
  }
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    this.keys += 1;
  }
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 40 });
    this.typed += text.length;
  }
  /** Presses `key` until `reached` holds of the focused element; fails after `max` presses. */
  async pressUntil(key: string, reached: () => Promise<boolean>, max = 60): Promise<number> {
    for (let n = 1; n <= max; n++) {
      await this.press(key);
      if (await reached()) return n;
    }
    throw new Error(`${key} x ${max} never reached the control`);
  }
  get total(): number {
    return this.clicks + this.keys;
  }
}

/** A fresh audit whose first step is the checkout, rated by nobody yet. */
async function atCheckout() {
  const s = await demo.launch();
  await s.page.goto(`${demo.shop.url}/checkout.html`);
  const panel = await openPanel(s);
  await panel.setViewportSize(PANEL);
  await startAudit(panel);
  await eventually(
    () => steps(s.h),
    (list) => list.length === 1 && settled(list) && list[0]!.stage === 'checkout-details',
  );
  await panel.locator('[data-editor-for]').first().waitFor();
  return { s, panel };
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
