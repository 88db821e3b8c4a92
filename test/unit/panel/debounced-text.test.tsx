// @vitest-environment jsdom
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoteField } from '../../../src/panel/components/NoteField.tsx';
import type { FakeBackend } from './fake-backend.ts';
import { byRole, click, freshPanelTest, mount, sleep, unmountAll } from './harness.tsx';

let backend: FakeBackend;
beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

describe('text saved as typed', () => {
  it('goes to the owner it was typed for when the field is handed to another owner mid-pause', async () => {
    const saved: Array<[string, string]> = [];
    function Handover() {
      const [stepId, setStepId] = useState('st0');
      return (
        <>
          <button type="button" onClick={() => setStepId('st1')}>
            next
          </button>
          <NoteField
            stepId={stepId}
            value=""
            emotions={[]}
            lang="en"
            onSave={async (note) => void saved.push([stepId, note])}
            onAcceptEmotion={() => undefined}
          />
        </>
      );
    }
    const m = mount(backend, <Handover />);
    const note = m.container.querySelector('textarea')!;
    note.focus();
    note.value = 'Filters are hard to find';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    // Inside the pause before the save: the field now serves the next step.
    click(byRole(m.container, 'button', 'next'));
    await sleep(250);
    expect(saved).toEqual([['st0', 'Filters are hard to find']]);
    expect(m.container.querySelector('textarea')!.value).toBe('');
  });
});
