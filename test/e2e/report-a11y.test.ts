// Issue 20, the report in a real Chromium: axe-core finds no violation (wcag2a, wcag2aa, wcag21aa,
// best-practice) on the report tab, the exported HTML file and the compare page; page 1 is the
// conclusions (summary, fix first, then the scores) in the tab and in the printed PDF; an unrated
// audit shows "not assessed", a partly marked one says its scores are provisional and on what; the
// channel view shows the seeded probes met, missed and still open, in the tab and the exported file.
// Audits are seeded straight into IndexedDB from fixtures (the walk through the panel is covered by
// report.test.ts), with real JPEG screenshots drawn in the page.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit, Screenshot, Step } from '../../src/domain/model.ts';
import type { Probe } from '../../src/domain/probes.ts';
import { comparePagePath } from '../../src/report/compare/url.ts';
import { mark, marksWith } from '../unit/scores/factory.ts';
import { journeyAudit, journeySteps, shotFor, imageBytes } from '../unit/report/fixtures.ts';
import { findChromium } from './harness/index.ts';
import { launch, type Session } from './support/peakend.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'];
let s: Session;
const out = mkdtempSync(join(tmpdir(), 'peakend-report-a11y-'));
let exportedHtml = '';

interface Seed {
  audit: Audit;
  steps: Step[];
  screenshots: Screenshot[];
  probes?: Probe[];
}

const MIN = 60_000;

const rich: Seed = (() => {
  const audit = { ...journeyAudit(), id: 'aud_rich' };
  // Its checkout page also holds delivery (a step with several stages), so those pages show it too.
  const steps = journeySteps().map((st) => ({
    ...st,
    auditId: audit.id,
    ...(st.stage === 'checkout-details' ? { alsoStages: ['delivery'] } : {}),
  }));
  const screenshots = steps.slice(0, 5).map((st) => ({ ...shotFor(st, imageBytes(100, st.index)), auditId: audit.id }));
  const sent = Date.parse('2026-11-23T10:01:10Z');
  const probe = (id: string, over: Partial<Probe>): Probe => ({
    id,
    auditId: audit.id,
    stepId: null,
    channel: 'chat',
    question: '',
    sentAt: sent,
    replies: [],
    resolvedAt: null,
    expectationMs: 2 * MIN,
    createdAt: '2026-11-23T10:01:10.000Z',
    updatedAt: '2026-11-23T10:01:10.000Z',
    ...over,
  });
  const probes = [
    probe('prb_met', {
      stepId: steps[1]!.id,
      question: 'Is size M in stock?',
      replies: [{ at: sent + MIN, answered: true }],
      resolvedAt: sent + 4 * MIN,
    }),
    probe('prb_missed', {
      stepId: steps[2]!.id,
      question: 'Can I <b>pay</b> on delivery?',
      sentAt: sent + MIN,
      replies: [{ at: sent + 9 * MIN, answered: false }],
    }),
    // Sent a minute before the test runs, expected within a day: still open when the report is made.
    probe('prb_open', {
      channel: 'email',
      question: 'Where is my order?',
      sentAt: Date.now() - MIN,
      expectationMs: 24 * 60 * MIN,
    }),
  ];
  return { audit, steps, screenshots, probes };
})();

/** The journey's first `count` steps of `auditId`, nothing rated, felt or found (ids prefixed, so audits do not clash). */
const unratedSteps = (count: number, prefix: string, auditId: string) =>
  journeySteps()
    .slice(0, count)
    .map((st) => ({ ...st, id: `${prefix}_${st.id}`, auditId, ease: null, valence: null, emotions: [], findings: [] }));

const partial: Seed = (() => {
  const audit = {
    ...journeyAudit({
      rubric: {
        rubricVersion: 'v1',
        marks: marksWith({
          M1: mark('pass'),
          M2: mark('pass'),
          I1: mark('partial'),
          F2: mark('pass'),
          S4: mark('pass'),
        }),
      },
    }),
    id: 'aud_partial',
    site: 'Partly marked shop',
  };
  return { audit, steps: unratedSteps(4, 'p', audit.id), screenshots: [] };
})();

const unrated: Seed = (() => {
  const audit = {
    ...journeyAudit({ rubric: { rubricVersion: 'v1', marks: {} }, endSurvey: null }),
    id: 'aud_unrated',
    site: 'Unrated shop',
  };
  return { audit, steps: unratedSteps(3, 'u', audit.id), screenshots: [] };
})();

/** Writes the seeds into the extension's IndexedDB from one of its pages, drawing each screenshot. */
async function seed(page: Page, seeds: Seed[]): Promise<void> {
  await page.evaluate(async (all: Seed[]) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('peakend');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const jpeg = async (w: number, h: number, hue: number): Promise<Blob> => {
      const canvas = new OffscreenCanvas(w, h);
      const g = canvas.getContext('2d')!;
      g.fillStyle = `hsl(${hue} 40% 85%)`;
      g.fillRect(0, 0, w, h);
      g.fillStyle = `hsl(${hue} 50% 35%)`;
      g.fillRect(w * 0.1, h * 0.1, w * 0.5, h * 0.15);
      return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
    };
    const blobs: { shotId: string; kind: 'full' | 'thumb'; blob: Blob }[] = [];
    for (const sd of all)
      for (const shot of sd.screenshots) {
        blobs.push({ shotId: shot.id, kind: 'full', blob: await jpeg(shot.width, shot.height, shot.width % 360) });
        blobs.push({ shotId: shot.id, kind: 'thumb', blob: await jpeg(320, 200, 40) });
      }
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['audits', 'steps', 'screenshots', 'blobs', 'probes'], 'readwrite');
      for (const sd of all) {
        tx.objectStore('audits').put(sd.audit);
        for (const st of sd.steps) tx.objectStore('steps').put(st);
        for (const sh of sd.screenshots) tx.objectStore('screenshots').put(sh);
        for (const pr of sd.probes ?? []) tx.objectStore('probes').put(pr);
      }
      for (const b of blobs) tx.objectStore('blobs').put(b);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, seeds);
}

async function openReport(auditId: string): Promise<Page> {
  const page = await s.h.openExtensionPage(`src/report/report.html?audit=${auditId}`);
  await page.locator('[data-metric="overall"]').waitFor();
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.nodes.length}): ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`)
        .join(' | ')}`,
  );
}

beforeAll(async () => {
  s = await launch({});
  const boot = await s.h.openExtensionPage('src/report/report.html?audit=none');
  await boot.waitForLoadState('load');
  await eventuallyDb(boot);
  await seed(boot, [rich, partial, unrated]);
  await boot.close();

  const report = await openReport(rich.audit.id);
  const [download] = await Promise.all([
    report.waitForEvent('download'),
    report.getByRole('button', { name: 'Export HTML' }).click(),
  ]);
  exportedHtml = join(out, download.suggestedFilename());
  await download.saveAs(exportedHtml);
  await report.close();
}, 120_000);

/** The report page opens the database (creating its stores) as it starts. */
async function eventuallyDb(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    return names.includes('peakend');
  });
}

afterAll(async () => {
  await s?.h.close();
});

describe('the report, accessible and conclusions first', () => {
  it('the report tab has no axe violation, and opens with summary, fix first, then the scores', async () => {
    const page = await openReport(rich.audit.id);
    const order = await page.locator('main > section').evaluateAll((els) => els.map((e) => e.id));
    expect(order.slice(0, 3)).toEqual(['summary', 'fix-first', 'headline']);
    expect(await page.locator('#summary img').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('the exported HTML file has no axe violation', async () => {
    const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
    try {
      // Axe needs script; the file's CSP forbids every script, so the test context bypasses it.
      const page = await (await browser.newContext({ offline: true, bypassCSP: true })).newPage();
      await page.goto(`file://${exportedHtml}`);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('the channel view shows the probes met, missed and still open, in the tab and in the exported HTML', async () => {
    const expected = [
      ['prb_met', 'met', 'Met'],
      ['prb_missed', 'missed', 'Missed'],
      ['prb_open', 'open', 'Still open'],
    ];
    const rows = async (page: Page) =>
      page
        .locator('#channels table.probes tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [
            tr.getAttribute('data-probe-id'),
            tr.getAttribute('data-outcome'),
            tr.querySelector('[data-role="outcome"]')?.textContent ?? '',
          ]),
        );
    const tab = await openReport(rich.audit.id);
    const channels = tab.locator('#channels');
    await expect(channels.getByRole('heading', { name: 'The journey across channels' }).isVisible()).resolves.toBe(
      true,
    );
    // In the order sent; the e-mail, sent today, comes last.
    expect(await rows(tab)).toEqual(expected);
    expect(
      await tab.locator('#channels [data-lane]').evaluateAll((g) => g.map((e) => e.getAttribute('data-lane'))),
    ).toEqual(['web', 'chat', 'email']);
    // The auditor's question is text, in its own direction.
    const question = tab.locator('#channels tr[data-probe-id="prb_missed"] .pquestion');
    await expect(question.innerText()).resolves.toBe('Can I <b>pay</b> on delivery?');
    await expect(question.getAttribute('dir')).resolves.toBe('auto');
    await expect(
      tab.locator('#channels tr[data-probe-id="prb_met"] [data-col="first-reply"]').innerText(),
    ).resolves.toBe('1 min');
    await tab.close();

    const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await (await browser.newContext({ offline: true })).newPage();
      await page.goto(`file://${exportedHtml}`);
      expect(await rows(page)).toEqual(expected);
      await expect(page.locator('#channels svg.timeline [data-probe]').count()).resolves.toBe(3);
    } finally {
      await browser.close();
    }
  });

  it('the compare page has no axe violation', async () => {
    const page = await s.h.openExtensionPage(comparePagePath([rich.audit.id, partial.audit.id]));
    await page.locator('#differences').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('an unrated audit shows "not assessed", never a number', async () => {
    const page = await openReport(unrated.audit.id);
    for (const metric of ['overall', 'immersion', 'pe100', 'effort100'])
      expect((await page.locator(`[data-metric="${metric}"] .metric-value`).first().innerText()).trim()).toBe(
        'not assessed',
      );
    await expect(page.locator('[data-role="score-status"]').getAttribute('data-status')).resolves.toBe('not-assessed');
    await page.close();
  });

  it('a partly marked audit says its scores are provisional, with the counts', async () => {
    const page = await openReport(partial.audit.id);
    const status = await page.locator('[data-role="score-status"]').innerText();
    expect(status, status).toContain('Provisional');
    expect(status, status).toContain('5 of 28 criteria marked and 0 of 4 steps rated');
    expect(await page.locator('[data-role="provisional-badge"]').innerText()).toMatch(/provisional scores/i);
    await page.close();
  });

  it('lets the auditor rewrite a part of the summary, and then says which part the auditor wrote', async () => {
    const page = await openReport(partial.audit.id);
    await page.getByRole('button', { name: 'Edit summary' }).click();
    const keep = page.getByRole('textbox', { name: 'What to keep' });
    await keep.waitFor();
    // The editor opens on the first part, with the draft in it, and is itself accessible.
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.name)).toBe(
      'summary-remembered',
    );
    expect(await keep.inputValue()).toContain('Multisensory');
    expect(await axeViolations(page)).toEqual([]);
    await keep.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('Free returns and a clear size guide.', { delay: 25 });
    await page.getByRole('button', { name: 'Save summary' }).click();
    await page.waitForFunction(
      () => document.querySelector('.sum-part[data-part="keep"]')?.getAttribute('data-source') === 'auditor',
    );
    const part = page.locator('.sum-part[data-part="keep"]');
    expect(await part.locator('.source').innerText()).toBe('Written by the auditor');
    expect(await part.innerText()).toContain('Free returns and a clear size guide.');
    // The parts left as drafted still say so.
    expect(await page.locator('.sum-part[data-part="problems"]').getAttribute('data-source')).toBe('drafted');
    expect(await page.locator('.sum-part[data-part="remembered"]').getAttribute('data-source')).toBe('drafted');
    await page.close();
  });

  it('keeps the language chosen in the tab when a saved summary redraws the report', async () => {
    const pl = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../public/_locales/pl/messages.json'), 'utf8'),
    ) as Record<string, { message: string }>;
    const page = await openReport(unrated.audit.id);
    await page.getByLabel('Report language').selectOption({ label: 'Polski' });
    const edit = page.getByRole('button', { name: pl.report_editSummary!.message });
    await edit.waitFor();
    await edit.click();
    await page.getByRole('textbox', { name: pl.report_sumKeepTitle!.message }).fill('Darmowe zwroty.');
    await page.getByRole('button', { name: pl.report_saveSummary!.message }).click();
    await page.waitForFunction(
      () => document.querySelector('.sum-part[data-part="keep"]')?.getAttribute('data-source') === 'auditor',
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    expect(await page.getByRole('button', { name: pl.report_editSummary!.message }).count()).toBe(1);
    await page.close();
  });

  it('prints the conclusions and fix first on page 1 of the PDF, the scores from page 2', async () => {
    const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await (await browser.newContext({ offline: true })).newPage();
      await page.goto(`file://${exportedHtml}`);
      await page.emulateMedia({ media: 'print' });
      const pagesOf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pagesOf(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).toBeGreaterThan(2);
      // The scores begin a new page, so page 1 holds whatever comes before them.
      expect(await page.locator('#headline').evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
      // And what comes before them (cover, flags, summary, fix first) prints on one page.
      await page.addStyleTag({ content: '#headline, #headline ~ * { display: none !important; }' });
      const first = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pagesOf(first)).toBe(1);
      const visible = await page
        .locator('#summary, #fix-first')
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height > 0));
      expect(visible).toEqual([true, true]);
    } finally {
      await browser.close();
    }
  });
});
