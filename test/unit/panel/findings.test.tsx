// @vitest-environment jsdom
// A step's findings: added from a field always on the step, edits that keep the finding's identity, a
// recommendation stored only when written, and a removal undone in place.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/domain/model.ts';
import { Findings } from '../../../src/panel/components/Findings.tsx';
import type { FakeBackend } from './fake-backend.ts';
import { byRole, choose, click, freshPanelTest, mount, sleep, text, type, unmountAll, waitFor } from './harness.tsx';

let backend: FakeBackend;
beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

const finding = (id: string, title: string, severity: number): Finding => ({
  id,
  title,
  severity,
  element: null,
  evidence: null,
  createdAt: '2026-12-05T10:00:00.000Z',
});

/** Findings kept as the step would keep them: every change re-renders with the new list. */
function renderFindings(initial: Finding[]) {
  let current = initial;
  const changes: Finding[][] = [];
  const m = mount(backend, <div id="host" />);
  const host = m.container.querySelector('#host')!;
  const draw = async () => {
    const { render } = await import('preact');
    render(
      <Findings
        findings={current}
        shots={[]}
        onChange={(next) => {
          current = next;
          changes.push(next);
          void draw();
        }}
      />,
      host,
    );
  };
  return { host, changes, draw, current: () => current };
}

describe('Findings', () => {
  it('adds one from the field always there: type, Enter; the caret stays for the next, severity resets', async () => {
    const f = renderFindings([]);
    await f.draw();
    const title = byRole<HTMLInputElement>(f.host, 'textbox', 'New finding');
    expect(title.placeholder).toBe('Add a finding…');
    const severity = byRole<HTMLSelectElement>(f.host, 'combobox', 'Severity');
    expect(severity.value).toBe('2');
    // Nothing typed, nothing added.
    title.form!.requestSubmit();
    await sleep(20);
    expect(f.changes).toHaveLength(0);

    title.focus();
    type(title, 'Coupon field hides the total');
    await sleep(20); // the render that takes the typed text
    title.form!.requestSubmit();
    await waitFor(() => expect(f.current()).toHaveLength(1));
    expect(f.current()[0]).toMatchObject({ title: 'Coupon field hides the total', severity: 2, element: null });
    expect('recommendation' in f.current()[0]!).toBe(false);
    await waitFor(() => expect(byRole<HTMLInputElement>(f.host, 'textbox', 'New finding').value).toBe(''));
    expect(document.activeElement).toBe(byRole(f.host, 'textbox', 'New finding'));

    // A second one, major: the severity beside the title, back to minor after.
    choose(byRole<HTMLSelectElement>(f.host, 'combobox', 'Severity'), '3');
    type(byRole<HTMLInputElement>(f.host, 'textbox', 'New finding'), '  No delivery date  ');
    await sleep(20);
    click(byRole(f.host, 'button', 'Add'));
    await waitFor(() => expect(f.current()).toHaveLength(2));
    expect(f.current()[1]).toMatchObject({ title: 'No delivery date', severity: 3 });
    expect(f.current()[0]!.id).not.toBe(f.current()[1]!.id);
    await waitFor(() => expect(byRole<HTMLSelectElement>(f.host, 'combobox', 'Severity').value).toBe('2'));
  });

  it('edits keep the id and the date; a recommendation is stored when written and dropped when cleared', async () => {
    const f = renderFindings([finding('fnd_a', 'No delivery date', 1)]);
    await f.draw();
    click(byRole(f.host, 'button', 'Edit'));
    const rec = await waitFor(() => byRole<HTMLTextAreaElement>(f.host, 'textbox', 'Recommendation (what to change)'));
    type(rec, '  Show the delivery date on the product page ');
    await sleep(20);
    click(byRole(f.host, 'button', 'Save changes'));
    await waitFor(() => expect(f.current()[0]?.recommendation).toBe('Show the delivery date on the product page'));
    expect(f.current()[0]).toMatchObject({ id: 'fnd_a', createdAt: '2026-12-05T10:00:00.000Z', severity: 1 });
    await waitFor(() => expect(text(f.host.querySelector('.finding__recommendation'))).toContain('delivery date'));

    click(byRole(f.host, 'button', 'Edit'));
    type(await waitFor(() => byRole<HTMLTextAreaElement>(f.host, 'textbox', 'Recommendation (what to change)')), '   ');
    await sleep(20);
    click(byRole(f.host, 'button', 'Save changes'));
    await waitFor(() => expect('recommendation' in f.current()[0]!).toBe(false));
    await waitFor(() => expect(document.activeElement).toBe(byRole(f.host, 'button', 'Edit')));
  });

  it('a removal says so with Undo, which puts the finding back where it was', async () => {
    const list = [finding('fnd_a', 'First', 3), finding('fnd_b', 'Second', 2), finding('fnd_c', 'Third', 1)];
    const f = renderFindings(list);
    await f.draw();
    const second = f.host.querySelector('[data-finding="fnd_b"]')!;
    click(byRole(second, 'button', 'Remove'));
    await waitFor(() => expect(f.current().map((x) => x.id)).toEqual(['fnd_a', 'fnd_c']));
    const status = f.host.querySelector('[role="status"]')!;
    await waitFor(() => expect(text(status)).toContain('Finding removed: Second'));
    await waitFor(() => expect(document.activeElement).toBe(byRole(f.host, 'button', 'Undo')));
    click(byRole(f.host, 'button', 'Undo'));
    await waitFor(() => expect(f.current()).toEqual(list));
    await waitFor(() => expect(text(status)).toBe(''));
  });
});
