// @vitest-environment jsdom
// Page 1 of the report is the conclusions: the summary (drafted, or as the auditor wrote it), the
// fix-first list, then the scores with plain words, provisional where the audit is incomplete.
import { describe, expect, it } from 'vitest';
import { buildReportData } from '../../../src/report/data.ts';
import { renderReportHtml } from '../../../src/report/html/render.ts';
import { renderMarkdown } from '../../../src/report/markdown.ts';
import { RUBRIC_V1 } from '../../../src/domain/rubric.ts';
import { mark, marksWith } from '../scores/factory.ts';
import { journey, journeyAudit, journeySteps, loadMessages } from './fixtures.ts';

loadMessages();

const parse = (text: string): Document => new DOMParser().parseFromString(text, 'text/html');

describe('page 1: conclusions first', () => {
  const { data } = journey();
  const doc = parse(renderReportHtml(data, () => null));

  it('puts the summary, then fix first, then the scores, before anything else; the audit details go to the appendix', () => {
    const order = [...doc.querySelectorAll('main > section')].map((s) => s.id);
    expect(order.slice(0, 3)).toEqual(['summary', 'fix-first', 'headline']);
    expect(doc.querySelector('#cover [data-role="audit-details"]')).toBeNull();
    const details = doc.querySelector('#method [data-role="audit-details"]');
    expect(details?.textContent).toContain('Rubric version');
    expect(details?.textContent).toContain('Viewport');
  });

  it('drafts the summary from the audit and says so', () => {
    const parts = [...doc.querySelectorAll('#summary .sum-part')];
    expect(parts.map((p) => [p.getAttribute('data-part'), p.getAttribute('data-source')])).toEqual([
      ['remembered', 'drafted'],
      ['problems', 'drafted'],
      ['keep', 'drafted'],
    ]);
    expect(parts[0]?.querySelector('.source')?.textContent).toBe('Drafted by Peakend from the audit');
    // The peak (step 3, valence -3) and the end (step 5) with their screenshots' figures.
    expect(parts[0]?.textContent).toMatch(/peak, step 3 .*valence -3.*the end, step 5/s);
    expect(
      [...(parts[0]?.querySelectorAll('figure.sum-shot') ?? [])].map((f) => f.getAttribute('data-shot-id')),
    ).toEqual(['sht_s2_0', 'sht_s4_0']);
    // The three biggest problems are the fix-first list's first three.
    const problems = [...(parts[1]?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
    expect(problems[0]).toBe('#2 Account creation forced (Catastrophe, on the peak step)');
    expect(problems).toHaveLength(3);
  });

  it('ranks fix first by severity x memory weight, with the reason', () => {
    const rows = [...doc.querySelectorAll('#fix-first tbody tr')];
    expect(rows.map((r) => [r.getAttribute('data-finding'), r.getAttribute('data-priority')])).toEqual([
      ['#2', '8'],
      ['#1', '6'],
      ['#3', '2'],
    ]);
    expect(rows[2]?.querySelector('.why')?.textContent).toBe('on the end step');
  });

  it('shows an auditor-written part as written, and says who wrote it', () => {
    const { data: edited } = journey({ summary: { keep: 'The size guide.\nFree returns.' } });
    const page = parse(renderReportHtml(edited, () => null));
    const keep = page.querySelector('#summary .sum-part[data-part="keep"]');
    expect(keep?.getAttribute('data-source')).toBe('auditor');
    expect(keep?.querySelector('.source')?.textContent).toBe('Written by the auditor');
    expect([...(keep?.querySelectorAll('p:not(.source)') ?? [])].map((p) => p.textContent)).toEqual([
      'The size guide.',
      'Free returns.',
    ]);
    expect(page.querySelector('#summary .sum-part[data-part="problems"]')?.getAttribute('data-source')).toBe('drafted');
  });

  it('shows a finding’s recommendation where it has one', () => {
    const steps = journeySteps();
    const f2 = steps[2]!.findings[1]!;
    Object.assign(f2, { recommendation: 'Offer guest checkout' });
    const withRec = buildReportData(journeyAudit(), steps, [], '2026-11-23T12:00:00.000Z');
    const page = parse(renderReportHtml(withRec, () => null));
    expect(page.querySelector('#fix-first tr[data-finding="#2"] .rec')?.textContent).toBe(
      'Recommendation: Offer guest checkout',
    );
    expect(page.querySelector('#findings tr[data-finding="#2"] .rec')?.textContent).toContain('Offer guest checkout');
  });
});

describe('scores explained and provisional', () => {
  it('a partly marked audit says its scores are provisional and what they rest on', () => {
    const { data } = journey();
    const doc = parse(renderReportHtml(data, () => null));
    const status = doc.querySelector('[data-role="score-status"]');
    expect(status?.getAttribute('data-status')).toBe('provisional');
    expect(status?.textContent).toContain('Provisional');
    expect(status?.textContent).toContain('9 of 28 criteria marked and 4 of 6 steps rated');
    expect(doc.querySelector('[data-role="provisional-badge"]')?.textContent).toBe('Provisional scores');
    expect(doc.querySelector('[data-metric="immersion"] .rests')?.textContent).toBe('9 of 28 criteria marked');
  });

  it('puts plain words beside every score, and one scale story', () => {
    const { data } = journey();
    const doc = parse(renderReportHtml(data, () => null));
    for (const metric of ['immersion', 'pe100', 'effort100', 'nev', 'ces']) {
      expect(doc.querySelector(`[data-metric="${metric}"] .means`)?.textContent?.length ?? 0).toBeGreaterThan(30);
    }
    expect(doc.querySelector('[data-metric="overall"] .means')?.textContent).toContain('75 or more is good');
    const story = doc.querySelector('[data-role="scale-story"]')?.textContent ?? '';
    for (const scale of ['−4..+4', '1-7', '−100 to +100', '0 to 100', '−1..+1', '5.5 is 75'])
      expect(story).toContain(scale);
  });

  it('a complete audit is final: no provisional badge', () => {
    const steps = journeySteps()
      .slice(0, 3)
      .map((s) => ({ ...s, ease: 6, valence: 1, note: 'ok' }));
    const marks = marksWith(Object.fromEntries(RUBRIC_V1.criteria.map((c) => [c.id, mark('pass')])));
    const data = buildReportData(
      journeyAudit({ rubric: { rubricVersion: 'v1', marks } }),
      steps,
      [],
      '2026-11-23T12:00:00.000Z',
    );
    const doc = parse(renderReportHtml(data, () => null));
    expect(doc.querySelector('[data-role="score-status"]')?.getAttribute('data-status')).toBe('final');
    expect(doc.querySelector('[data-role="provisional-badge"]')).toBeNull();
  });
});

describe('Markdown: conclusions first too', () => {
  it('opens with the summary and fix first, and marks provisional scores', () => {
    const { data } = journey();
    const md = renderMarkdown(data);
    const at = (s: string) => md.indexOf(s);
    expect(at('## Summary')).toBeGreaterThan(0);
    expect(at('## Summary')).toBeLessThan(at('## Fix first'));
    expect(at('## Fix first')).toBeLessThan(at('## Scores'));
    expect(md).toContain('9 of 28 criteria marked and 4 of 6 steps rated');
    expect(md).toContain('_Drafted by Peakend from the audit_');
  });
});
