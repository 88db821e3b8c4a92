// @vitest-environment jsdom
// Issue 17 part 3: a step that arrives while the auditor types waits for them to leave the editor.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Step } from '../../../src/domain/model.ts';
import { AuditView } from '../../../src/panel/views/AuditView.tsx';
import { getStep, openPeakendDb } from '../../../src/store/index.ts';
import { makeAudit, makeStep } from '../scores/factory.ts';
import type { FakeBackend } from './fake-backend.ts';
import { byRole, click, freshPanelTest, mount, seed, sleep, text, unmountAll, waitFor } from './harness.tsx';

const AUDIT_ID = 'aud_typing';
let backend: FakeBackend;

beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

const step = (i: number, title: string): Step =>
  makeStep({ id: `st${i}`, auditId: AUDIT_ID, index: i, title, ease: null, valence: null, note: '' });

const editorOf = (c: HTMLElement, id: string) => c.querySelector<HTMLElement>(`[data-editor-for="${id}"]`);
const noteOf = (c: HTMLElement, id: string) => editorOf(c, id)?.querySelector('textarea') ?? null;
const arrival = (c: HTMLElement) => c.querySelector<HTMLButtonElement>('.arrival__go');

/** Types into the focused field as a keyboard does: one character per input event. */
function typeKeys(field: HTMLTextAreaElement, keys: string): void {
  for (const ch of keys) {
    field.value += ch;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

async function openWithOneStep() {
  await seed(makeAudit({ id: AUDIT_ID, status: 'running', autoSteps: true }), [step(0, 'Jackets')]);
  const m = mount(backend, <AuditView auditId={AUDIT_ID} onBack={() => undefined} />);
  const note = await waitFor(() => noteOf(m.container, 'st0') ?? Promise.reject(new Error('no editor yet')));
  return { m, note };
}

/** The worker records the next page and tells the panel, as automatic steps do. */
async function nextPageArrives(): Promise<void> {
  const db = await openPeakendDb();
  await db.put('steps', step(1, 'Ridge Shell Jacket'));
  await db.put('audits', { ...makeAudit({ id: AUDIT_ID, status: 'running', autoSteps: true }), stepCount: 2 });
  backend.changed(AUDIT_ID, 'st1');
}

const stored = async (id: string) => getStep(await openPeakendDb(), id);

describe('a new step while the auditor types', () => {
  it('leaves the editor and caret where they are, announces the step, and keeps the whole note on its step', async () => {
    const { m, note } = await openWithOneStep();
    note.focus();
    typeKeys(note, 'Filters are hard to find and the sort');
    await nextPageArrives();
    await waitFor(() => expect(m.container.querySelector('li[data-step-id="st1"]')).not.toBeNull());

    // The same field, still focused; the new step is announced, not selected.
    expect(noteOf(m.container, 'st0')).toBe(note);
    expect(document.activeElement).toBe(note);
    expect(editorOf(m.container, 'st1')).toBeNull();
    expect(text(arrival(m.container))).toBe('New step: Ridge Shell Jacket — go to it');
    expect(arrival(m.container)?.parentElement?.getAttribute('aria-live')).toBe('polite');

    typeKeys(note, ' took 3 tries and 5 clicks');
    await waitFor(async () =>
      expect((await stored('st0'))?.note).toBe('Filters are hard to find and the sort took 3 tries and 5 clicks'),
    );
    expect(await stored('st1')).toMatchObject({ note: '', ease: null, valence: null });
    expect(await stored('st0')).toMatchObject({ ease: null, valence: null });
  });

  it('shows the new step once the auditor leaves the editor', async () => {
    const { m, note } = await openWithOneStep();
    note.focus();
    typeKeys(note, 'Slow');
    await nextPageArrives();
    await waitFor(() => expect(arrival(m.container)).not.toBeNull());
    // Moving within the editor (to its stage or a rating) is not leaving it.
    editorOf(m.container, 'st0')!.querySelector<HTMLInputElement>('input[type="radio"]')!.focus();
    await sleep(20);
    expect(editorOf(m.container, 'st1')).toBeNull();

    byRole(m.container, 'button', 'Log step').focus();
    await waitFor(() => expect(editorOf(m.container, 'st1')).not.toBeNull());
    expect(editorOf(m.container, 'st0')).toBeNull();
    expect(arrival(m.container)).toBeNull();
    expect((await stored('st0'))?.note).toBe('Slow');
  });

  it("waits too while a fail's comment is typed in the step's criteria, and moving there from the note", async () => {
    await seed(makeAudit({ id: AUDIT_ID, status: 'running', autoSteps: true }), [
      { ...step(0, 'Checkout'), stage: 'checkout-details' },
    ]);
    const m = mount(backend, <AuditView auditId={AUDIT_ID} onBack={() => undefined} />);
    const f1 = await waitFor(
      () =>
        m.container.querySelector<HTMLElement>('[data-edits-step="st0"] [data-criterion="F1"]') ??
        Promise.reject(new Error('not yet')),
      // The criteria come with the rubric's code, loaded on first use.
      5000,
    );
    const note = noteOf(m.container, 'st0')!;
    note.focus();
    typeKeys(note, 'Account asked first');
    await nextPageArrives();
    await waitFor(() => expect(arrival(m.container)).not.toBeNull());
    // From the note to the criterion's marks and its comment: still the same step's editing.
    click(byRole(f1, 'radio', 'Fail'));
    const comment = await waitFor(() => byRole<HTMLTextAreaElement>(f1, 'textbox', 'Comment'));
    comment.focus();
    typeKeys(comment, 'No guest checkout');
    await sleep(20);
    expect(editorOf(m.container, 'st1')).toBeNull();
    expect(document.activeElement).toBe(comment);

    byRole(m.container, 'button', 'Log step').focus();
    await waitFor(() => expect(editorOf(m.container, 'st1')).not.toBeNull());
  });

  it('goes to the new step when the announcement is pressed, with the keys on that step', async () => {
    const { m, note } = await openWithOneStep();
    note.focus();
    await nextPageArrives();
    const go = await waitFor(() => arrival(m.container) ?? Promise.reject(new Error('not announced')));
    go.focus();
    click(go);
    await waitFor(() => expect(document.activeElement).toBe(editorOf(m.container, 'st1')));
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { code: 'Digit4', bubbles: true }));
    await waitFor(async () => expect((await stored('st1'))?.ease).toBe(4));
    expect((await stored('st0'))?.ease).toBeNull();
  });

  it('follows the newest step at once when nobody is typing', async () => {
    const { m } = await openWithOneStep();
    await nextPageArrives();
    await waitFor(() => expect(editorOf(m.container, 'st1')).not.toBeNull());
    expect(editorOf(m.container, 'st0')).toBeNull();
    expect(arrival(m.container)).toBeNull();
  });

  it('takes no digit as a rating when the field it was typed in was just removed', async () => {
    const { m } = await openWithOneStep();
    // Focus on a rating radio of step 1 (no caret: the new step takes over), then it is re-rendered away.
    editorOf(m.container, 'st0')!.querySelector<HTMLInputElement>('input[type="radio"]')!.focus();
    await nextPageArrives();
    await waitFor(() => expect(editorOf(m.container, 'st1')).not.toBeNull());
    expect(document.activeElement).toBe(document.body);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { code: 'Digit5', bubbles: true }));
    await sleep(50);
    expect(await stored('st1')).toMatchObject({ ease: null });
    // A press anywhere is a deliberate choice again: the next digit rates.
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { code: 'Digit5', bubbles: true }));
    await waitFor(async () => expect((await stored('st1'))?.ease).toBe(5));
  });
});
