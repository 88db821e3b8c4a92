// The criteria a step's stage shows: the checkout's details page is where guest checkout is judged,
// every listed criterion and stage exists (a typo would show nothing and go unnoticed), and a
// step without a stage, or with a stage of the auditor's own, shows none.
import { describe, expect, it } from 'vitest';
import { RUBRIC_V1 } from '../../../src/domain/rubric.ts';
import { CRITERIA_BY_STAGE, criteriaForStep } from '../../../src/domain/stage-criteria.ts';
import { TEMPLATES } from '../../../src/domain/templates.ts';

const ids = (stage: string | null) => criteriaForStep({ stage }, RUBRIC_V1).map((c) => c.id);

describe('criteria for a step', () => {
  it('the checkout details show guest checkout, few fields and inline validation, in rubric order', () => {
    expect(ids('checkout-details')).toEqual(['I5', 'F1', 'F3']);
    expect(ids('payment')).toEqual(['F2', 'F6']);
    expect(ids('cart')).toEqual(['P3', 'F2']);
  });

  it('no stage, or a stage no built-in template has, shows none', () => {
    expect(ids(null)).toEqual([]);
    expect(ids('my-own-stage')).toEqual([]);
  });

  it('a one-page checkout holding details, delivery and payment shows the criteria of all three, once', () => {
    const step = { stage: 'checkout-details', alsoStages: ['delivery', 'payment'] };
    expect(criteriaForStep(step, RUBRIC_V1).map((c) => c.id)).toEqual(
      [...new Set([...ids('checkout-details'), ...ids('delivery'), ...ids('payment')])].sort(
        (a, b) => RUBRIC_V1.criteria.findIndex((c) => c.id === a) - RUBRIC_V1.criteria.findIndex((c) => c.id === b),
      ),
    );
    expect(criteriaForStep(step, RUBRIC_V1).map((c) => c.id)).toContain('F6');
  });

  it('every listed stage is a built-in one and every listed criterion is in the rubric', () => {
    const known = new Set(RUBRIC_V1.criteria.map((c) => c.id));
    const stages = new Set(TEMPLATES.flatMap((t) => t.stages.map((s) => s.id)));
    for (const [stage, criteria] of Object.entries(CRITERIA_BY_STAGE)) {
      expect(stages.has(stage), stage).toBe(true);
      for (const id of criteria) expect(known.has(id), `${stage}: ${id}`).toBe(true);
    }
    const withCriteria = [...stages].filter((stage) => ids(stage).length > 0);
    // Most stages have something to judge on the spot; the whole-journey criteria belong to none.
    expect(withCriteria.length).toBeGreaterThanOrEqual(stages.size - 3);
    expect(ids('checkout-details')).not.toContain('F4');
  });
});
