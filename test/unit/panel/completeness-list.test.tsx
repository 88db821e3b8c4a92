// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CriterionMark } from '../../../src/domain/model.ts';
import { RUBRIC_V1 } from '../../../src/domain/rubric.ts';
import { CompletenessList } from '../../../src/panel/components/CompletenessList.tsx';
import { makeAudit, makeStep, mark } from '../scores/factory.ts';
import type { FakeBackend } from './fake-backend.ts';
import { allByRole, byRole, click, freshPanelTest, mount, text, unmountAll } from './harness.tsx';

let backend: FakeBackend;

beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

/** Every criterion passed, then the given ones set. */
function allPassed(set: Record<string, CriterionMark | undefined> = {}): Record<string, CriterionMark> {
  const marks: Record<string, CriterionMark> = {};
  for (const c of RUBRIC_V1.criteria) marks[c.id] = mark('pass');
  for (const [id, m] of Object.entries(set)) {
    if (m) marks[id] = m;
    else delete marks[id];
  }
  return marks;
}

const ratedSteps = () => [
  makeStep({ id: 'c0', index: 0, ease: 6, valence: 1 }),
  makeStep({ id: 'c1', index: 1, ease: 2, valence: null, note: '  ' }),
  makeStep({ id: 'c2', index: 2, ease: null, valence: 0 }),
];

const items = (c: HTMLElement) => [...c.querySelectorAll('.completeness__text')].map(text);

describe('CompletenessList', () => {
  it('lists what is missing, in panel order, and Go to hands over the step or criterion', async () => {
    const onJump = vi.fn<Parameters<typeof CompletenessList>[0]['onJump']>();
    const audit = makeAudit({
      rubric: { rubricVersion: 'v1', marks: allPassed({ F1: undefined, F4: mark('fail', 1, ' ') }) },
    });
    const c = mount(backend, <CompletenessList audit={audit} steps={ratedSteps()} onJump={onJump} />).container;
    expect(items(c)).toEqual([
      'Step 2: valence missing',
      'Step 2: ease 2 needs a note',
      'Step 3: ease missing',
      'F1: no mark',
      'F4: a fail needs a comment',
    ]);
    expect(text(c.querySelector('h2'))).toBe('What is missing Missing items: 5');

    click(byRole(c, 'button', 'Go to: Step 3: ease missing'));
    expect(onJump).toHaveBeenLastCalledWith({ stepId: 'c2' });
    click(byRole(c, 'button', 'Go to: F4: a fail needs a comment'));
    expect(onJump).toHaveBeenLastCalledWith({ criterionId: 'F4' });
    click(byRole(c, 'button', 'Go to: F1: no mark'));
    expect(onJump).toHaveBeenLastCalledWith({ criterionId: 'F1' });
    expect(onJump).toHaveBeenCalledTimes(3);
    // Every item has its visible "Go to".
    expect(allByRole(c, 'button', /^Go to/).map((b) => b.textContent)).toEqual(Array(5).fill('Go to'));
  });

  it('says "Complete" when nothing is missing', () => {
    const audit = makeAudit({
      rubric: { rubricVersion: 'v1', marks: allPassed({ F2: mark('fail', 1, 'Fees at the end'), M3: mark('na') }) },
    });
    const steps = [makeStep({ id: 'd0', index: 0, ease: 1, valence: -4, note: 'Could not find the button' })];
    const c = mount(backend, <CompletenessList audit={audit} steps={steps} onJump={() => {}} />).container;
    expect(text(byRole(c, 'status'))).toBe('Complete Every step is rated and every criterion is marked.');
    expect(allByRole(c, 'button')).toHaveLength(0);
  });

  it('an audit without steps is not complete, and that item has no Go to', () => {
    const audit = makeAudit({ rubric: { rubricVersion: 'v1', marks: allPassed() } });
    const c = mount(backend, <CompletenessList audit={audit} steps={[]} onJump={() => {}} />).container;
    expect(items(c)).toEqual(['No steps recorded yet']);
    expect(allByRole(c, 'button')).toHaveLength(0);
  });
});
