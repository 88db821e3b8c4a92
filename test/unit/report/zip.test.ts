import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { seedAudit } from './store-helpers.ts';
import { openPeakendDb, resetDbCache } from '../../../src/store/index.ts';
import { loadReportData } from '../../../src/report/data.ts';
import { zipExport } from '../../../src/report/exports.ts';
import { buildExport } from '../../../src/report/json.ts';
import { BUNDLE_JSON_NAME } from '../../../src/domain/export-format.ts';
import { buildZip, collectBlobs } from '../../../src/report/zip.ts';
import { journey, loadMessages } from './fixtures.ts';

loadMessages();

/** Compression method of a zip entry, read from its local file header (0 stored, 8 deflate). */
function methodOf(zip: Uint8Array, name: string): number {
  const target = new TextEncoder().encode(name);
  for (let i = 0; i + 30 < zip.length; i++) {
    if (zip[i] !== 0x50 || zip[i + 1] !== 0x4b || zip[i + 2] !== 0x03 || zip[i + 3] !== 0x04) continue;
    const nameLen = (zip[i + 26] ?? 0) | ((zip[i + 27] ?? 0) << 8);
    const entry = zip.subarray(i + 30, i + 30 + nameLen);
    if (entry.length === target.length && entry.every((b, k) => b === target[k]))
      return (zip[i + 8] ?? 0) | ((zip[i + 9] ?? 0) << 8);
  }
  throw new Error(`no entry ${name}`);
}

describe('zip bundle', () => {
  const { data, blobs } = journey();
  const zip = buildZip(buildExport(data), blobs);
  const files = unzipSync(zip);

  it('round-trips: the JSON and every screenshot byte for byte, each named in the JSON', () => {
    const exp = JSON.parse(strFromU8(files[BUNDLE_JSON_NAME] ?? new Uint8Array()));
    expect(exp.format).toBe('peakend-audit');
    expect(exp.audit.id).toBe(data.audit.id);
    const byName = (a: string, b: string) => a.localeCompare(b);
    expect(Object.keys(files).sort(byName)).toEqual(
      [BUNDLE_JSON_NAME, ...exp.screenshots.map((s: { file: string }) => s.file)].sort(byName),
    );
    for (const shot of exp.screenshots) {
      const bytes = files[shot.file];
      expect(bytes).toEqual(blobs.get(shot.id));
      expect(
        createHash('sha256')
          .update(bytes ?? new Uint8Array())
          .digest('hex'),
      ).toBe(shot.sha256);
    }
  });

  it('stores the images uncompressed and deflates the JSON', () => {
    expect(methodOf(zip, 'screenshots/sht_s2_0.jpg')).toBe(0);
    expect(methodOf(zip, BUNDLE_JSON_NAME)).toBe(8);
  });

  it('marks screenshots whose pixels are missing with file: null and leaves them out', () => {
    const partial = new Map(blobs);
    partial.delete('sht_s1_0');
    const out = unzipSync(zipExport(data, partial).bytes);
    const exp = JSON.parse(strFromU8(out[BUNDLE_JSON_NAME] ?? new Uint8Array()));
    const s1 = exp.screenshots.find((s: { id: string }) => s.id === 'sht_s1_0');
    expect(s1.file).toBeNull();
    expect(Object.keys(out)).not.toContain('screenshots/sht_s1_0.jpg');
    expect(Object.keys(out)).toHaveLength(1 + 4);
  });
});

describe('loading from the store', () => {
  it('loadReportData and collectBlobs read the audit, its steps, screenshots and pixels back', async () => {
    resetDbCache();
    const db = await openPeakendDb();
    const { audit, shots, bytes } = await seedAudit(db);
    const data = await loadReportData(db, audit.id, '2026-11-23T12:00:00.000Z');
    expect(data?.audit.id).toBe(audit.id);
    expect(data?.steps.map((s) => s.index)).toEqual([0, 1]);
    expect(data?.screenshots.map((s) => s.id)).toEqual(shots.map((s) => s.id));
    expect(data?.scores.stepCount).toBe(2);
    const blobs = await collectBlobs(db, data?.screenshots ?? []);
    for (const shot of shots) expect(blobs.get(shot.id)).toEqual(bytes.get(shot.id));
    expect(await loadReportData(db, 'nope')).toBeNull();
    db.close();
  });
});
