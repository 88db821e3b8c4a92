import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, STEP_CSV_COLUMNS, stepRows, stepsCsv, textCell, toCsv } from '../../../src/report/csv.ts';
import { HOSTILE_NOTE, HOSTILE_TITLE, journey, loadMessages } from './fixtures.ts';

loadMessages();

/** A strict RFC 4180 reader, to read back what toCsv wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
      } else {
        field += ch;
        i += 1;
      }
    } else if (ch === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (ch === '\n' || ch === '\r') {
      throw new Error(`bare line break at ${i}`);
    } else {
      field += ch;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length > 0) throw new Error('last line without CRLF');
  return rows;
}

describe('toCsv (RFC 4180)', () => {
  it('quotes fields with commas, quotes, CR or LF, doubles quotes, and ends every line with CRLF', () => {
    const text = toCsv([
      ['plain', 'a,b', 'say "hi"', 'line1\nline2', 'cr\rhere', 'crlf\r\nhere'],
      [1, 2.5, null, undefined, true, ''],
    ]);
    expect(text).toBe('plain,"a,b","say ""hi""","line1\nline2","cr\rhere","crlf\r\nhere"\r\n' + '1,2.5,,,true,\r\n');
  });

  it('leaves other fields unquoted and reads back field for field', () => {
    expect(csvField('no special; chars here')).toBe('no special; chars here');
    expect(csvField(Number.NaN)).toBe('');
    const rows = [
      ['a,b', '"', '""', '\n', ' spaced ', 'é ✓ 日本'],
      ['', 'x', 'y', 'z', 'w', 'v'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('neutralises spreadsheet formulas in untrusted text but not in numbers', () => {
    expect(textCell('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(textCell('+1')).toBe("'+1");
    expect(textCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(textCell('Normal title')).toBe('Normal title');
    expect(csvField(-3)).toBe('-3');
  });
});

describe('stepsCsv', () => {
  const { data } = journey();
  const text = stepsCsv(data);

  it('starts with a UTF-8 BOM and has a header plus one row per step, all of equal width', () => {
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(1 + data.steps.length);
    expect(rows[0]).toEqual([...STEP_CSV_COLUMNS]);
    for (const row of rows) expect(row).toHaveLength(STEP_CSV_COLUMNS.length);
    expect(stepsCsv(data, { bom: false }).startsWith(CSV_BOM)).toBe(false);
  });

  it('carries every rating, emotion and signal of a step, with hostile text intact', () => {
    const rows = parseCsv(text.slice(1));
    const head = rows[0] ?? [];
    const col = (row: string[] | undefined, name: string) => row?.[head.indexOf(name)];
    const s2 = rows.find((r) => col(r, 'step_id') === 's2');
    expect(col(s2, 'step_no')).toBe('3');
    expect(col(s2, 'title')).toBe(HOSTILE_TITLE);
    expect(col(s2, 'note')).toBe(HOSTILE_NOTE);
    expect(col(s2, 'ease')).toBe('2');
    expect(col(s2, 'valence')).toBe('-3');
    expect(col(s2, 'valence_norm')).toBe('-0.75');
    expect(col(s2, 'is_peak')).toBe('true');
    expect(col(s2, 'emotion_frustrated')).toBe('4');
    expect(col(s2, 'emotion_stressed')).toBe('3');
    expect(col(s2, 'emotion_happy')).toBe('');
    expect(col(s2, 'rage_clicks')).toBe('2');
    expect(col(s2, 'fields')).toBe('9');
    expect(col(s2, 'lcp_ms')).toBe('4200');
    expect(col(s2, 'lcp_rating')).toBe('poor');
    expect(col(s2, 'findings_count')).toBe('2');
    expect(col(s2, 'max_severity')).toBe('4');
    expect(col(s2, 'dwell_ms')).toBe('60000');
    const s1 = rows.find((r) => col(r, 'step_id') === 's1');
    expect(col(s1, 'cls_rating')).toBe('poor');
    expect(col(s1, 'lcp_rating')).toBe('needs-improvement');
    // Unrated step: empty cells, not zeros.
    const s3 = rows.find((r) => col(r, 'step_id') === 's3');
    expect(col(s3, 'ease')).toBe('');
    expect(col(s3, 'valence')).toBe('');
    expect(col(s3, 'is_peak')).toBe('false');
  });

  it('builds the same rows as stepRows', () => {
    expect(stepRows(data)).toHaveLength(data.steps.length + 1);
  });
});
