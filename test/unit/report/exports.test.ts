import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  csvExport,
  exportBlob,
  exportFilename,
  htmlExport,
  jsonExport,
  markdownExport,
  slug,
  zipExport,
} from '../../../src/report/exports.ts';
import { dataUrl, dataUrlImages, bytesToBase64 } from '../../../src/report/images.ts';
import { journey, loadMessages } from './fixtures.ts';

loadMessages();

describe('export files', () => {
  const { data, blobs } = journey();

  it('are named from the site and the audit date, sanitised', () => {
    expect(exportFilename(data, 'html')).toBe('peakend-northwind-b-outfitters-b-co-2026-11-23.html');
    expect(slug('Ünïcödé / Shop: "Test"')).toBe('unicode-shop-test');
    expect(slug('../../')).toBe('audit');
    expect(slug('日本')).toBe('audit');
    expect(exportFilename({ ...data, audit: { ...data.audit, site: '', startedAt: null } }, 'csv')).toBe(
      'peakend-audit-2026-11-23.csv',
    );
  });

  it('have the right type and content per format', async () => {
    const html = htmlExport(data, dataUrlImages(data.screenshots, blobs));
    const md = markdownExport(data);
    const csv = csvExport(data);
    const json = jsonExport(data);
    const zip = zipExport(data, blobs);
    expect([html, md, csv, json, zip].map((f) => f.mime)).toEqual([
      'text/html;charset=utf-8',
      'text/markdown;charset=utf-8',
      'text/csv;charset=utf-8',
      'application/json',
      'application/zip',
    ]);
    expect('text' in html && html.text.startsWith('<!doctype html>')).toBe(true);
    expect('text' in json && JSON.parse(json.text).format).toBe('peakend-audit');
    expect(Object.keys(unzipSync(zip.bytes))).toContain('audit.json');
    expect(strFromU8(unzipSync(zip.bytes)['audit.json'] ?? new Uint8Array())).toContain('"format": "peakend-audit"');
    // Anything but a data: image URL is dropped from the standalone file.
    const leaky = htmlExport(data, () => 'https://tracker.example/pixel.gif');
    expect(leaky.text).not.toContain('tracker.example');
    expect(leaky.text).toContain('Screenshot not available');
    const blob = exportBlob(csv);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await exportBlob(zip).arrayBuffer()).byteLength).toBe(zip.bytes.length);
  });
});

describe('data URLs', () => {
  it('encode bytes as base64 and restrict the type to images', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) & 0xff);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(dataUrl(new Uint8Array([1, 2, 3]), 'image/png')).toBe('data:image/png;base64,AQID');
    expect(dataUrl(new Uint8Array([1, 2, 3]), 'text/html')).toBe('data:image/jpeg;base64,AQID');
  });
});
