// @vitest-environment jsdom
// The criteria of a step's stage, marked on the step: one click stores the mark with the step as its
// evidence (an evidence the auditor chose stays), a fail asks for its comment there, a suggestion is
// accepted with its reasons, and a step whose stage judges nothing shows nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Audit, CriterionMark, Step } from '../../../src/domain/model.ts';
import { DEFAULT_EXPECTATIONS, type Probe } from '../../../src/domain/probes.ts';
import { StageCriteria } from '../../../src/panel/components/StageCriteria.tsx';
import { getAudit, openPeakendDb } from '../../../src/store/index.ts';
import { makeAudit, makeSignals, makeStep } from '../scores/factory.ts';
import type { FakeBackend } from './fake-backend.ts';
import { allByRole, byRole, click, freshPanelTest, mount, seed, text, unmountAll, waitFor } from './harness.tsx';

const AUDIT_ID = 'aud-stage';

let backend: FakeBackend;
beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

const checkout = (): Step =>
  makeStep({
    id: 'st-checkout',
    auditId: AUDIT_ID,
    index: 0,
    title: 'Checkout',
    stage: 'checkout-details',
    signals: makeSignals({ clicks: 3, fields: 14, requiredFields: 10 }),
  });

async function stored(id: string): Promise<CriterionMark | undefined> {
  return (await getAudit(await openPeakendDb(), AUDIT_ID))?.rubric.marks[id];
}

/** The block as the audit view shows it: re-drawn with the re-read audit after each stored change. */
async function renderBlock(step: Step, marks: Audit['rubric']['marks'] = {}, probes: Probe[] = []) {
  const audit = makeAudit({ id: AUDIT_ID, status: 'running', rubric: { rubricVersion: 'v1', marks } });
  await seed(audit, [step]);
  const m = mount(backend, <div id="host" />);
  const host = m.container.querySelector<HTMLElement>('#host')!;
  const draw = async (current: Audit) => {
    const { render } = await import('preact');
    const { BackendContext } = await import('../../../src/panel/context.ts');
    render(
      <BackendContext.Provider value={backend}>
        <StageCriteria
          audit={current}
          step={step}
          steps={[step]}
          probes={probes}
          onSaved={() => {
            void (async () => {
              const reread = await getAudit(await openPeakendDb(), AUDIT_ID);
              if (reread) await draw(reread);
            })();
          }}
          onError={(e) => {
            throw e;
          }}
        />
      </BackendContext.Provider>,
      host,
    );
  };
  await draw(audit);
  return { host };
}

const row = (host: HTMLElement, id: string) => host.querySelector<HTMLElement>(`[data-criterion="${id}"]`)!;

describe('StageCriteria', () => {
  it("shows the checkout's criteria; Pass on F1 stores it with this step as evidence", async () => {
    const { host } = await renderBlock(checkout());
    expect([...host.querySelectorAll<HTMLElement>('[data-criterion]')].map((el) => el.dataset.criterion)).toEqual([
      'I5',
      'F1',
      'F3',
    ]);
    const group = host.querySelector('[role="group"]')!;
    expect(text(document.getElementById(group.getAttribute('aria-labelledby')!))).toBe('Criteria to mark here');
    click(byRole(row(host, 'F1'), 'radio', 'Pass'));
    await waitFor(async () => expect((await stored('F1'))?.mark).toBe('pass'));
    expect(await stored('F1')).toMatchObject({
      mark: 'pass',
      evidence: { stepId: 'st-checkout' },
      fromSuggestion: false,
    });
    await waitFor(() => expect(text(host.querySelector('.stage-criteria__head .muted'))).toBe('1 of 3 marked'));
  });

  it('keeps an evidence the auditor chose; a fail asks for its comment on the step', async () => {
    const { host } = await renderBlock(checkout(), {
      F1: { mark: null, weight: 2, evidence: { stepId: 'st-other' }, comment: '' },
    });
    click(byRole(row(host, 'F1'), 'radio', 'Fail'));
    await waitFor(() => expect(text(byRole(row(host, 'F1'), 'alert'))).toBe('A fail needs a comment'));
    expect(byRole(row(host, 'F1'), 'textbox', 'Comment')).toBeTruthy();
    await waitFor(async () => expect((await stored('F1'))?.mark).toBe('fail'));
    expect(await stored('F1')).toMatchObject({ weight: 2, evidence: { stepId: 'st-other' } });
  });

  it('accepts the suggested fail of F3 with its reasons as the comment, then hides the suggestion', async () => {
    const { host } = await renderBlock(checkout());
    const f3 = row(host, 'F3');
    expect(text(f3.querySelector('.suggestion__mark'))).toBe('Suggested: Fail');
    const reasons = [...f3.querySelectorAll('.suggestion__reasons li')].map(text);
    click(byRole(f3, 'button', 'Accept suggestion'));
    await waitFor(async () => expect((await stored('F3'))?.mark).toBe('fail'));
    expect(await stored('F3')).toMatchObject({ fromSuggestion: true, comment: reasons.join('; ') });
    await waitFor(() => expect(allByRole(row(host, 'F3'), 'button', 'Accept suggestion')).toHaveLength(0));
  });

  it("suggests I6 from the audit's probes, as the rubric does: a chat reply that missed the question", async () => {
    const sentAt = Date.parse('2026-12-01T10:00:00Z');
    const probe: Probe = {
      id: 'prb_chat',
      auditId: AUDIT_ID,
      stepId: 'st-reply',
      channel: 'chat',
      question: 'Can I return a sale item?',
      sentAt,
      replies: [{ at: sentAt + 60_000, answered: false }],
      resolvedAt: null,
      expectationMs: DEFAULT_EXPECTATIONS.chat,
      createdAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-01T10:01:00.000Z',
    };
    const reply = makeStep({ id: 'st-reply', auditId: AUDIT_ID, index: 0, title: 'Chat', stage: 'response' });
    const { host } = await renderBlock(reply, {}, [probe]);
    expect(text(row(host, 'I6').querySelector('.suggestion__mark'))).toBe('Suggested: Fail');
    const reasons = [...row(host, 'I6').querySelectorAll('.suggestion__reasons li')].map(text).join(' ');
    expect(reasons).toBe('Probe (Chat) on step 1: none of 1 judged replies answered the actual question');
  });

  it('a step whose stage judges nothing, or that has no stage, shows nothing', async () => {
    const { host } = await renderBlock(makeStep({ id: 'st-x', auditId: AUDIT_ID, index: 0, stage: null }));
    expect(host.innerHTML).toBe('');
  });
});
