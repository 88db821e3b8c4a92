// Comparison of 2-4 audits (the same journey on competing sites, or one site on two dates):
// scores per audit, steps aligned by stage, the headline table and the ranked differences. Pure.
import type { Audit, Step } from '../model.ts';
import { DEFAULT_RUBRIC, rubricById, type Rubric } from '../rubric.ts';
import { computeScores, inJourneyOrder, type AuditScores } from '../scores/index.ts';
import type { JourneyTemplate } from '../templates.ts';
import { alignByStage, type Alignment } from './align.ts';
import { rankDifferences, type Difference, type DifferenceOptions } from './differences.ts';
import { headlineRows, type HeadlineRow } from './headline.ts';
import { stageStats, type StageStats } from './stage-stats.ts';
import { alignTouchpoints, type TouchpointRow } from './touchpoints.ts';

export const MIN_AUDITS = 2;
export const MAX_AUDITS = 4;

export interface CompareInput {
  audit: Audit;
  steps: readonly Step[];
  /** Precomputed scores (the report data has them); computed here when absent. */
  scores?: AuditScores;
  /** The rubric the audit was marked with; default its own version's, else the default rubric. */
  rubric?: Rubric;
}

export interface ComparedAudit {
  audit: Audit;
  /** Journey order. */
  steps: Step[];
  scores: AuditScores;
  rubric: Rubric;
}

export interface Comparison {
  audits: ComparedAudit[];
  alignment: Alignment;
  /** stats[row][audit]: what each audit did in each aligned stage. */
  stats: StageStats[][];
  headline: HeadlineRow[];
  /** Largest impact first. */
  differences: Difference[];
  /** Touchpoints beyond the website, lined up by stage and channel. */
  touchpoints: TouchpointRow[];
}

export interface CompareOptions extends DifferenceOptions {
  /** The template whose stage order lines the rows up; default the first audit's. */
  template?: JourneyTemplate;
  /** Keep template stages no audit visited. */
  includeEmpty?: boolean;
}

export function rubricFor(audit: Pick<Audit, 'rubric'>): Rubric {
  return rubricById(audit.rubric?.rubricVersion ?? '') ?? DEFAULT_RUBRIC;
}

export function compareAudits(inputs: readonly CompareInput[], opts: CompareOptions = {}): Comparison {
  const audits: ComparedAudit[] = inputs.map((input) => {
    const rubric = input.rubric ?? rubricFor(input.audit);
    const steps = inJourneyOrder(input.steps);
    return { audit: input.audit, steps, rubric, scores: input.scores ?? computeScores(input.audit, steps, rubric) };
  });
  const alignment = alignByStage(audits, { template: opts.template, includeEmpty: opts.includeEmpty });
  const stats = alignment.rows.map((row) => row.cells.map((cell) => stageStats(cell.steps)));
  const headline = headlineRows(audits.map((a) => a.scores));
  const differences = rankDifferences(
    audits.map((a) => ({ steps: a.steps, scores: a.scores, rubric: a.rubric, marks: a.audit.rubric?.marks ?? {} })),
    alignment,
    stats,
    { checkoutStages: opts.checkoutStages },
  );
  return { audits, alignment, stats, headline, differences, touchpoints: alignTouchpoints(alignment) };
}

export * from './align.ts';
export * from './differences.ts';
export * from './headline.ts';
export * from './stage-stats.ts';
export * from './touchpoints.ts';
