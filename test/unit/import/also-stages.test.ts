// Step.alsoStages (a step that holds several stages): checked on import, and carried through
// export and import unchanged.
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { validateExportJson, type ImportProblem } from '../../../src/domain/import/index.ts';
import { MAX_ALSO_STAGES } from '../../../src/domain/step-stages.ts';
import { loadReportData } from '../../../src/report/data.ts';
import { zipExport } from '../../../src/report/exports.ts';
import { collectBlobs } from '../../../src/report/zip.ts';
import { importAudit, openPeakendDb, patchStep, resetDbCache } from '../../../src/store/index.ts';
import { clone, fixture, plan, type BrokenExport } from './helpers.ts';

beforeEach(() => resetDbCache());

const f = fixture();

function checked(mutate: (exp: BrokenExport) => void) {
  const exp = clone(f.exp);
  mutate(exp);
  return validateExportJson(exp);
}
const problem = (mutate: (exp: BrokenExport) => void): ImportProblem | null => {
  const result = checked(mutate);
  return result.ok ? null : result.error;
};

describe('validating alsoStages', () => {
  it('accepts further stages beside the step’s own, and keeps them in order', () => {
    const result = checked((e) => (e.steps[1].alsoStages = ['delivery', 'payment']));
    expect(result.ok && result.value.steps[1]?.alsoStages).toEqual(['delivery', 'payment']);
  });

  it('drops an empty list, so "none" is always an absent field', () => {
    const result = checked((e) => (e.steps[1].alsoStages = []));
    expect(result.ok && 'alsoStages' in (result.value.steps[1] ?? {})).toBe(false);
  });

  it('refuses a repeat, the step’s own stage again, a stage that is not an id, and too many', () => {
    expect(problem((e) => (e.steps[1].alsoStages = ['payment', 'payment']))).toEqual({
      code: 'duplicate-id',
      path: 'steps[1].alsoStages[1]',
      id: 'payment',
    });
    expect(problem((e) => (e.steps[1].alsoStages = ['cart']))).toEqual({
      code: 'duplicate-id',
      path: 'steps[1].alsoStages[0]',
      id: 'cart',
    });
    expect(problem((e) => (e.steps[1].alsoStages = ['pay ment']))).toEqual({
      code: 'bad-id',
      path: 'steps[1].alsoStages[0]',
    });
    expect(problem((e) => (e.steps[1].alsoStages = [42]))).toMatchObject({ code: 'invalid-field' });
    expect(problem((e) => (e.steps[1].alsoStages = 'payment'))).toMatchObject({
      code: 'invalid-field',
      path: 'steps[1].alsoStages',
    });
    const many = Array.from({ length: MAX_ALSO_STAGES + 1 }, (_, i) => `stage-${i}`);
    expect(problem((e) => (e.steps[1].alsoStages = many))).toEqual({
      code: 'too-many',
      path: 'steps[1].alsoStages',
      limit: MAX_ALSO_STAGES,
    });
  });

  it('refuses further stages on a step without a stage', () => {
    expect(problem((e) => (e.steps[0].alsoStages = ['payment']))).toMatchObject({
      code: 'invalid-field',
      path: 'steps[0].alsoStages',
    });
  });
});

describe('a step with several stages, exported and imported', () => {
  it('comes back with the same stages', async () => {
    const source = await openPeakendDb();
    await importAudit(source, await plan(f.zip));
    const edited = await patchStep(
      source,
      'stp_b',
      { alsoStages: ['delivery', 'payment'] },
      '2026-11-24T08:00:00.000Z',
    );
    expect(edited.alsoStages).toEqual(['delivery', 'payment']);
    const data = (await loadReportData(source, f.audit.id, '2026-11-24T08:00:00.000Z'))!;
    const zip = zipExport(data, await collectBlobs(source, data.screenshots), { generatorVersion: '0.1.0' }).bytes;
    source.close();

    globalThis.indexedDB = new IDBFactory();
    resetDbCache();
    const fresh = await openPeakendDb();
    await importAudit(fresh, await plan(zip));
    const again = (await loadReportData(fresh, f.audit.id, '2026-11-24T08:00:00.000Z'))!;
    expect(again.steps).toEqual(data.steps);
    expect(again.steps.find((s) => s.id === 'stp_b')).toMatchObject({
      stage: 'cart',
      alsoStages: ['delivery', 'payment'],
    });
  });

  it('stores no empty list: unticking the last further stage removes the field', async () => {
    const db = await openPeakendDb();
    await importAudit(db, await plan(f.zip));
    await patchStep(db, 'stp_b', { alsoStages: ['payment'] }, '2026-11-24T08:00:00.000Z');
    const cleared = await patchStep(db, 'stp_b', { alsoStages: [] }, '2026-11-24T08:01:00.000Z');
    expect('alsoStages' in cleared).toBe(false);
    expect('alsoStages' in ((await db.get('steps', 'stp_b')) ?? {})).toBe(false);
  });
});
