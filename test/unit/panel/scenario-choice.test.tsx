// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Step } from '../../../src/domain/model.ts';
import { SummaryView } from '../../../src/panel/views/SummaryView.tsx';
import { openPeakendDb } from '../../../src/store/index.ts';
import { makeAudit, makeStep } from '../scores/factory.ts';
import type { FakeBackend } from './fake-backend.ts';
import { byRole, choose, click, freshPanelTest, mount, seed, text, unmountAll, waitFor } from './harness.tsx';

const AUDIT_ID = 'aud scenario';

let backend: FakeBackend;

beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

/** Home, a chat with the shop's support, checkout: one contact with a person before the last page. */
function journey(): Step[] {
  return [
    makeStep({ id: 's0', auditId: AUDIT_ID, index: 0, title: 'Home', ease: 6, valence: 2 }),
    makeStep({
      id: 's1',
      auditId: AUDIT_ID,
      index: 1,
      title: 'Asked about sizes',
      kind: 'touchpoint',
      channel: 'chat',
      ease: 5,
      valence: 1,
    }),
    makeStep({ id: 's2', auditId: AUDIT_ID, index: 2, title: 'Checkout', ease: 6, valence: 2 }),
  ];
}

async function render() {
  const m = mount(backend, <SummaryView auditId={AUDIT_ID} />);
  return waitFor(() => {
    const section = m.container.querySelector<HTMLElement>('.scenario-choice');
    if (!section) throw new Error('not yet');
    return section;
  });
}

const stored = async () => (await (await openPeakendDb()).get('audits', AUDIT_ID))?.touchpoint ?? null;

describe('ScenarioChoice (in the summary)', () => {
  it('shows the suggested scenario with its reasons, and "Use this scenario" sets it on the audit', async () => {
    await seed(makeAudit({ id: AUDIT_ID, touchpoint: null }), journey());
    const section = await render();
    const suggestion = section.querySelector('[data-role="scenario-suggestion"]');
    expect(suggestion?.getAttribute('data-scenario')).toBe('2');
    expect(text(suggestion?.querySelector('strong'))).toBe('2 · Trust gap');
    expect(text(suggestion?.querySelector('[data-reason="contacts-before-end"]'))).toBe(
      'Contacts with people before the end of the journey: 1 (Chat).',
    );
    const select = byRole<HTMLSelectElement>(section, 'combobox', 'Set for this audit');
    expect(select.value).toBe('');

    click(byRole(section, 'button', 'Use this scenario'));
    await waitFor(async () => expect(await stored()).toBe(2));
    await waitFor(() => expect(section.querySelector('button')).toBeNull());
    expect(byRole<HTMLSelectElement>(section, 'combobox', 'Set for this audit').value).toBe('2');
    expect(document.activeElement).toBe(byRole(section, 'combobox', 'Set for this audit'));
    expect(text(section.querySelector('[data-role="scenario-state"]'))).toBe(
      'The auditor set the suggested scenario; the scores use it.',
    );
  });

  it('lets the auditor choose another scenario, or none, and offers the suggestion again', async () => {
    await seed(makeAudit({ id: AUDIT_ID, touchpoint: 2 }), journey());
    const section = await render();
    choose(byRole<HTMLSelectElement>(section, 'combobox', 'Set for this audit'), '4');
    await waitFor(async () => expect(await stored()).toBe(4));
    await waitFor(() => expect(text(section.querySelector('[data-role="scenario-state"]'))).toContain('another'));
    expect(byRole(section, 'button', 'Use this scenario')).toBeTruthy();

    choose(byRole<HTMLSelectElement>(section, 'combobox', 'Set for this audit'), '');
    await waitFor(async () => expect(await stored()).toBeNull());
  });
});
