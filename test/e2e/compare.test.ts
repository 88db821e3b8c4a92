// The comparison in a real Chromium: variant A and variant B of the demo shop walked and rated
// through the panel in one browser, then compared in the compare tab. Expectations come from the
// stored audits (the steps' stages, computeScores), not from guesses about the demo data.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bestOf, headlineRows, type HeadlineMetric } from '../../src/domain/compare/index.ts';
import type { Audit, Step } from '../../src/domain/model.ts';
import { computeScores, type AuditScores } from '../../src/domain/scores/index.ts';
import { ECOMMERCE_TEMPLATE } from '../../src/domain/templates.ts';
import { COMPARE_CSP } from '../../src/report/compare/render.ts';
import { comparePagePath } from '../../src/report/compare/url.ts';
import { findChromium } from './harness/index.ts';
import { FORCED_ACCOUNT_COMMENT, walkDemoJourney, type WalkResult } from './support/audit-walk.ts';
import {
  audits,
  launch,
  openPanel,
  screenshots,
  startDemoShop,
  type DemoShop,
  type Session,
} from './support/peakend.ts';

let shop: DemoShop;
let s: Session;
let walkA: WalkResult;
let walkB: WalkResult;
let compare: Page;
const stored: { audits: Audit[]; scores: AuditScores[]; steps: Step[][] } = { audits: [], scores: [], steps: [] };
const out = mkdtempSync(join(tmpdir(), 'peakend-compare-'));
const files: { html?: string; csv?: string } = {};

const comparePath = (ids: string) => `src/report/compare/compare.html?audits=${ids}`;

beforeAll(async () => {
  shop = await startDemoShop();
  s = await launch({ shop });
  const panel = await openPanel(s);
  walkA = await walkDemoJourney(s, panel, { variant: 'A' });
  walkB = await walkDemoJourney(s, panel, { variant: 'B' });
  const all = await audits(s.h);
  for (const walk of [walkA, walkB]) {
    const audit = all.find((a) => a.id === walk.auditId)!;
    stored.audits.push(audit);
    stored.steps.push(walk.steps);
    stored.scores.push(computeScores(audit, walk.steps));
  }

  for (const [name, walk] of [
    ['A', walkA],
    ['B', walkB],
  ] as const) {
    const fixes = walk.correctedStages.map(
      (i) => `step ${i + 1} ${walk.suggestedStages[i]} -> ${walk.steps[i]?.stage}`,
    );
    if (fixes.length > 0) console.info(`variant ${name}: stages corrected in the panel: ${fixes.join('; ')}`);
  }
  // The address the library's Compare action opens.
  compare = await s.h.openExtensionPage(comparePagePath([walkA.auditId, walkB.auditId]));
  await compare.locator('#differences li.diff').first().waitFor();
  if (process.env.PEAKEND_COMPARE_SCREENSHOT) {
    await compare.setViewportSize({ width: 1280, height: 900 });
    // The tab as the auditor first sees it (toolbar and cover); the exported file holds the rest.
    await compare.screenshot({ path: process.env.PEAKEND_COMPARE_SCREENSHOT });
  }
  for (const [kind, label] of [
    ['html', 'Export HTML'],
    ['csv', 'Export CSV'],
  ] as const) {
    const [download] = await Promise.all([
      compare.waitForEvent('download'),
      compare.getByRole('button', { name: label, exact: true }).click(),
    ]);
    const file = join(out, download.suggestedFilename());
    await download.saveAs(file);
    files[kind] = file;
  }
}, 240_000);

afterAll(async () => {
  await s?.h.close();
  await shop?.close();
  rmSync(out, { recursive: true, force: true });
});

/** Stage ids in template order (then any others), over both audits: the rows the page must show. */
function expectedRows(): string[] {
  const used = new Set(stored.steps.flat().map((st) => st.stage ?? ''));
  const order = ECOMMERCE_TEMPLATE.stages.map((st) => st.id).filter((id) => used.has(id));
  const rest = [...used].filter((id) => id !== '' && !order.includes(id));
  return [...order, ...rest, ...(used.has('') ? [''] : [])];
}

describe('comparing variant A and variant B of the demo shop', () => {
  it('the walks stored two ended, rated audits of the two variants', () => {
    expect(stored.audits.map((a) => [a.site, a.status, a.templateId, a.templateVersion])).toEqual([
      ['Northwind A', 'ended', 'e-commerce', 1],
      ['Northwind B', 'ended', 'e-commerce', 1],
    ]);
    for (const list of stored.steps)
      expect(list.every((st) => st.ease !== null && st.valence !== null && st.capture.status === 'ok')).toBe(true);
    expect(stored.steps.map((l) => l.length)).toEqual([8, 11]);
  });

  it('lines the steps up by stage: one row per stage either audit visited, missing where an audit has none', async () => {
    const rows = await compare
      .locator('.cmp-stage')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-stage')));
    expect(rows).toEqual(expectedRows());
    let missingOnA = 0;
    for (const stage of rows) {
      const cells = compare.locator(`.cmp-stage[data-stage="${stage}"] .cmp-cell`);
      expect(await cells.count()).toBe(2);
      for (const [i, list] of stored.steps.entries()) {
        const inStage = list.filter((st) => (st.stage ?? '') === stage);
        const cell = cells.nth(i);
        expect(await cell.getAttribute('data-missing'), `${stage} / audit ${i}`).toBe(String(inStage.length === 0));
        expect(await cell.locator('figure.cmp-shot').count(), `${stage} / audit ${i}`).toBe(inStage.length);
        expect(
          await cell.locator('figure.cmp-shot').evaluateAll((f) => f.map((x) => x.getAttribute('data-step-id'))),
        ).toEqual(inStage.map((st) => st.id));
        await expect
          .poll(async () => (await cell.innerText()).includes('Missing: no step at this stage'))
          .toBe(inStage.length === 0);
        if (inStage.length === 0 && i === 0) missingOnA += 1;
      }
    }
    // The one-page checkout of A lacks stages that B walks through, and they are shown, not skipped.
    expect(missingOnA).toBeGreaterThan(0);
    // B's repeated checkout-details stage keeps both of its steps in one row.
    const bDetails = stored.steps[1]!.filter((st) => st.stage === 'checkout-details').length;
    expect(
      await compare.locator('.cmp-stage[data-stage="checkout-details"] .cmp-cell[data-audit="1"] figure').count(),
    ).toBe(bDetails);
    expect(bDetails).toBeGreaterThan(1);
    // Screenshots are shown from the store (object URLs) and load.
    const loaded = () =>
      compare
        .locator('.cmp-shot img')
        .evaluateAll((imgs) =>
          imgs.map((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0),
        );
    expect(await loaded()).toHaveLength(19);
    // Object URLs are made as the store answers: wait for the last to load rather than read once.
    await expect.poll(async () => (await loaded()).every(Boolean)).toBe(true);
  });

  it('lists first the Frictionless loss of B with F1 (critical) named', async () => {
    const first = compare.locator('#differences > ol.diffs > li.diff').first();
    expect(await first.getAttribute('data-kind')).toBe('element');
    expect(await first.getAttribute('data-metric')).toBe('frictionless');
    expect(await first.getAttribute('data-audit')).toBe('1');
    const text = await first.locator('.diff-text').innerText();
    const [a, b] = stored.scores;
    const loss = Math.round(a!.elements.frictionless.score! - b!.elements.frictionless.score!);
    expect(loss).toBeGreaterThan(0);
    expect(text).toContain(`Northwind B loses ${loss} points on Frictionless`);
    expect(text).toContain(`${FORCED_ACCOUNT_COMMENT} (F1, critical)`);
    expect(text.indexOf('F1')).toBeLessThan(text.indexOf('F2'));
    // The rest follows, numbered in order; the B peak appears among the reasons for the PE100 gap.
    const ranks = await compare.locator('#differences > ol.diffs > li.diff .diff-rank').allInnerTexts();
    expect(ranks).toEqual(ranks.map((_, i) => String(i + 1)));
    const pe = compare.locator('#differences li.diff[data-kind="score"][data-metric="pe100"]');
    expect(await pe.locator('.diff-text').innerText()).toContain(
      `PE100 ${Math.round(b!.peakEnd!.pe100)} vs ${Math.round(a!.peakEnd!.pe100)}`,
    );
  });

  it('marks the best per headline row, from each audit’s own scores', async () => {
    const expected = headlineRows(stored.scores);
    expect(await compare.locator('.headline-table tbody tr').count()).toBe(expected.length);
    for (const row of expected) {
      const tds = compare.locator(`.headline-table tr[data-metric="${row.metric}"] td`);
      const best = await tds.evaluateAll((cells) =>
        cells.map((c, i) => (c.getAttribute('data-best') === 'true' ? i : -1)).filter((i) => i >= 0),
      );
      expect(best, row.metric).toEqual(bestOf(row.values, row.better));
    }
    const check = async (metric: HeadlineMetric, values: number[]) =>
      expect(await compare.locator(`.headline-table tr[data-metric="${metric}"] td .num`).allInnerTexts()).toEqual(
        values.map((v) => String(Math.round(v))),
      );
    await check(
      'overall',
      stored.scores.map((x) => x.overall.value!),
    );
    await check(
      'pe100',
      stored.scores.map((x) => x.peakEnd!.pe100),
    );
    await check(
      'checkoutSteps',
      stored.scores.map((x) => x.checkout.steps),
    );
    // A wins the scores and the leaner checkout; a visible "Best" label sits in its cells.
    expect(
      await compare
        .locator('.headline-table tr[data-metric="overall"] td[data-best="true"]')
        .getAttribute('data-audit'),
    ).toBe('0');
    expect(
      await compare.locator('.headline-table tr[data-metric="overall"] td.best .best-mark').textContent(),
    ).toContain('Best');
  });

  it('overlays both emotion curves on the stage axis with each audit’s peak and end', async () => {
    const svg = compare.locator('svg.overlay-curves');
    expect(await svg.locator('.stage-band').count()).toBe(expectedRows().length);
    for (const [i, score] of stored.scores.entries()) {
      const series = svg.locator(`g.series[data-series="${i}"]`);
      expect(await series.locator('path.pt').count()).toBe(stored.steps[i]!.length);
      const peak = await series
        .locator('[data-role="peak"], [data-role="peak-end"]')
        .first()
        .getAttribute('data-step-id');
      expect(peak).toBe(score.peakEnd!.peak.stepId);
    }
    for (const name of ['Export HTML', 'Export CSV', 'Print'])
      await expect.poll(() => compare.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
  });

  it('exports a self-contained HTML file: no script, a CSP meta, only data: images, readable offline with JavaScript off', async () => {
    const text = readFileSync(files.html!, 'utf8');
    expect(files.html).toMatch(/peakend-compare-northwind-a-vs-northwind-b-\d{4}-\d{2}-\d{2}\.html$/);
    expect(text).not.toMatch(/<script/i);
    expect(text).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${COMPARE_CSP.replace(/'/g, '&#39;')}">`,
    );
    const srcs = [...text.matchAll(/<img [^>]*src="([^"]*)"/g)].map((m) => m[1]!);
    expect(srcs).toHaveLength((await screenshots(s.h)).length);
    for (const src of srcs) expect(src).toMatch(/^data:image\/jpeg;base64,/);
    expect(text).not.toMatch(/(src|href)="(?!data:|#|https?:)/);

    const browser = await chromium.launch({
      executablePath: findChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.goto(`file://${files.html}`);
      const images = await page
        .locator('img')
        .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
      expect(images.length).toBe(srcs.length);
      expect(images.every((w) => w > 0)).toBe(true);
      expect(await page.locator('#differences li.diff').first().innerText()).toContain('(F1, critical)');
    } finally {
      await browser.close();
    }
  });

  it('exports CSV with one row per stage × audit', () => {
    const csv = readFileSync(files.csv!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n').filter((l) => l !== '');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 5)).toEqual(['stage_no', 'stage', 'stage_name', 'stage_origin', 'audit_no']);
    const rows = expectedRows();
    expect(lines).toHaveLength(1 + rows.length * 2);
    const stageCol = header.indexOf('stage');
    const presentCol = header.indexOf('present');
    const stepsCol = header.indexOf('steps');
    for (const [k, stage] of rows.entries()) {
      for (const [i, list] of stored.steps.entries()) {
        const cells = lines[1 + k * 2 + i]!.split(',');
        const n = list.filter((st) => (st.stage ?? '') === stage).length;
        expect([cells[stageCol], cells[presentCol], cells[stepsCol]]).toEqual([stage, String(n > 0), String(n)]);
      }
    }
  });

  it('says what is wrong with a bad address instead of showing an empty page', async () => {
    const one = await s.h.openExtensionPage(comparePath(walkA.auditId));
    await expect.poll(() => one.locator('.report-status').innerText()).toContain('Choose 2 to 4 audits');
    const gone = await s.h.openExtensionPage(comparePath(`${walkA.auditId},aud_missing`));
    await expect.poll(() => gone.locator('.report-status').innerText()).toContain('Audit not found: aud_missing');
    await one.close();
    await gone.close();
  });
});
