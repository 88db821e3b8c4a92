// The library's Programme section as a person uses it: the connect form typed at a person's pace, and
// Sync now pressed once the previous pass is over.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AllDocsRow } from '../../../src/sync/pouch-port.ts';

/** The library's Programme form, typed at a person's pace, then Connect. */
export async function connect(panel: Page, url: string, user: string, database = 'team'): Promise<void> {
  const field = (name: string) => panel.locator(`.programme input[name="${name}"]`);
  await field('server')
    .waitFor({ timeout: 15000 })
    .catch(async (e: unknown) => {
      throw new Error(`${String(e)}\n${(await panel.locator('body').textContent()) ?? ''}`);
    });
  await field('server').click();
  await panel.keyboard.type(url, { delay: 15 });
  await field('database').click();
  await panel.keyboard.type(database, { delay: 15 });
  await field('user').click();
  await panel.keyboard.type(user, { delay: 15 });
  await field('password').click();
  await panel.keyboard.type('secret', { delay: 15 });
  await panel.getByRole('button', { name: 'Connect' }).click();
  await panel.getByText('Connected to').waitFor({ timeout: 15000 });
}

/** Sync now, once no pass is running (the button is disabled meanwhile). */
export async function syncNow(panel: Page): Promise<void> {
  const button = panel.locator('.programme').getByRole('button', { name: 'Sync now' });
  await button.and(panel.locator(':enabled')).waitFor({ timeout: 30000 });
  await button.click();
}

/** The server holds exactly these audits, every document once (its first revision), none in conflict. */
export function expectSharedOnce(rows: readonly AllDocsRow[], ids: readonly string[]): void {
  expect(rows.filter((row) => !row.value.rev.startsWith('1-'))).toEqual([]);
  expect(rows.filter((row) => row.doc?._conflicts)).toEqual([]);
  expect(
    rows
      .filter((row) => row.id.startsWith('audit:'))
      .map((row) => row.id.slice(6))
      .sort(),
  ).toEqual([...ids].sort());
}
