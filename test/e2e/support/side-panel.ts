// The panel as an auditor meets it in Chrome's side panel: at its size, with an audit started, and
// each action counted, for the tests that measure how many actions a path takes.
import type { Page } from 'playwright-core';
import type { Step } from '../../../src/domain/model.ts';
import { eventually, openPanel, settled, startAudit, steps, type demoShopFixture } from './peakend.ts';

/** The side panel's viewport in Chromium (../shared/BROWSER-TESTING.md). */
export const PANEL = { width: 360, height: 585 };

/**
 * A fresh audit started from the panel at the side panel's size, on `path` of the demo shop: ready
 * once its one step has settled and `ready` holds of it.
 */
export async function panelWithAudit(
  demo: Pick<ReturnType<typeof demoShopFixture>, 'shop' | 'launch'>,
  path = '/index.html',
  ready: (step: Step) => boolean = () => true,
) {
  const s = await demo.launch();
  if (path !== '/index.html') await s.page.goto(`${demo.shop.url}${path}`);
  const panel = await openPanel(s);
  await panel.setViewportSize(PANEL);
  await startAudit(panel);
  await eventually(
    () => steps(s.h),
    (list) => list.length === 1 && settled(list) && ready(list[0]!),
  );
  return { s, panel };
}

/** Counts the auditor's actions: each click and each key press (typed text is counted apart). */
export class Actions {
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
