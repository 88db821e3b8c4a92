// Programme audits for the unit tests and the programme page's end-to-end test: complete (every
// criterion marked, every step rated) unless asked otherwise, so their scores are final.
import type { Audit, CriterionMark, Step } from '../../../src/domain/model.ts';
import { RUBRIC_V1 } from '../../../src/domain/rubric.ts';
import { computeScores } from '../../../src/domain/scores/index.ts';
import type { ProgrammeItem } from '../../../src/domain/programme-view/index.ts';
import { makeAudit, makeStep, mark } from '../scores/factory.ts';

export const PROGRAMME = { id: 'prog_nw', name: 'Northwind mystery shop' };
export const STAGES = ['landing', 'product', 'cart', 'checkout-details', 'payment', 'confirmation'] as const;

export interface AuditSpec {
  id: string;
  site: string;
  wave: string;
  auditor: string;
  /** When the audit started (ISO); waves are ordered by it. */
  date: string;
  /** One ease per step (null: unrated); the stages cycle through STAGES. */
  eases: Array<number | null>;
  /** One valence per step (null: unrated). */
  valences: Array<number | null>;
  /** Criteria marked fail (the others pass), unless `unmarked`. */
  fails?: string[];
  /** Criteria left unmarked: the audit is provisional. */
  unmarked?: string[];
  /** Finding titles, on the first step. */
  findings?: string[];
  /** Emotions felt on the first step: [id, intensity]. */
  emotions?: Array<[string, number]>;
  language?: string;
}

export function specAudit(spec: AuditSpec): { audit: Audit; steps: Step[] } {
  const marks: Record<string, CriterionMark> = {};
  for (const c of RUBRIC_V1.criteria) {
    marks[c.id] = spec.unmarked?.includes(c.id) ? mark(null) : mark(spec.fails?.includes(c.id) ? 'fail' : 'pass');
  }
  const audit = makeAudit({
    id: spec.id,
    site: spec.site,
    auditor: spec.auditor,
    templateId: 'e-commerce',
    createdAt: spec.date,
    startedAt: spec.date,
    updatedAt: spec.date,
    endedAt: spec.date,
    stepCount: spec.eases.length,
    rubric: { rubricVersion: 'v1', marks },
    programme: { id: PROGRAMME.id, name: PROGRAMME.name, wave: spec.wave },
    ...(spec.language ? { language: spec.language } : {}),
  });
  const steps = spec.eases.map((ease, index) =>
    makeStep({
      id: `${spec.id}_s${index}`,
      auditId: spec.id,
      index,
      stage: STAGES[index % STAGES.length] ?? null,
      startedAt: spec.date,
      updatedAt: spec.date,
      ease,
      valence: spec.valences[index] ?? null,
      emotions:
        index === 0
          ? (spec.emotions ?? []).map(([emotion, intensity]) => ({ emotion, intensity }) as Step['emotions'][number])
          : [],
      findings:
        index === 0
          ? (spec.findings ?? []).map((title, k) => ({
              id: `${spec.id}_f${k}`,
              title,
              severity: 2,
              element: null,
              evidence: null,
              createdAt: spec.date,
            }))
          : [],
    }),
  );
  return { audit, steps };
}

export const itemOf = (spec: AuditSpec): ProgrammeItem => {
  const { audit, steps } = specAudit(spec);
  return { audit, steps, scores: computeScores(audit, steps) };
};

/**
 * Two sites x two waves x three auditors. Wave "Wave 10" came first (October) and "Wave 9" second
 * (November): ordered by date, not by name. One audit is provisional (a criterion unmarked).
 */
export function twoByTwoByThree(): AuditSpec[] {
  const specs: AuditSpec[] = [];
  const sites = ['Northwind', 'Southwind'];
  const waves: Array<[string, string]> = [
    ['Wave 10', '2026-10-05T09:00:00.000Z'],
    ['Wave 9', '2026-11-09T09:00:00.000Z'],
  ];
  const auditors = ['fox', 'owl', 'lynx'];
  sites.forEach((site, si) =>
    waves.forEach(([wave, date], wi) =>
      auditors.forEach((auditor, ai) => {
        const k = si * 6 + wi * 3 + ai;
        const base = 3 + ((k + si) % 4);
        specs.push({
          id: `aud_${si}${wi}${ai}`,
          site,
          wave,
          auditor,
          date: date.replace('T09', `T1${ai}`),
          eases: [base, Math.min(7, base + 1 + wi), Math.max(1, base - 1 - ai), 6, 5 + wi, 7],
          valences: [1, 2 + wi, -1 - ai + si, 0, 1 + wi, 3 - ai],
          fails: [...(ai < 2 ? ['F1'] : []), ...(si === 1 ? ['S3'] : []), ...(k % 3 === 0 ? ['M2'] : [])],
          findings: ai === 1 ? ['delivery  cost shown late!'] : ['Delivery cost shown late'],
          emotions: [
            ['happy', 2 + wi],
            ['frustrated', 1 + ai],
          ],
          unmarked: si === 1 && wi === 1 && ai === 2 ? ['M1'] : [],
          language: si === 0 && wi === 0 && ai === 0 ? 'en' : 'pl',
        });
      }),
    ),
  );
  return specs;
}
