// Issue 23, the programme view in a real Chromium: two sites x two waves x three auditors seeded
// into the extension's IndexedDB, the programme page opened as the library opens it. The numbers on
// the page, in the CSV and in the exported HTML equal the ones this test computes itself from the
// seeded audits (each audit's scores from computeScores, then its own mean and Student-t interval);
// axe-core finds no violation on the page or the exported file; an audit put in the programme
// through the library's form appears in it.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit, Step } from '../../src/domain/model.ts';
import { computeScores, type AuditScores } from '../../src/domain/scores/index.ts';
import { parseCsv } from '../unit/csv-read.ts';
import { PROGRAMME, specAudit, twoByTwoByThree } from '../unit/programme/fixtures.ts';
import { audits, launch, openPanel, type Session } from './support/peakend.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'];
const PAGE = 'src/report/programme/programme.html';
const out = mkdtempSync(join(tmpdir(), 'peakend-programme-'));
let s: Session;
let view: Page;
const files: { html?: string; csv?: string } = {};

const seeded = twoByTwoByThree().map(specAudit);
/** An audit of its own, put into the programme through the library at the end. */
const loose = (() => {
  const { audit, steps } = specAudit({
    id: 'aud_loose',
    site: 'Eastwind',
    wave: '',
    auditor: 'heron',
    date: '2026-12-01T09:00:00.000Z',
    eases: [6, 6],
    valences: [2, 1],
  });
  const { programme: _dropped, ...own } = audit;
  return { audit: own as Audit, steps };
})();

// ---- the expected numbers, computed here -------------------------------------------------------
type Metric = 'overall' | 'pe100' | 'nev' | 'effort100' | 'immersion';
const METRICS: Metric[] = ['overall', 'pe100', 'nev', 'effort100', 'immersion'];
/** t(0.975, df), df = index (only small df occur here). */
const T975 = [Number.NaN, 12.7062, 4.3027, 3.1824];
const valueOf = (sc: AuditScores, m: Metric): number | null =>
  m === 'overall'
    ? sc.overall.value
    : m === 'pe100'
      ? (sc.peakEnd?.pe100 ?? null)
      : m === 'nev'
        ? sc.emotional.nev
        : m === 'effort100'
          ? (sc.effort?.effort100 ?? null)
          : sc.immersion.value;
/** Display rounding: half away from zero; NEV signed. */
const shown = (m: Metric, v: number): string => {
  const r = Math.sign(v) * Math.round(Math.abs(v));
  return m === 'nev' && r > 0 ? `+${r}` : String(r === 0 ? 0 : r);
};
interface Expected {
  n: number;
  mean: number;
  low: number | null;
  high: number | null;
  provisional: number;
}
function expected(site: string, wave: string, m: Metric): Expected {
  const inCell = seeded.filter((x) => x.audit.site === site && x.audit.programme?.wave === wave);
  const scores = inCell.map((x) => computeScores(x.audit, x.steps));
  const values = scores
    .filter((sc) => sc.basis.status === 'final')
    .map((sc) => valueOf(sc, m))
    .filter((v): v is number => v !== null);
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const provisional = scores.filter((sc) => sc.basis.status === 'provisional').length;
  if (n < 2) return { n, mean, low: null, high: null, provisional };
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const half = (T975[n - 1]! * sd) / Math.sqrt(n);
  const [min, max] = m === 'nev' ? [-100, 100] : [0, 100];
  return { n, mean, low: Math.max(min, mean - half), high: Math.min(max, mean + half), provisional };
}
const SITES: Array<[string, string]> = [
  ['Northwind', 'northwind'],
  ['Southwind', 'southwind'],
];
const WAVES = ['Wave 10', 'Wave 9'];

/** Writes audits and steps into the extension's IndexedDB from one of its pages. */
async function seed(page: Page, all: Array<{ audit: Audit; steps: Step[] }>): Promise<void> {
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'peakend'));
  await page.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('peakend');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['audits', 'steps'], 'readwrite');
      for (const x of list) {
        tx.objectStore('audits').put(x.audit);
        for (const st of x.steps) tx.objectStore('steps').put(st);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, all);
}

async function download(page: Page, label: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: label, exact: true }).click(),
  ]);
  const path = join(out, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

beforeAll(async () => {
  s = await launch({});
  const boot = await s.h.openExtensionPage(`${PAGE}?programme=none`);
  await boot.waitForLoadState('load');
  await seed(boot, [...seeded, loose]);
  await boot.close();
  // The address the library's Programme view button opens: no id, the first programme.
  view = await s.h.openExtensionPage(PAGE);
  await view.locator('#programme').waitFor();
  if (process.env.PEAKEND_PROGRAMME_SCREENSHOT) {
    await view.setViewportSize({ width: 1280, height: 900 });
    await view.screenshot({ path: process.env.PEAKEND_PROGRAMME_SCREENSHOT, fullPage: true });
  }
}, 120_000);

afterAll(async () => {
  await s?.h.close();
  rmSync(out, { recursive: true, force: true });
});

describe('the programme view', () => {
  it('opens in the language most of the programme’s audits were made in', async () => {
    // 11 of the 12 audits were made in Polish.
    expect(await view.evaluate(() => document.documentElement.lang)).toBe('pl');
    await expect.poll(() => view.locator('#pv-scores-title').innerText()).toBe('Wyniki według witryny i fali');
    await view.getByLabel('Język raportu').selectOption('en');
    await expect.poll(() => view.locator('#pv-scores-title').innerText()).toBe('Scores per site and wave');
    expect(await view.locator('h1.pv-title').innerText()).toBe(PROGRAMME.name);
  });

  it('shows per site, wave and score the n, mean and 95% interval this test computes', async () => {
    // Waves in the order they ran (October's "Wave 10" first), not by name.
    expect(await view.locator('table[data-metric="overall"] thead th').allTextContents()).toEqual([
      'Site',
      'Wave 10',
      'Wave 9',
    ]);
    for (const [site, key] of SITES)
      for (const wave of WAVES)
        for (const m of METRICS) {
          const e = expected(site, wave, m);
          const cell = view.locator(`td[data-site="${key}"][data-wave="${wave}"][data-metric="${m}"]`);
          const label = `${site} / ${wave} / ${m}`;
          expect(await cell.getAttribute('data-n'), label).toBe(String(e.n));
          expect(await cell.locator('.pv-mean').innerText(), label).toBe(shown(m, e.mean));
          expect(await cell.locator('.pv-ci').innerText(), label).toBe(
            e.low === null ? 'one audit: no interval' : `95% CI ${shown(m, e.low)} to ${shown(m, e.high!)}`,
          );
          const note = (await cell.locator('.pv-note').allInnerTexts()).join(' ');
          expect(note.includes(`provisional, not counted: ${e.provisional}`), label).toBe(e.provisional > 0);
        }
    // The provisional audit is counted apart, not pooled.
    expect(expected('Southwind', 'Wave 9', 'overall')).toMatchObject({ n: 2, provisional: 1 });
  });

  it('lists the criterion most audits failed, the auditors’ spread and the trends', async () => {
    const failedF1 = seeded.filter((x) => x.audit.rubric.marks.F1?.mark === 'fail').length;
    expect(
      await view.locator('li.pv-recurring').evaluateAll((li) => li.map((l) => l.getAttribute('data-criterion'))),
    ).toEqual(['F1']);
    expect(await view.locator('li.pv-recurring').innerText()).toContain(`failed in ${failedF1} of 12 audits`);
    expect(await view.locator('tr.pv-spread-row').count()).toBe(4);
    for (const [site, key] of SITES) {
      const delta = expected(site, 'Wave 9', 'overall').mean - expected(site, 'Wave 10', 'overall').mean;
      const cell = view.locator(`tr.pv-trend[data-site="${key}"] td[data-metric="overall"]`);
      expect(Number(await cell.getAttribute('data-delta'))).toBeCloseTo(delta, 3);
    }
  });

  it('has no axe violation, left to right and right to left', async () => {
    const violations = async () =>
      (await new AxeBuilder({ page: view }).withTags(AXE_TAGS).analyze()).violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
      );
    expect(await violations()).toEqual([]);
    await view.getByLabel('Report language').selectOption('he');
    await expect.poll(() => view.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // Site and wave names stay isolated inside the Hebrew table.
    expect(await view.locator('#pv-scores tbody th bdi').first().innerText()).toBe('Northwind');
    expect(await violations()).toEqual([]);
    await view.getByLabel('שפת הדוח').selectOption('en');
    await expect.poll(() => view.evaluate(() => document.documentElement.dir)).toBe('ltr');
  });

  it('downloads a CSV holding the same numbers', async () => {
    files.csv = await download(view, 'Export CSV');
    const rows = parseCsv(readFileSync(files.csv, 'utf8').replace(/^\uFEFF/, ''));
    const head = rows[0]!;
    const col = (name: string) => head.indexOf(name);
    for (const [site] of SITES)
      for (const wave of WAVES)
        for (const m of METRICS) {
          const e = expected(site, wave, m);
          const row = rows.find(
            (r) =>
              r[col('section')] === 'score' &&
              r[col('site')] === site &&
              r[col('wave')] === wave &&
              r[col('metric')] === m,
          )!;
          expect(Number(row[col('n')])).toBe(e.n);
          expect(Number(row[col('mean')])).toBeCloseTo(e.mean, 3);
          const low = row[col('ci_low')]!;
          expect(low === '').toBe(e.low === null);
          expect(Math.abs(Number(low) - (e.low ?? Number(low)))).toBeLessThan(0.001);
        }
  });

  it('downloads a self-contained HTML file holding the same numbers, with no axe violation', async () => {
    files.html = await download(view, 'Export HTML');
    const text = readFileSync(files.html, 'utf8');
    expect(text).not.toMatch(/<script/i);
    const page = await s.h.context.newPage();
    await page.setContent(text);
    for (const [site, key] of SITES)
      for (const wave of WAVES) {
        const e = expected(site, wave, 'overall');
        const cell = page.locator(`td[data-site="${key}"][data-wave="${wave}"][data-metric="overall"]`);
        expect(await cell.locator('.pv-mean').innerText()).toBe(shown('overall', e.mean));
      }
    const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    await page.close();
  });

  it('takes an audit into the programme from the library, where it shows in a wave of its own', async () => {
    const panel = await openPanel(s);
    const row = panel.locator(`li[data-audit-id="${loose.audit.id}"]`);
    await row.getByRole('button', { name: 'Programme', exact: true }).click();
    // The caret lands in the programme name as the form opens; a person types once they see it there.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('programme');
    // Typed as a person types, the name in other case and spacing: it joins the same programme.
    await panel.keyboard.type('northwind  MYSTERY shop', { delay: 40 });
    await row.getByLabel('Wave').click();
    await panel.keyboard.type('Wave 11', { delay: 40 });
    await row.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => (await audits(s.h)).find((a) => a.id === loose.audit.id)?.programme)
      .toEqual({ id: PROGRAMME.id, name: PROGRAMME.name, wave: 'Wave 11' });
    await expect.poll(() => row.innerText()).toContain(`Programme ${PROGRAMME.name}, wave Wave 11`);
    const [opened] = await Promise.all([
      s.h.context.waitForEvent('page', { predicate: (p) => p.url().includes('programme.html') }),
      panel.getByRole('button', { name: 'Programme view' }).click(),
    ]);
    await opened.locator('#programme').waitFor();
    const cell = opened.locator('td[data-site="eastwind"][data-wave="Wave 11"][data-metric="overall"]');
    expect(await cell.getAttribute('data-n')).toBe('1');
    expect(await cell.locator('.pv-ci').innerText()).not.toBe('');
    expect(await opened.locator('table[data-metric="overall"] thead th').count()).toBe(4);
  });

  it('shows an audit’s new scores once it is changed in the panel, not the summary it stored', async () => {
    // Opening the view stored every audit's score summary.
    const summaries = await view.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('peakend');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const records = await new Promise<Array<{ summary: unknown }>>((resolve, reject) => {
        const req = db.transaction('scoreCache').objectStore('scoreCache').getAll();
        req.onsuccess = () => resolve(req.result as Array<{ summary: unknown }>);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return records.filter((r) => r.summary !== null).length;
    });
    expect(summaries).toBeGreaterThanOrEqual(seeded.length);
    // Southwind's provisional audit in Wave 9 (M1 unmarked): marked in its rubric, it becomes final.
    const id = 'aud_112';
    const panel = await openPanel(s);
    await panel.locator(`li[data-audit-id="${id}"]`).getByRole('button', { name: 'Open' }).click();
    await panel.getByRole('button', { name: 'Rubric', exact: true }).click();
    await panel.getByRole('button', { name: /^Multisensory/ }).click();
    await panel.locator('li.criterion[data-criterion="M1"]').getByRole('radio', { name: 'Pass' }).click();
    await expect.poll(async () => (await audits(s.h)).find((a) => a.id === id)?.rubric.marks.M1?.mark).toBe('pass');
    const changed = (await audits(s.h)).find((a) => a.id === id)!;
    const values = seeded
      .filter((x) => x.audit.site === 'Southwind' && x.audit.programme?.wave === 'Wave 9')
      .map((x) => computeScores(x.audit.id === id ? changed : x.audit, x.steps))
      .filter((sc) => sc.basis.status === 'final')
      .map((sc) => sc.overall.value!);
    expect(values).toHaveLength(3);
    const page = await s.h.openExtensionPage(`${PAGE}?lang=en`);
    const cell = page.locator('td[data-site="southwind"][data-wave="Wave 9"][data-metric="overall"]');
    await cell.waitFor();
    expect(await cell.getAttribute('data-n')).toBe('3');
    expect(await cell.locator('.pv-mean').innerText()).toBe(
      shown('overall', values.reduce((a, b) => a + b, 0) / values.length),
    );
    expect(await cell.locator('.pv-note').count()).toBe(0);
    await page.close();
  });
});
