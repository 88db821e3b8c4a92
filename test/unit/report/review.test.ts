// @vitest-environment jsdom
// The report of a programme audit says who accepted it and when, that it was returned, or that it is
// not yet reviewed: on the HTML cover and in its appendix, and in Markdown. The reviewer's name is
// escaped and isolated; an audit outside a programme says nothing of a review.
import { describe, expect, it } from 'vitest';
import type { ReviewLog } from '../../../src/domain/programme.ts';
import { renderReportHtml } from '../../../src/report/html/render.ts';
import { dataUrlImages } from '../../../src/report/images.ts';
import { renderMarkdown } from '../../../src/report/markdown.ts';
import { journey, loadMessages } from './fixtures.ts';

loadMessages();

const programme = { id: 'prg_1', name: 'Retail <Q4>', wave: 'Wave 2' };
const HOSTILE_REVIEWER = '<img src=x onerror=alert(4)>Rex';
const submitted = { state: 'submitted', by: 'ana', at: '2026-12-01T11:00:00.000Z', comment: '' } as const;
const accepted: ReviewLog = [
  submitted,
  { state: 'accepted', by: HOSTILE_REVIEWER, at: '2026-12-02T09:30:00.000Z', comment: '' },
];
const returned: ReviewLog = [
  submitted,
  { state: 'returned', by: 'rex', at: '2026-12-02T09:30:00.000Z', comment: 'F1 lacks evidence' },
];

function render(overrides: Parameters<typeof journey>[0]) {
  const { data, blobs } = journey(overrides);
  const text = renderReportHtml(data, dataUrlImages(data.screenshots, blobs), { locale: 'en' });
  return { doc: new DOMParser().parseFromString(text, 'text/html'), text, md: renderMarkdown(data, { locale: 'en' }) };
}

const text = (doc: Document, selector: string) =>
  doc.querySelector(selector)?.textContent?.replace(/[\u2068\u2069]/g, '');

describe('review in the report', () => {
  it('accepted: who and when on the cover, in the appendix and in Markdown, the name escaped', () => {
    const { doc, text: html, md } = render({ programme, review: accepted });
    const line = `Accepted by ${HOSTILE_REVIEWER} on Dec 2, 2026, 9:30 AM UTC`;
    expect(text(doc, '.cover [data-role="review"]')).toBe(line);
    expect(doc.querySelector('.cover [data-role="review"]')?.getAttribute('data-review')).toBe('accepted');
    expect(text(doc, '[data-role="review-detail"]')).toBe(line);
    expect(doc.querySelector('img[src="x"]')).toBeNull();
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('\u2068&lt;img src=x onerror=alert(4)&gt;Rex\u2069');
    expect(md).toContain(
      '**Review:** Accepted by \u2068\\<img src=x onerror=alert(4)\\>Rex\u2069 on Dec 2, 2026, 9:30 AM UTC',
    );
    expect(md).toContain('**Programme:** \u2068Retail \\<Q4\\>\u2069 · \u2068Wave 2\u2069');
  });

  it('returned, and submitted (not yet reviewed)', () => {
    const back = render({ programme, review: returned });
    expect(text(back.doc, '.cover [data-role="review"]')).toBe(
      'Returned to the auditor by rex on Dec 2, 2026, 9:30 AM UTC',
    );
    expect(back.md).toContain('**Review:** Returned to the auditor by \u2068rex\u2069');
    const waiting = render({ programme, review: [submitted] });
    expect(text(waiting.doc, '.cover [data-role="review"]')).toBe('Not yet reviewed');
    expect(render({ programme }).md).toContain('**Review:** Not yet reviewed');
  });

  it('an audit outside a programme says nothing of a review', () => {
    const { doc, md } = render({});
    expect(doc.querySelector('[data-role="review"], [data-role="review-detail"]')).toBeNull();
    expect(md).not.toContain('**Review:**');
  });
});
