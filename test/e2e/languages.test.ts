// Issue 19 in a real Chromium: the panel's language is chosen in the panel and applies at once (no
// reload) and survives closing the panel; a report exported in Polish says "1 krok", "2 kroki",
// "5 kroków"; emotion words in Russian and both Chinese scripts suggest their emotions in the panel.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoShopFixture, openPanel, type Session } from './support/peakend.ts';

const fixture = demoShopFixture();

/** Picks a language in the library's picker, as an auditor does. */
async function chooseLanguage(panel: Page, label: RegExp, name: string): Promise<void> {
  await panel.getByLabel(label).selectOption({ label: name });
}

describe('the panel language, chosen in the panel', () => {
  it('switches to Polish at once, without a reload, and stays Polish when the panel is opened again', async () => {
    const s: Session = await fixture.launch();
    const panel = await openPanel(s);
    await panel.getByRole('button', { name: 'New audit' }).waitFor();
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('en');
    // A reload would lose this; the switch must re-render the page it is on.
    await panel.evaluate(() => ((window as unknown as { peakendMark: number }).peakendMark = 19));

    await chooseLanguage(panel, /^Language$/, 'Polski');
    await panel.getByRole('button', { name: 'Nowy audyt' }).waitFor({ timeout: 5_000 });
    expect(await panel.getByRole('heading', { level: 1 }).textContent()).toBe('Audyty');
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('pl');
    expect(await panel.evaluate(() => (window as unknown as { peakendMark?: number }).peakendMark)).toBe(19);
    expect(await panel.getByRole('button', { name: 'New audit' }).count()).toBe(0);

    await panel.close();
    const again = await openPanel(s);
    await again.getByRole('button', { name: 'Nowy audyt' }).waitFor();
    expect(await again.getByLabel(/^Język$/).inputValue()).toBe('pl');

    // "Browser language" goes back to the browser's (English here).
    await chooseLanguage(again, /^Język$/, 'Język przeglądarki');
    await again.getByRole('button', { name: 'New audit' }).waitFor({ timeout: 5_000 });
    expect(await again.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});
