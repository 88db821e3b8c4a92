// @vitest-environment jsdom
// The programme view's markup and CSV from the domain's numbers: escaped, bidi-isolated, RFC 4180.
import { describe, expect, it } from 'vitest';
import { programmesIn } from '../../../src/domain/programme-view/index.ts';
import { PROGRAMME_CSV_COLUMNS, programmeCsv } from '../../../src/report/programme/csv.ts';
import { buildProgrammeData, buildProgrammeHead, completeProgrammeData } from '../../../src/report/programme/data.ts';
import { programmeCsvExport, programmeHtmlExport } from '../../../src/report/programme/exports.ts';
import { renderProgrammeBody, renderProgrammeHead, renderProgrammeRest } from '../../../src/report/programme/render.ts';
import { escapeAttr } from '../../../src/report/escape.ts';
import { REPORT_CSP } from '../../../src/report/html/render.ts';
import { loadMessages } from '../report/fixtures.ts';
import { parseCsv } from '../csv-read.ts';
import { specAudit, twoByTwoByThree } from './fixtures.ts';

loadMessages();

const HOSTILE = '=HYPERLINK("http://evil.example")<img src=x onerror=alert(1)>';

function data(siteOverride?: string) {
  const loaded = twoByTwoByThree().map((spec) =>
    specAudit(spec.site === 'Northwind' && siteOverride ? { ...spec, site: siteOverride } : spec),
  );
  const programmes = programmesIn(loaded.map((l) => l.audit));
  return buildProgrammeData(programmes, programmes[0]!, loaded, '2026-11-24T09:00:00.000Z');
}

describe('the programme view', () => {
  it('shows each site x wave x metric with its n and interval, site names escaped and isolated', () => {
    const d = data(HOSTILE);
    const markup = renderProgrammeBody(d, { locale: 'en' });
    expect(markup).not.toContain('<img src=x');
    expect(markup).toContain(
      '<bdi>=HYPERLINK(&quot;http://evil.example&quot;)&lt;img src=x onerror=alert(1)&gt;</bdi>',
    );
    const doc = new DOMParser().parseFromString(markup, 'text/html');
    const cell = d.stats.cells.find((c) => c.site === 'southwind' && c.wave === 'Wave 9')!;
    const td = doc.querySelector(`td[data-site="southwind"][data-wave="Wave 9"][data-metric="overall"]`)!;
    expect(td.querySelector('.pv-mean')!.textContent).toBe(String(Math.round(cell.metrics.overall.mean!)));
    expect(td.querySelector('.pv-n')!.textContent).toBe('n = 2');
    expect(td.querySelector('.pv-ci')!.textContent).toBe(
      `95% CI ${Math.round(cell.metrics.overall.low!)} to ${Math.round(cell.metrics.overall.high!)}`,
    );
    expect(td.querySelector('.pv-note')!.textContent).toContain('provisional, not counted: 1');
    // Waves in date order in every table's head.
    const heads = [...doc.querySelectorAll('#pv-scores table')[0]!.querySelectorAll('thead th')].map(
      (th) => th.textContent,
    );
    expect(heads).toEqual(['Site', 'Wave 10', 'Wave 9']);
    expect(doc.querySelector('li.pv-recurring[data-criterion="F1"]')!.textContent).toContain(
      'failed in 8 of 12 audits (67%)',
    );
    expect(doc.querySelectorAll('tr.pv-spread-row')).toHaveLength(4);
    expect(doc.querySelectorAll('tr.pv-trend')).toHaveLength(2);
  });

  it('draws the scores per site and wave first, then the rest: together the same page as the export', () => {
    const whole = data(HOSTILE);
    // The head holds the scores only, as it is built from stored summaries.
    const scored = whole.items.map(({ audit, scores }) => ({ audit, scores }));
    const head = buildProgrammeHead(whole.programmes, whole.programme, scored, whole.generatedAt);
    const steps = new Map(whole.items.map((item) => [item.audit.id, item.steps]));
    const stepsOf = (id: string) => steps.get(id) ?? [];
    expect(head.stats).not.toHaveProperty('stages');
    const page = new DOMParser().parseFromString(renderProgrammeHead(head, { locale: 'en' }), 'text/html');
    const main = page.getElementById('programme')!;
    expect(main.getAttribute('aria-busy')).toBe('true');
    expect([...main.querySelectorAll('section')].map((s) => s.id)).toEqual(['pv-scores']);
    expect(main.querySelectorAll('td[data-metric]')).toHaveLength(4 * 5);
    main.insertAdjacentHTML('beforeend', renderProgrammeRest(completeProgrammeData(head, stepsOf), { locale: 'en' }));
    main.removeAttribute('aria-busy');
    const once = new DOMParser().parseFromString(renderProgrammeBody(whole, { locale: 'en' }), 'text/html');
    // Equal but for the line breaks between elements.
    const tags = (markup: string) => markup.replace(/>\s+</g, '><');
    expect(tags(main.outerHTML)).toBe(tags(once.getElementById('programme')!.outerHTML));
    expect(completeProgrammeData(head, stepsOf).stats).toEqual(whole.stats);
  });

  it('exports a self-contained HTML file without script, in the language asked for', () => {
    const file = programmeHtmlExport(data(), { locale: 'en', lang: 'he', dir: 'rtl' });
    expect(file.filename).toBe('peakend-programme-northwind-mystery-shop-2026-11-24.html');
    const text = 'text' in file ? file.text : '';
    expect(text).toContain('<html lang="he" dir="rtl">');
    expect(text).toContain(escapeAttr(REPORT_CSP));
    expect(text).not.toMatch(/<script/i);
  });

  it('exports a tidy RFC 4180 CSV with formulas neutralised', () => {
    const d = data(HOSTILE);
    const file = programmeCsvExport(d);
    expect(file.filename).toBe('peakend-programme-northwind-mystery-shop-2026-11-24.csv');
    const rows = parseCsv(programmeCsv(d, { bom: false }));
    expect(rows[0]).toEqual([...PROGRAMME_CSV_COLUMNS]);
    const col = (name: string) => PROGRAMME_CSV_COLUMNS.indexOf(name);
    const scores = rows.filter((r) => r[col('section')] === 'score');
    expect(scores).toHaveLength(4 * 5);
    const hostile = scores.find((r) => r[col('site')]!.includes('HYPERLINK'))!;
    expect(hostile[col('site')]!.startsWith("'=")).toBe(true);
    const cell = d.stats.cells.find((c) => c.site === 'southwind' && c.wave === 'Wave 9')!;
    const row = scores.find(
      (r) => r[col('site')] === 'Southwind' && r[col('wave')] === 'Wave 9' && r[col('metric')] === 'pe100',
    )!;
    expect(Number(row[col('mean')])).toBeCloseTo(cell.metrics.pe100.mean!, 3);
    expect(row[col('n')]).toBe('2');
    expect(row[col('provisional')]).toBe('1');
    expect(rows.filter((r) => r[col('section')] === 'trend')).toHaveLength(10);
    expect(rows.find((r) => r[col('section')] === 'recurring_criterion')![col('key')]).toBe('F1');
  });
});
