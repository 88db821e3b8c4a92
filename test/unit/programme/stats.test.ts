import { describe, expect, it } from 'vitest';
import {
  meanInterval,
  programmeLanguage,
  programmesIn,
  programmeStats,
  SPREAD_FLAG_POINTS,
  type ProgrammeItem,
} from '../../../src/domain/programme-view/index.ts';
import { computeScores } from '../../../src/domain/scores/index.ts';
import { itemOf, twoByTwoByThree, type AuditSpec } from './fixtures.ts';

const items = twoByTwoByThree().map(itemOf);
const stats = programmeStats(items);
const inCell = (site: string, wave: string) =>
  items.filter((i) => i.audit.site === site && i.audit.programme?.wave === wave);

describe('the programme read together', () => {
  it('orders waves by their audits’ dates, not their names', () => {
    expect(stats.waves.map((w) => w.wave)).toEqual(['Wave 10', 'Wave 9']);
    expect(stats.sites.map((s) => s.name)).toEqual(['Northwind', 'Southwind']);
    expect(stats.cells).toHaveLength(4);
  });

  it('pools only final audits per site and wave; the provisional one is counted apart', () => {
    const cell = stats.cells.find((c) => c.site === 'southwind' && c.wave === 'Wave 9')!;
    const all = inCell('Southwind', 'Wave 9');
    expect(all.map((i) => i.scores.basis.status).sort()).toEqual(['final', 'final', 'provisional']);
    const finals = all.filter((i) => i.scores.basis.status === 'final');
    expect(cell).toMatchObject({ audits: 3, counted: 2, provisional: 1, notAssessed: 0, auditors: 3 });
    const overall = finals.map((i) => i.scores.overall.value!);
    expect(cell.metrics.overall.n).toBe(2);
    expect(cell.metrics.overall.mean).toBeCloseTo((overall[0]! + overall[1]!) / 2, 10);
    expect(cell.metrics.pe100.mean).toBeCloseTo(
      finals.reduce((a, i) => a + i.scores.peakEnd!.pe100, 0) / finals.length,
      10,
    );
    const full = stats.cells.find((c) => c.site === 'northwind' && c.wave === 'Wave 10')!;
    expect(full.metrics.immersion.n).toBe(3);
    expect(full.metrics.immersion.low).not.toBeNull();
  });

  it('never counts a not-assessed audit as a number, and counts a final audit without NEV as missing', () => {
    const spec: AuditSpec = {
      id: 'lone',
      site: 'Eastwind',
      wave: 'Wave 10',
      auditor: 'fox',
      date: '2026-10-06T09:00:00.000Z',
      eases: [5, 6],
      valences: [1, 2],
    };
    // No steps and no marks at all: nothing to score.
    const blank = itemOf({ ...spec, id: 'blank', auditor: 'owl', eases: [], valences: [] });
    const audit = { ...blank.audit, rubric: { rubricVersion: 'v1', marks: {} } };
    const bare: ProgrammeItem = { audit, steps: [], scores: computeScores(audit, []) };
    expect(bare.scores.basis.status).toBe('not-assessed');
    const rescored = programmeStats([itemOf(spec), bare]);
    const cell = rescored.cells[0]!;
    expect(cell).toMatchObject({ audits: 2, counted: 1, notAssessed: 1 });
    expect(cell.metrics.overall).toMatchObject({ n: 1, low: null, high: null });
    expect(cell.metrics.nev).toMatchObject({ n: 0, mean: null, missing: 1 });
  });

  it('gives each stage its mean ease per wave over the audits that rated it', () => {
    const landing = stats.stages.find((s) => s.stage === 'landing')!;
    const wave10 = items.filter((i) => i.audit.programme?.wave === 'Wave 10').map((i) => i.steps[0]!.ease!);
    expect(landing.waves.map((w) => w.wave)).toEqual(['Wave 10', 'Wave 9']);
    expect(landing.waves[0]!.n).toBe(6);
    expect(landing.waves[0]!.mean).toBeCloseTo(meanInterval(wave10, { min: 1, max: 7 }).mean!, 10);
    // Template order, not alphabetical.
    expect(stats.stages.map((s) => s.stage)).toEqual([
      'landing',
      'product',
      'cart',
      'checkout-details',
      'payment',
      'confirmation',
    ]);
  });

  it('calls a criterion recurring when failed by more than half of the audits that marked it', () => {
    // F1 failed by 8 of 12; S3 by 6 of 12 (exactly half: not most); M2 by 4 of 12.
    expect(stats.recurring.map((r) => [r.criterionId, r.failed, r.marked])).toEqual([['F1', 8, 12]]);
    expect(stats.recurring[0]!.sites.sort()).toEqual(['northwind', 'southwind']);
    // The same title, case, spacing and punctuation aside, in all 12 audits; shown as most wrote it,
    // whichever audit comes first.
    expect(programmeStats([...items].reverse()).recurringTitles[0]?.title).toBe('Delivery cost shown late');
    expect(stats.recurringTitles).toEqual([
      { title: 'Delivery cost shown late', audits: 12, sites: ['northwind', 'southwind'] },
    ]);
  });

  it('measures the auditors’ spread per site and wave and flags a range above the threshold', () => {
    expect(stats.spread).toHaveLength(4);
    for (const s of stats.spread) {
      const counted = inCell(s.site === 'northwind' ? 'Northwind' : 'Southwind', s.wave).filter(
        (i) => i.scores.basis.status === 'final',
      );
      const values = counted.map((i) => i.scores.overall.value!);
      expect(s.overall.range).toBeCloseTo(Math.max(...values) - Math.min(...values), 10);
      expect(s.flagged).toBe(
        s.overall.range! > SPREAD_FLAG_POINTS || (s.pe100.range !== null && s.pe100.range > SPREAD_FLAG_POINTS),
      );
    }
    const apart = programmeStats([
      itemOf({
        id: 'a',
        site: 'X',
        wave: 'W',
        auditor: 'fox',
        date: '2026-10-01T00:00:00Z',
        eases: [7, 7],
        valences: [4, 4],
      }),
      itemOf({
        id: 'b',
        site: 'X',
        wave: 'W',
        auditor: 'owl',
        date: '2026-10-01T00:00:00Z',
        eases: [1, 1],
        valences: [-4, -4],
        fails: ['M1', 'M2', 'I1', 'P1', 'F1', 'S1'],
      }),
    ]);
    expect(apart.spread[0]!.flagged).toBe(true);
    expect(apart.spread[0]!.pe100.range).toBe(100);
  });

  it('gives each site its change from wave to wave', () => {
    expect(stats.trends).toHaveLength(10);
    const t = stats.trends.find((x) => x.site === 'northwind' && x.metric === 'overall')!;
    expect([t.from, t.to]).toEqual(['Wave 10', 'Wave 9']);
    const a = stats.cells.find((c) => c.site === 'northwind' && c.wave === 'Wave 10')!.metrics.overall.mean!;
    const b = stats.cells.find((c) => c.site === 'northwind' && c.wave === 'Wave 9')!.metrics.overall.mean!;
    expect(t.change!.delta).toBeCloseTo(b - a, 10);
  });

  it('lists programmes and the language most of their audits speak', () => {
    expect(programmesIn(items.map((i) => i.audit))).toEqual([
      { id: 'prog_nw', name: 'Northwind mystery shop', audits: 12 },
    ]);
    expect(programmeLanguage(items.map((i) => i.audit))).toBe('pl');
  });
});
