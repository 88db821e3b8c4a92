// Walks a demo-shop journey through the real extension's panel, the way an auditor would: New audit,
// each page in turn (each becomes a step), a rating per step, the rubric, and the end survey.
// Used by `npm start -- --headless` and by end-to-end tests.
import type { Page } from 'playwright-core';
import { DEMO_JOURNEY, DEMO_JOURNEY_B, type DemoJourneyPage } from '../demo-shop/pages.ts';
import type { Audit, Mark, Step } from '../../src/domain/model.ts';
import { RUBRIC_V1 } from '../../src/domain/rubric.ts';
import type { Harness } from '../../test/e2e/harness/index.ts';

export type Variant = 'A' | 'B';

interface StepRating {
  ease: number;
  valence: number;
  note?: string;
  emotion?: string;
}

/** How our scripted auditor felt on each stage of each variant. */
const RATINGS: Record<Variant, Record<string, StepRating>> = {
  A: {
    landing: { ease: 6, valence: 2, note: 'Clear hero, I found the jackets at once', emotion: 'interested' },
    'search-browse': { ease: 6, valence: 1 },
    product: { ease: 5, valence: 3, note: 'Great photos and honest reviews; the size guide button did nothing', emotion: 'pleased' },
    cart: { ease: 6, valence: 2, note: 'Delivery and tax shown up front, reassuring', emotion: 'safe' },
    'checkout-details': { ease: 4, valence: -1, note: 'Long form, a bit rushed by the timer text', emotion: 'hurried' },
    confirmation: { ease: 7, valence: 3, note: 'Thank you page says when it arrives', emotion: 'happy' },
    'post-purchase': { ease: 6, valence: 2 },
  },
  B: {
    landing: { ease: 6, valence: 2, emotion: 'interested' },
    'search-browse': { ease: 6, valence: 1 },
    product: { ease: 5, valence: 2, emotion: 'pleased' },
    cart: { ease: 5, valence: 0, note: 'No delivery cost shown, not clear what I will pay' },
    'checkout-details': { ease: 2, valence: -3, note: 'Forced to create an account, annoying', emotion: 'irritated' },
    delivery: { ease: 4, valence: -1 },
    payment: { ease: 2, valence: -4, note: 'Delivery cost appears only now, I feel cheated', emotion: 'disappointed' },
    confirmation: { ease: 6, valence: 1 },
    'post-purchase': { ease: 5, valence: 0 },
  },
};

/** Rubric marks of the scripted auditor; every fail carries a comment, as METHOD.md requires. */
function rubricMarks(variant: Variant): Record<string, { mark: Mark; comment?: string }> {
  const marks: Record<string, { mark: Mark; comment?: string }> = {};
  for (const c of RUBRIC_V1.criteria) marks[c.id] = { mark: 'pass' };
  Object.assign(marks, {
    M3: { mark: 'na', comment: 'A jacket needs no 360 view' },
    I1: { mark: 'partial', comment: 'Contact link only in the footer' },
    I6: { mark: 'na' },
    P4: { mark: 'fail', comment: 'No loyalty or community element' },
    F6: { mark: 'partial', comment: 'Card and one wallet' },
  });
  if (variant === 'B') {
    Object.assign(marks, {
      F1: { mark: 'fail', comment: 'Account creation is forced before checkout' },
      F2: { mark: 'fail', comment: 'Delivery cost appears only at the payment step' },
      F3: { mark: 'partial', comment: 'Three forms of fields instead of one' },
      S5: { mark: 'fail', comment: 'The price promised on the product page grows at payment' },
    });
  }
  return marks;
}

async function waitForSteps(h: Harness, auditId: string, count: number): Promise<Step[]> {
  const until = Date.now() + 20_000;
  for (;;) {
    const steps = (await h.readIndexedDb<Step>('peakend', 'steps')).filter((s) => s.auditId === auditId);
    if (steps.length >= count && steps.every((s) => s.capture.status !== 'pending')) return steps.sort((a, b) => a.index - b.index);
    if (Date.now() > until) throw new Error(`expected ${count} recorded steps, have ${steps.length}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function go(page: Page, step: DemoJourneyPage, base: string): Promise<void> {
  if (!step.via) {
    await page.goto(`${base}${step.path}`);
    return;
  }
  for (const [selector, value] of Object.entries(step.via.fill ?? {})) await page.fill(selector, value);
  for (const selector of step.via.check ?? []) await page.check(selector);
  await page.click(step.via.click);
  await page.waitForURL((url) => `${url.pathname}${url.search}` === step.path);
}

async function rate(panel: Page, rating: StepRating): Promise<void> {
  const card = panel.locator('.step--current');
  await card.locator(`input[name^="ease-"][value="${rating.ease}"]`).check();
  await card.locator(`input[name^="valence-"][value="${rating.valence}"]`).check();
  if (rating.emotion) {
    await card.getByText('Choose emotions').click();
    await card.getByRole('button', { name: rating.emotion.replace('-', ' '), exact: true }).click();
  }
  if (rating.note) await card.getByLabel('Note').fill(rating.note);
}

export interface WalkResult {
  auditId: string;
  steps: Step[];
}

/**
 * Walks `variant` of the demo shop at `shopUrl` in `page` (the audited tab), driving `panel` (the panel
 * page serving that window). Returns the audit id once the journey is ended and fully rated.
 */
export async function walkDemoJourney(h: Harness, page: Page, panel: Page, shopUrl: string, variant: Variant, opts: { dwellMs?: number } = {}): Promise<WalkResult> {
  const journey = variant === 'A' ? DEMO_JOURNEY : DEMO_JOURNEY_B;
  // A fresh cart, then the journey's first page, where the audit starts.
  await page.goto(`${shopUrl}${journey[0]!.path}?reset`);
  await page.goto(`${shopUrl}${journey[0]!.path}`);
  await panel.getByRole('button', { name: 'Library' }).click().catch(() => undefined);
  await panel.getByRole('button', { name: 'New audit' }).click();
  await panel.getByLabel('Site name').fill(`Northwind ${variant}`);
  await panel.getByLabel('Scenario').fill('Buy a size-M Ridge Shell jacket as a guest');
  await panel.getByLabel('Auditor pseudonym').fill('fox');
  await panel.getByRole('button', { name: 'Start audit' }).click();
  await panel.getByRole('button', { name: 'Log step' }).waitFor();
  const audit = (await h.readIndexedDb<Audit>('peakend', 'audits')).find((a) => a.status === 'running')!;

  for (const [i, step] of journey.entries()) {
    if (i > 0) await go(page, step, shopUrl);
    await page.waitForTimeout(opts.dwellMs ?? 700);
    await waitForSteps(h, audit.id, i + 1);
    await rate(panel, RATINGS[variant][step.stage] ?? { ease: 5, valence: 0 });
  }

  await panel.getByRole('button', { name: 'Rubric', exact: true }).click();
  for (const [id, { mark, comment }] of Object.entries(rubricMarks(variant))) {
    const row = panel.locator(`[data-criterion="${id}"]`);
    await row.locator(`input[type="radio"][value="${mark}"]`).check();
    if (comment) await row.getByLabel('Comment').fill(comment);
  }
  await panel.getByRole('button', { name: 'End journey', exact: true }).first().click();
  await panel.locator('input[name^="task-"][value="yes"]').check();
  await panel.locator(`input[name^="ces-"][value="${variant === 'A' ? 6 : 3}"]`).check();
  await panel.locator(`input[name^="remembered-"][value="${variant === 'A' ? 2 : -2}"]`).check();
  await panel.locator('.survey').getByRole('button', { name: 'End journey' }).click();
  const until = Date.now() + 10_000;
  while ((await h.readIndexedDb<Audit>('peakend', 'audits')).find((a) => a.id === audit.id)?.status !== 'ended') {
    if (Date.now() > until) throw new Error('the audit did not end');
    await new Promise((r) => setTimeout(r, 150));
  }
  return { auditId: audit.id, steps: await waitForSteps(h, audit.id, journey.length) };
}
