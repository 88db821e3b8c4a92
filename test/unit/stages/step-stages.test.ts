// The stages one step holds (src/domain/step-stages.ts) and the patches the step editor writes.
import { describe, expect, it } from 'vitest';
import {
  alsoStagePatch,
  holdsSeveralStages,
  holdsStage,
  primaryStagePatch,
  stagesOfStep,
} from '../../../src/domain/step-stages.ts';

const ORDER = ['cart', 'checkout-details', 'delivery', 'payment', 'confirmation'];

describe('stagesOfStep', () => {
  it('is the primary stage, then the further ones, without blanks or repeats', () => {
    expect(stagesOfStep({ stage: 'checkout-details', alsoStages: ['delivery', '', 'delivery', 'payment'] })).toEqual([
      'checkout-details',
      'delivery',
      'payment',
    ]);
    expect(stagesOfStep({ stage: 'cart' })).toEqual(['cart']);
    expect(stagesOfStep({ stage: null, alsoStages: ['payment'] })).toEqual([]);
    expect(holdsStage({ stage: 'checkout-details', alsoStages: ['payment'] }, 'payment')).toBe(true);
    expect(holdsStage({ stage: 'checkout-details' }, 'payment')).toBe(false);
    expect(holdsSeveralStages({ stage: 'checkout-details', alsoStages: ['checkout-details'] })).toBe(false);
  });
});

describe('the editor’s patches', () => {
  it('ticks further stages in the template’s order, whatever order they are ticked in', () => {
    let step: { stage: string | null; alsoStages?: string[] } = { stage: 'checkout-details' };
    step = { ...step, ...alsoStagePatch(step, 'payment', true, ORDER) };
    step = { ...step, ...alsoStagePatch(step, 'delivery', true, ORDER) };
    expect(step.alsoStages).toEqual(['delivery', 'payment']);
    expect(alsoStagePatch(step, 'delivery', false, ORDER)).toEqual({ stageSource: 'auditor', alsoStages: ['payment'] });
  });

  it('makes the primary stage the auditor’s, so a later suggestion leaves the set alone', () => {
    expect(alsoStagePatch({ stage: 'checkout-details' }, 'payment', true, ORDER).stageSource).toBe('auditor');
  });

  it('takes a new primary stage out of the further ones, and clears them with no stage', () => {
    const step = { stage: 'checkout-details', alsoStages: ['delivery', 'payment'] };
    expect(primaryStagePatch(step, 'payment')).toEqual({
      stage: 'payment',
      stageSource: 'auditor',
      alsoStages: ['delivery'],
    });
    expect(primaryStagePatch(step, null)).toEqual({ stage: null, stageSource: 'auditor', alsoStages: [] });
  });
});
