// Walks a demo-shop journey (variant A or B, scripts/demo-shop/pages.ts) through the real panel the
// way an auditor does: New audit with a site name, every page in turn via its `via` actions (each
// page becomes a step), each step rated through the panel's radios (by their accessible names) once
// it is recorded and its screenshot settled, a stage corrected where the suggestion differs from
// the journey's, rubric criteria marked on the Rubric tab (a fail always with a comment), and the
// journey ended with the end survey. Returns the audit id and the stored steps.
//
// Every wait is bounded and reads the store (IndexedDB) rather than guessing at timing.
import type { Page } from 'playwright-core';
import messages from '../../../public/_locales/en/messages.json';
import { DEMO_JOURNEY, DEMO_JOURNEY_B, type DemoJourneyPage } from '../../../scripts/demo-shop/pages.ts';
import type { Audit, EmotionId, Mark, Step } from '../../../src/domain/model.ts';
import { setMessages, t, type MessageKey } from '../../../src/i18n/t.ts';
import { audits, eventually, steps, type Session } from './peakend.ts';

setMessages(messages);

export type Variant = 'A' | 'B';

export interface StepRating {
  /** 1-7 */
  ease: number;
  /** -4..+4 */
  valence: number;
  /** Felt emotions, each at the panel's default intensity (3). */
  emotions?: EmotionId[];
  /** The auditor's note, typed into the step's note field. */
  note?: string;
}

export interface CriterionMarkSpec {
  mark: Mark;
  comment?: string;
}

export interface EndSurveySpec {
  taskCompleted: boolean;
  /** 1-7 */
  ces: number;
  /** -4..+4 */
  rememberedValence: number;
}

export interface WalkOptions {
  variant: Variant;
  /** Site name typed into New audit; default "Northwind A" / "Northwind B". */
  site?: string;
  auditor?: string;
  scenario?: string;
  /** Rating of each journey step (by position); default DEFAULT_RATINGS[variant]. */
  ratings?: readonly StepRating[];
  /** Rubric marks; default DEFAULT_MARKS[variant]. */
  marks?: Readonly<Record<string, CriterionMarkSpec>>;
  /** End survey; default DEFAULT_SURVEY[variant]. */
  survey?: EndSurveySpec;
  /** Set a step's stage to the journey's when the suggestion differs (default true). */
  fixStages?: boolean;
  /** Time each page stays on screen before the next action, in ms (default 400). */
  dwellMs?: number;
  /** Bound of each store wait, in ms (default 20 000). */
  timeoutMs?: number;
}

export interface WalkResult {
  auditId: string;
  /** The audit's steps as stored at the end, in journey order. */
  steps: Step[];
  /** Journey positions whose stage the walk corrected in the panel. */
  correctedStages: number[];
  /** The stage each step had when it was recorded (the extension's suggestion), by position. */
  suggestedStages: Array<string | null>;
}

export const JOURNEYS: Record<Variant, readonly DemoJourneyPage[]> = { A: DEMO_JOURNEY, B: DEMO_JOURNEY_B };

/** How the scripted auditor felt on each step of each journey, in journey order. */
export const DEFAULT_RATINGS: Record<Variant, readonly StepRating[]> = {
  A: [
    { ease: 6, valence: 2, emotions: ['interested'] }, // landing
    { ease: 6, valence: 1 }, // jackets
    {
      ease: 6,
      valence: 3,
      emotions: ['pleased'],
      note: 'Great photos and honest reviews; the size guide button did nothing',
    }, // product
    { ease: 6, valence: 2, emotions: ['safe'], note: 'Delivery and tax shown up front' }, // cart
    { ease: 5, valence: 1, note: 'One page, guest checkout, a lot of fields' }, // one-page guest checkout
    { ease: 7, valence: 3, emotions: ['happy'], note: 'Says when the jacket arrives' }, // confirmation
    { ease: 6, valence: 2 }, // account
    { ease: 6, valence: 2 }, // orders
  ],
  B: [
    { ease: 6, valence: 2, emotions: ['interested'] }, // landing
    { ease: 6, valence: 1 }, // jackets
    { ease: 6, valence: 2, emotions: ['pleased'] }, // product
    { ease: 5, valence: 0 }, // cart: no delivery line
    { ease: 2, valence: -3, emotions: ['irritated'], note: 'Forced to create an account before paying' }, // forced account
    { ease: 4, valence: -1 }, // address
    { ease: 5, valence: 0 }, // delivery (no prices)
    { ease: 2, valence: -3, emotions: ['disappointed'], note: 'Delivery cost appears only now' }, // payment reveals the delivery cost
    { ease: 6, valence: 1 }, // confirmation
    { ease: 6, valence: 1 }, // account
    { ease: 6, valence: 1 }, // orders
  ],
};

export const FORCED_ACCOUNT_COMMENT = 'Account creation is forced before checkout';
export const HIDDEN_COST_COMMENT = 'Delivery cost appears only at the payment step';

export const DEFAULT_MARKS: Record<Variant, Readonly<Record<string, CriterionMarkSpec>>> = {
  A: {
    F1: { mark: 'pass' },
    F2: { mark: 'pass' },
    F3: { mark: 'partial', comment: 'Sixteen fields on one form' },
    F7: { mark: 'pass' },
    S4: { mark: 'pass' },
  },
  B: {
    F1: { mark: 'fail', comment: FORCED_ACCOUNT_COMMENT },
    F2: { mark: 'fail', comment: HIDDEN_COST_COMMENT },
    F3: { mark: 'partial', comment: 'Three forms instead of one' },
    F7: { mark: 'pass' },
    S4: { mark: 'pass' },
  },
};

export const DEFAULT_SURVEY: Record<Variant, EndSurveySpec> = {
  A: { taskCompleted: true, ces: 6, rememberedValence: 2 },
  B: { taskCompleted: true, ces: 3, rememberedValence: -2 },
};

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/** Accessible name of an ease radio, e.g. "Ease 6: Easy". */
export const easeRadioName = (ease: number): string => t('easePoint', String(ease), t(`ease_${ease}` as MessageKey));
/** Accessible name of a valence radio, e.g. "Valence -3: Unpleasant". */
export const valenceRadioName = (valence: number): string =>
  t('valencePoint', signed(valence), t(`valence_${valence + 4}` as MessageKey));
const emotionName = (id: EmotionId): string => t(`emotion_${id.replace(/-/g, '_')}` as MessageKey);

async function arrive(page: Page, step: DemoJourneyPage, base: string): Promise<void> {
  if (!step.via) {
    await page.goto(`${base}${step.path}`);
    return;
  }
  for (const [selector, value] of Object.entries(step.via.fill ?? {})) await page.fill(selector, value);
  for (const selector of step.via.check ?? []) await page.check(selector);
  await page.click(step.via.click);
  await page.waitForURL((url) => `${url.pathname}${url.search}` === step.path);
}

/** Does `act` until `done` holds, waiting up to `settleMs` after each try; at most `tries` times. */
async function untilStored(
  act: () => Promise<unknown>,
  done: () => Promise<boolean>,
  tries = 4,
  settleMs = 2500,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await act();
    const until = Date.now() + settleMs;
    while (Date.now() < until) {
      if (await done()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (attempt >= tries) throw new Error(`the panel did not store the input after ${tries} tries`);
  }
}

/**
 * Rates the step whose editor is on screen as an auditor does: ease, valence, felt emotions, a note.
 * `stored` reads the step back; each input is repeated until it is stored, because a re-render that
 * lands before the write (a capture or signals update of the same step) can undo a click.
 */
export async function rateStep(
  panel: Page,
  stepId: string,
  stored: () => Promise<Step | undefined>,
  rating: StepRating,
): Promise<void> {
  const editor = panel.locator(`[data-editor-for="${stepId}"]`);
  await untilStored(
    () => editor.getByRole('radio', { name: easeRadioName(rating.ease), exact: true }).click(),
    async () => (await stored())?.ease === rating.ease,
  );
  await untilStored(
    () => editor.getByRole('radio', { name: valenceRadioName(rating.valence), exact: true }).click(),
    async () => (await stored())?.valence === rating.valence,
  );
  for (const emotion of rating.emotions ?? []) {
    const has = async () => (await stored())?.emotions.some((f) => f.emotion === emotion) === true;
    await untilStored(async () => {
      if (await has()) return;
      const all = editor.locator('details.emotions__all');
      if (!(await all.evaluate((d) => (d as HTMLDetailsElement).open))) await all.locator('summary').click();
      const chip = all.getByRole('button', { name: emotionName(emotion), exact: true });
      if ((await chip.getAttribute('aria-pressed')) !== 'true') await chip.click();
    }, has);
  }
  if (rating.note) {
    const note = rating.note;
    await untilStored(
      () => editor.getByLabel(t('note')).fill(note),
      async () => (await stored())?.note === note,
    );
    // Left as an auditor leaves it for the page (Playwright's focus emulation keeps the panel
    // focused); a step arriving under a caret would wait for that.
    await editor.getByRole('textbox', { name: t('note'), exact: true }).blur();
  }
}

/** A reader of one audit's stored steps, in journey order. */
const stepsOfAudit = (h: Session['h'], auditId: string) => async (): Promise<Step[]> =>
  (await steps(h)).filter((st) => st.auditId === auditId);

export async function walkDemoJourney(session: Session, panel: Page, opts: WalkOptions): Promise<WalkResult> {
  const { h, page, shop } = session;
  const journey = JOURNEYS[opts.variant];
  const ratings = opts.ratings ?? DEFAULT_RATINGS[opts.variant];
  const marks = opts.marks ?? DEFAULT_MARKS[opts.variant];
  const survey = opts.survey ?? DEFAULT_SURVEY[opts.variant];
  const timeout = opts.timeoutMs ?? 20_000;
  const dwell = opts.dwellMs ?? 400;
  if (ratings.length !== journey.length) throw new Error(`${ratings.length} ratings for ${journey.length} steps`);
  const first = journey[0]!;

  // A fresh cart and session, then the journey's first page: the audit starts there (step 1).
  await page.goto(`${shop.url}${first.path}${first.path.includes('?') ? '&' : '?'}reset`);
  await page.goto(`${shop.url}${first.path}`);
  const before = new Set((await audits(h)).map((a) => a.id));

  const library = panel.getByRole('button', { name: t('library'), exact: true });
  if (await library.isVisible()) await library.click();
  await panel.getByRole('button', { name: t('newAudit'), exact: true }).click();
  // The form pre-fills the site with the tab's host once the worker has described the tab; typing
  // before that lands can merge with it, so wait for the pre-fill, then replace it and check.
  const siteName = opts.site ?? `Northwind ${opts.variant}`;
  const site = panel.getByLabel(t('siteName'));
  await eventually(
    () => site.inputValue(),
    (value) => value !== '',
    timeout,
  );
  await untilStored(
    () => site.fill(siteName),
    async () => (await site.inputValue()) === siteName,
  );
  await panel.getByLabel(t('scenario')).fill(opts.scenario ?? 'Buy a size-M Ridge Shell jacket');
  await panel.getByLabel(t('auditorPseudonym')).fill(opts.auditor ?? 'fox');
  await panel.getByRole('button', { name: t('startAudit') }).click();
  await panel.getByRole('button', { name: t('logStep') }).waitFor();
  const audit = (
    await eventually(
      () => audits(h),
      (list) => list.some((a) => !before.has(a.id) && a.status === 'running'),
      timeout,
    )
  ).find((a) => !before.has(a.id)) as Audit;
  const read = stepsOfAudit(h, audit.id);

  const correctedStages: number[] = [];
  const suggestedStages: Array<string | null> = [];
  for (const [i, spec] of journey.entries()) {
    if (i > 0) await arrive(page, spec, shop.url);
    const recorded = await eventually(
      read,
      (list) => list.length === i + 1 && list.every((st) => st.capture.status !== 'pending'),
      timeout,
    );
    const step = recorded[i]!;
    suggestedStages.push(step.stage);
    const rating = ratings[i]!;
    const stored = async (): Promise<Step | undefined> => (await read())[i];
    await rateStep(panel, step.id, stored, rating);
    const editor = panel.locator(`[data-editor-for="${step.id}"]`);
    const fix = (opts.fixStages ?? true) && step.stage !== spec.stage;
    if (fix) {
      await untilStored(
        () => editor.locator('label.stage select').selectOption(spec.stage),
        async () => (await stored())?.stage === spec.stage,
      );
      correctedStages.push(i);
    }
    await eventually(
      read,
      (list) => {
        const st = list[i];
        return (
          st !== undefined &&
          st.ease === rating.ease &&
          st.valence === rating.valence &&
          (rating.emotions ?? []).every((e) => st.emotions.some((f) => f.emotion === e)) &&
          (!fix || st.stage === spec.stage)
        );
      },
      timeout,
    );
    await page.waitForTimeout(dwell);
  }

  await panel.getByRole('button', { name: t('tab_rubric'), exact: true }).click();
  for (const [id, spec] of Object.entries(marks)) {
    const row = panel.locator(`li.criterion[data-criterion="${id}"]`);
    // Elements start closed: open the criterion's element (its name is a disclosure button).
    const toggle = panel.locator('section.rubric__element', { has: row }).locator('button.rubric__toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await untilStored(
      () => row.getByRole('radio', { name: t(`mark_${spec.mark}` as MessageKey), exact: true }).click(),
      async () => (await audits(h)).find((a) => a.id === audit.id)?.rubric.marks[id]?.mark === spec.mark,
    );
    if (spec.comment) {
      // Weight, evidence and comment open on demand (a fail's comment is open already).
      const more = row.locator('button.criterion__more');
      if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
      const comment = row.getByLabel(t('rubric_comment'));
      await comment.fill(spec.comment);
      await comment.blur();
    }
  }
  await eventually(
    () => audits(h),
    (list) => {
      const stored = list.find((a) => a.id === audit.id)?.rubric.marks ?? {};
      return Object.entries(marks).every(
        ([id, spec]) =>
          stored[id]?.mark === spec.mark && (spec.comment === undefined || stored[id]?.comment === spec.comment),
      );
    },
    timeout,
  );

  await panel
    .getByRole('button', { name: t('tab_end'), exact: true })
    .first()
    .click();
  const form = panel.locator('section.survey');
  await form.getByRole('radio', { name: survey.taskCompleted ? t('survey_yes') : t('survey_no'), exact: true }).check();
  await form
    .getByRole('radio', {
      name: t('survey_cesPoint', String(survey.ces), t(`survey_ces_${survey.ces}` as MessageKey)),
      exact: true,
    })
    .check();
  await form.getByRole('radio', { name: valenceRadioName(survey.rememberedValence), exact: true }).check();
  await form.getByRole('button', { name: t('survey_endJourney'), exact: true }).click();
  await eventually(
    () => audits(h),
    (list) => {
      const a = list.find((x) => x.id === audit.id);
      return a?.status === 'ended' && a.endSurvey?.ces === survey.ces;
    },
    timeout,
  );
  return { auditId: audit.id, steps: await read(), correctedStages, suggestedStages };
}
