// Channel probes through the export and back: the JSON (format version 3) carries them as stored,
// an import checks every field (named by its path when refused) and writes them with the audit,
// "keep both" gives them new ids on the copy's steps, "replace" replaces them, and a version-2
// export (before probes) still imports.
import { readFileSync } from 'node:fs';
import { strToU8 } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_VERSION } from '../../../src/domain/export-format.ts';
import { DEFAULT_LIMITS, prepareImportBytes, validateExportJson } from '../../../src/domain/import/index.ts';
import { upgradeExportV2toV3 } from '../../../src/domain/import/upgrade.ts';
import { loadReportData } from '../../../src/report/data.ts';
import { buildExport, exportJsonText } from '../../../src/report/json.ts';
import { importAudit, listProbes, listSteps, openPeakendDb, putProbe, resetDbCache } from '../../../src/store/index.ts';
import { clone, fixture, sha256, type BrokenExport } from '../import/helpers.ts';

beforeEach(() => resetDbCache());

async function planOf(bytes: Uint8Array, name = 'a.zip') {
  const result = await prepareImportBytes(bytes, name, { sha256 });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('the export, version 3', () => {
  it('carries the audit’s probes as stored, and checks as valid', () => {
    const f = fixture();
    expect(EXPORT_FORMAT_VERSION).toBe(3);
    expect(f.exp.version).toBe(3);
    expect(f.exp.probes).toEqual(f.probes);
    expect(validateExportJson(JSON.parse(exportJsonText(f.exp)))).toMatchObject({
      ok: true,
      value: { probes: f.probes },
    });
  });

  it('round-trips a zip through import into the store and out again without loss', async () => {
    const f = fixture();
    const plan = await planOf(f.zip);
    expect(plan.probes).toEqual(f.probes);
    const db = await openPeakendDb();
    expect(await importAudit(db, plan)).toMatchObject({ mode: 'new', probes: 2 });
    expect(await listProbes(db, f.audit.id)).toEqual(f.probes);
    const data = await loadReportData(db, f.audit.id, f.exp.exportedAt);
    const again = buildExport(data!, { generatorVersion: '0.1.0' });
    expect(again.probes).toEqual(f.exp.probes);
  });

  it('keeps both: the copy’s probes get new ids and follow their step', async () => {
    const f = fixture();
    const plan = await planOf(f.zip);
    const db = await openPeakendDb();
    await importAudit(db, plan);
    const copy = await importAudit(db, plan, { onClash: 'keep-both' });
    const probes = await listProbes(db, copy.auditId);
    const steps = await listSteps(db, copy.auditId);
    expect(probes).toHaveLength(2);
    expect(probes.map((p) => p.id).some((id) => id === 'prb_chat' || id === 'prb_mail')).toBe(false);
    expect(probes.every((p) => p.id.startsWith('prb_') && p.auditId === copy.auditId)).toBe(true);
    expect(probes[0]!.stepId).toBe(steps.find((s) => s.index === 1)!.id);
    expect(probes[1]!.stepId).toBeNull();
    expect(probes.map(({ id: _i, auditId: _a, stepId: _s, ...rest }) => rest)).toEqual(
      f.probes.map(({ id: _i, auditId: _a, stepId: _s, ...rest }) => rest),
    );
    // The original's are untouched.
    expect(await listProbes(db, f.audit.id)).toEqual(f.probes);
  });

  it('replaces: the replaced audit’s probes go, the file’s come', async () => {
    const f = fixture();
    const plan = await planOf(f.zip);
    const db = await openPeakendDb();
    await importAudit(db, plan);
    await putProbe(db, { ...f.probes[1]!, id: 'prb_added_later', question: 'Added after the export' });
    expect(await listProbes(db, f.audit.id)).toHaveLength(3);
    expect(await importAudit(db, plan, { onClash: 'replace' })).toMatchObject({ mode: 'replaced', probes: 2 });
    expect(await listProbes(db, f.audit.id)).toEqual(f.probes);
  });
});

describe('a version-2 export (before probes)', () => {
  const v2 = readFileSync('test/unit/import/fixtures/export-v2.json');

  it('still imports, with no probes and everything else as it was', async () => {
    const plan = await planOf(new Uint8Array(v2), 'old.json');
    const f = fixture();
    expect(plan.probes).toEqual([]);
    expect(plan.steps).toEqual(f.steps);
    expect(plan.screenshots).toEqual(f.shots);
    const db = await openPeakendDb();
    expect(await importAudit(db, plan)).toMatchObject({ steps: 3, probes: 0 });
    expect(await listProbes(db, f.audit.id)).toEqual([]);
  });

  it('is upgraded by a function of its own', () => {
    expect(upgradeExportV2toV3({ format: 'peakend-audit', version: 2, steps: [] })).toEqual({
      format: 'peakend-audit',
      version: 3,
      steps: [],
      probes: [],
    });
  });
});

describe('a probe that is not right is refused, named by its path', () => {
  const cases: Array<[string, (e: BrokenExport) => void, object]> = [
    ['an id that is not a plain token', (e) => (e.probes[0].id = 'prb 1<'), { code: 'bad-id', path: 'probes[0].id' }],
    ['a duplicate id', (e) => (e.probes[1].id = 'prb_chat'), { code: 'duplicate-id', path: 'probes[1].id' }],
    [
      'another audit’s id',
      (e) => (e.probes[0].auditId = 'aud_other'),
      { code: 'broken-reference', path: 'probes[0].auditId' },
    ],
    [
      'a step the file does not have',
      (e) => (e.probes[0].stepId = 'stp_gone'),
      { code: 'broken-reference', path: 'probes[0].stepId' },
    ],
    [
      'an unknown channel',
      (e) => (e.probes[0].channel = 'pigeon'),
      { code: 'invalid-field', path: 'probes[0].channel' },
    ],
    [
      'a sent time that is not a number',
      (e) => (e.probes[0].sentAt = '10:01'),
      { code: 'invalid-field', path: 'probes[0].sentAt' },
    ],
    [
      'a fractional time',
      (e) => (e.probes[0].replies[0].at += 0.5),
      { code: 'invalid-field', path: 'probes[0].replies[0].at' },
    ],
    [
      'a reply before the probe was sent',
      (e) => (e.probes[0].replies[0].at = e.probes[0].sentAt - 1),
      { code: 'invalid-field', path: 'probes[0].replies[0].at' },
    ],
    [
      'replies out of order',
      (e) => (e.probes[0].replies[1].at = e.probes[0].replies[0].at - 1),
      { code: 'invalid-field', path: 'probes[0].replies[1].at' },
    ],
    [
      'a resolution before the probe was sent',
      (e) => (e.probes[0].resolvedAt = e.probes[0].sentAt - 60_000),
      { code: 'invalid-field', path: 'probes[0].resolvedAt' },
    ],
    [
      'an expectation of 0',
      (e) => (e.probes[0].expectationMs = 0),
      { code: 'invalid-field', path: 'probes[0].expectationMs' },
    ],
    [
      'an answer that is not yes, no or null',
      (e) => (e.probes[0].replies[0].answered = 'yes'),
      { code: 'invalid-field', path: 'probes[0].replies[0].answered' },
    ],
    ['a missing field', (e) => delete e.probes[1].replies, { code: 'invalid-field', path: 'probes[1].replies' }],
    [
      'a question longer than any text may be',
      (e) => (e.probes[0].question = 'x'.repeat(DEFAULT_LIMITS.maxTextChars + 1)),
      { code: 'too-long', path: 'probes[0].question' },
    ],
    [
      'more replies than a probe may have',
      (e) =>
        (e.probes[0].replies = Array.from({ length: DEFAULT_LIMITS.maxRepliesPerProbe + 1 }, () => ({
          at: e.probes[0].sentAt,
          answered: null,
        }))),
      { code: 'too-many', path: 'probes[0].replies' },
    ],
    ['no probes list', (e) => delete e.probes, { code: 'invalid-field', path: 'probes' }],
  ];

  it.each(cases)('%s', async (_name, breakIt, error) => {
    const broken = clone(fixture().exp);
    breakIt(broken);
    expect(validateExportJson(broken)).toMatchObject({ ok: false, error });
    // And through the whole import: refused before anything is written.
    const result = await prepareImportBytes(strToU8(JSON.stringify(broken)), 'bad.json', { sha256 });
    expect(result).toMatchObject({ ok: false, error });
  });

  it('accepts a reply at the very time of sending and a probe on no step', () => {
    const exp = clone(fixture().exp);
    exp.probes[0].replies[0].at = exp.probes[0].sentAt;
    exp.probes[0].stepId = null;
    expect(validateExportJson(exp).ok).toBe(true);
  });
});
