// One audit's score summary, computed the one way both its writers use: the programme view (for an
// audit without a usable stored summary) and the store (for an ended audit, in the transaction that
// writes it, src/store/score-cache.ts). The same function as the audit's report: computeScores.
import type { Audit, Step } from '../model.ts';
import { rubricOf } from '../rubric.ts';
import { computeScores } from '../scores/index.ts';
import { summariseScores, type ScoreSummary } from './metrics.ts';

// Set by vite.config.ts from a hash of src/domain (scripts/build/scoring-revision.ts).
declare const __PEAKEND_SCORING__: string | undefined;

/**
 * The name of this build's scoring code, which every stored summary carries: one stored by another
 * build is not used. Code run outside a build (unit tests, a script under tsx) has no name for it,
 * and stores and trusts only its own summaries.
 */
export const SCORING_REVISION: string = typeof __PEAKEND_SCORING__ === 'string' ? __PEAKEND_SCORING__ : 'unbuilt';

export const scoreSummaryOf = (audit: Audit, steps: readonly Step[]): ScoreSummary =>
  summariseScores(computeScores(audit, [...steps], rubricOf(audit)));
