// @vitest-environment jsdom
// The row that ends the panel's forms (probe, touchpoint, template, finding, review comment): what
// the form adds first, then its submit button, then Cancel, in that keyboard order; submit held
// while busy; Cancel submits nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FormActions } from '../../../src/panel/components/FormActions.tsx';
import type { FakeBackend } from './fake-backend.ts';
import { byRole, click, freshPanelTest, mount, unmountAll } from './harness.tsx';

let backend: FakeBackend;
beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

function form(props: { busy?: boolean; log: string[] }) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.log.push('submit');
      }}
    >
      <FormActions submit="Start" busy={props.busy} onCancel={() => props.log.push('cancel')}>
        <button type="button" onClick={() => props.log.push('extra')}>
          Add stage
        </button>
      </FormActions>
    </form>
  );
}

describe('FormActions', () => {
  it('puts what the form adds, then submit, then Cancel, in keyboard order', () => {
    const { container } = mount(backend, form({ log: [] }));
    const buttons = [...container.querySelectorAll('button')];
    expect(buttons.map((b) => [b.textContent, b.type])).toEqual([
      ['Add stage', 'button'],
      ['Start', 'submit'],
      ['Cancel', 'button'],
    ]);
  });

  it('submits the form with its submit button and only cancels with Cancel', () => {
    const log: string[] = [];
    const { container } = mount(backend, form({ log }));
    click(byRole(container, 'button', 'Start'));
    click(byRole(container, 'button', 'Cancel'));
    click(byRole(container, 'button', 'Add stage'));
    expect(log).toEqual(['submit', 'cancel', 'extra']);
  });

  it('holds the submit button while busy, and Cancel stays usable', () => {
    const log: string[] = [];
    const { container } = mount(backend, form({ busy: true, log }));
    expect(byRole<HTMLButtonElement>(container, 'button', 'Start').disabled).toBe(true);
    click(byRole(container, 'button', 'Start'));
    click(byRole(container, 'button', 'Cancel'));
    expect(log).toEqual(['cancel']);
  });
});
