import { describe, expect, it } from 'vitest';
import { alignByStage, templateOf, type Alignment } from '../../../src/domain/compare/index.ts';
import { BOOKING_TEMPLATE, ECOMMERCE_TEMPLATE } from '../../../src/domain/templates.ts';
import { makeAudit } from '../scores/factory.ts';
import { A_SPECS, B_SPECS, auditA, auditB, stepsOf } from './fixtures.ts';

const ids = (alignment: Alignment) => alignment.rows.map((row) => row.stage);
const cellTitles = (alignment: Alignment, stage: string | null, audit: number) =>
  alignment.rows.find((row) => row.stage === stage)?.cells[audit]?.steps.map((s) => s.title);

describe('alignByStage: the demo shop variants', () => {
  const a = { audit: auditA(), steps: stepsOf('audA', A_SPECS) };
  const b = { audit: auditB(), steps: stepsOf('audB', B_SPECS) };
  const alignment = alignByStage([a, b]);

  it('lines the rows up in the template stage order, over the union of both audits', () => {
    expect(ids(alignment)).toEqual([
      'landing',
      'search-browse',
      'product',
      'cart',
      'checkout-details',
      'delivery',
      'payment',
      'confirmation',
      'post-purchase',
    ]);
    expect(alignment.reference?.id).toBe('e-commerce');
    expect(alignment.sameTemplate).toBe(true);
    expect(alignment.rows.map((row) => row.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(alignment.rows.every((row) => row.origin === 'template' && row.templateStage?.id === row.stage)).toBe(true);
  });

  it('shows the stages A lacks as missing, not skipped', () => {
    for (const stage of ['delivery', 'payment']) {
      const row = alignment.rows.find((r) => r.stage === stage)!;
      expect(row.cells[0]).toEqual({ steps: [], missing: true });
      expect(row.cells[1]!.missing).toBe(false);
      expect(row.cells[1]!.steps).toHaveLength(1);
    }
  });

  it('keeps every step of a repeated stage, in journey order', () => {
    expect(cellTitles(alignment, 'checkout-details', 1)).toEqual(['Create your account', 'Shipping address']);
    expect(cellTitles(alignment, 'checkout-details', 0)).toEqual(['Checkout']);
    expect(cellTitles(alignment, 'post-purchase', 0)).toEqual(['Your account', 'Your orders']);
  });

  it('takes the steps in journey order whatever order they come in', () => {
    const shuffled = alignByStage([{ audit: b.audit, steps: [...b.steps].reverse() }, a]);
    expect(shuffled.rows.find((r) => r.stage === 'checkout-details')?.cells[0]?.steps.map((s) => s.index)).toEqual([
      4, 5,
    ]);
    expect(ids(shuffled)).toEqual(ids(alignment));
  });
});

describe('alignByStage: choices', () => {
  const audit = (id: string, templateId = 'e-commerce', templateVersion = 1) =>
    makeAudit({ id, templateId, templateVersion });

  it('keeps both visits of a stage that comes back later in the journey (back to the cart)', () => {
    const steps = stepsOf('x', [
      { stage: 'cart', title: 'cart 1', ease: 5, valence: 0 },
      { stage: 'checkout-details', title: 'checkout', ease: 5, valence: 0 },
      { stage: 'cart', title: 'cart 2', ease: 3, valence: -1 },
    ]);
    const other = stepsOf('y', [{ stage: 'cart', title: 'cart', ease: 6, valence: 1 }]);
    const alignment = alignByStage([
      { audit: audit('x'), steps },
      { audit: audit('y'), steps: other },
    ]);
    expect(ids(alignment)).toEqual(['cart', 'checkout-details']);
    expect(cellTitles(alignment, 'cart', 0)).toEqual(['cart 1', 'cart 2']);
    expect(alignment.rows[1]!.cells[1]!.missing).toBe(true);
  });

  it('puts steps without a stage in one unstaged row at the end, missing where an audit has none', () => {
    const x = stepsOf('x', [
      { stage: null, title: 'popup', ease: 4, valence: 0 },
      { stage: 'landing', title: 'home', ease: 6, valence: 1 },
      { stage: '', title: 'blank stage', ease: 6, valence: 1 },
    ]);
    const y = stepsOf('y', [{ stage: 'landing', title: 'home', ease: 6, valence: 1 }]);
    const alignment = alignByStage([
      { audit: audit('x'), steps: x },
      { audit: audit('y'), steps: y },
    ]);
    expect(ids(alignment)).toEqual(['landing', null]);
    const unstaged = alignment.rows[1]!;
    expect(unstaged.origin).toBe('unstaged');
    expect(unstaged.cells[0]!.steps.map((s) => s.title)).toEqual(['popup', 'blank stage']);
    expect(unstaged.cells[1]!.missing).toBe(true);
  });

  it('has no unstaged row when every step has a stage', () => {
    const alignment = alignByStage([
      { audit: auditA(), steps: stepsOf('audA', A_SPECS) },
      { audit: auditB(), steps: stepsOf('audB', B_SPECS) },
    ]);
    expect(alignment.rows.some((row) => row.origin === 'unstaged')).toBe(false);
  });

  it('different templates: the first audit orders the rows, the other template’s stages follow in order of appearance', () => {
    const shop = stepsOf('shop', [
      { stage: 'landing', title: 'home', ease: 6, valence: 1 },
      { stage: 'payment', title: 'pay', ease: 4, valence: 0 },
      { stage: 'confirmation', title: 'done', ease: 6, valence: 2 },
    ]);
    const booking = stepsOf('book', [
      { stage: 'landing', title: 'home', ease: 6, valence: 1 },
      { stage: 'extras', title: 'extras', ease: 3, valence: -1 },
      { stage: 'guest-details', title: 'guests', ease: 5, valence: 0 },
      { stage: 'payment', title: 'pay', ease: 5, valence: 0 },
    ]);
    const alignment = alignByStage([
      { audit: audit('shop'), steps: shop },
      { audit: audit('book', 'booking'), steps: booking },
    ]);
    expect(alignment.sameTemplate).toBe(false);
    expect(alignment.reference?.id).toBe('e-commerce');
    expect(alignment.templates.map((t) => t.template?.id)).toEqual(['e-commerce', 'booking']);
    expect(ids(alignment)).toEqual(['landing', 'payment', 'confirmation', 'extras', 'guest-details']);
    // A stage id both templates have is one row.
    expect(alignment.rows[1]!.cells.map((c) => c.steps.length)).toEqual([1, 1]);
    // The booking-only stages are named from the booking template.
    const extras = alignment.rows.find((r) => r.stage === 'extras')!;
    expect(extras.origin).toBe('other-template');
    expect(extras.templateStage?.nameKey).toBe('stage_booking_extras');
    expect(extras.cells[0]!.missing).toBe(true);
  });

  it('the reference template can be chosen; the same audits then follow its order', () => {
    const shop = stepsOf('shop', [{ stage: 'payment', title: 'pay', ease: 4, valence: 0 }]);
    const booking = stepsOf('book', [
      { stage: 'extras', title: 'extras', ease: 3, valence: -1 },
      { stage: 'landing', title: 'home', ease: 6, valence: 1 },
    ]);
    const alignment = alignByStage(
      [
        { audit: audit('shop'), steps: shop },
        { audit: audit('book', 'booking'), steps: booking },
      ],
      { template: BOOKING_TEMPLATE },
    );
    expect(ids(alignment)).toEqual(['landing', 'extras', 'payment']);
  });

  it('a stage no template knows is kept and marked unknown', () => {
    const x = stepsOf('x', [
      { stage: 'gift-wrap', title: 'wrap', ease: 5, valence: 1 },
      { stage: 'cart', title: 'cart', ease: 5, valence: 1 },
    ]);
    const alignment = alignByStage([
      { audit: audit('x'), steps: x },
      { audit: audit('y'), steps: [] },
    ]);
    expect(ids(alignment)).toEqual(['cart', 'gift-wrap']);
    expect(alignment.rows[1]!.origin).toBe('unknown');
    expect(alignment.rows[1]!.templateStage).toBeNull();
    expect(alignment.rows[1]!.cells[1]!.missing).toBe(true);
  });

  it('includeEmpty keeps template stages nobody visited, all missing', () => {
    const x = stepsOf('x', [{ stage: 'cart', title: 'cart', ease: 5, valence: 1 }]);
    const alignment = alignByStage(
      [
        { audit: audit('x'), steps: x },
        { audit: audit('y'), steps: x },
      ],
      { includeEmpty: true },
    );
    expect(ids(alignment)).toEqual(ECOMMERCE_TEMPLATE.stages.map((s) => s.id));
    expect(alignment.rows[0]!.cells.every((c) => c.missing)).toBe(true);
  });

  it('an unknown template version falls back to the newest version of that id; an unknown id orders by appearance', () => {
    expect(templateOf({ templateId: 'e-commerce', templateVersion: 99 })?.version).toBe(1);
    expect(templateOf({ templateId: 'no-such-template', templateVersion: 1 })).toBeNull();
    expect(templateOf({ templateId: 'ecommerce', templateVersion: 1 })?.id).toBe('e-commerce');
    const x = stepsOf('x', [
      { stage: 'payment', title: 'pay', ease: 4, valence: 0 },
      { stage: 'landing', title: 'home', ease: 6, valence: 1 },
    ]);
    const alignment = alignByStage([
      { audit: audit('x', 'no-such-template'), steps: x },
      { audit: audit('y', 'no-such-template'), steps: [] },
    ]);
    expect(alignment.reference).toBeNull();
    expect(ids(alignment)).toEqual(['payment', 'landing']);
    // Known stage ids are still named from the template that has them.
    expect(alignment.rows[0]!.origin).toBe('other-template');
    expect(alignment.rows[0]!.templateStage?.name).toBe('Payment');
  });
});
