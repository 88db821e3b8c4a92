// The reviewer workflow's steps in the panel, as a person takes them: a shared programme audit
// imported through the library, the local programme identity switched, an audit opened and left.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Audit } from '../../../src/domain/model.ts';
import { fixture } from '../../unit/import/helpers.ts';

export const PROGRAMME = { id: 'prg_retail', name: 'Retail Q4', wave: 'Wave 2' };

/** Imports the import fixture (three steps, ended) as a programme audit, through the library's file input. */
export async function importProgrammeAudit(panel: Page, overrides: Partial<Audit> = {}): Promise<string> {
  const f = fixture({ programme: PROGRAMME, auditor: 'ana', site: 'Northwind', status: 'ended', ...overrides });
  const file = join(mkdtempSync(join(tmpdir(), 'peakend-review-')), 'shared.zip');
  writeFileSync(file, f.zip);
  await panel.locator('input[type=file]').setInputFiles(file);
  await panel.locator(`.audit-row[data-audit-id="${f.audit.id}"] [data-review]`).waitFor();
  return f.audit.id;
}

/** Sets "your name in programmes" and the role at the foot of the library, typing at a person's pace. */
export async function beAs(panel: Page, name: string, role: 'Auditor' | 'Reviewer'): Promise<void> {
  const field = panel.getByLabel('Your name in programmes');
  await field.click();
  await field.press('Control+a');
  await panel.keyboard.type(name, { delay: 40 });
  await panel.getByLabel('Your role').selectOption({ label: role });
  await panel.getByRole('button', { name: 'Save name and role' }).click();
  await panel.locator('.programme-identity').getByText('Saved').waitFor();
}

export async function openAudit(panel: Page): Promise<void> {
  await panel.locator('.audit-row').getByRole('button', { name: 'Open', exact: true }).click();
  await panel.locator('.review').waitFor();
}

export async function toLibrary(panel: Page): Promise<void> {
  await panel.locator('.view__header').getByRole('button', { name: 'Library' }).click();
  await panel.locator('.audit-row').waitFor();
}
