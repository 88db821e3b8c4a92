// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { REPORT_CSP } from '../../../src/report/html/render.ts';
import { buildCompareData } from '../../../src/report/compare/data.ts';
import { compareFilename, compareHtmlExportFromBytes, shownScreenshots } from '../../../src/report/compare/exports.ts';
import { COMPARE_CSP, renderComparisonBody, renderComparisonHtml } from '../../../src/report/compare/render.ts';
import { dataUrlImages } from '../../../src/report/images.ts';
import { HOSTILE_COMMENT, HOSTILE_TITLE } from '../report/fixtures.ts';
import { mark, marksWith } from '../scores/factory.ts';
import type { ReportData } from '../../../src/report/data.ts';
import { HOSTILE_SITE_B, auditB, demoPair, reportDataOf, stepsOf, loadMessages } from './fixtures.ts';

loadMessages();

const parse = (text: string): Document => new DOMParser().parseFromString(text, 'text/html');

function exported(overridesB = {}) {
  const { items, bytes } = demoPair({}, overridesB);
  const data = buildCompareData(items, '2026-11-24T09:00:00.000Z');
  const text = renderComparisonHtml(data, dataUrlImages(shownScreenshots(data), bytes), { locale: 'en' });
  return { data, bytes, text, doc: parse(text) };
}

describe('comparison HTML export: self-contained, runs nothing', () => {
  const { text, doc } = exported();

  it('has the report’s CSP meta, forbidding every script, before any style', () => {
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(csp).toBe(COMPARE_CSP);
    expect(COMPARE_CSP).toBe(REPORT_CSP);
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(text.indexOf('Content-Security-Policy')).toBeLessThan(text.indexOf('<style>'));
  });

  it('contains no script, no event handler, and only data: images and in-document or http(s) links', () => {
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    const handlers = [...doc.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)));
    expect(handlers).toHaveLength(0);
    const imgs = [...doc.querySelectorAll('img')];
    expect(imgs.length).toBe(8 + 11);
    for (const img of imgs) expect(img.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    expect(doc.querySelectorAll('link, iframe, object, embed')).toHaveLength(0);
    for (const a of doc.querySelectorAll('[href]')) expect(a.getAttribute('href')).toMatch(/^(#|https?:)/);
  });
});

describe('comparison content', () => {
  const { doc, data } = exported();

  it('names both audits in the title and on the cover, with their templates', () => {
    // Each site name is isolated (U+2068 … U+2069) in the title.
    expect(doc.title).toBe('\u2068Northwind A\u2069 vs \u2068Northwind B\u2069 — customer-experience comparison');
    const cards = [...doc.querySelectorAll('.audit-card')];
    expect(cards.map((c) => c.querySelector('.audit-label')?.textContent)).toEqual(['Northwind A', 'Northwind B']);
    expect(cards[1]!.querySelector('[data-role="critical"]')?.textContent).toContain('F1, F2');
    expect(cards[0]!.querySelector('[data-role="critical"]')).toBeNull();
    expect(cards[0]!.textContent).toContain('E-commerce purchase, version 1');
  });

  it('lists the Frictionless loss with F1 (critical) first, in plain words', () => {
    const first = doc.querySelector('.diffs > li.diff')!;
    expect(first.getAttribute('data-kind')).toBe('element');
    expect(first.getAttribute('data-metric')).toBe('frictionless');
    expect(first.getAttribute('data-audit')).toBe('1');
    const sentence = first.querySelector('.diff-text')!.textContent;
    expect(sentence).toBe(
      'Northwind B loses 67 points on Frictionless (33 vs 100 for Northwind A): Forced account creation before checkout (F1, critical); Delivery cost only revealed at payment (F2, critical)',
    );
    const shown = [...doc.querySelectorAll('#differences > ol.diffs:not(.minor) > li.diff')];
    expect(shown).toHaveLength(10);
    // The rest follows in a compact list, numbered on (no folding: it prints).
    expect(doc.querySelector('#differences h3.sub')?.textContent).toBe(
      `${data.comparison.differences.length - 10} smaller differences`,
    );
    const folded = [...doc.querySelectorAll('#differences ol.diffs.minor > li.diff')];
    expect(shown.length + folded.length).toBe(data.comparison.differences.length);
    const all = [...shown, ...folded];
    expect(all.map((li) => li.querySelector('.diff-rank')?.textContent)).toEqual(all.map((_, i) => String(i + 1)));
    expect(all.map((li) => Number(li.getAttribute('data-audit')))).toEqual(
      data.comparison.differences.map((d) => d.audit),
    );
  });

  it('writes every kind of difference as a sentence (no raw message keys)', () => {
    const texts = [...doc.querySelectorAll('.diff-text')].map((p) => p.textContent ?? '');
    expect(texts.length).toBe(data.comparison.differences.length);
    for (const text of texts) expect(text).not.toMatch(/compare_|\$[A-Z]+\$|undefined|NaN/);
    expect(texts).toContain(
      'Northwind B needs 4 checkout steps where Northwind A needs 1: Checkout details 2 vs 1; Delivery 1 vs none; Payment 1 vs none',
    );
    expect(texts).toContain('Northwind A has no Delivery step; Northwind B has 1 step');
    expect(
      texts.some((t) =>
        t.startsWith(
          'Checkout details is harder on Northwind B: ease 3.0 vs 5.0 on Northwind A: 2 form errors vs 0; 1 rage click vs 0',
        ),
      ),
    ).toBe(true);
  });

  it('marks the best value per headline row, and only there', () => {
    const rows = [...doc.querySelectorAll('.headline-table tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-metric'))).toEqual(data.comparison.headline.map((h) => h.metric));
    for (const row of data.comparison.headline) {
      const tr = doc.querySelector(`.headline-table tr[data-metric="${row.metric}"]`)!;
      const best = [...tr.querySelectorAll('td')]
        .map((td, i) => (td.getAttribute('data-best') === 'true' ? i : -1))
        .filter((i) => i >= 0);
      expect(best, row.metric).toEqual(row.best);
      expect(tr.querySelectorAll('td.best .best-mark').length).toBe(row.best.length);
    }
    const pe = doc.querySelector('.headline-table tr[data-metric="pe100"]')!;
    expect([...pe.querySelectorAll('td .num')].map((n) => n.textContent)).toEqual(['81', '38']);
  });

  it('shows the five elements side by side with the critical cap', () => {
    const fr = doc.querySelector('.elements-table tr[data-element="frictionless"]')!;
    expect([...fr.querySelectorAll('td .num')].map((n) => n.textContent)).toEqual(['100', '33']);
    expect(fr.querySelectorAll('td')[1]!.textContent).toContain('Critical failed: F1, F2');
    // 33 is under the cap: the cap did not lower it, so the page does not call it capped.
    expect(fr.querySelectorAll('td')[1]!.textContent).not.toContain('capped');
    expect(fr.querySelectorAll('td')[0]!.getAttribute('data-best')).toBe('true');
    const ms = doc.querySelector('.elements-table tr[data-element="multisensory"]')!;
    expect([...ms.querySelectorAll('td')].map((td) => td.textContent?.trim())).toEqual([
      'not assessed',
      'not assessed',
    ]);
  });

  it('lines the stages up: B’s delivery and payment are missing on A, B’s two checkout-details steps side by side with A’s one', () => {
    const stages = [...doc.querySelectorAll('.cmp-stage')].map((s) => s.getAttribute('data-stage'));
    expect(stages).toEqual(data.comparison.alignment.rows.map((r) => r.stage));
    for (const stage of ['delivery', 'payment']) {
      const cells = [...doc.querySelectorAll(`.cmp-stage[data-stage="${stage}"] .cmp-cell`)];
      expect(cells.map((c) => c.getAttribute('data-missing'))).toEqual(['true', 'false']);
      expect(cells[0]!.textContent).toContain('Missing: no step at this stage');
      expect(cells[0]!.querySelectorAll('img')).toHaveLength(0);
      expect(cells[1]!.querySelectorAll('img')).toHaveLength(1);
    }
    const details = [...doc.querySelectorAll('.cmp-stage[data-stage="checkout-details"] .cmp-cell')];
    expect(details.map((c) => c.querySelectorAll('figure.cmp-shot').length)).toEqual([1, 2]);
    expect(details[1]!.querySelector('[data-m="ease"] .m-v')?.textContent).toBe('3.0');
    expect(details[1]!.classList.contains('hardest')).toBe(true);
    expect(details[1]!.querySelector('[data-signal="formErrors"] .s-value')?.textContent).toBe('2');
    expect(details[1]!.querySelector('[data-signal="rageClicks"]')?.classList.contains('bad')).toBe(true);
    const payment = doc.querySelector('.cmp-stage[data-stage="payment"] .cmp-cell[data-audit="1"]')!;
    expect(payment.querySelector('[data-signal="vitals"] .vital')?.getAttribute('data-rating')).toBe('poor');
  });

  it('overlays both curves on one stage axis, each with its own shape, peak and end', () => {
    const svg = doc.querySelector('svg.overlay-curves')!;
    const bands = svg.querySelectorAll('.stage-band');
    expect(bands).toHaveLength(data.comparison.alignment.rows.length);
    const series = [...svg.querySelectorAll('g.series')];
    expect(series).toHaveLength(2);
    expect(series.map((g) => g.querySelectorAll('path.pt').length)).toEqual([8, 11]);
    // Distinct marker shapes: the first point of each series has a different path outline.
    const outline = (g: Element) => (g.querySelector('path.pt')?.getAttribute('d') ?? '').replace(/[-\d.]+/g, '#');
    expect(outline(series[0]!)).not.toBe(outline(series[1]!));
    for (const [i, g] of series.entries()) {
      const pe = data.comparison.audits[i]!.scores.peakEnd!;
      expect(g.querySelector('[data-role="peak"]')?.getAttribute('data-step-id')).toBe(pe.peak.stepId);
      expect(g.querySelector('[data-role="end"]')?.getAttribute('data-step-id')).toBe(pe.end.stepId);
    }
    // Presence rows: A's delivery and payment are shown as absent.
    const presenceA = svg.querySelector('g.presence[data-series="0"]')!;
    const absent = [...presenceA.querySelectorAll('g.absent')].map((g) => Number(g.getAttribute('data-row')));
    expect(absent.map((r) => data.comparison.alignment.rows[r]!.stage)).toEqual(['delivery', 'payment']);
    expect(svg.querySelector('g.presence[data-series="1"] g.absent')).toBeNull();
    // The segment of A that crosses the missing stages is drawn faint.
    expect(series[0]!.querySelectorAll('line.seg.across-missing')).toHaveLength(1);
    expect(series[1]!.querySelectorAll('line.seg.across-missing')).toHaveLength(0);
  });
});

describe('untrusted text is escaped', () => {
  it('site names, comments and page titles render as text', () => {
    const { items } = demoPair({}, {});
    const b = items[1]!;
    const hostileB = {
      ...b,
      audit: {
        ...b.audit,
        site: HOSTILE_SITE_B,
        rubric: { rubricVersion: 'v1', marks: marksWith({ F1: mark('fail', 1, HOSTILE_COMMENT) }) },
      },
      steps: b.steps.map((s, i) => (i === 4 ? { ...s, title: HOSTILE_TITLE } : s)),
    };
    const data = buildCompareData([items[0]!, hostileB]);
    const text = renderComparisonHtml(data, () => null);
    const doc = parse(text);
    expect(doc.querySelectorAll('script, img[onerror], svg[onload]')).toHaveLength(0);
    expect(text).not.toContain('<img src=x');
    expect(text).not.toContain('<svg onload');
    expect(doc.querySelector('.audit-card[data-audit="1"] .audit-label')?.textContent).toBe(HOSTILE_SITE_B);
    expect(doc.querySelector('.diff-text')?.textContent).toContain(HOSTILE_COMMENT);
    expect([...doc.querySelectorAll('.cmp-shot figcaption')].some((f) => f.textContent?.includes(HOSTILE_TITLE))).toBe(
      true,
    );
    // No images at all: every shot shows the placeholder instead.
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(doc.querySelectorAll('.cmp-shot .img-missing')).toHaveLength(19);
  });

  it('the compare tab body is the same markup as the file’s body', () => {
    const { items, bytes } = demoPair();
    const data = buildCompareData(items, '2026-11-24T09:00:00.000Z');
    const images = dataUrlImages(shownScreenshots(data), bytes);
    expect(renderComparisonHtml(data, images)).toContain(renderComparisonBody(data, images));
    const file = compareHtmlExportFromBytes(data, bytes);
    expect(file.filename).toBe('peakend-compare-northwind-a-vs-northwind-b-2026-11-24.html');
    expect(compareFilename(data, 'csv')).toBe('peakend-compare-northwind-a-vs-northwind-b-2026-11-24.csv');
  });
});

describe('stage band labels', () => {
  it('wrap into two balanced lines when they do not fit, and clip what still does not', async () => {
    const { wrapLabel } = await import('../../../src/report/compare/curves.ts');
    expect(wrapLabel('Cart', 80)).toEqual(['Cart']);
    expect(wrapLabel('Search / browse', 80)).toEqual(['Search /', 'browse']);
    expect(wrapLabel('Request: form, chat or call', 100)).toEqual(['Request: form,', 'chat or call']);
    expect(wrapLabel('Confirmation', 60)).toEqual(['Confirm…']);
  });
});

describe('more audits, the same site twice, different templates', () => {
  it('four audits: four columns, four distinct series (colour, dash, marker), same-site labels told apart by date', async () => {
    const { items } = demoPair();
    const [a, b] = items as [ReportData, ReportData];
    const again = (item: ReportData, id: string, startedAt: string): ReportData => ({
      ...item,
      audit: { ...item.audit, id, startedAt },
    });
    const data = buildCompareData([
      a,
      b,
      again(a, 'audA2', '2027-02-01T10:00:00.000Z'),
      again(b, 'audB2', '2027-02-01T11:00:00.000Z'),
    ]);
    const doc = parse(renderComparisonHtml(data, () => null));
    expect([...doc.querySelectorAll('.audit-card .audit-label')].map((l) => l.textContent)).toEqual([
      'Northwind A (November 23, 2026)',
      'Northwind B (November 23, 2026)',
      'Northwind A (February 1, 2027)',
      'Northwind B (February 1, 2027)',
    ]);
    expect(doc.querySelectorAll('.headline-table thead th.audit-col')).toHaveLength(4);
    const series = [...doc.querySelectorAll('svg.overlay-curves g.series')];
    expect(series).toHaveLength(4);
    const style = (g: Element) => {
      const seg = g.querySelector('line.seg')!;
      const pt = g.querySelector('path.pt')!;
      return `${seg.getAttribute('stroke')}|${seg.getAttribute('stroke-dasharray') ?? ''}|${(pt.getAttribute('d') ?? '').replace(/[-\d.]+/g, '#')}`;
    };
    expect(new Set(series.map(style)).size).toBe(4);
    // Every stage row has a cell per audit.
    for (const stage of doc.querySelectorAll('.cmp-stage')) expect(stage.querySelectorAll('.cmp-cell')).toHaveLength(4);
  });

  it('different templates: a notice names both, and the other template’s stages are rows of their own', async () => {
    const { items } = demoPair();
    const [a] = items as [ReportData, ReportData];
    const booking = reportDataOf(
      auditB({ id: 'audBook', site: 'Fjord Hotels', templateId: 'booking' }),
      stepsOf('audBook', [
        { stage: 'landing', title: 'Home', ease: 6, valence: 1 },
        { stage: 'extras', title: 'Extras', ease: 3, valence: -2 },
        { stage: 'payment', title: 'Pay', ease: 5, valence: 0 },
      ]),
    ).data;
    const doc = parse(renderComparisonHtml(buildCompareData([a, booking]), () => null));
    const notice = doc.querySelector('[data-role="template-mismatch"]')!;
    expect(notice.textContent).toContain(
      'Northwind A: E-commerce purchase, version 1; Fjord Hotels: Booking, version 1',
    );
    const extras = doc.querySelector('.cmp-stage[data-stage="extras"]')!;
    expect(extras.getAttribute('data-origin')).toBe('other-template');
    expect(extras.querySelector('.stage-title')?.textContent).toContain('Extras');
    expect(extras.querySelector('.cmp-cell[data-audit="0"]')?.getAttribute('data-missing')).toBe('true');
    // Same template: no notice.
    const same = parse(renderComparisonHtml(buildCompareData(items), () => null));
    expect(same.querySelector('[data-role="template-mismatch"]')).toBeNull();
  });
});
