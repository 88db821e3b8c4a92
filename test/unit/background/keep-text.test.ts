// What the worker writes for a panel that closed with text unsaved: each kind changes its own field
// only, beside whatever else the record holds, and says what changed; an unknown kind is refused.
import { beforeEach, describe, expect, it } from 'vitest';
import { keepText } from '../../../src/background/keep-text.ts';
import type { KeptText } from '../../../src/protocol.ts';
import {
  addStep,
  getAudit,
  listSteps,
  openPeakendDb,
  patchStep,
  putAudit,
  resetDbCache,
  updateCriterionMark,
} from '../../../src/store/index.ts';
import { sampleAudit, T0 } from '../fixtures.ts';

beforeEach(() => resetDbCache());

async function auditWithStep() {
  const db = await openPeakendDb();
  const audit = sampleAudit({ maskSelectors: ['.old'] });
  await putAudit(db, audit);
  const step = await addStep(db, audit.id, { url: 'http://x/', title: 'x', trigger: 'manual' }, T0);
  return { db, audit, step };
}

describe('keepText', () => {
  it("writes a step's note and keeps its ratings", async () => {
    const { db, audit, step } = await auditWithStep();
    await patchStep(db, step.id, { ease: 3 }, T0);
    expect(await keepText(db, { kind: 'step-note', stepId: step.id, text: 'Shipping costs appear late' }, T0)).toEqual({
      auditId: audit.id,
      stepId: step.id,
    });
    expect((await listSteps(db, audit.id))[0]).toMatchObject({ ease: 3, note: 'Shipping costs appear late' });
  });

  it("writes a criterion's comment and keeps its mark and the other criteria", async () => {
    const { db, audit } = await auditWithStep();
    await updateCriterionMark(db, audit.id, 'F1', (prev) => ({ ...prev, mark: 'fail' }), T0);
    await updateCriterionMark(db, audit.id, 'M2', (prev) => ({ ...prev, mark: 'pass' }), T0);
    expect(
      await keepText(
        db,
        { kind: 'criterion-comment', auditId: audit.id, criterionId: 'F1', text: 'Account forced' },
        T0,
      ),
    ).toEqual({ auditId: audit.id, stepId: null });
    const marks = (await getAudit(db, audit.id))!.rubric.marks;
    expect(marks.F1).toMatchObject({ mark: 'fail', comment: 'Account forced' });
    expect(marks.M2).toMatchObject({ mark: 'pass', comment: '' });
  });

  it('writes the masking selectors as a list split at top-level commas', async () => {
    const { db, audit } = await auditWithStep();
    await keepText(db, { kind: 'mask-selectors', auditId: audit.id, text: '#account-id, :is(.a, .b)' }, T0);
    expect((await getAudit(db, audit.id))!).toMatchObject({
      maskSelectors: ['#account-id', ':is(.a, .b)'],
      masking: true,
    });
  });

  it('refuses a kind it does not know, and a record that is gone, with a clear message', async () => {
    const { db } = await auditWithStep();
    await expect(
      keepText(db, { kind: 'scenario', auditId: 'x', text: 'y' } as unknown as KeptText, T0),
    ).rejects.toMatchObject({ error: { code: 'kept-text-unknown', kind: 'scenario' } });
    await expect(keepText(db, { kind: 'step-note', stepId: 'stp_gone', text: 'y' }, T0)).rejects.toMatchObject({
      error: { code: 'step-missing', stepId: 'stp_gone' },
    });
  });
});
