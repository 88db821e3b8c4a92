// Issue 3 in a real Chromium: ratings through the panel, observed signals on the demo shop, masking
// of typed card numbers (top page and cross-origin payment frame), and edits that survive the panel
// closing or the worker stopping.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_JOURNEY } from '../../scripts/demo-shop/pages.ts';
import { PIXEL_SCRIPT } from './support/jpeg.ts';
import {
  audits,
  blobs,
  eventually,
  openPanel,
  screenshots,
  settled,
  startAudit,
  demoShopFixture,
  steps,
  type Session,
  hangMainThread,
} from './support/peakend.ts';

const demo = demoShopFixture();
let s: Session | null = null;

/** A browser with an audit started in the panel, and the audited tab on the demo shop's product page. */
async function recordProductPage() {
  s = await demo.launch();
  const panel = await openPanel(s);
  await startAudit(panel);
  await s.page.goto(`${demo.shop.url}/product.html?id=ridge-shell`);
  return { h: s.h, page: s.page, panel };
}

/** A browser whose audit starts on the demo shop's checkout: its first step is that page, masked. */
async function startOnCheckout() {
  s = await demo.launch();
  await s.page.goto(`${demo.shop.url}/checkout.html`);
  const panel = await openPanel(s);
  await startAudit(panel);
  return { h: s.h, page: s.page, panel };
}

/** The running audit's id, read before a timed stretch (a store read opens and closes a tab). */
async function runningAuditId(): Promise<string> {
  const audit = (await audits(s!.h))[0];
  if (!audit) throw new Error('no audit in the store');
  return audit.id;
}

/** Logs a step as the panel's button does, but by message: a click in the panel's window could take focus from the page. */
async function logStepByMessage(panel: Page, auditId: string): Promise<unknown> {
  return panel.evaluate((m) => chrome.runtime.sendMessage(m), {
    type: 'worker/log-step',
    windowId: s!.windowId,
    auditId,
  });
}

/** Clicks at an element's centre without Playwright's scroll-into-view, which would count as a reaction. */
async function clickAt(page: Page, selector: string): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

describe('step logging', () => {
  it('stores ratings, emotions, a note, a finding and a stage set through the panel', async () => {
    s = await demo.launch();
    const panel = await openPanel(s);
    await startAudit(panel);
    await s.page.goto(`${demo.shop.url}/cart.html`);
    await eventually(
      () => steps(s!.h),
      (list) => list.length === 2 && settled(list),
    );

    await panel.getByLabel('Ease 2: Difficult').check();
    await panel.getByLabel('Valence -3: Unpleasant').check();
    await panel.getByText('Choose emotions').click();
    await panel.getByRole('button', { name: 'frustrated', exact: true }).click();
    await panel.getByLabel('Intensity').selectOption('4');
    await panel.getByLabel('Note').fill('Delivery cost is not clear and the coupon field is irritating');
    await panel.getByRole('button', { name: '+ irritated' }).click();
    await panel.getByLabel('New finding').fill('Delivery cost hidden until payment');
    await panel.getByLabel('Severity', { exact: true }).selectOption('3');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    // The element through Edit, once the finding is there.
    await panel.getByRole('button', { name: 'Edit' }).click();
    await panel.getByLabel('Element').selectOption('frictionless');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await panel.getByLabel('Stage').selectOption('checkout-details');

    const [, step] = await eventually(
      () => steps(s!.h),
      (list) => list[1]?.stage === 'checkout-details' && list[1].findings.length === 1 && list[1].emotions.length === 2,
    );
    expect(step).toMatchObject({
      ease: 2,
      valence: -3,
      note: 'Delivery cost is not clear and the coupon field is irritating',
      stage: 'checkout-details',
      stageSource: 'auditor',
    });
    expect(step!.emotions).toEqual([
      { emotion: 'frustrated', intensity: 4 },
      { emotion: 'irritated', intensity: 3 },
    ]);
    expect(step!.findings[0]).toMatchObject({
      title: 'Delivery cost hidden until payment',
      severity: 3,
      element: 'frictionless',
    });
  });

  it('counts a dead button, a rage-clicked button and a failed checkout submit', async () => {
    const { h, page, panel } = await recordProductPage();
    await page.locator('#rage-button').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    await clickAt(page, '#dead-button');
    await page.waitForTimeout(1200);
    for (let i = 0; i < 3; i++) await clickAt(page, '#rage-button');
    await page.waitForTimeout(1500);

    await page.goto(`${demo.shop.url}/checkout.html`);
    await page.locator('#place-order').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1200);
    await clickAt(page, '#place-order');
    await page.waitForTimeout(1500);
    const expectedErrors = await page.evaluate(
      () =>
        document.querySelectorAll('[aria-invalid="true"]').length +
        ((document.querySelector('[role="alert"]')?.textContent ?? '').trim() ? 1 : 0),
    );
    expect(expectedErrors).toBeGreaterThan(3);
    // Counted by hand on the demo page: radios and the header search box included.
    const checkout = DEMO_JOURNEY.find((p) => p.path === '/checkout.html')!;
    const recorded = await eventually(
      () => steps(h),
      (list) => list.length === 3 && list[1]?.signals?.clicks === 4 && (list[2]?.signals?.formErrors ?? 0) > 0,
    );
    expect(recorded[1]!.signals).toMatchObject({ clicks: 4, rageClicks: 1, deadClicks: 4, formErrors: 0 });
    expect(recorded[2]!.signals).toMatchObject({
      formErrors: expectedErrors,
      fields: checkout.formFields!.visible,
      requiredFields: checkout.formFields!.required,
      clicks: 1,
      rageClicks: 0,
    });
    expect(recorded[1]!.signals!.lcpMs).toBeGreaterThan(0);
    // Shown beside the ratings with good / poor marks.
    await expect
      .poll(() => panel.locator('[data-step-index="1"] [data-signal="rageClicks"]').innerText())
      .toBe('1 rage click');
    await expect
      .poll(() => panel.locator('[data-step-index="1"] [data-vital="lcp"]').getAttribute('data-rating'))
      .toBe('good');
  });

  it('counts a message the page shows when a field is left, the field reached by a click on it or on its label', async () => {
    const { h, page } = await recordProductPage();
    await page.locator('#rage-button').scrollIntoViewIfNeeded();
    // Inline validation of our own on the page: leaving the coupon field shows a new message in the
    // page's role=alert region each time. And a log of the page's clicks, to know what was hit.
    await page.evaluate(() => {
      const w = window as unknown as { hits: string[] };
      w.hits = [];
      addEventListener('click', (e) => w.hits.push((e.target as Element).id || (e.target as Element).localName), true);
      // Fixed, so the message moves nothing under the pointer between press and release.
      const region = document.createElement('p');
      region.id = 'inline-message';
      region.setAttribute('role', 'alert');
      region.style.cssText = 'position:fixed;inset-block-start:0;inset-inline-start:0';
      document.body.append(region);
      let left = 0;
      document
        .querySelector('#coupon')!
        .addEventListener('blur', () => (region.textContent = `Enter a promo code (${++left})`));
    });
    await page.waitForTimeout(1500);
    await clickAt(page, '#coupon');
    await clickAt(page, '#rage-button');
    await page.waitForTimeout(500);
    // The label's text: the browser forwards that click to the field, which takes focus.
    await clickAt(page, 'label[for="coupon"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('coupon');
    await clickAt(page, '#rage-button');
    await page.waitForTimeout(500);
    expect(await page.locator('#inline-message').innerText()).toBe('Enter a promo code (2)');
    expect(await page.evaluate(() => (window as unknown as { hits: string[] }).hits)).toEqual([
      'coupon',
      'rage-button',
      'label',
      'coupon',
      'rage-button',
    ]);
    // By keyboard from the button back into the field, an edit, and Tab away: the edit's `change`
    // comes before the field is left.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('coupon');
    await page.keyboard.type('X');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(500);
    expect(await page.locator('#inline-message').innerText()).toBe('Enter a promo code (3)');

    const recorded = await eventually(
      () => steps(h),
      (list) => (list[1]?.signals?.formErrors ?? 0) >= 3,
    );
    // Four clicks of the shopper: the label's forwarded click is not a fifth.
    expect(recorded[1]!.signals).toMatchObject({ clicks: 4, formErrors: 3 });
  });

  it("keeps a click dead when a step's covers come and go on the page within its second", async () => {
    const { h, page, panel } = await startOnCheckout();
    // The card field in view, so the capture draws its cover layer on the page; a log, in the page's
    // own world, of when the layer came and went.
    await page.evaluate(() => {
      document.querySelector('#cc-number')!.scrollIntoView({ block: 'center' });
      const w = window as unknown as { layer: number[] };
      w.layer = [];
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of [...r.addedNodes, ...r.removedNodes])
            if (n.nodeName === 'PEAKEND-MASK-LAYER') w.layer.push(performance.now());
      }).observe(document.documentElement, { childList: true });
    });
    await eventually(
      () => steps(h),
      (list) => list.length === 1 && settled(list),
    );
    const auditId = await runningAuditId();
    await page.waitForTimeout(1500);
    const clickedAt = await page.evaluate(() => performance.now());
    await clickAt(page, '#cc-csc-hint');
    expect(await logStepByMessage(panel, auditId)).toMatchObject({ ok: true });
    // The covers are taken away without waiting for the page's answer: poll for it.
    // (A first image refused for missing covers, now and then, puts them up a second time: 4 entries.)
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { layer: number[] }).layer.length))
      .toBeGreaterThanOrEqual(2);
    const layer = await page.evaluate(() => (window as unknown as { layer: number[] }).layer);
    expect(layer[1]! - clickedAt, "the covers came and went within the click's second").toBeLessThan(1000);
    const recorded = await eventually(
      () => steps(h),
      (list) =>
        list.length === 2 &&
        settled(list) &&
        list[1]?.signals?.clicks === 1 &&
        list[1].signals.deadClicks !== undefined,
    );
    const shot = (await screenshots(h)).find((x) => x.stepId === recorded[1]!.id)!;
    expect(shot.masked).toBe(true);
    expect(shot.maskedFields).toBeGreaterThanOrEqual(1);
    expect(recorded[1]!.signals).toMatchObject({ clicks: 1, deadClicks: 1 });
  });

  it("reads the page's LCP and layout shifts from the browser's buffer when it sends the page's signals", async () => {
    const { h, page } = await recordProductPage();
    await page.waitForTimeout(800);
    // A banner pushed in at the top, long after any input: everything below it moves.
    await page.evaluate(() => {
      const banner = document.createElement('div');
      banner.style.blockSize = '120px';
      banner.textContent = 'Free delivery this week';
      document.body.prepend(banner);
    });
    // What the page itself sees, once the shift is painted.
    const shifted = () =>
      page.evaluate(() => {
        const observer = new PerformanceObserver(() => undefined);
        observer.observe({ type: 'layout-shift', buffered: true });
        return observer.takeRecords().reduce((sum, e) => sum + (e as unknown as { value: number }).value, 0);
      });
    await expect.poll(shifted, { timeout: 5000 }).toBeGreaterThan(0);
    const expected = await shifted();
    // Leaving the page sends what it has.
    await page.goto(`${demo.shop.url}/cart.html`);
    const recorded = await eventually(
      () => steps(h),
      (list) => (list[1]?.signals?.cls ?? 0) > 0,
    );
    expect(recorded[1]!.signals!.cls).toBeCloseTo(expected, 6);
    expect(recorded[1]!.signals!.lcpMs).toBeGreaterThan(0);
  });

  it("records the page's INP, its slowest interaction, from the browser's event timing", async () => {
    const { h, page } = await recordProductPage();
    await page.locator('#rage-button').scrollIntoViewIfNeeded();
    // A button of the page's own that blocks its click for 150 ms; the page keeps its own record of
    // each interaction's longest event, from the same browser entries.
    await page.evaluate(() => {
      const w = window as unknown as { longest: Map<number, number> };
      w.longest = new Map();
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { interactionId: number; duration: number }[]) {
          if (e.interactionId)
            w.longest.set(e.interactionId, Math.max(w.longest.get(e.interactionId) ?? 0, e.duration));
        }
      }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
      const slow = document.createElement('button');
      slow.id = 'slow-button';
      slow.textContent = 'Check stock';
      slow.addEventListener('click', () => {
        const until = performance.now() + 150;
        while (performance.now() < until);
      });
      document.querySelector('#rage-button')!.after(slow);
    });
    await page.waitForTimeout(300);
    await clickAt(page, '#dead-button');
    await clickAt(page, '#slow-button');
    await clickAt(page, '#dead-button');
    const slowest = () =>
      page.evaluate(() => Math.max(0, ...(window as unknown as { longest: Map<number, number> }).longest.values()));
    await expect.poll(slowest, { timeout: 5000 }).toBeGreaterThanOrEqual(150);
    const expected = Math.round(await slowest());
    // Leaving the page sends what it has.
    await page.goto(`${demo.shop.url}/cart.html`);
    const recorded = await eventually(
      () => steps(h),
      // A batch may go out between the first quick click (its first-input entry) and the slow one.
      (list) => (list[1]?.signals?.inpMs ?? 0) >= 150,
    );
    // Three interactions: the 98th percentile is the slowest.
    expect(recorded[1]!.signals!.inpMs).toBe(expected);
  });

  it('covers typed card numbers with uniform opaque boxes, in the page and in a cross-origin payment frame', async () => {
    const { h, page, panel } = await startOnCheckout();
    await page.fill('#cc-number', '4111 1111 1111 1111');
    await page.fill('#email', 'sam@example.com');
    const frame = page.frameLocator('iframe#payment-frame');
    await frame.locator('#frame-card').fill('5555555555554444');
    // Bring the card fields and the payment frame into the viewport, where the capture sees them.
    await page.evaluate(() => document.querySelector('#cc-number')!.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    expect(new URL((await page.locator('iframe#payment-frame').getAttribute('src'))!, page.url()).origin).not.toBe(
      new URL(page.url()).origin,
    );

    const rects = await page.evaluate(() => {
      const r = (el: Element | null) => {
        const b = el!.getBoundingClientRect();
        return [Math.round(b.left + 3), Math.round(b.top + 3), Math.round(b.width - 6), Math.round(b.height - 6)];
      };
      const iframe = document.querySelector('iframe#payment-frame')!.getBoundingClientRect();
      return {
        card: r(document.querySelector('#cc-number')),
        name: r(document.querySelector('#cc-name')),
        iframe: [iframe.left, iframe.top],
      };
    });
    const inner = await frame.locator('#frame-card').evaluate((el) => {
      const b = el.getBoundingClientRect();
      return [b.left + 3, b.top + 3, b.width - 6, b.height - 6].map(Math.round);
    });
    const frameCard = [
      Math.round(rects.iframe[0]! + inner[0]!),
      Math.round(rects.iframe[1]! + inner[1]!),
      inner[2]!,
      inner[3]!,
    ];
    const visible = (r: number[]) => r[1]! >= 0 && r[1]! + r[3]! <= 800;
    expect([rects.card, rects.name, frameCard].map(visible)).toEqual([true, true, true]);

    await panel.getByRole('button', { name: 'Log step' }).click();
    const recorded = await eventually(
      () => steps(h),
      (list) => list.length === 2 && settled(list),
    );
    const shot = (await screenshots(h)).find((x) => x.stepId === recorded[1]!.id)!;
    expect(shot.masked).toBe(true);
    expect(shot.maskedFields).toBeGreaterThanOrEqual(3);
    const full = (await blobs(h, true)).find((b) => b.kind === 'full' && b.shotId === shot.id)!;
    // Decode the stored JPEG in the browser and read the pixels under each field.
    const [card, name, frameField, whole] = await page.evaluate<
      Array<{ r: number; g: number; b: number; max: number }>
    >(
      `(${PIXEL_SCRIPT})(${JSON.stringify({
        base64: full.blob.base64,
        points: [rects.card, rects.name, frameCard, [0, 0, 1280, 800]],
      })})`,
    );
    for (const box of [card!, name!, frameField!]) {
      expect(box.max, 'no bright pixel inside a masked field').toBeLessThan(40);
    }
    // The rest of the page is intact: mostly light, not blacked out.
    expect(whole!.r + whole!.g + whole!.b).toBeGreaterThan(3 * 150);
    // The covers are gone from the page once the capture is taken.
    expect(await page.locator('peakend-mask-layer').count()).toBe(0);
    expect(await frame.locator('peakend-mask-layer').count()).toBe(0);
  });

  it('stores no screenshot, and says why, when a hung page cannot confirm its covers; none stay once it wakes', async () => {
    const { h, page, panel } = await startOnCheckout();
    await eventually(
      () => steps(h),
      (list) => list.length === 1 && settled(list),
    );
    const auditId = await runningAuditId();
    // The page's main thread (its payment frame shares it: same site) busy for 12 s: no frame answers
    // the worker's request to cover its fields, nor runs the script injected again to ask once more
    // (the refusal comes after three waits of 2.5 s).
    const HUNG_MS = 12_000;
    await hangMainThread(page, HUNG_MS);
    const hungAt = Date.now();
    void logStepByMessage(panel, auditId);
    const recorded = await eventually(
      () => steps(h),
      (list) => list.length === 2 && settled(list),
      HUNG_MS,
    );
    expect(Date.now() - hungAt, 'refused while the page was still hung').toBeLessThan(HUNG_MS);
    // The notice says what happened: the page never answered (not that its covers came late).
    expect(recorded[1]!.capture).toEqual({ status: 'failed', reason: 'page-silent' });
    expect((await screenshots(h)).filter((x) => x.stepId === recorded[1]!.id)).toEqual([]);
    await panel.getByText('No screenshot: the page did not answer (it may be busy)').first().waitFor();
    // Once awake, the page draws the covers it was asked for and takes them away again at once.
    await page.waitForTimeout(Math.max(0, hungAt + HUNG_MS - Date.now()) + 500);
    expect(await page.locator('peakend-mask-layer').count()).toBe(0);
    expect(await page.frameLocator('iframe#payment-frame').locator('peakend-mask-layer').count()).toBe(0);
  });

  it("covers what the auditor's own selectors name, saved as typed, and says which one masks nothing", async () => {
    const { h, page, panel } = await recordProductPage();
    await eventually(
      () => steps(h),
      (list) => list.length === 2 && settled(list),
    );
    await panel.getByText('Privacy: sensitive fields masked').click();
    const selectors = panel.getByLabel('Also mask (CSS selectors, comma-separated)');
    await selectors.fill('main h1, #');
    await expect.poll(() => panel.getByRole('alert').innerText()).toBe('Not a CSS selector, so it masks nothing: #');
    // Stored while the field still has focus: a capture may come before the auditor leaves it.
    await eventually(
      () => audits(h),
      (list) => JSON.stringify(list[0]?.maskSelectors) === JSON.stringify(['main h1', '#']),
      2000,
    );
    expect(await selectors.evaluate((el) => el === document.activeElement)).toBe(true);

    const title = await page.evaluate(() => {
      const b = document.querySelector('main h1')!.getBoundingClientRect();
      return [b.left + 3, b.top + 3, b.width - 6, b.height - 6].map(Math.round);
    });
    expect(await logStepByMessage(panel, await runningAuditId())).toMatchObject({ ok: true });
    const recorded = await eventually(
      () => steps(h),
      (list) => list.length === 3 && settled(list),
    );
    const shot = (await screenshots(h)).find((x) => x.stepId === recorded[2]!.id)!;
    expect(shot.maskedFields).toBeGreaterThanOrEqual(1);
    const full = (await blobs(h, true)).find((b) => b.kind === 'full' && b.shotId === shot.id)!;
    const [heading, whole] = await page.evaluate<Array<{ r: number; g: number; b: number; max: number }>>(
      `(${PIXEL_SCRIPT})(${JSON.stringify({
        base64: full.blob.base64,
        points: [title, [0, 0, 1280, 800]],
      })})`,
    );
    expect(heading!.max, 'the heading is under a cover').toBeLessThan(40);
    expect(whole!.r + whole!.g + whole!.b).toBeGreaterThan(3 * 150);
  });

  it('captures without covers when masking is turned off for the audit', async () => {
    const { h, page, panel } = await startOnCheckout();
    await page.fill('#cc-number', '4111 1111 1111 1111');
    await panel.getByText('Privacy: sensitive fields masked').click();
    await panel.getByLabel('Mask sensitive fields before each screenshot').uncheck();
    await expect.poll(async () => (await (await import('./support/peakend.ts')).audits(h))[0]?.masking).toBe(false);
    await panel.getByRole('button', { name: 'Log step' }).click();
    const recorded = await eventually(
      () => steps(h),
      (list) => list.length === 2 && settled(list),
    );
    const shots = await screenshots(h);
    // The start page was captured masked; the step after turning masking off is not.
    expect(shots.find((x) => x.stepId === recorded[0]!.id)).toMatchObject({ masked: true });
    expect(shots.find((x) => x.stepId === recorded[1]!.id)).toMatchObject({ masked: false, maskedFields: 0 });
  });

  it('keeps a note typed just before the panel closes', async () => {
    s = await demo.launch();
    const panel = await openPanel(s);
    await startAudit(panel);
    await panel.getByRole('button', { name: 'Log step' }).click();
    await eventually(
      () => steps(s!.h),
      (list) => list.length === 2 && settled(list),
    );
    await panel.getByLabel('Note').pressSequentially('Shipping costs appear late', { delay: 5 });
    // Closed at once, inside the pause after which a note is saved: the close itself must save it.
    await panel.close();
    const [, step] = await eventually(
      () => steps(s!.h),
      (list) => list[1]?.note === 'Shipping costs appear late',
      3000,
    );
    expect(step!.note).toBe('Shipping costs appear late');
  });

  it('loses nothing when the worker is stopped between a rating and a note', async () => {
    s = await demo.launch();
    const { h } = s;
    const panel = await openPanel(s);
    await startAudit(panel);
    await panel.getByRole('button', { name: 'Log step' }).click();
    await eventually(
      () => steps(h),
      (list) => list.length === 2 && settled(list),
    );
    await panel.getByLabel('Ease 5: Somewhat easy').check();
    await h.stopServiceWorker();
    await panel.getByLabel('Note').fill('Fine, but slow');
    await eventually(
      () => steps(h),
      (list) => list[1]?.note === 'Fine, but slow',
    );
    await h.stopServiceWorker();
    await panel.getByRole('button', { name: 'Log step' }).click();
    const recorded = await eventually(
      () => steps(h),
      (list) => list.length === 3 && settled(list),
    );
    expect(recorded[1]).toMatchObject({ ease: 5, note: 'Fine, but slow' });
    expect(recorded[2]!.capture).toEqual({ status: 'ok' });
  });
});
