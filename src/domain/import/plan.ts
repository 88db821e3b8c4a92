// "Duplicate as plan": the same site, scenario, template and settings as an audit, ready to be run
// again later; no steps, ratings, marks or survey, and not started.
import type { Audit } from '../model.ts';

export function planOf(audit: Audit, id: string, now: string): Audit {
  return {
    ...audit,
    id,
    status: 'plan',
    createdAt: now,
    startedAt: null,
    endedAt: null,
    updatedAt: now,
    stepCount: 0,
    endSurvey: null,
    rubric: { rubricVersion: audit.rubric.rubricVersion, marks: {} },
    maskSelectors: [...audit.maskSelectors],
    viewport: { ...audit.viewport },
    weights: { ...audit.weights },
  };
}
