// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Audit, Step } from '../../../src/domain/model.ts';
import { computeScores } from '../../../src/domain/scores/index.ts';
import { SummaryView } from '../../../src/panel/views/SummaryView.tsx';
import { makeAudit, makeStep, mark, marksWith } from '../scores/factory.ts';
import type { FakeBackend } from './fake-backend.ts';
import { byRole, click, freshPanelTest, mount, seed, text, unmountAll, waitFor } from './harness.tsx';

const AUDIT_ID = 'aud summary&1';

let backend: FakeBackend;

beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

function journey(): { audit: Audit; steps: Step[] } {
  const steps = [
    makeStep({
      id: 'p0',
      auditId: AUDIT_ID,
      index: 0,
      title: 'Home',
      ease: 6,
      valence: 2,
      emotions: [{ emotion: 'interested', intensity: 3 }],
    }),
    makeStep({
      id: 'p1',
      auditId: AUDIT_ID,
      index: 1,
      title: 'Cart',
      ease: 3,
      valence: -3,
      emotions: [{ emotion: 'frustrated', intensity: 4 }],
    }),
    makeStep({
      id: 'p2',
      auditId: AUDIT_ID,
      index: 2,
      title: 'Thanks',
      ease: 7,
      valence: 1,
      emotions: [{ emotion: 'pleased', intensity: 2 }],
    }),
  ];
  const audit = makeAudit({
    id: AUDIT_ID,
    rubric: {
      rubricVersion: 'v1',
      marks: marksWith({ M1: mark('pass', 3), M2: mark('fail', 1, 'none'), F3: mark('partial'), S4: mark('pass') }),
    },
    endSurvey: { taskCompleted: true, ces: 6, rememberedValence: -1 },
  });
  return { audit, steps };
}

const metric = (c: HTMLElement, name: string): string => text(c.querySelector(`[data-metric="${name}"] dd`));
const label = (c: HTMLElement, name: string): string => text(c.querySelector(`[data-metric="${name}"] dt`));

async function renderSummary(audit: Audit, steps: Step[]) {
  await seed(audit, steps);
  const m = mount(backend, <SummaryView auditId={AUDIT_ID} />);
  await waitFor(() => {
    if (!m.container.querySelector('[data-metric="overall"]')) throw new Error('not yet');
  });
  return m.container;
}

describe('SummaryView', () => {
  it('shows the headline numbers of computeScores', async () => {
    const { audit, steps } = journey();
    const scores = computeScores(audit, steps);
    const c = await renderSummary(audit, steps);
    expect(label(c, 'pe100')).toBe('Peak-end (PE100)');
    expect(scores.peakEnd).not.toBeNull();
    expect(metric(c, 'pe100')).toBe(String(Math.round(scores.peakEnd!.pe100)));
    expect(metric(c, 'pe100')).toBe('38'); // (v_peak -0.75 + v_end 0.25) / 2 = -0.25 -> 37.5
    expect(metric(c, 'overall')).toBe(String(Math.round(scores.overall.value!)));
    expect(metric(c, 'immersion')).toBe(String(Math.round(scores.immersion.value!)));
    expect(metric(c, 'effort100')).toBe(String(Math.round(scores.effort!.effort100)));
    expect(metric(c, 'nev')).toBe(`+${Math.round(scores.emotional.nev!)}`); // 100 * (5 - 4) / 9
    expect(metric(c, 'nev')).toBe('+11');
    expect(metric(c, 'ces')).toBe('6 / 7');
    expect(metric(c, 'completion')).toBe('Yes');
    expect(metric(c, 'memory-gap')).toBe('-0.25 remembered worse than lived'); // PE -0.25 - mean 0
    expect(metric(c, 'peak')).toBe('Step 2 · Cart valence -3');
    expect(metric(c, 'end')).toBe('Step 3 · Thanks valence +1');
    const bar = (element: string) => text(c.querySelector(`[data-element="${element}"] .summary__element-score`));
    expect(bar('multisensory')).toBe('75');
    expect(bar('frictionless')).toBe('50');
    expect(bar('storytelling')).toBe('100');
    expect(bar('interactive')).toBe('Not assessed');
    expect(text(c.querySelector('.summary__warnings'))).toContain(`Criteria not marked: ${28 - 4}`);
  });

  it('says "No emotions logged", shows dashes without ratings and warns about unrated steps', async () => {
    const steps = [
      makeStep({ id: 'q0', auditId: AUDIT_ID, index: 0, title: 'Home' }),
      makeStep({ id: 'q1', auditId: AUDIT_ID, index: 1, title: 'Cart', ease: 5 }),
    ];
    const c = await renderSummary(makeAudit({ id: AUDIT_ID }), steps);
    expect(metric(c, 'nev')).toBe('No emotions logged');
    expect(metric(c, 'pe100')).toBe('—');
    expect(metric(c, 'memory-gap')).toBe('—');
    expect(metric(c, 'ces')).toBe('Not answered');
    expect(metric(c, 'completion')).toBe('Not answered');
    expect(c.querySelector('[data-metric="peak"]')).toBeNull();
    const warnings = [...c.querySelectorAll('.summary__warnings li')].map(text);
    expect(warnings).toEqual([
      'Steps without a valence rating: 2',
      'Steps without an ease rating: 1',
      'Criteria not marked: 28',
    ]);
  });

  it('flags a failed critical criterion', async () => {
    const { audit, steps } = journey();
    audit.rubric.marks = marksWith({ F1: mark('fail', 1, 'Account forced'), F6: mark('pass') });
    const c = await renderSummary(audit, steps);
    const critical = c.querySelector('[data-warning="critical"]');
    expect(text(critical)).toBe(
      'Critical criterion failed: F1 Guest checkout, no forced account (Frictionless capped at 50)',
    );
    expect(text(c.querySelector('[data-element="frictionless"] .badge--capped'))).toBe('Capped at 50');
  });

  it('"Open report" opens the report page of this audit', async () => {
    const { audit, steps } = journey();
    const c = await renderSummary(audit, steps);
    click(byRole(c, 'button', 'Open report'));
    expect(backend.opened).toEqual(['src/report/report.html?audit=' + encodeURIComponent(AUDIT_ID)]);
    expect(backend.opened[0]).toBe('src/report/report.html?audit=aud%20summary%261');
  });
});
