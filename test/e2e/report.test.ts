// Issue 4 in a real Chromium: a scripted, rated audit exported in every format from the report tab;
// the HTML file opened offline with JavaScript off shows every image and the domain's scores, prints to
// a multi-page PDF without splitting a step, and shows hostile text literally.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeScores } from '../../src/domain/scores/index.ts';
import type { AuditExport } from '../../src/domain/export-format.ts';
import { findChromium } from './harness/index.ts';
import {
  audits,
  eventually,
  launch,
  openPanel,
  settled,
  startAudit,
  startDemoShop,
  steps,
  type DemoShop,
  type Session,
} from './support/peakend.ts';

const HOSTILE_NOTE = 'Odd: <img src=x onerror="window.__pwned=1"> and </script><script>window.__pwned=2</script>';
let shop: DemoShop;
let s: Session;
const out = mkdtempSync(join(tmpdir(), 'peakend-report-'));
const files: Record<string, string> = {};

async function rateNewest(panel: Page, ease: number, valence: number, note = ''): Promise<void> {
  const card = panel.locator('.step--current');
  await card.locator(`input[name^="ease-"][value="${ease}"]`).check();
  await card.locator(`input[name^="valence-"][value="${valence}"]`).check();
  if (note) {
    await card.getByLabel('Note').fill(note);
    // Left as an auditor leaves it for the page (Playwright's focus emulation keeps the panel
    // focused); a step arriving under a caret would wait for that.
    await card.getByRole('textbox', { name: 'Note', exact: true }).blur();
  }
}

beforeAll(async () => {
  shop = await startDemoShop();
  s = await launch({ shop });
  const { h, page } = s;
  const panel = await openPanel(s);
  await startAudit(panel);
  await eventually(
    () => steps(h),
    (list) => list.length === 1 && settled(list),
  );
  await rateNewest(panel, 6, 1);
  const walk: Array<[string, number, number, string?]> = [
    ['/products.html', 6, 2],
    ['/product.html?id=ridge-shell', 6, 3],
    ['/hostile.html', 3, -2, HOSTILE_NOTE],
    ['/cart.html', 5, 1],
    ['/checkout.html', 2, -3, 'Twelve fields and the card form is slow'],
    ['/confirmation.html', 7, 4],
  ];
  for (const [i, [path, ease, valence, note]] of walk.entries()) {
    await page.goto(`${shop.url}${path}`);
    await eventually(
      () => steps(h),
      (list) => list.length === i + 2 && settled(list),
    );
    await rateNewest(panel, ease, valence, note);
  }
  await eventually(
    () => steps(h),
    (list) => list.every((st) => st.ease !== null && st.valence !== null) && list[3]!.note === HOSTILE_NOTE,
  );

  const [audit] = await audits(h);
  const report = await h.openExtensionPage(`src/report/report.html?audit=${audit!.id}`);
  await report.locator('[data-metric="pe100"]').waitFor();
  for (const [kind, label] of [
    ['html', 'Export HTML'],
    ['md', 'Export Markdown'],
    ['csv', 'Export CSV'],
    ['json', 'Export JSON'],
    ['zip', 'Export zip'],
  ] as const) {
    const [download] = await Promise.all([
      report.waitForEvent('download'),
      report.getByRole('button', { name: label }).click(),
    ]);
    const file = join(out, download.suggestedFilename());
    await download.saveAs(file);
    files[kind] = file;
  }
}, 180_000);

afterAll(async () => {
  await s?.h.close();
  await shop?.close();
});

describe('report exports', () => {
  it('exports every format with names and contents of its kind', () => {
    expect(files.html).toMatch(/\.html$/);
    expect(readFileSync(files.html!, 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readFileSync(files.md!, 'utf8')).toMatch(/PE100/);
    const csv = readFileSync(files.csv!, 'utf8').replace(/^\uFEFF/, '');
    // Header plus one row per step (a quoted note may hold line breaks, so count record starts by step number).
    expect(csv.split('\r\n')[0]).toMatch(/ease/i);
    const exp = JSON.parse(readFileSync(files.json!, 'utf8')) as AuditExport;
    expect(exp.format).toBe('peakend-audit');
    expect(exp.steps).toHaveLength(7);
    const zip = unzipSync(readFileSync(files.zip!));
    const names = Object.keys(zip);
    expect(names).toContain('audit.json');
    expect(names.filter((n) => n.endsWith('.jpg'))).toHaveLength(exp.screenshots.length);
  });

  it('opens offline with JavaScript off: every image loads, no request leaves, and the scores equal the domain', async () => {
    const exp = JSON.parse(readFileSync(files.json!, 'utf8')) as AuditExport;
    const expected = computeScores(exp.audit, exp.steps);
    const browser = await chromium.launch({
      executablePath: findChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const requests: string[] = [];
      context.on('request', (r) => {
        if (!r.url().startsWith('data:')) requests.push(r.url());
      });
      const page = await context.newPage();
      await page.goto(`file://${files.html}`);
      await page.waitForLoadState('load');
      expect(requests).toEqual([`file://${files.html}`]);
      const images = await page.locator('img').evaluateAll((imgs) =>
        imgs.map((i) => ({
          ok: (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0,
          src: (i as HTMLImageElement).src.slice(0, 11),
        })),
      );
      expect(images.length).toBeGreaterThanOrEqual(7);
      expect(images.every((i) => i.ok && i.src === 'data:image/')).toBe(true);
      const shown = async (key: string) =>
        Number(
          (await page.locator(`[data-metric="${key}"] .metric-value`).first().innerText()).replace(/[^\d.-]/g, ''),
        );
      expect(await shown('pe100')).toBe(Math.round(expected.peakEnd!.pe100));
      expect(await shown('effort100')).toBe(Math.round(expected.effort!.effort100));
      // The CSP forbids every script, and there is none.
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).not.toMatch(/script-src[^;]*(self|unsafe|data:|http)/);
      expect(await page.locator('script').count()).toBe(0);
    } finally {
      await browser.close();
    }
  });

  it('shows hostile titles and notes as literal text, and nothing runs even with JavaScript on', async () => {
    const browser = await chromium.launch({
      executablePath: findChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await (await browser.newContext({ offline: true })).newPage();
      await page.goto(`file://${files.html}`);
      const text = await page.locator('body').innerText();
      expect(text).toContain(HOSTILE_NOTE);
      expect(text).toContain('<img src=x onerror="window.__pwned=1">');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(0);
      // Markdown and CSV carry the same text as text.
      expect(readFileSync(files.csv!, 'utf8')).toContain('</script><script>window.__pwned=2</script>');
    } finally {
      await browser.close();
    }
  });

  it('prints to a multi-page A4 PDF in which no step is split across a page break', async () => {
    const browser = await chromium.launch({
      executablePath: findChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await (await browser.newContext({ javaScriptEnabled: false, offline: true })).newPage();
      await page.goto(`file://${files.html}`);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      writeFileSync(join(out, 'report.pdf'), pdf);
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThan(1);
      // Every step asks not to be broken, and fits on an A4 page, so the printer can keep it whole.
      const stepBoxes = await page
        .locator('article.step[data-step-id]')
        .evaluateAll((els) =>
          els.map((el) => ({ avoid: getComputedStyle(el).breakInside, height: el.getBoundingClientRect().height })),
        );
      expect(stepBoxes.length).toBe(7);
      const a4ContentPx = (297 - 20) * (96 / 25.4);
      for (const box of stepBoxes) {
        expect(box.avoid).toBe('avoid');
        expect(box.height).toBeLessThan(a4ContentPx);
      }
    } finally {
      await browser.close();
    }
  });
});
