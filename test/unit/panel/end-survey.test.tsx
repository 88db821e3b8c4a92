// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PeakendFailure } from '../../../src/domain/errors.ts';
import type { Audit } from '../../../src/domain/model.ts';
import { EndSurvey } from '../../../src/panel/components/EndSurvey.tsx';
import { ToWorker } from '../../../src/protocol.ts';
import { getAudit, openPeakendDb } from '../../../src/store/index.ts';
import { makeAudit } from '../scores/factory.ts';
import type { FakeBackend } from './fake-backend.ts';
import { allByRole, byRole, click, freshPanelTest, mount, seed, unmountAll, waitFor } from './harness.tsx';

const AUDIT_ID = 'aud-end';

let backend: FakeBackend;

beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

async function stored(): Promise<Audit> {
  const audit = await getAudit(await openPeakendDb(), AUDIT_ID);
  if (!audit) throw new Error('no audit');
  return audit;
}

async function renderSurvey(overrides: Partial<Audit>, onSaved?: (audit: Audit) => void) {
  const audit = makeAudit({ id: AUDIT_ID, successCriterion: 'order confirmation shown', ...overrides });
  await seed(audit);
  return mount(backend, <EndSurvey audit={audit} onSaved={onSaved} />).container;
}

describe('EndSurvey', () => {
  it('End journey pauses the running audit, then stores the survey, status ended and endedAt', async () => {
    const onSaved = vi.fn<(audit: Audit) => void>();
    const c = await renderSurvey({ status: 'running', endedAt: null, endSurvey: null }, onSaved);
    expect(c.textContent).toContain('The site made it easy for me to complete my task.');
    expect(c.textContent).toContain('Looking back, how did the whole journey feel?');
    expect(c.textContent).toContain('Success criterion: order confirmation shown');
    click(byRole(c, 'radio', 'Yes'));
    click(byRole(c, 'radio', '6: Agree'));
    click(byRole(c, 'radio', 'Valence +2: Somewhat pleasant'));
    const before = Date.now();
    click(byRole(c, 'button', 'End journey'));

    await waitFor(async () => expect((await stored()).status).toBe('ended'));
    expect(backend.requests).toEqual([{ type: ToWorker.PauseAudit, req: { auditId: AUDIT_ID } }]);
    const audit = await stored();
    expect(audit.endSurvey).toEqual({ taskCompleted: true, ces: 6, rememberedValence: 2 });
    expect(Date.parse(audit.endedAt!)).toBeGreaterThanOrEqual(before - 1);
    await waitFor(() => expect(byRole(c, 'button', 'Save survey')).toBeTruthy());
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(onSaved.mock.calls[0]![0]).toMatchObject({ id: AUDIT_ID, status: 'ended' });
  });

  it('shows a failed pause in an alert and stores nothing', async () => {
    backend.responses[ToWorker.PauseAudit] = new PeakendFailure({ code: 'worker-unreachable' });
    const c = await renderSurvey({ status: 'running', endedAt: null, endSurvey: null });
    click(byRole(c, 'radio', 'No'));
    click(byRole(c, 'button', 'End journey'));
    await waitFor(() =>
      expect(byRole(c, 'alert').textContent).toBe('Peakend’s background did not answer. Try again in a moment.'),
    );
    const audit = await stored();
    expect(audit.status).toBe('running');
    expect(audit.endSurvey).toBeNull();
    expect(allByRole(c, 'button', 'End journey')).toHaveLength(1);
  });

  it('an ended audit stays editable: Save survey stores the answers without pausing or moving endedAt', async () => {
    const endedAt = '2026-11-23T10:20:00.000Z';
    const c = await renderSurvey({
      status: 'ended',
      endedAt,
      endSurvey: { taskCompleted: false, ces: 2, rememberedValence: -3 },
    });
    expect(byRole<HTMLInputElement>(c, 'radio', 'No').checked).toBe(true);
    expect(byRole<HTMLInputElement>(c, 'radio', '2: Disagree').checked).toBe(true);
    expect(byRole<HTMLInputElement>(c, 'radio', 'Valence -3: Unpleasant').checked).toBe(true);
    expect(allByRole(c, 'button', 'End journey')).toHaveLength(0);
    click(byRole(c, 'radio', '3: Somewhat disagree'));
    click(byRole(c, 'button', 'Save survey'));
    await waitFor(async () => expect((await stored()).endSurvey?.ces).toBe(3));
    const audit = await stored();
    expect(audit).toMatchObject({
      status: 'ended',
      endedAt,
      endSurvey: { taskCompleted: false, ces: 3, rememberedValence: -3 },
    });
    expect(backend.requests).toEqual([]);
    await waitFor(() => expect(byRole(c, 'status').textContent).toBe('Survey saved'));
  });

  it('ending a paused audit does not ask the worker to pause', async () => {
    const c = await renderSurvey({ status: 'paused', endedAt: null, endSurvey: null });
    click(byRole(c, 'radio', '7: Strongly agree'));
    click(byRole(c, 'button', 'End journey'));
    await waitFor(async () => expect((await stored()).status).toBe('ended'));
    expect(backend.requests).toEqual([]);
    expect((await stored()).endSurvey).toEqual({ taskCompleted: null, ces: 7, rememberedValence: null });
  });
});
