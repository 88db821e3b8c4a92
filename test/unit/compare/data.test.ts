import { describe, expect, it } from 'vitest';
import { loadCompareData, parseAuditIds } from '../../../src/report/compare/data.ts';
import { addStep, openPeakendDb, patchAudit, patchStep, putAudit, resetDbCache } from '../../../src/store/index.ts';
import { makeAudit, mark, marksWith } from '../scores/factory.ts';

describe('parseAuditIds', () => {
  it('reads 2 to 4 ids, trimmed and de-duplicated', () => {
    expect(parseAuditIds('?audits=a,b')).toEqual({ ok: true, ids: ['a', 'b'] });
    expect(parseAuditIds('?audits=%20a%20,b,,a,c,d')).toEqual({ ok: true, ids: ['a', 'b', 'c', 'd'] });
  });

  it('refuses none, one, or more than four', () => {
    expect(parseAuditIds('')).toEqual({ ok: false, reason: 'none' });
    expect(parseAuditIds('?audits=')).toEqual({ ok: false, reason: 'none' });
    expect(parseAuditIds('?audits=a,a')).toEqual({ ok: false, reason: 'too-few' });
    expect(parseAuditIds('?audits=a,b,c,d,e')).toEqual({ ok: false, reason: 'too-many' });
  });
});

describe('loadCompareData', () => {
  it('loads each audit from the store, in the order asked, and compares them', async () => {
    resetDbCache();
    const db = await openPeakendDb();
    const now = '2026-11-23T10:00:00.000Z';
    for (const [id, site, ease] of [
      ['audX', 'Shop X', 6],
      ['audY', 'Shop Y', 3],
    ] as const) {
      await putAudit(db, makeAudit({ id, site, templateId: 'e-commerce' }));
      const step = await addStep(
        db,
        id,
        { url: `https://${id}.example/cart`, title: 'Cart', trigger: 'navigation', stage: 'cart' },
        now,
      );
      await patchStep(db, step.id, { ease, valence: ease - 4 }, now);
    }
    await patchAudit(
      db,
      'audY',
      { rubric: { rubricVersion: 'v1', marks: marksWith({ F1: mark('fail', 1, 'no guest') }) } },
      now,
    );
    const result = await loadCompareData(db, ['audY', 'audX'], now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.items.map((i) => i.audit.site)).toEqual(['Shop Y', 'Shop X']);
    expect(result.data.comparison.alignment.rows.map((r) => r.stage)).toEqual(['cart']);
    expect(result.data.comparison.headline.find((h) => h.metric === 'effort100')!.best).toEqual([1]);
    expect(result.data.generatedAt).toBe(now);
  });

  it('names the audits that are not in the store', async () => {
    resetDbCache();
    const db = await openPeakendDb();
    await putAudit(db, makeAudit({ id: 'audX' }));
    expect(await loadCompareData(db, ['audX', 'gone1', 'gone2'])).toEqual({ ok: false, missing: ['gone1', 'gone2'] });
  });
});

describe('comparePagePath', () => {
  it('builds the address the compare tab reads back', async () => {
    const { comparePagePath } = await import('../../../src/report/compare/url.ts');
    const path = comparePagePath(['aud_1', 'aud_2', 'aud_1', 'aud 3']);
    expect(path).toBe('src/report/compare/compare.html?audits=aud_1,aud_2,aud%203');
    expect(parseAuditIds(path.slice(path.indexOf('?')))).toEqual({ ok: true, ids: ['aud_1', 'aud_2', 'aud 3'] });
    expect(() => comparePagePath(['only'])).toThrow(RangeError);
    expect(() => comparePagePath(['a', 'b', 'c', 'd', 'e'])).toThrow(RangeError);
  });
});
