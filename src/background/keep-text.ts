// Text the panel had not saved when it closed (ToWorker.KeepText), written by the worker, which
// outlives the panel. Each kind changes only its own field in a freshly read record, in one
// transaction, so nothing else the record holds is undone.
import { PeakendFailure } from '../domain/errors.ts';
import { splitSelectorList } from '../domain/mask-selectors.ts';
import type { AuditId, StepId } from '../domain/model.ts';
import type { KeptText } from '../protocol.ts';
import { patchAudit, patchStep, updateCriterionMark, type PeakendDb } from '../store/index.ts';

/** Writes the text; says which audit (and step) changed, for the panels to re-read. */
export async function keepText(
  db: PeakendDb,
  kept: KeptText,
  now: string,
): Promise<{ auditId: AuditId; stepId: StepId | null }> {
  switch (kept.kind) {
    case 'step-note': {
      const step = await patchStep(db, kept.stepId, { note: kept.text }, now);
      return { auditId: step.auditId, stepId: step.id };
    }
    case 'criterion-comment':
      await updateCriterionMark(db, kept.auditId, kept.criterionId, (prev) => ({ ...prev, comment: kept.text }), now);
      return { auditId: kept.auditId, stepId: null };
    case 'mask-selectors':
      await patchAudit(db, kept.auditId, { maskSelectors: splitSelectorList(kept.text) }, now);
      return { auditId: kept.auditId, stepId: null };
    default:
      throw new PeakendFailure({ code: 'kept-text-unknown', kind: String((kept as { kind?: unknown }).kind) });
  }
}
