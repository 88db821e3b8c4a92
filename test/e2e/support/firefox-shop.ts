// The Firefox tests' start: the audited tab on the demo shop's home page, its state reset, and the
// sidebar's page opened for that tab's window (a test cannot open the sidebar itself).
import type { Page } from 'puppeteer-core';
import { openPanelForWindowOf, type FirefoxSession } from '../harness/firefox.ts';

export async function onDemoShop(ff: FirefoxSession, shopUrl: string): Promise<{ page: Page; panel: Page }> {
  const page = (await ff.browser.pages())[0] ?? (await ff.browser.newPage());
  await page.goto(`${shopUrl}/index.html?reset`);
  await page.goto(`${shopUrl}/index.html`);
  return { page, panel: await openPanelForWindowOf(ff, shopUrl) };
}
