// Issue 19 in a real Chromium: the panel's language is chosen in the panel and applies at once (no
// reload) and survives closing the panel; a report exported in Polish says "1 krok", "2 kroki",
// "5 kroków"; emotion words in Russian and both Chinese scripts suggest their emotions in the panel.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { audits, demoShopFixture, eventually, openPanel, settled, steps, type Session } from './support/peakend.ts';

type Messages = Record<string, { message: string }>;
const messages = (lang: string) =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Messages;
const pl = messages('pl');
const ru = messages('ru');
const zhTW = messages('zh_TW');

const fixture = demoShopFixture();

/** Starts an audit from the library in the panel's language, typing as a person does. */
async function startAuditIn(panel: Page, m: Messages): Promise<void> {
  await panel.getByRole('button', { name: m.newAudit!.message }).click();
  await panel.getByLabel(m.auditorPseudonym!.message).pressSequentially('fox', { delay: 40 });
  await panel.getByLabel(m.scenario!.message).pressSequentially('Kurtka M', { delay: 40 });
  await panel.getByRole('button', { name: m.startAudit!.message }).click();
  await panel.getByRole('button', { name: m.logStep!.message }).waitFor();
}

/** Goes to `path` in the audited tab and waits for its step to be stored. */
async function walkTo(s: Session, path: string, count: number): Promise<void> {
  await s.page.goto(`${s.shop.url}${path}`);
  await eventually(
    () => steps(s.h),
    (list) => list.length === count && settled(list),
  );
}

/** Types into the current step's note at a person's pace. */
async function typeNote(panel: Page, m: Messages, text: string): Promise<void> {
  const note = panel.locator('.step--current').getByRole('textbox', { name: m.note!.message, exact: true });
  await note.fill('');
  await note.pressSequentially(text, { delay: 25 });
}

const suggestion = (panel: Page, m: Messages, emotion: string) =>
  panel.locator('.step--current .chip--suggested', { hasText: `+ ${m[`emotion_${emotion}`]!.message}` });

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

describe("a report in the audit's language", () => {
  it('exports HTML in Polish with Polish plural forms: 1 krok, 2 kroki, 5 kroków', async () => {
    const s = await fixture.launch();
    const panel = await openPanel(s);
    await chooseLanguage(panel, /^Language$/, 'Polski');
    await startAuditIn(panel, pl);
    await eventually(
      () => steps(s.h),
      (list) => list.length === 1 && settled(list),
    );
    const rate = async (ease: number | null, valence: number | null) => {
      const card = panel.locator('.step--current');
      if (ease !== null) await card.locator(`input[name^="ease-"][value="${ease}"]`).check();
      if (valence !== null) await card.locator(`input[name^="valence-"][value="${valence}"]`).check();
    };
    // Five steps: four rated for valence (one step without), three for ease (two without).
    await rate(6, 1);
    const walk: Array<[string, number | null, number | null]> = [
      ['/products.html', 6, 2],
      ['/product.html?id=ridge-shell', null, 2],
      ['/cart.html', 5, null],
      ['/checkout.html', null, -2],
    ];
    for (const [i, [path, ease, valence]] of walk.entries()) {
      await walkTo(s, path, i + 2);
      await rate(ease, valence);
    }
    await eventually(
      () => steps(s.h),
      (list) =>
        list.filter((st) => st.valence !== null).length === 4 && list.filter((st) => st.ease !== null).length === 3,
    );
    const [audit] = await audits(s.h);
    expect(audit!.language).toBe('pl');

    const report = await s.h.openExtensionPage(`src/report/report.html?audit=${audit!.id}`);
    await report.locator('[data-metric="pe100"]').waitFor();
    expect(await report.evaluate(() => document.documentElement.lang)).toBe('pl');
    const [download] = await Promise.all([
      report.waitForEvent('download'),
      report.getByRole('button', { name: pl.report_exportHtml!.message }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'peakend-lang-')), download.suggestedFilename());
    await download.saveAs(file);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/<html[^>]* lang="pl"/);
    expect(html).toContain('5 kroków');
    expect(html).toContain('1 krok bez oceny walencji:');
    expect(html).toContain('2 kroki bez oceny łatwości:');
    expect(html).not.toMatch(/\b5 steps\b|step\(s\)/);

    // Another language for this report only: the tab (and what it exports) switches, the panel does not.
    await report.getByLabel(pl.report_language!.message).selectOption({ label: 'English' });
    await report.getByRole('button', { name: 'Export HTML' }).waitFor({ timeout: 5_000 });
    expect(await report.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await report.locator('#report-root').textContent()).toContain('5 steps');
    await panel.getByRole('button', { name: pl.logStep!.message }).waitFor();
  });
});

describe('emotion words in the panel', () => {
  it('a Russian note with an inflected emotion word gets its suggestion; a negated one does not', async () => {
    const s = await fixture.launch();
    const panel = await openPanel(s);
    await chooseLanguage(panel, /^Language$/, 'Русский');
    await startAuditIn(panel, ru);
    await eventually(
      () => steps(s.h),
      (list) => list.length === 1 && settled(list),
    );
    // "раздражали": past plural of раздражать, not the lexicon's dictionary form.
    await typeNote(panel, ru, 'Меня раздражали всплывающие окна с купонами');
    await suggestion(panel, ru, 'irritated').waitFor({ timeout: 5_000 });

    await typeNote(panel, ru, 'Оплата меня совсем не раздражала');
    await panel.locator('.step--current .note textarea').evaluate((el) => el.blur());
    await eventually(
      () => steps(s.h),
      (list) => list[0]?.note === 'Оплата меня совсем не раздражала',
    );
    expect(await suggestion(panel, ru, 'irritated').count()).toBe(0);
  });

  it('the Chinese panel: a note in Traditional and one in Simplified each get suggestions', async () => {
    const s = await fixture.launch();
    const panel = await openPanel(s);
    await chooseLanguage(panel, /^Language$/, '繁體中文');
    await startAuditIn(panel, zhTW);
    await eventually(
      () => steps(s.h),
      (list) => list.length === 1 && settled(list),
    );
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    await typeNote(panel, zhTW, '結帳很順利，我很滿意');
    await suggestion(panel, zhTW, 'pleased').waitFor({ timeout: 5_000 });
    expect(await suggestion(panel, zhTW, 'irritated').count()).toBe(0);

    await walkTo(s, '/products.html', 2);
    await typeNote(panel, zhTW, '运费太贵了，真烦人');
    await suggestion(panel, zhTW, 'irritated').waitFor({ timeout: 5_000 });
    expect(await suggestion(panel, zhTW, 'pleased').count()).toBe(0);
  });
});
