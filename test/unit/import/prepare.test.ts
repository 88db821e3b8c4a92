// Every bad input of the issue is refused with a typed reason, before anything is written; good
// files (zip bundle and plain JSON) become a plan whose records and bytes equal the export's.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  detectImage,
  prepareImport,
  readZipDirectory,
  type ImportSource,
} from '../../../src/domain/import/index.ts';
import { BUNDLE_JSON_NAME } from '../../../src/domain/export-format.ts';
import { buildZip } from '../../../src/report/zip.ts';
import {
  centralEntries,
  clone,
  declareSize,
  encode,
  fixture,
  HOSTILE,
  jpeg,
  plan,
  prepare,
  renameEntry,
  setFlag,
  sha256,
  sha256hex,
} from './helpers.ts';

const MB = 1024 * 1024;

async function refused(bytes: Uint8Array, name = 'audit.zip') {
  const result = await prepare(bytes, name);
  if (result.ok) throw new Error('expected the import to be refused');
  return result.error;
}

/** A zip of the given files (names -> bytes), the JSON deflated as the exporter does. */
function zipOf(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([n, b]) => [n, [b, { level: n.endsWith('.json') ? 6 : 0 }]])),
  );
}

describe('a valid bundle', () => {
  it('reads the JSON under the name bundles already written carry', () => {
    expect(BUNDLE_JSON_NAME).toBe('audit.json');
  });

  it('becomes a plan with the exported records and byte-identical, hash-checked images', async () => {
    const f = fixture();
    const p = await plan(f.zip);
    expect(p.kind).toBe('zip');
    expect(p.audit).toEqual(f.audit);
    expect(p.steps).toEqual(f.steps);
    expect(p.screenshots).toEqual(f.shots);
    expect(p.withoutPixels).toBe(0);
    for (const s of f.shots) {
      expect(p.images.get(s.id)?.bytes).toEqual(f.blobs.get(s.id));
      expect(sha256hex(p.images.get(s.id)!.bytes)).toBe(s.sha256);
    }
    expect(p.images.get('sht_stp_c_0')?.mime).toBe('image/png');
    expect(p.scores).toEqual(JSON.parse(JSON.stringify(f.exp.scores)));
  });

  it('keeps hostile strings exactly as they were, in every text field', async () => {
    const p = await plan(fixture().zip);
    for (const value of [
      p.audit.site,
      p.audit.scenario,
      p.audit.auditor,
      p.audit.successCriterion,
      p.audit.maskSelectors[1],
      p.steps[1]!.title,
      p.steps[1]!.note,
      p.steps[1]!.findings[0]!.title,
      p.audit.rubric.marks.F1!.comment,
    ]) {
      expect(value).toBe(HOSTILE);
    }
    expect(p.steps[1]!.url).toBe('javascript:alert(1)');
  });

  it('imports a screenshot listed without pixels (file: null) as metadata only', async () => {
    const f = fixture();
    const partial = new Map(f.blobs);
    partial.delete('sht_stp_a_0');
    const p = await plan(buildZip(f.exp, partial));
    expect(p.screenshots).toHaveLength(3);
    expect(p.images.has('sht_stp_a_0')).toBe(false);
    expect(p.withoutPixels).toBe(1);
  });

  it('marks a running audit paused: nothing records it on this machine', async () => {
    const f = fixture({ status: 'running' });
    expect((await plan(f.zip)).audit.status).toBe('paused');
  });
});

describe('the JSON file alone', () => {
  it('imports every record, without pixels', async () => {
    const f = fixture();
    const p = await plan(f.json, 'peakend-shop-2026-11-23.json');
    expect(p.kind).toBe('json');
    expect(p.steps).toEqual(f.steps);
    expect(p.screenshots).toEqual(f.shots);
    expect(p.images.size).toBe(0);
    expect(p.withoutPixels).toBe(3);
  });

  it('accepts the exporter’s indented text with a byte order mark', async () => {
    const f = fixture();
    const text = `\ufeff${JSON.stringify(f.exp, null, 2)}\n`;
    expect((await plan(encode(text), 'x.json')).audit.id).toBe(f.audit.id);
  });

  it('refuses text that is not JSON, and JSON that is not UTF-8', async () => {
    expect((await refused(encode('{"format": "peakend-audit", '), 'a.json')).code).toBe('not-json');
    expect((await refused(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'a.json')).code).toBe('not-json');
  });

  it('refuses a file that is neither, and an empty one', async () => {
    expect((await refused(encode('GIF89a....'), 'cat.gif')).code).toBe('unknown-file-type');
    expect((await refused(new Uint8Array(0), 'a.json')).code).toBe('empty-file');
    expect((await refused(encode('{}'), 'a.zip')).code).toBe('not-a-zip');
  });
});

describe('bad zips are refused before anything is decompressed', () => {
  it('a truncated zip (no table of contents at its end)', async () => {
    const { zip } = fixture();
    for (const keep of [0.3, 0.6, 0.95]) {
      const error = await refused(zip.subarray(0, Math.floor(zip.length * keep)));
      expect(error.code).toBe('zip-truncated');
    }
    expect((await refused(zip.subarray(0, zip.length - 1))).code).toBe('zip-truncated');
  });

  it('a zip bomb declaring sizes far beyond the limit (one entry of 3 GB)', async () => {
    const { zip } = fixture();
    const bomb = declareSize(zip, 'screenshots/sht_stp_a_0.jpg', 3_000_000_000);
    expect(await refused(bomb)).toEqual({
      code: 'zip-entry-too-large',
      name: 'screenshots/sht_stp_a_0.jpg',
      size: 3_000_000_000,
      limit: DEFAULT_LIMITS.maxEntryBytes,
    });
  });

  it('a zip bomb whose entries together declare more than 1 GiB', async () => {
    const files: Record<string, Uint8Array> = { 'audit.json': fixture().json };
    for (let i = 0; i < 25; i++) files[`pad/${i}.bin`] = new Uint8Array(10);
    let zip = zipOf(files);
    for (let i = 0; i < 25; i++) zip = declareSize(zip, `pad/${i}.bin`, 45 * MB);
    const error = await refused(zip);
    expect(error).toMatchObject({ code: 'zip-total-too-large', limit: 1024 * MB });
    // It stops at the 23rd 45 MB entry: 22 of them and the JSON still fit.
    expect(error.code === 'zip-total-too-large' && error.size).toBe(fixture().json.length + 23 * 45 * MB);
  });

  it('a zip bomb that really packs 8 MB of zeros into a few kB (ratio check)', async () => {
    const zeros = new Uint8Array(8 * MB);
    const zip = zipSync({ 'audit.json': [fixture().json, { level: 6 }], 'screenshots/z.jpg': [zeros, { level: 9 }] });
    expect(zip.length).toBeLessThan(64 * 1024);
    const error = await refused(zip);
    expect(error).toMatchObject({ code: 'zip-bomb', name: 'screenshots/z.jpg' });
  });

  it('checks the directory only: a 3 GB declaration costs no memory (readZipDirectory throws at once)', () => {
    const bomb = declareSize(fixture().zip, 'audit.json', 3_000_000_000);
    expect(() => readZipDirectory(bomb, DEFAULT_LIMITS)).toThrow(/zip-entry-too-large/);
  });

  it('too many files', async () => {
    const files: Record<string, Uint8Array> = { 'audit.json': fixture().json };
    for (let i = 0; i < 30; i++) files[`x/${i}`] = new Uint8Array(1);
    const zip = zipOf(files);
    const result = await prepareImport(source(zip), { sha256, limits: { ...DEFAULT_LIMITS, maxEntries: 20 } });
    expect(result.ok ? null : result.error).toEqual({ code: 'zip-too-many-files', count: 31, limit: 20 });
  });

  it('names that climb out of a folder, absolute paths and backslashes', async () => {
    const f = fixture();
    for (const evil of ['../../evil.jpg', '/etc/passwd_x', 'screen\\shots\\x.', 'C:/windows/x.j']) {
      const target = 'screenshots/abcdefgh.jpg'.slice(0, evil.length).padEnd(evil.length, 'x');
      const zip = zipOf({ 'audit.json': f.json, [target]: new Uint8Array(4) });
      expect((await refused(renameEntry(zip, target, evil))).code, evil).toBe('zip-unsafe-name');
    }
  });

  it('two entries with the same name', async () => {
    const zip = zipOf({ 'audit.json': fixture().json, 'a.jpg': jpeg(10, 1), 'b.jpg': jpeg(10, 2) });
    expect(await refused(renameEntry(zip, 'b.jpg', 'a.jpg'))).toEqual({ code: 'zip-duplicate-name', name: 'a.jpg' });
  });

  it('an encrypted entry', async () => {
    const zip = setFlag(fixture().zip, 'audit.json', 1);
    expect(await refused(zip)).toMatchObject({ code: 'zip-unsupported', feature: 'encrypted' });
  });

  it('an entry whose bytes do not match its CRC-32', async () => {
    const f = fixture();
    const zip = f.zip.slice();
    const entry = centralEntries(zip).find((e) => e.name === 'screenshots/sht_stp_b_0.jpg')!;
    const at = entry.local + 30 + 'screenshots/sht_stp_b_0.jpg'.length + 100;
    zip[at] = zip[at]! ^ 0xff;
    expect(await refused(zip)).toMatchObject({ code: 'zip-corrupt' });
  });

  it('a deflated entry that inflates to more than it declares', async () => {
    const big = zipSync({ 'audit.json': [fixture().json, { level: 6 }] });
    const lying = declareSize(big, 'audit.json', 100);
    expect(await refused(lying)).toMatchObject({ code: 'zip-corrupt' });
  });

  it('a bundle without audit.json', async () => {
    expect(await refused(zipOf({ 'other.json': fixture().json }))).toEqual({ code: 'zip-no-json', name: 'audit.json' });
  });
});

describe('bad screenshots', () => {
  it('a screenshot the JSON names but the zip lacks', async () => {
    const f = fixture();
    const files = Object.fromEntries([
      ['audit.json', encode(f.exp)],
      ...f.shots
        .filter((s) => s.id !== 'sht_stp_b_0')
        .map((s) => [`screenshots/${s.id}.${s.mime === 'image/png' ? 'png' : 'jpg'}`, f.blobs.get(s.id)!]),
    ]) as Record<string, Uint8Array>;
    expect(await refused(zipOf(files))).toEqual({
      code: 'screenshot-missing',
      shotId: 'sht_stp_b_0',
      file: 'screenshots/sht_stp_b_0.jpg',
    });
  });

  it('a screenshot altered after capture (same size, one byte changed): hash mismatch', async () => {
    const f = fixture();
    const altered = new Map(f.blobs);
    const bytes = f.blobs.get('sht_stp_a_0')!.slice();
    bytes[700] = bytes[700]! ^ 0x01;
    altered.set('sht_stp_a_0', bytes);
    // Re-zipped, so the zip's own checksum is right: only the recorded SHA-256 can tell.
    expect(await refused(buildZip(f.exp, altered))).toEqual({
      code: 'screenshot-hash-mismatch',
      shotId: 'sht_stp_a_0',
      file: 'screenshots/sht_stp_a_0.jpg',
    });
  });

  it('a screenshot of another size than recorded', async () => {
    const f = fixture();
    const altered = new Map(f.blobs);
    altered.set('sht_stp_a_0', jpeg(1234, 9));
    expect(await refused(buildZip(f.exp, altered))).toEqual({
      code: 'screenshot-size-mismatch',
      shotId: 'sht_stp_a_0',
      expected: 1500,
      actual: 1234,
    });
  });

  it('non-image bytes named .jpg, even when size and hash were recorded for them', async () => {
    const f = fixture();
    const fake = encode('<html><script>alert(1)</script></html>');
    const exp = clone(f.exp);
    exp.screenshots[0].bytes = fake.length;
    exp.screenshots[0].sha256 = sha256hex(fake);
    const blobs = new Map(f.blobs);
    blobs.set('sht_stp_a_0', fake);
    expect(await refused(buildZip(exp as typeof f.exp, blobs))).toEqual({
      code: 'screenshot-not-image',
      shotId: 'sht_stp_a_0',
      file: 'screenshots/sht_stp_a_0.jpg',
    });
  });

  it('a PNG recorded as a JPEG', async () => {
    const f = fixture();
    const exp = clone(f.exp);
    exp.screenshots[2].mime = 'image/jpeg';
    exp.screenshots[2].file = 'screenshots/sht_stp_c_0.png';
    expect(await refused(buildZip(exp as typeof f.exp, f.blobs))).toMatchObject({
      code: 'screenshot-type-mismatch',
      detected: 'image/png',
    });
  });

  it('a screenshot of a type other than JPEG or PNG', async () => {
    const f = fixture();
    const exp = clone(f.exp);
    exp.screenshots[0].mime = 'image/svg+xml';
    expect(await refused(buildZip(exp as typeof f.exp, f.blobs))).toEqual({
      code: 'screenshot-bad-type',
      shotId: 'sht_stp_a_0',
      mime: 'image/svg+xml',
    });
  });

  it('detects JPEG and PNG by their first bytes only', () => {
    expect(detectImage(jpeg(10, 1))).toBe('image/jpeg');
    expect(detectImage(new Uint8Array([0xff, 0xd8, 0x00]))).toBeNull();
    expect(detectImage(encode('GIF89a'))).toBeNull();
    expect(detectImage(new Uint8Array(0))).toBeNull();
  });
});

function source(bytes: Uint8Array, name = 'audit.zip'): ImportSource {
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}

describe('the whole file', () => {
  it('refuses a 300 MB file from its size, without reading a byte', async () => {
    let reads = 0;
    const huge: ImportSource = {
      name: 'huge.zip',
      size: 300 * 1000 * 1000,
      arrayBuffer: () => {
        reads += 1;
        throw new Error('must not be read');
      },
    };
    const result = await prepareImport(huge, { sha256 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'file-too-large', size: 300_000_000, limit: DEFAULT_LIMITS.maxFileBytes },
    });
    expect(reads).toBe(0);
    expect(DEFAULT_LIMITS.maxFileBytes).toBe(250 * MB);
  });

  it('reads and checks a file under the limit', async () => {
    const f = fixture();
    const result = await prepareImport(source(f.zip), { sha256 });
    expect(result.ok && result.value.audit.id).toBe(f.audit.id);
  });

  it('refuses a JSON text above its own limit (inside a zip too)', async () => {
    const f = fixture();
    const limits = { ...DEFAULT_LIMITS, maxJsonBytes: 1000 };
    const asJson = await prepareImport(source(f.json, 'a.json'), { sha256, limits });
    expect(asJson.ok ? null : asJson.error.code).toBe('json-too-large');
    const inZip = await prepareImport(source(f.zip), { sha256, limits });
    expect(inZip.ok ? null : inZip.error.code).toBe('json-too-large');
  });

  it('turns the version check into its own reason, inside a zip too', async () => {
    const f = fixture();
    const exp = clone(f.exp);
    exp.version = 4;
    const zip = zipOf({ 'audit.json': strToU8(JSON.stringify(exp)) });
    expect(await refused(zip)).toEqual({ code: 'newer-version', version: 4, supported: 3 });
  });
});
