// What the summary editor stores: only the parts the auditor changed from the draft, so the report
// keeps telling drafted text from the auditor's.
import { describe, expect, it } from 'vitest';
import { writtenParts } from '../../../src/report/summary-editor.ts';

const drafts = { remembered: 'Peak at step 3.', problems: 'F2 Account forced\nF1 Coupon', keep: 'Photos' };

describe('summary editor', () => {
  it('stores a rewritten part and leaves unchanged or emptied parts to the draft', () => {
    expect(
      writtenParts({ remembered: 'Peak at step 3.  ', problems: '', keep: 'Free returns.\nSize guide.' }, drafts),
    ).toEqual({ keep: 'Free returns.\nSize guide.' });
  });

  it('stores nothing when nothing changed', () => {
    expect(writtenParts({ ...drafts }, drafts)).toEqual({});
  });
});
