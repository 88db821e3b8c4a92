// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Audit, CriterionMark } from '../../../src/domain/model.ts';
import { RUBRIC_V1 } from '../../../src/domain/rubric.ts';
import { RubricView } from '../../../src/panel/views/RubricView.tsx';
import { ToWorker } from '../../../src/protocol.ts';
import { getAudit, openPeakendDb, patchAudit, putProbe } from '../../../src/store/index.ts';
import { makeAudit, makeSignals, makeStep } from '../scores/factory.ts';
import type { FakeBackend } from './fake-backend.ts';
import {
  allByRole,
  blur,
  byRole,
  choose,
  click,
  freshPanelTest,
  mount,
  seed,
  sleep,
  text,
  type,
  unmountAll,
  waitFor,
} from './harness.tsx';

const AUDIT_ID = 'aud-rubric';

let backend: FakeBackend;

beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

function audit(overrides: Partial<Audit> = {}): Audit {
  // Marks start empty, as createAudit makes them: the view must cope with missing entries.
  return makeAudit({ id: AUDIT_ID, status: 'running', rubric: { rubricVersion: 'v1', marks: {} }, ...overrides });
}

function steps() {
  return [
    makeStep({
      id: 'st0',
      auditId: AUDIT_ID,
      index: 0,
      title: 'Home',
      signals: makeSignals({ clicks: 4, lcpMs: 1800, cls: 0.02 }),
    }),
    makeStep({ id: 'st1', auditId: AUDIT_ID, index: 1, title: 'Cart', signals: makeSignals({ clicks: 2, cls: 0.31 }) }),
    makeStep({
      id: 'st2',
      auditId: AUDIT_ID,
      index: 2,
      title: 'Checkout',
      signals: makeSignals({ clicks: 9, fields: 7 }),
    }),
    makeStep({
      id: 'st3',
      auditId: AUDIT_ID,
      index: 3,
      title: 'Payment',
      signals: makeSignals({ clicks: 12, rageClicks: 3 }),
    }),
  ];
}

async function storedMark(id: string): Promise<CriterionMark | undefined> {
  const a = await getAudit(await openPeakendDb(), AUDIT_ID);
  return a?.rubric.marks[id];
}

function row(container: HTMLElement, id: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`[data-criterion="${id}"]`);
  if (!el) throw new Error(`no row ${id}`);
  return el;
}

async function renderRubric(a: Audit = audit(), s = steps()) {
  await seed(a, s);
  const m = mount(backend, <RubricView auditId={AUDIT_ID} />);
  await waitFor(() => row(m.container, 'M1'));
  return m.container;
}

describe('RubricView', () => {
  it('lists every criterion of rubric v1 under its element, with translated text and critical badges', async () => {
    const c = await renderRubric();
    const headings = [...c.querySelectorAll('h2')].map((h) => text(h.querySelector('.rubric__element-name')));
    expect(headings).toEqual(['Multisensory', 'Interactive', 'Participative', 'Frictionless', 'Storytelling']);
    for (const criterion of RUBRIC_V1.criteria) {
      const r = row(c, criterion.id);
      expect(text(r.querySelector('.criterion__text'))).toBe(criterion.text);
      expect(r.closest('[data-element]')?.getAttribute('data-element')).toBe(criterion.element);
      expect(r.querySelector('.badge--critical') !== null).toBe(criterion.critical);
      for (const name of ['Pass', 'Partial', 'Fail', 'N/A']) expect(allByRole(r, 'radio', name)).toHaveLength(1);
    }
    expect(c.querySelectorAll('[data-criterion]')).toHaveLength(28);
    expect([...c.querySelectorAll('.rubric__element-score')].map(text)).toEqual(Array(5).fill('Not assessed'));
  });

  it('marking F1 fail without a comment shows the message, stores the mark and caps Frictionless', async () => {
    const c = await renderRubric();
    click(byRole(row(c, 'F1'), 'radio', 'Fail'));
    await waitFor(() => expect(byRole(row(c, 'F1'), 'alert').textContent).toBe('A fail needs a comment'));
    await waitFor(async () => expect((await storedMark('F1'))?.mark).toBe('fail'));
    expect(await storedMark('F1')).toMatchObject({
      mark: 'fail',
      weight: 1,
      comment: '',
      evidence: null,
      fromSuggestion: false,
    });
    const frictionless = c.querySelector('[data-element="frictionless"]')!;
    await waitFor(() => expect(text(frictionless.querySelector('.rubric__element-score'))).toBe('Score 0'));
    expect(text(frictionless.querySelector('.badge--capped'))).toBe('Capped at 50');
    // Other rows carry no such message.
    expect(allByRole(row(c, 'F2'), 'alert')).toHaveLength(0);
  });

  it('stores a typed comment within 0.5 s and the fail message goes away', async () => {
    const c = await renderRubric();
    click(byRole(row(c, 'F1'), 'radio', 'Fail'));
    await waitFor(async () => expect(await storedMark('F1')).toMatchObject({ mark: 'fail' }));
    const box = byRole<HTMLTextAreaElement>(row(c, 'F1'), 'textbox', 'Comment');
    const calls = backend.dbCalls;
    // The page's clock, not the machine's: under load a real 0.5 s wait also measures the test runner.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      type(box, 'Account forced before payment');
      await vi.advanceTimersByTimeAsync(500);
    } finally {
      vi.useRealTimers();
    }
    expect(backend.dbCalls).toBeGreaterThan(calls); // the write began within 0.5 s of the last key
    await waitFor(async () =>
      expect(await storedMark('F1')).toMatchObject({ mark: 'fail', comment: 'Account forced before payment' }),
    );
    await waitFor(() => expect(allByRole(row(c, 'F1'), 'alert')).toHaveLength(0));
  });

  it('does not write a comment on every keystroke but after a pause, and at once on blur and pagehide', async () => {
    const c = await renderRubric();
    await sleep(50);
    const box = byRole<HTMLTextAreaElement>(row(c, 'M1'), 'textbox', 'Comment');
    let calls = backend.dbCalls;
    type(box, 'Only');
    type(box, 'Only two');
    await sleep(40);
    expect(backend.dbCalls).toBe(calls); // still typing: nothing written yet
    blur(box);
    await sleep(0);
    expect(backend.dbCalls).toBeGreaterThan(calls); // written at once, not after the pause
    await waitFor(async () => expect((await storedMark('M1'))?.comment).toBe('Only two'));

    const other = byRole<HTMLTextAreaElement>(row(c, 'M2'), 'textbox', 'Comment');
    await sleep(50);
    calls = backend.dbCalls;
    type(other, 'No scale photo');
    window.dispatchEvent(new Event('pagehide'));
    await sleep(0);
    expect(backend.dbCalls).toBeGreaterThan(calls);
    await waitFor(async () => expect((await storedMark('M2'))?.comment).toBe('No scale photo'));
    // A closing panel may not finish that write: the worker is handed the text too (on pagehide only).
    expect(backend.requests.filter((r) => r.type === ToWorker.KeepText).map((r) => r.req)).toEqual([
      { kept: { kind: 'criterion-comment', auditId: AUDIT_ID, criterionId: 'M2', text: 'No scale photo' } },
    ]);
  });

  it('keeps quick successive edits of one criterion: mark, comment, weight and evidence', async () => {
    const c = await renderRubric();
    const r = row(c, 'M1');
    click(byRole(r, 'radio', 'Partial'));
    const box = byRole<HTMLTextAreaElement>(r, 'textbox', 'Comment');
    type(box, 'Zoom only on desktop');
    blur(box);
    choose(byRole<HTMLSelectElement>(r, 'combobox', 'Weight'), '3');
    const evidence = byRole<HTMLSelectElement>(r, 'combobox', 'Evidence');
    expect([...evidence.options].map((o) => o.text)).toEqual([
      'No evidence',
      // Page titles are isolated (U+2068 … U+2069) inside the option's text.
      'Step 1 · \u2068Home\u2069',
      'Step 2 · \u2068Cart\u2069',
      'Step 3 · \u2068Checkout\u2069',
      'Step 4 · \u2068Payment\u2069',
    ]);
    choose(evidence, 'st2');
    await waitFor(async () =>
      expect(await storedMark('M1')).toEqual({
        mark: 'partial',
        weight: 3,
        evidence: { stepId: 'st2' },
        comment: 'Zoom only on desktop',
        fromSuggestion: false,
      }),
    );
  });

  it('shows the element score from the weighted marks', async () => {
    const c = await renderRubric();
    click(byRole(row(c, 'M1'), 'radio', 'Pass'));
    choose(byRole<HTMLSelectElement>(row(c, 'M1'), 'combobox', 'Weight'), '3');
    click(byRole(row(c, 'M2'), 'radio', 'Fail'));
    click(byRole(row(c, 'M3'), 'radio', 'N/A'));
    const score = () => text(c.querySelector('[data-element="multisensory"] .rubric__element-score'));
    await waitFor(() => expect(score()).toBe('Score 75'));
    await waitFor(async () => expect((await storedMark('M3'))?.mark).toBe('na'));
  });

  it('shows the suggestion of an (A) criterion with its reasons, and accepting stores it with fromSuggestion', async () => {
    const c = await renderRubric();
    const f4 = row(c, 'F4');
    expect(text(f4.querySelector('.suggestion__mark'))).toBe('Suggested: Fail');
    expect([...f4.querySelectorAll('.suggestion__reasons li')].map(text)).toEqual(['3 rage clicks on step 4']);
    const f5 = row(c, 'F5');
    expect([...f5.querySelectorAll('.suggestion__reasons li')].map(text)).toEqual(['CLS 0.31 poor on step 2']);
    expect(text(row(c, 'F3').querySelector('.suggestion__mark'))).toBe('Suggested: Pass');

    click(byRole(f4, 'button', 'Accept suggestion'));
    await waitFor(async () => expect(await storedMark('F4')).toMatchObject({ mark: 'fail', fromSuggestion: true }));
    await waitFor(() => expect(text(row(c, 'F4').querySelector('.suggestion__state'))).toBe('Suggestion accepted'));
    expect(byRole<HTMLInputElement>(row(c, 'F4'), 'radio', 'Fail').checked).toBe(true);
    expect(allByRole(row(c, 'F4'), 'button', 'Accept suggestion')).toHaveLength(0);

    // The auditor overrides it by picking another mark.
    click(byRole(row(c, 'F4'), 'radio', 'Partial'));
    await waitFor(async () => expect(await storedMark('F4')).toMatchObject({ mark: 'partial', fromSuggestion: false }));
    await waitFor(() => expect(text(row(c, 'F4'))).toContain('Your mark differs from the suggestion'));
    expect(allByRole(row(c, 'F4'), 'button', 'Accept suggestion')).toHaveLength(1);
  });

  it('suggests I1, I6 and F7 from the audit’s channel probes, with their reasons in words', async () => {
    await seed(audit(), steps());
    const sent = Date.now() - 60 * 60_000;
    await putProbe(await openPeakendDb(), {
      id: 'prb_1',
      auditId: AUDIT_ID,
      stepId: 'st1',
      channel: 'chat',
      question: 'Is there a size guide?',
      sentAt: sent,
      replies: [{ at: sent + 4 * 60_000, answered: false }],
      resolvedAt: null,
      expectationMs: 2 * 60_000,
      createdAt: new Date(sent).toISOString(),
      updatedAt: new Date(sent).toISOString(),
    });
    const c = mount(backend, <RubricView auditId={AUDIT_ID} />).container;
    await waitFor(() => expect(text(row(c, 'I1').querySelector('.suggestion__mark'))).toBe('Suggested: Partial'));
    expect([...row(c, 'I1').querySelectorAll('.suggestion__reasons li')].map(text)).toEqual([
      'Probe (Chat) on step 2: first reply after 4 min, later than the 2 min expected',
    ]);
    expect(text(row(c, 'I6').querySelector('.suggestion__mark'))).toBe('Suggested: Fail');
    expect(text(row(c, 'F7').querySelector('.suggestion__mark'))).toBe('Suggested: Fail');
    expect([...row(c, 'F7').querySelectorAll('.suggestion__reasons li')].map(text)).toEqual([
      'Chat on step 2, before the end of the journey',
      'If you made a contact only to test the channel, the task did not need it: mark pass.',
    ]);
  });

  it('suggests F7 pass for a journey of pages without a probe', async () => {
    const c = await renderRubric();
    await waitFor(() => expect(text(row(c, 'F7').querySelector('.suggestion__mark'))).toBe('Suggested: Pass'));
    expect(text(row(c, 'I1'))).toContain('No channel probe to suggest a mark from yet');
  });

  it('accepting a suggested fail copies its reasons into the comment, which stays editable', async () => {
    const c = await renderRubric();
    click(byRole(row(c, 'F4'), 'button', 'Accept suggestion'));
    await waitFor(async () =>
      expect(await storedMark('F4')).toMatchObject({ mark: 'fail', comment: '3 rage clicks on step 4' }),
    );
    const box = byRole<HTMLTextAreaElement>(row(c, 'F4'), 'textbox', 'Comment');
    await waitFor(() => expect(box.value).toBe('3 rage clicks on step 4'));
    expect(row(c, 'F4').querySelector('.criterion__details')?.hasAttribute('hidden')).toBe(false);
    expect(allByRole(row(c, 'F4'), 'alert')).toHaveLength(0);
    type(box, '3 rage clicks on the pay button');
    await waitFor(async () => expect((await storedMark('F4'))?.comment).toBe('3 rage clicks on the pay button'));
  });

  it('starts with every element closed, counts the marks per element and overall, and opens on demand', async () => {
    const c = await renderRubric();
    const toggles = allByRole<HTMLButtonElement>(c, 'button').filter((b) => b.classList.contains('rubric__toggle'));
    expect(toggles).toHaveLength(5);
    expect(toggles.map((b) => b.getAttribute('aria-expanded'))).toEqual(Array(5).fill('false'));
    expect([...c.querySelectorAll('ol.criteria')].every((ol) => ol.hasAttribute('hidden'))).toBe(true);
    expect(text(c.querySelector('[data-count="overall"]'))).toBe('0 of 28 marked');
    const frictionless = toggles[3]!;
    click(frictionless);
    await waitFor(() => expect(frictionless.getAttribute('aria-expanded')).toBe('true'));
    expect(c.querySelector('#rubric-criteria-frictionless')?.hasAttribute('hidden')).toBe(false);
    // Weight, evidence and comment open on demand.
    const details = row(c, 'F2').querySelector('.criterion__details')!;
    expect(details.hasAttribute('hidden')).toBe(true);
    click(byRole(row(c, 'F2'), 'button', /Weight, evidence, comment/));
    await waitFor(() => expect(details.hasAttribute('hidden')).toBe(false));
    click(byRole(row(c, 'F2'), 'radio', 'Pass'));
    await waitFor(() => expect(text(c.querySelector('[data-count="frictionless"]'))).toBe('1 of 7 marked'));
    expect(text(c.querySelector('[data-count="overall"]'))).toBe('1 of 28 marked');
  });

  it('says so when an (A) criterion has no evidence, and shows no suggestion on other criteria', async () => {
    const c = await renderRubric();
    expect(text(row(c, 'I5'))).toContain('No observed signals to suggest a mark from yet');
    expect(allByRole(row(c, 'I5'), 'button', 'Accept suggestion')).toHaveLength(0);
    expect(row(c, 'F1').querySelector('.suggestion')).toBeNull();
  });

  it('shows marks changed elsewhere when the worker reports a change', async () => {
    const c = await renderRubric();
    const db = await openPeakendDb();
    const current = (await getAudit(db, AUDIT_ID))!;
    await patchAudit(
      db,
      AUDIT_ID,
      {
        rubric: {
          ...current.rubric,
          marks: { S4: { mark: 'pass', weight: 2, evidence: null, comment: 'Clear next steps' } },
        },
      },
      new Date().toISOString(),
    );
    expect(byRole<HTMLInputElement>(row(c, 'S4'), 'radio', 'Pass').checked).toBe(false);
    backend.changed(AUDIT_ID);
    await waitFor(() => expect(byRole<HTMLInputElement>(row(c, 'S4'), 'radio', 'Pass').checked).toBe(true));
    await waitFor(() =>
      expect(byRole<HTMLTextAreaElement>(row(c, 'S4'), 'textbox', 'Comment').value).toBe('Clear next steps'),
    );
    expect(byRole<HTMLSelectElement>(row(c, 'S4'), 'combobox', 'Weight').value).toBe('2');
  });

  it('focuses the criterion a "Go to" asked for', async () => {
    await seed(audit(), steps());
    const m = mount(backend, <RubricView auditId={AUDIT_ID} focusCriterionId="F4" />);
    await waitFor(() =>
      expect(document.activeElement?.closest('[data-criterion]')?.getAttribute('data-criterion')).toBe('F4'),
    );
    expect(document.activeElement).toBe(byRole(row(m.container, 'F4'), 'radio', 'Pass'));
  });

  it('renders untrusted titles and comments as text, never as HTML', async () => {
    const evil = '<img src=x onerror="globalThis.pwned=1">';
    const s = steps();
    s[0] = { ...s[0]!, title: evil };
    const c = await renderRubric(
      audit({
        rubric: { rubricVersion: 'v1', marks: { M1: { mark: 'fail', weight: 1, evidence: null, comment: evil } } },
      }),
      s,
    );
    expect(c.querySelector('img')).toBeNull();
    expect(byRole<HTMLTextAreaElement>(row(c, 'M1'), 'textbox', 'Comment').value).toBe(evil);
    const options = [...byRole<HTMLSelectElement>(row(c, 'M1'), 'combobox', 'Evidence').options].map((o) => o.text);
    expect(options).toContain(`Step 1 · \u2068${evil}\u2069`);
  });
});
