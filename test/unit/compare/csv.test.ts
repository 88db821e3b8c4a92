import { describe, expect, it } from 'vitest';
import { COMPARE_CSV_COLUMNS, compareCsv, compareRows } from '../../../src/report/compare/csv.ts';
import { buildCompareData } from '../../../src/report/compare/data.ts';
import { compareCsvExport } from '../../../src/report/compare/exports.ts';
import { parseCsv } from '../csv-read.ts';
import { demoPair, loadMessages } from './fixtures.ts';

loadMessages();

describe('comparison CSV', () => {
  const { items } = demoPair({}, { site: '=HYPERLINK("http://evil.example","x"), Northwind B' });
  const data = buildCompareData(items, '2026-11-24T09:00:00.000Z');

  it('has one row per stage × audit, missing stages included, in stage then audit order', () => {
    const text = compareCsv(data, { bom: false });
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...COMPARE_CSV_COLUMNS]);
    const body = rows.slice(1);
    const stages = data.comparison.alignment.rows;
    expect(body).toHaveLength(stages.length * 2);
    expect(body.map((r) => [r[1], r[4]])).toEqual(
      stages.flatMap((s) => [
        [s.stage, '1'],
        [s.stage, '2'],
      ]),
    );
    for (const r of body) expect(r).toHaveLength(COMPARE_CSV_COLUMNS.length);
  });

  it('writes each cell’s measures, and leaves them empty where the stage is missing', () => {
    const rows = parseCsv(
      compareCsv(data, { bom: false, stageName: (s) => (s === 'checkout-details' ? 'Checkout details' : (s ?? '')) }),
    );
    const col = (name: string) => COMPARE_CSV_COLUMNS.indexOf(name);
    const row = (stage: string, audit: number) =>
      rows.find((r) => r[col('stage')] === stage && r[col('audit_no')] === String(audit))!;
    const bDetails = row('checkout-details', 2);
    expect(bDetails[col('stage_name')]).toBe('Checkout details');
    expect(bDetails[col('present')]).toBe('true');
    expect(bDetails[col('steps')]).toBe('2');
    expect(bDetails[col('step_nos')]).toBe('5 6');
    expect(bDetails[col('ease_mean')]).toBe('3');
    expect(bDetails[col('ease_min')]).toBe('2');
    expect(bDetails[col('valence_mean')]).toBe('-2');
    expect(bDetails[col('form_errors')]).toBe('2');
    expect(bDetails[col('rage_clicks')]).toBe('1');
    expect(bDetails[col('dead_clicks')]).toBe('0');
    expect(bDetails[col('fields')]).toBe('17');
    const aDelivery = row('delivery', 1);
    expect(aDelivery[col('present')]).toBe('false');
    expect(aDelivery[col('steps')]).toBe('0');
    for (const name of [
      'ease_mean',
      'valence_mean',
      'form_errors',
      'rage_clicks',
      'dead_clicks',
      'fields',
      'lcp_ms_max',
      'worst_vital',
    ]) {
      expect(aDelivery[col(name)], name).toBe('');
    }
    const bPayment = row('payment', 2);
    expect([bPayment[col('lcp_ms_max')], bPayment[col('lcp_rating')], bPayment[col('worst_vital')]]).toEqual([
      '4600',
      'poor',
      'poor',
    ]);
    expect(row('landing', 1)[col('template')]).toBe('e-commerce');
  });

  it('quotes per RFC 4180 and defuses formulas in untrusted text', () => {
    const rows = compareRows(data);
    const site = rows[2]![COMPARE_CSV_COLUMNS.indexOf('site')];
    expect(site).toBe(`'=HYPERLINK("http://evil.example","x"), Northwind B`);
    const text = compareCsv(data, { bom: false });
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x""), Northwind B"`);
    const parsed = parseCsv(text);
    expect(parsed[2]![COMPARE_CSV_COLUMNS.indexOf('site')]).toBe(site);
  });

  it('the CSV download starts with a BOM and names the rows with their stage names', () => {
    const file = compareCsvExport(data);
    expect('text' in file && file.text.startsWith('\uFEFF')).toBe(true);
    expect(file.mime).toBe('text/csv;charset=utf-8');
    const rows = parseCsv('text' in file ? file.text.slice(1) : '');
    const names = new Set(rows.slice(1).map((r) => r[COMPARE_CSV_COLUMNS.indexOf('stage_name')]));
    expect(names).toContain('Checkout details');
    expect(names).toContain('Post-purchase');
  });
});
