// Comparison fixtures shaped like the demo shop: variant A (guest checkout on one page) and
// variant B (forced account, address, delivery, then payment that reveals the delivery cost).
import type { Audit, FeltEmotion, Screenshot, Step, StepSignals } from '../../../src/domain/model.ts';
import { buildReportData, type ReportData } from '../../../src/report/data.ts';
import { imageBytes, shotFor } from '../report/fixtures.ts';
import { makeAudit, makeSignals, makeStep, mark, marksWith } from '../scores/factory.ts';

export { loadMessages } from '../report/fixtures.ts';

export const HOSTILE_SITE_B = 'Northwind B <img src=x onerror=alert(1)>';
export const FORCED_ACCOUNT = 'Forced account creation before checkout';
export const HIDDEN_COST = 'Delivery cost only revealed at payment';

interface StepSpec {
  stage: string | null;
  title: string;
  ease: number | null;
  valence: number | null;
  signals?: Partial<StepSignals>;
  emotions?: FeltEmotion[];
}

export function stepsOf(auditId: string, specs: readonly StepSpec[]): Step[] {
  return specs.map((spec, index) =>
    makeStep({
      id: `${auditId}_s${index}`,
      auditId,
      index,
      url: `https://${auditId}.example/${index}`,
      title: spec.title,
      stage: spec.stage,
      ease: spec.ease,
      valence: spec.valence,
      emotions: spec.emotions ?? [],
      signals: makeSignals(spec.signals ?? {}),
      startedAt: `2026-11-23T10:${String(index).padStart(2, '0')}:00.000Z`,
    }),
  );
}

export const A_SPECS: readonly StepSpec[] = [
  {
    stage: 'landing',
    title: 'Home',
    ease: 7,
    valence: 2,
    signals: { fields: 1, lcpMs: 900 },
    emotions: [{ emotion: 'interested', intensity: 3 }],
  },
  { stage: 'search-browse', title: 'Jackets', ease: 6, valence: 1, signals: { fields: 5 } },
  {
    stage: 'product',
    title: 'Ridge Shell Jacket',
    ease: 6,
    valence: 3,
    signals: { fields: 8 },
    emotions: [{ emotion: 'happy', intensity: 4 }],
  },
  { stage: 'cart', title: 'Your cart', ease: 6, valence: 1, signals: { fields: 2 } },
  { stage: 'checkout-details', title: 'Checkout', ease: 5, valence: 0, signals: { fields: 16, requiredFields: 11 } },
  {
    stage: 'confirmation',
    title: 'Order confirmed',
    ease: 7,
    valence: 3,
    emotions: [{ emotion: 'pleased', intensity: 4 }],
  },
  { stage: 'post-purchase', title: 'Your account', ease: 6, valence: 2, signals: { fields: 1 } },
  { stage: 'post-purchase', title: 'Your orders', ease: 6, valence: 2, signals: { fields: 1 } },
];

export const B_SPECS: readonly StepSpec[] = [
  { stage: 'landing', title: 'Home', ease: 7, valence: 2, signals: { fields: 1, lcpMs: 900 } },
  { stage: 'search-browse', title: 'Jackets', ease: 6, valence: 1, signals: { fields: 5 } },
  { stage: 'product', title: 'Ridge Shell Jacket', ease: 6, valence: 2, signals: { fields: 8 } },
  { stage: 'cart', title: 'Your cart', ease: 5, valence: 0, signals: { fields: 2 } },
  {
    stage: 'checkout-details',
    title: 'Create your account',
    ease: 2,
    valence: -3,
    signals: { fields: 8, requiredFields: 7, formErrors: 2, rageClicks: 1 },
    emotions: [{ emotion: 'irritated', intensity: 4 }],
  },
  {
    stage: 'checkout-details',
    title: 'Shipping address',
    ease: 4,
    valence: -1,
    signals: { fields: 9, requiredFields: 7 },
  },
  { stage: 'delivery', title: 'Delivery options', ease: 5, valence: 0, signals: { fields: 2 } },
  {
    stage: 'payment',
    title: 'Payment',
    ease: 3,
    valence: -2,
    signals: { fields: 5, requiredFields: 4, lcpMs: 4600 },
    emotions: [{ emotion: 'disappointed', intensity: 3 }],
  },
  { stage: 'confirmation', title: 'Order confirmed', ease: 6, valence: 1 },
  { stage: 'post-purchase', title: 'Your account', ease: 6, valence: 1, signals: { fields: 1 } },
  { stage: 'post-purchase', title: 'Your orders', ease: 6, valence: 1, signals: { fields: 1 } },
];

export function auditA(overrides: Partial<Audit> = {}): Audit {
  return makeAudit({
    id: 'audA',
    site: 'Northwind A',
    templateId: 'e-commerce',
    startedAt: '2026-11-23T10:00:00.000Z',
    endSurvey: { taskCompleted: true, ces: 6, rememberedValence: 3 },
    rubric: {
      rubricVersion: 'v1',
      marks: marksWith({ F1: mark('pass'), F2: mark('pass'), F7: mark('pass'), S4: mark('pass') }),
    },
    ...overrides,
  });
}

export function auditB(overrides: Partial<Audit> = {}): Audit {
  return makeAudit({
    id: 'audB',
    site: 'Northwind B',
    templateId: 'e-commerce',
    startedAt: '2026-11-23T11:00:00.000Z',
    endSurvey: { taskCompleted: true, ces: 3, rememberedValence: -1 },
    rubric: {
      rubricVersion: 'v1',
      marks: marksWith({
        F1: mark('fail', 1, FORCED_ACCOUNT),
        F2: mark('fail', 1, HIDDEN_COST),
        F7: mark('pass'),
        S4: mark('pass'),
      }),
    },
    ...overrides,
  });
}

/** Report data with one screenshot per step (bytes included). */
export function reportDataOf(audit: Audit, steps: Step[]): { data: ReportData; bytes: Map<string, Uint8Array> } {
  const shots: Screenshot[] = [];
  const bytes = new Map<string, Uint8Array>();
  for (const step of steps) {
    const b = imageBytes(600 + step.index, step.index + (audit.id === 'audA' ? 1 : 50));
    const shot = { ...shotFor(step, b), id: `sht_${step.id}`, takenAt: step.startedAt };
    shots.push(shot);
    bytes.set(shot.id, b);
  }
  return { data: buildReportData(audit, steps, shots, '2026-11-24T09:00:00.000Z'), bytes };
}

export function demoPair(overridesA: Partial<Audit> = {}, overridesB: Partial<Audit> = {}) {
  const a = reportDataOf(auditA(overridesA), stepsOf('audA', A_SPECS));
  const b = reportDataOf(auditB(overridesB), stepsOf('audB', B_SPECS));
  return { items: [a.data, b.data], bytes: new Map([...a.bytes, ...b.bytes]) };
}
