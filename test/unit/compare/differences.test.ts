import { describe, expect, it } from 'vitest';
import { compareAudits, IMPACT, type Difference } from '../../../src/domain/compare/index.ts';
import { computeScores } from '../../../src/domain/scores/index.ts';
import { makeAudit, mark, marksWith } from '../scores/factory.ts';
import { A_SPECS, B_SPECS, FORCED_ACCOUNT, HIDDEN_COST, auditA, auditB, stepsOf } from './fixtures.ts';

const pair = () =>
  compareAudits([
    { audit: auditA(), steps: stepsOf('audA', A_SPECS) },
    { audit: auditB(), steps: stepsOf('audB', B_SPECS) },
  ]);

const find = (list: Difference[], kind: Difference['kind'], metric: string, audit?: number) =>
  list.find((d) => d.kind === kind && d.metric === metric && (audit === undefined || d.audit === audit));

describe('rankDifferences: A (guest checkout) against B (forced account, hidden delivery cost)', () => {
  const cmp = pair();
  const diffs = cmp.differences;

  it('lists the Frictionless loss first, caused by the failed critical criteria with the auditor’s comments', () => {
    const first = diffs[0]!;
    expect(first).toMatchObject({ kind: 'element', metric: 'frictionless', audit: 1, versus: 0, critical: true });
    const scoresB = computeScores(auditB(), stepsOf('audB', B_SPECS));
    expect(first.value).toBe(scoresB.elements.frictionless.score);
    expect(first.otherValue).toBe(100);
    expect(first.delta).toBeCloseTo(100 - scoresB.elements.frictionless.score!, 9);
    expect(
      first.causes.map((c) => (c.kind === 'criterion' ? [c.criterionId, c.critical, c.mark, c.comment] : null)),
    ).toEqual([
      ['F1', true, 'fail', FORCED_ACCOUNT],
      ['F2', true, 'fail', HIDDEN_COST],
    ]);
  });

  it('orders everything else by impact, largest first', () => {
    const rest = diffs.filter((d) => !d.critical);
    const impacts = rest.map((d) => d.impact);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    expect(diffs.filter((d) => d.critical)).toEqual([diffs[0]]);
  });

  it('every difference points at the worse audit and the better one, never at itself', () => {
    for (const d of diffs) {
      expect(d.audit).not.toBe(d.versus);
      expect(d.impact).toBeGreaterThanOrEqual(IMPACT.minimum);
      expect(d.delta).toBeGreaterThan(0);
    }
    // A does better on every score, so every score difference is about B.
    expect(diffs.filter((d) => d.kind === 'score').every((d) => d.audit === 1 && d.versus === 0)).toBe(true);
  });

  it('PE100: the gap in points, with B’s peak and end steps as the cause', () => {
    const d = find(diffs, 'score', 'pe100')!;
    expect(d.value).toBeCloseTo(37.5, 9);
    expect(d.otherValue).toBeCloseTo(81.25, 9);
    expect(d.impact).toBeCloseTo(43.75, 9);
    expect(d.causes).toEqual([
      { kind: 'moment', role: 'peak', stepId: 'audB_s4', index: 4, stage: 'checkout-details', valence: -3 },
      { kind: 'moment', role: 'end', stepId: 'audB_s10', index: 10, stage: 'post-purchase', valence: 1 },
    ]);
  });

  it('NEV counts a quarter of its gap; CES and stage ease are put on the 100-point scale', () => {
    expect(find(diffs, 'score', 'nev')!.impact).toBeCloseTo(200 * IMPACT.nevFactor, 9);
    expect(find(diffs, 'score', 'ces')!.impact).toBeCloseTo((3 * 100) / 6, 9);
    const ease = find(diffs, 'stage-ease', 'checkout-details')!;
    expect(ease.value).toBe(3);
    expect(ease.otherValue).toBe(5);
    expect(ease.impact).toBeCloseTo((2 * 100) / 6, 9);
  });

  it('a stage that is harder also names its extra signals', () => {
    const ease = find(diffs, 'stage-ease', 'checkout-details')!;
    expect(ease.causes).toEqual([
      { kind: 'signal', signal: 'formErrors', stage: 'checkout-details', count: 2, otherCount: 0 },
      { kind: 'signal', signal: 'rageClicks', stage: 'checkout-details', count: 1, otherCount: 0 },
    ]);
    // ... and is not listed a second time as a signals-only difference.
    expect(find(diffs, 'stage-signals', 'checkout-details')).toBeUndefined();
  });

  it('checkout steps and fields against the leaner audit, with the stages that make the gap', () => {
    const steps = find(diffs, 'checkout-steps', 'checkoutSteps')!;
    expect([steps.value, steps.otherValue, steps.impact]).toEqual([4, 1, 3 * IMPACT.checkoutStep]);
    expect(steps.causes).toEqual([
      { kind: 'stage-count', what: 'steps', stage: 'checkout-details', count: 2, otherCount: 1 },
      { kind: 'stage-count', what: 'steps', stage: 'delivery', count: 1, otherCount: 0 },
      { kind: 'stage-count', what: 'steps', stage: 'payment', count: 1, otherCount: 0 },
    ]);
    const fields = find(diffs, 'checkout-fields', 'checkoutFields')!;
    expect([fields.value, fields.otherValue, fields.impact]).toEqual([24, 16, 8 * IMPACT.checkoutField]);
  });

  it('stages A lacks are listed neutrally, about A, at the fixed small weight, after everything else', () => {
    const missing = diffs.filter((d) => d.kind === 'stage-missing');
    expect(missing.map((d) => [d.stage, d.audit, d.versus, d.otherValue, d.impact])).toEqual([
      ['delivery', 0, 1, 1, IMPACT.missingStage],
      ['payment', 0, 1, 1, IMPACT.missingStage],
    ]);
    expect(diffs.slice(-2)).toEqual(missing);
  });

  it('the overall gap is explained by its weighted components, largest first', () => {
    const overall = find(diffs, 'score', 'overall')!;
    const components = overall.causes.map((c) => (c.kind === 'component' ? c.component : ''));
    expect(components[0]).toBe('immersion');
    const deltas = overall.causes.map((c) => (c.kind === 'component' ? c.delta : 0));
    expect(deltas).toEqual([...deltas].sort((a, b) => b - a));
    expect(deltas.reduce((a, b) => a + b, 0)).toBeCloseTo(overall.delta, 9);
  });

  it('an equal impact puts the cause (element) before the aggregate (Immersion)', () => {
    // Only Frictionless is assessed: Immersion equals Frictionless, so both gaps are equal.
    const only = (marks: Record<string, ReturnType<typeof mark>>) => ({ rubricVersion: 'v1', marks: marksWith(marks) });
    const a = makeAudit({ id: 'a', rubric: only({ F3: mark('pass') }) });
    const b = makeAudit({ id: 'b', rubric: only({ F3: mark('partial') }) });
    const steps = stepsOf('s', [{ stage: 'cart', title: 'cart', ease: 6, valence: 1 }]);
    const diffs2 = compareAudits([
      { audit: a, steps },
      { audit: b, steps },
    ]).differences;
    expect(diffs2.map((d) => `${d.kind}:${d.metric}`).slice(0, 2)).toEqual(['element:frictionless', 'score:immersion']);
    expect(diffs2[0]!.critical).toBe(false);
    expect(diffs2[0]!.causes).toMatchObject([
      { kind: 'criterion', criterionId: 'F3', mark: 'partial', otherMark: 'pass', critical: false },
    ]);
  });
});

describe('rankDifferences: more audits, no differences, small differences', () => {
  it('with three audits each worse audit is compared with the best one', () => {
    const specs = (ease: number) => [{ stage: 'cart', title: 'cart', ease, valence: 1 }];
    const cmp = compareAudits([
      { audit: makeAudit({ id: 'x' }), steps: stepsOf('x', specs(4)) },
      { audit: makeAudit({ id: 'y' }), steps: stepsOf('y', specs(7)) },
      { audit: makeAudit({ id: 'z' }), steps: stepsOf('z', specs(6)) },
    ]);
    const effort = cmp.differences.filter((d) => d.kind === 'score' && d.metric === 'effort100');
    expect(effort.map((d) => [d.audit, d.versus])).toEqual([
      [0, 1],
      [2, 1],
    ]);
    expect(effort[0]!.impact).toBeGreaterThan(effort[1]!.impact);
    const cart = cmp.differences.filter((d) => d.kind === 'stage-ease');
    expect(cart.map((d) => [d.audit, d.versus, d.value, d.otherValue])).toEqual([
      [0, 1, 4, 7],
      [2, 1, 6, 7],
    ]);
  });

  it('identical audits have no differences', () => {
    const steps = stepsOf('s', A_SPECS);
    const cmp = compareAudits([
      { audit: auditA({ id: 'one' }), steps },
      { audit: auditA({ id: 'two' }), steps },
    ]);
    expect(cmp.differences).toEqual([]);
  });

  it('leaves out gaps under one point', () => {
    // Effort100: ease 7 everywhere vs one step at 6 out of 20 -> 100 vs 99.17.
    const many = (last: number) =>
      stepsOf(
        'm',
        Array.from({ length: 20 }, (_, i) => ({
          stage: 'product',
          title: `p${i}`,
          ease: i === 19 ? last : 7,
          valence: 1,
        })),
      );
    const cmp = compareAudits([
      { audit: makeAudit({ id: 'p' }), steps: many(7) },
      { audit: makeAudit({ id: 'q' }), steps: many(6) },
    ]);
    expect(cmp.differences.find((d) => d.metric === 'effort100')).toBeUndefined();
    // The stage mean ease differs by 0.05 (under a point on the 100 scale) too.
    expect(cmp.differences).toEqual([]);
  });

  it('a signals-only difference at a stage lists the extra rage and dead clicks and poor vitals', () => {
    const x = stepsOf('x', [
      { stage: 'product', title: 'p', ease: 6, valence: 1, signals: { rageClicks: 2, deadClicks: 3, lcpMs: 5000 } },
    ]);
    const y = stepsOf('y', [{ stage: 'product', title: 'p', ease: 6, valence: 1, signals: { lcpMs: 1200 } }]);
    const cmp = compareAudits([
      { audit: makeAudit({ id: 'x' }), steps: x },
      { audit: makeAudit({ id: 'y' }), steps: y },
    ]);
    const d = cmp.differences.find((e) => e.kind === 'stage-signals')!;
    expect(d).toMatchObject({ stage: 'product', audit: 0, versus: 1 });
    expect(d.impact).toBe(2 * IMPACT.rageClick + 3 * IMPACT.deadClick + IMPACT.poorVital);
    expect(d.causes).toEqual([
      { kind: 'signal', signal: 'rageClicks', stage: 'product', count: 2, otherCount: 0 },
      { kind: 'signal', signal: 'deadClicks', stage: 'product', count: 3, otherCount: 0 },
      { kind: 'vital', metric: 'lcp', stage: 'product', rating: 'poor', otherRating: 'good', value: 5000 },
    ]);
  });

  it('an element only one audit assessed gives no difference', () => {
    const steps = stepsOf('s', [{ stage: 'cart', title: 'cart', ease: 6, valence: 1 }]);
    const cmp = compareAudits([
      { audit: makeAudit({ id: 'a', rubric: { rubricVersion: 'v1', marks: marksWith({ M1: mark('fail') }) } }), steps },
      { audit: makeAudit({ id: 'b' }), steps },
    ]);
    expect(cmp.differences.filter((d) => d.kind === 'element')).toEqual([]);
  });
});
