// @vitest-environment jsdom
// The review part of the audit view over the store: the actions each role is offered in each state,
// a returned audit's comment shown as text (never markup) in its own isolate, and a refusal in words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Audit } from '../../../src/domain/model.ts';
import type { ReviewLog } from '../../../src/domain/programme.ts';
import { ReviewPanel } from '../../../src/panel/views/ReviewPanel.tsx';
import { getAudit, openPeakendDb, setProgrammeIdentity } from '../../../src/store/index.ts';
import { makeAudit } from '../scores/factory.ts';
import type { FakeBackend } from './fake-backend.ts';
import { allByRole, byRole, click, freshPanelTest, mount, seed, text, unmountAll, waitFor } from './harness.tsx';

let backend: FakeBackend;
beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

const HOSTILE = '<img src=x onerror=alert(1)>Add evidence';
const programme = { id: 'prg_1', name: 'Retail Q4', wave: 'Wave 2' };
const submitted = { state: 'submitted', by: 'ana', at: '2026-12-01T11:00:00.000Z', comment: '' } as const;
const returned: ReviewLog = [
  submitted,
  { state: 'returned', by: 'rex', at: '2026-12-01T12:00:00.000Z', comment: HOSTILE },
];

async function show(review: ReviewLog, who: { name: string; role: 'auditor' | 'reviewer' } | null) {
  const audit: Audit = makeAudit({ id: 'aud_r', status: 'ended', programme, review });
  await seed(audit);
  if (who) await setProgrammeIdentity(await openPeakendDb(), who);
  const errors: unknown[] = [];
  const m = mount(
    backend,
    <ReviewPanel audit={audit} onChanged={async () => undefined} onError={(e) => errors.push(e)} />,
  );
  return { m, errors };
}

const buttons = (root: HTMLElement) => allByRole(root, 'button').map((b) => text(b));

describe('ReviewPanel', () => {
  it('shows a return’s comment as text in an isolate, and offers the auditor Resubmit only', async () => {
    const { m } = await show(returned, { name: 'ana', role: 'auditor' });
    await waitFor(() => expect(buttons(m.container)).toEqual(['Resubmit']));
    const comment = m.container.querySelector('.review-status__comment');
    expect(text(comment)).toBe(`Returned: ${HOSTILE}`);
    expect(comment?.querySelector('bdi')?.textContent).toBe(HOSTILE);
    expect(m.container.querySelector('img')).toBeNull();
  });

  it('offers a reviewer Accept and Return with comment on a submitted audit, and Reopen on an accepted one', async () => {
    const first = await show([submitted], { name: 'rex', role: 'reviewer' });
    await waitFor(() => expect(buttons(first.m.container)).toEqual(['Accept', 'Return with comment']));
    await unmountAll();
    const accepted: ReviewLog = [
      submitted,
      { state: 'accepted', by: 'rex', at: '2026-12-01T12:00:00.000Z', comment: '' },
    ];
    const second = await show(accepted, { name: 'rex', role: 'reviewer' });
    await waitFor(() => expect(buttons(second.m.container)).toEqual(['Reopen']));
    expect(text(second.m.container.querySelector('#review-state'))).toMatch(/^Accepted by rex on /);
  });

  it('without a name in programmes, says where to set it and offers nothing', async () => {
    const { m } = await show([], null);
    await waitFor(() => expect(text(m.container)).toContain('enter your name in programmes'));
    expect(buttons(m.container)).toEqual([]);
  });

  it('a reviewer accepting their own submission is refused with a code, and the audit is unchanged', async () => {
    const { m, errors } = await show([submitted], { name: 'ana', role: 'reviewer' });
    await waitFor(() => expect(buttons(m.container)).toContain('Accept'));
    click(byRole(m.container, 'button', 'Accept'));
    await waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toMatchObject({ error: { code: 'review-own-audit' } });
    expect((await getAudit(await openPeakendDb(), 'aud_r'))?.review).toEqual([submitted]);
  });
});
