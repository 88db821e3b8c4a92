// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { computeScores } from '../../../src/domain/scores/index.ts';
import { buildReportData } from '../../../src/report/data.ts';
import { renderReportHtml, REPORT_CSP } from '../../../src/report/html/render.ts';
import { dataUrlImages } from '../../../src/report/images.ts';
import { mark, marksWith } from '../scores/factory.ts';
import {
  HOSTILE_COMMENT,
  HOSTILE_FINDING,
  HOSTILE_NOTE,
  HOSTILE_SITE,
  HOSTILE_TITLE,
  journey,
  journeyAudit,
  journeySteps,
  loadMessages,
} from './fixtures.ts';

// Messages first: the describe blocks below render at collection time.
loadMessages();

function parse(text: string): Document {
  return new DOMParser().parseFromString(text, 'text/html');
}

function exported() {
  const { data, blobs } = journey();
  const text = renderReportHtml(data, dataUrlImages(data.screenshots, blobs), { locale: 'en' });
  return { data, blobs, text, doc: parse(text) };
}

const valueOf = (doc: Document, metric: string): string =>
  doc.querySelector(`[data-metric="${metric}"] .metric-value`)?.textContent?.trim() ?? '(missing)';

describe('HTML export: a self-contained document that runs nothing', () => {
  const { text, doc, data } = exported();

  it('has a CSP meta that forbids every script and only allows data: images', () => {
    const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    const csp = meta?.getAttribute('content') ?? '';
    expect(csp).toBe(REPORT_CSP);
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'none'"]);
    expect(directives.get('img-src')).toEqual(['data:']);
    // The CSP must come before anything it governs.
    expect(text.indexOf('Content-Security-Policy')).toBeLessThan(text.indexOf('<style>'));
  });

  it('contains no script element, no event handler attribute and no javascript: URL', () => {
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    const withHandlers = [...doc.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => /^on/i.test(a.name)),
    );
    expect(withHandlers.map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
    const hrefs = [...doc.querySelectorAll('[href]')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^(#[A-Za-z0-9_-]+|https?:\/\/)/);
  });

  it('inlines every image as a data: URL and links nothing external', () => {
    const imgs = [...doc.querySelectorAll('img')];
    // 5 captured steps in the step section, plus the peak and end moments (in the summary and in
    // "How it will be remembered").
    expect(imgs.length).toBe(9);
    for (const img of imgs) expect(img.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,[A-Za-z0-9+/]+=*$/);
    expect(doc.querySelectorAll('link, iframe, object, embed, base')).toHaveLength(0);
    expect(data.screenshots).toHaveLength(5);
  });

  it('shows the headline scores computeScores gives, rounded as displayed', () => {
    const s = computeScores(data.audit, data.steps, data.rubric);
    expect(s.overall.value).not.toBeNull();
    expect(valueOf(doc, 'overall')).toBe(String(Math.round(s.overall.value ?? NaN)));
    expect(valueOf(doc, 'immersion')).toBe(String(Math.round(s.immersion.value ?? NaN)));
    expect(valueOf(doc, 'pe100')).toBe(String(Math.round(s.peakEnd?.pe100 ?? NaN)));
    expect(valueOf(doc, 'effort100')).toBe(String(Math.round(s.effort?.effort100 ?? NaN)));
    const nev = Math.round(s.emotional.nev ?? NaN);
    expect(valueOf(doc, 'nev')).toBe(nev > 0 ? `+${nev}` : String(nev));
    expect(valueOf(doc, 'ces')).toBe('5 / 7');
    expect(valueOf(doc, 'completion')).toBe('Yes');
    expect(valueOf(doc, 'checkoutSteps')).toBe(String(s.checkout.steps));
    expect(valueOf(doc, 'checkoutFields')).toBe(String(s.checkout.fields));
    expect(valueOf(doc, 'memoryGap')).toBe(
      (s.peakEnd?.memoryGap ?? 0) > 0 ? `+${s.peakEnd?.memoryGap.toFixed(2)}` : (s.peakEnd?.memoryGap ?? 0).toFixed(2),
    );
    // Hand check of the fixture: s2 (-3) is the peak, s4 (+1) the end; PE100 = 50 * ((-0.75 + 0.25) / 2 + 1) = 37.5.
    expect(s.peakEnd?.pe100).toBe(37.5);
    expect(valueOf(doc, 'pe100')).toBe('38');
  });

  it('renders hostile titles, notes, site names, comments and finding titles as literal text only', () => {
    const body = doc.body.textContent ?? '';
    for (const hostile of [HOSTILE_TITLE, HOSTILE_NOTE, HOSTILE_SITE, HOSTILE_COMMENT, HOSTILE_FINDING]) {
      expect(body).toContain(hostile);
    }
    // No element was created from them: the only <img> are the screenshots, no <b>, <svg onload> or script.
    expect([...doc.querySelectorAll('img')].every((img) => img.getAttribute('src')?.startsWith('data:'))).toBe(true);
    expect(doc.querySelectorAll('b, img[src="x"], svg[onload]')).toHaveLength(0);
    expect(doc.querySelector('h1.site')?.textContent).toBe(HOSTILE_SITE);
    expect(doc.title).toContain(HOSTILE_SITE);
    const step2 = doc.querySelector('article.step[data-step-id="s2"]');
    expect(step2?.querySelector('h3')?.textContent).toBe(HOSTILE_TITLE);
    expect(step2?.querySelector('.note-text')?.textContent).toBe(HOSTILE_NOTE);
    // The javascript: URL is shown as text, never as a link.
    const url = step2?.querySelector('.url');
    expect(url?.textContent).toBe('javascript:alert(1)');
    expect(url?.tagName).toBe('SPAN');
    // The raw markup never contains the hostile strings unescaped.
    expect(text).not.toContain(HOSTILE_TITLE);
    expect(text).not.toContain('</script><script>');
  });

  it('flags the failed critical criterion on the first page, before the headline', () => {
    const flag = doc.querySelector('[data-role="critical-failures"]');
    expect(flag?.textContent).toContain('F1');
    const headline = doc.getElementById('headline');
    expect(flag && headline && flag.compareDocumentPosition(headline) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // F1 failed, but the element's own score (25) is under the cap: the report names the failed
    // criterion and never says "capped at 50", which would claim the cap lowered it.
    expect(doc.querySelector('.elements .row[data-element="frictionless"]')?.classList.contains('capped')).toBe(false);
    const head = doc.querySelector('.element-block[data-element="frictionless"] .element-head');
    expect(head?.querySelector('[data-role="critical-failed"]')?.textContent).toBe('F1 failed (critical)');
    expect(head?.textContent).not.toContain('capped');
    const f1 = doc.querySelector('tr[data-criterion="F1"]');
    expect(f1?.querySelector('.ccomment')?.textContent).toBe(HOSTILE_COMMENT);
    expect(f1?.querySelector('.cevidence a')?.getAttribute('href')).toBe('#step-3');
    expect(doc.getElementById('step-3')?.getAttribute('data-step-id')).toBe('s2');
  });

  it('draws each finding rectangle over its screenshot in the screenshot pixels', () => {
    const fig = doc.querySelector('article.step[data-step-id="s2"] figure.shot[data-shot-id="sht_s2_0"]');
    const overlay = fig?.querySelector('svg.overlay');
    expect(overlay?.getAttribute('viewBox')).toBe('0 0 1280 800');
    const boxes = [...(overlay?.querySelectorAll('g.box') ?? [])];
    expect(boxes.map((b) => b.getAttribute('data-finding'))).toEqual(['#1', '#2']);
    const r = boxes[0]?.querySelector('rect');
    expect([r?.getAttribute('x'), r?.getAttribute('y'), r?.getAttribute('width'), r?.getAttribute('height')]).toEqual([
      '100',
      '200',
      '300',
      '120',
    ]);
  });

  it('sorts findings by severity and shows every step', () => {
    const rows = [...doc.querySelectorAll('.findings-table tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-severity'))).toEqual(['4', '3', '1']);
    expect(rows[1]?.querySelector('.ftitle')?.textContent).toBe(HOSTILE_FINDING);
    expect(doc.querySelectorAll('article.step')).toHaveLength(6);
    // Vitals carry a text mark, not only a colour.
    const s1 = doc.querySelector('article.step[data-step-id="s1"]');
    expect([...(s1?.querySelectorAll('.vital') ?? [])].map((v) => v.getAttribute('data-rating'))).toEqual([
      'needs-improvement',
      'poor',
      'poor',
    ]);
  });

  it('lists every screenshot SHA-256 and warns that the audit is incomplete', () => {
    const hashes = [...doc.querySelectorAll('table.integrity td.hash')].map((td) => td.textContent);
    expect(hashes).toEqual(data.screenshots.map((s) => s.sha256));
    expect(data.completeness.complete).toBe(false);
    expect(doc.querySelector('[data-role="incomplete-warning"]')).not.toBeNull();
    const missing = doc.querySelectorAll('[data-role="completeness-warning"] li');
    expect(missing).toHaveLength(data.completeness.missing.length);
  });

  it('puts the peak and end steps first, with the remembered valence beside the prediction', () => {
    const remembered = doc.getElementById('remembered');
    expect(remembered?.querySelector('[data-role="peak-moment"]')?.getAttribute('data-step-id')).toBe('s2');
    expect(remembered?.querySelector('[data-role="end-moment"]')?.getAttribute('data-step-id')).toBe('s4');
    const vs = remembered?.querySelector('[data-role="remembered-vs-predicted"]')?.textContent ?? '';
    // remembered -1 -> 50 * (-0.25 + 1) = 37.5 -> "38"; predicted PE100 37.5 -> "38"; difference 0.
    expect(vs).toMatch(/38[\s\S]*38/);
  });
});

describe('HTML export of an audit with nothing to say yet', () => {
  it('shows n/a, not assessed and no emotions logged instead of numbers', () => {
    const data = buildReportData(
      journeyAudit({ endSurvey: null, rubric: { rubricVersion: 'v1', marks: {} } }),
      [],
      [],
      '2026-11-23T12:00:00.000Z',
    );
    const doc = parse(renderReportHtml(data, () => null));
    expect(valueOf(doc, 'overall')).toBe('not assessed');
    expect(valueOf(doc, 'immersion')).toBe('not assessed');
    expect(valueOf(doc, 'pe100')).toBe('not assessed');
    expect(valueOf(doc, 'effort100')).toBe('not assessed');
    expect(doc.querySelector('[data-role="score-status"]')?.getAttribute('data-status')).toBe('not-assessed');
    expect(valueOf(doc, 'nev')).toBe('no emotions logged');
    expect(doc.querySelectorAll('svg.curve')).toHaveLength(0);
    expect(doc.querySelector('[data-role="incomplete-warning"]')).not.toBeNull();
  });

  it('says complete and shows no warning when every rating and mark is in', () => {
    const steps = journeySteps()
      .slice(0, 3)
      .map((s) => ({ ...s, ease: 6, valence: 1, note: 'ok' }));
    const marks = marksWith({});
    for (const id of Object.keys(marks)) marks[id] = mark('pass');
    const data = buildReportData(
      journeyAudit({ rubric: { rubricVersion: 'v1', marks } }),
      steps,
      [],
      '2026-11-23T12:00:00.000Z',
    );
    expect(data.completeness.complete).toBe(true);
    const doc = parse(renderReportHtml(data, () => null, { dir: 'rtl', lang: 'he' }));
    expect(doc.querySelector('[data-role="incomplete-warning"]')).toBeNull();
    expect(doc.querySelector('[data-role="critical-failures"]')).toBeNull();
    expect(doc.querySelector('[data-role="complete-note"]')).not.toBeNull();
    expect(doc.documentElement.getAttribute('dir')).toBe('rtl');
    expect(doc.documentElement.getAttribute('lang')).toBe('he');
    // No image source: the report says so instead of an <img>.
    expect(doc.querySelectorAll('img')).toHaveLength(0);
  });
});
