// The panel in Hebrew, right to left, at the side panel's own size (360x585): dir and lang on the
// document, nothing wider than the panel in the library, New audit, a step with its editor open,
// the rubric, the summary and the end of the journey, and a page title of Latin words and digits
// kept in its own bidi isolate. Chromium takes the extension's locale from --lang. Screenshots of
// each view go to test-results/rtl/ (gitignored), kept for a person to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness/index.ts';
import { audits, demoShopFixture, eventually, openPanel, settled, steps } from './support/peakend.ts';

const SHOTS = join(REPO_ROOT, 'test-results', 'rtl');
const PANEL = { width: 360, height: 585 };
const TITLE = 'Checkout 1280 × 800 (step 2)';
const he = JSON.parse(readFileSync(join(REPO_ROOT, 'public/_locales/he/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;
const msg = (key: string): string => {
  const text = he[key]?.message;
  if (!text) throw new Error(`no Hebrew message ${key}`);
  return text;
};

interface Layout {
  dir: string;
  lang: string;
  /** The viewport's width, which boxes must stay within. */
  width: number;
  scrollWidth: number;
  clientWidth: number;
  /** Visible elements whose box leaves 0..width, as "tag.class [left, right]". */
  outside: string[];
}

/** What a reader would see overflow: every rendered element's box against the viewport's width. */
async function layout(panel: Page): Promise<Layout> {
  return panel.evaluate(() => {
    const width = window.innerWidth;
    const outside: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.left < -0.5 || box.right > width + 0.5) {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : '';
        outside.push(`${el.tagName.toLowerCase()}${cls} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
      }
    }
    return {
      dir: document.documentElement.dir,
      lang: document.documentElement.lang,
      width,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      outside,
    };
  });
}

/** Whether the pieces of an element's text appear on screen left to right in the order given. */
async function readsLeftToRight(target: Locator, pieces: string[]): Promise<boolean> {
  const lefts = await target.evaluate((el, wanted) => {
    const text = el.textContent ?? '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    let from = 0;
    return wanted.map((piece) => {
      const at = text.indexOf(piece, from);
      from = at + piece.length;
      // Find the text node holding offset `at`.
      let offset = at;
      for (const node of nodes) {
        if (offset < node.length) {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          return range.getBoundingClientRect().left;
        }
        offset -= node.length;
      }
      return Number.NaN;
    });
  }, pieces);
  return lefts.every((left, i) => !Number.isNaN(left) && (i === 0 || left > lefts[i - 1]!));
}

async function checkView(panel: Page, name: string): Promise<void> {
  // Fonts and lazy views settle before the boxes are read.
  await panel.evaluate(() => document.fonts.ready.then(() => undefined));
  await panel.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const seen = await layout(panel);
  expect({ view: name, dir: seen.dir, lang: seen.lang, width: seen.width }).toEqual({
    view: name,
    dir: 'rtl',
    lang: 'he',
    width: PANEL.width,
  });
  expect({ view: name, outside: seen.outside }).toEqual({ view: name, outside: [] });
  expect(seen.scrollWidth, name).toBeLessThanOrEqual(seen.clientWidth);
}

describe('Hebrew panel, right to left, at 360x585', () => {
  const fixture = demoShopFixture();

  it('lays out every view within the panel, and isolates a page title', { timeout: 180_000 }, async () => {
    mkdirSync(SHOTS, { recursive: true });
    const s = await fixture.launch({ args: ['--lang=he'] });
    const { h, page } = s;
    await page.evaluate((title) => {
      document.title = title;
    }, TITLE);
    const panel = await openPanel(s);
    await panel.setViewportSize(PANEL);

    await panel.getByRole('button', { name: msg('newAudit') }).waitFor();
    await checkView(panel, '1-library');

    await panel.getByRole('button', { name: msg('newAudit') }).click();
    await panel.getByLabel(msg('auditorPseudonym')).pressSequentially('שועל', { delay: 40 });
    await panel.getByLabel(msg('scenario')).pressSequentially('לקנות מעיל במידה M כאורח', { delay: 20 });
    await checkView(panel, '2-new-audit');

    await panel.getByRole('button', { name: msg('startAudit') }).click();
    await eventually(
      () => steps(h),
      (list) => list.length === 1 && settled(list),
    );
    const title = panel.locator('.step__title');
    await expect.poll(() => title.textContent()).toBe(TITLE);
    // The title's text sits in an element that isolates it: a <bdi>, or dir="auto".
    const isolated = await title.evaluate((el, text) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.textContent === text) return node.parentElement?.closest('bdi, [dir="auto"]')?.tagName ?? null;
      }
      return null;
    }, TITLE);
    expect(isolated).toBe('BDI');
    // Isolated, the title keeps its order: "1280" to the left of "800", "(" to the left of ")".
    expect(await readsLeftToRight(title.locator('bdi'), ['Checkout', '1280', '×', '800', '(', ')'])).toBe(true);

    // The newest step is selected with its editor open; a Hebrew note with Latin words in it.
    const editor = panel.locator('.step--current');
    await editor.locator('input[name^="ease-"][value="3"]').check();
    const note = editor.locator('textarea').first();
    await note.pressSequentially('הטופס של Checkout ארוך מדי (12 שדות)', { delay: 20 });
    await note.blur();
    await checkView(panel, '3-step-editor');

    await panel.getByRole('button', { name: msg('tab_rubric') }).click();
    // Elements start closed: the first is opened, so its criteria are laid out too.
    await panel.locator('.rubric__toggle').first().click();
    await panel.locator('.criterion, [data-criterion]').first().waitFor();
    await checkView(panel, '4-rubric');

    await panel.getByRole('button', { name: msg('tab_summary') }).click();
    await panel.locator('[data-metric="overall"]').waitFor();
    await checkView(panel, '5-summary');

    await panel.getByRole('button', { name: msg('tab_end') }).click();
    await panel.locator('input[type="radio"]').first().waitFor();
    await checkView(panel, '6-end-journey');

    // Back in the library, the audit's row: its site name in its own isolate, nothing wider.
    await panel.getByRole('button', { name: msg('library') }).click();
    const site = panel.locator('.audit-row__site bdi').first();
    await site.waitFor();
    expect(await site.textContent()).toBe('127.0.0.1');
    await checkView(panel, '7-library-with-audit');

    // The report tab: right to left too, the title in its own isolate.
    const [audit] = await audits(h);
    const report = await h.openExtensionPage(`src/report/report.html?audit=${audit!.id}`);
    await report.locator('.step h3').first().waitFor();
    expect(await report.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'rtl',
      'he',
    ]);
    expect(await report.locator('.step h3 bdi').first().textContent()).toBe(TITLE);
    expect(await readsLeftToRight(report.locator('.step h3 bdi').first(), ['Checkout', '1280', '800', ')'])).toBe(true);
    const viewport = report.locator('[data-role="audit-details"] dd', { hasText: '×' }).first();
    expect(await readsLeftToRight(viewport, ['1280', '×', '800'])).toBe(true);
    await report.screenshot({ path: join(SHOTS, '8-report.png'), fullPage: true });
    // The charts stay left to right (time runs left to right, as in every language's report).
    const chart = report.locator('svg.chart').first();
    expect(await chart.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await chart.screenshot({ path: join(SHOTS, '9-report-chart.png') });
  });
});
