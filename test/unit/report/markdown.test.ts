import { describe, expect, it } from 'vitest';
import { computeScores } from '../../../src/domain/scores/index.ts';
import { mdEscape, renderMarkdown } from '../../../src/report/markdown.ts';
import { HOSTILE_FINDING, HOSTILE_NOTE, HOSTILE_SITE, HOSTILE_TITLE, journey, loadMessages } from './fixtures.ts';

loadMessages();

describe('Markdown summary', () => {
  const { data } = journey();
  const md = renderMarkdown(data);
  const s = computeScores(data.audit, data.steps, data.rubric);
  const cell = (label: string): string | undefined =>
    md
      .split('\n')
      .find((line) => line.startsWith(`| ${label} |`))
      ?.split('|')[2]
      ?.trim();

  it('contains the headline numbers as displayed in the report', () => {
    expect(cell('Overall CX score')).toBe(`**${Math.round(s.overall.value ?? NaN)}**`);
    expect(cell('Immersion')).toBe(String(Math.round(s.immersion.value ?? NaN)));
    expect(cell('PE100')).toBe(String(Math.round(s.peakEnd?.pe100 ?? NaN)));
    expect(cell('Effort100')).toBe(String(Math.round(s.effort?.effort100 ?? NaN)));
    expect(cell('NEV')).toBe(`+${Math.round(s.emotional.nev ?? NaN)}`);
    expect(cell('CES')).toBe('5 / 7');
    expect(cell('Checkout steps')).toBe('2 (Baymard average 5.1)');
    expect(md).toContain(`**Memory gap:** ${(s.peakEnd?.memoryGap ?? 0).toFixed(2)}`);
  });

  it('escapes every untrusted string so no raw HTML, link or table break survives', () => {
    // No unescaped "<" anywhere: a Markdown renderer cannot see an HTML tag.
    expect(md).not.toMatch(/(^|[^\\])</m);
    expect(md).toContain(mdEscape(HOSTILE_TITLE));
    expect(md).toContain(mdEscape(HOSTILE_NOTE));
    expect(md).toContain(mdEscape(HOSTILE_FINDING));
    expect(md.split('\n')[0]).toBe(`# ${mdEscape(`${HOSTILE_SITE} — customer-experience audit`)}`);
    // Every table row keeps its column count despite "|" and newlines in text.
    const stepSection = md.slice(md.indexOf('\n## Step by step'));
    const stepRows = stepSection.split('\n').filter((l) => /^\| \d/.test(l));
    expect(stepRows).toHaveLength(data.steps.length);
    for (const row of stepRows) expect(row.split(/(?<!\\)\|/).length).toBe(9);
  });

  it('mdEscape backslash-escapes markup characters and flattens line breaks', () => {
    expect(mdEscape('<b>*x*</b> | [a](javascript:x) `c` &amp;\r\nnext')).toBe(
      '\\<b\\>\\*x\\*\\</b\\> \\| \\[a\\](javascript:x) \\`c\\` \\&amp; next',
    );
  });
});

describe('Markdown summary: masking as the audit ran it', () => {
  const masking = (audit: Partial<ReturnType<typeof journey>['data']['audit']>) => {
    const { data } = journey();
    const md = renderMarkdown({ ...data, audit: { ...data.audit, ...audit } });
    const label = mdEscape('Masking of sensitive fields');
    const line = md.split('\n').find((l) => l.includes(`**${label}:**`)) ?? '';
    return line.split(`**${label}:** `)[1]?.split(' · ')[0];
  };

  it('says when text on the page was not covered, and reads an audit from before the switch as covering it', () => {
    expect(masking({ masking: true, maskText: true })).toBe('On');
    expect(masking({ masking: true, maskText: undefined })).toBe('On');
    expect(masking({ masking: true, maskText: false })).toBe(
      mdEscape('On (fields only: text on the page not covered)'),
    );
    expect(masking({ masking: false, maskText: true })).toBe('Off');
  });
});
