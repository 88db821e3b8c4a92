// @vitest-environment jsdom
// Templates that name touchpoints, in the panel: the completeness list says which expected
// touchpoint the audit lacks, and the add-touchpoint form starts on the channel expected where the
// touchpoint goes, giving it that stage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Step } from '../../../src/domain/model.ts';
import { ECOMMERCE_TEMPLATE } from '../../../src/domain/templates.ts';
import { CompletenessList } from '../../../src/panel/components/CompletenessList.tsx';
import { AddTouchpoint, type TouchpointDraft } from '../../../src/panel/views/touchpoint/AddTouchpoint.tsx';
import { makeAudit, makeStep } from '../scores/factory.ts';
import type { FakeBackend } from './fake-backend.ts';
import { byRole, choose, click, freshPanelTest, mount, sleep, text, unmountAll, waitFor } from './harness.tsx';

let backend: FakeBackend;

beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

const journey = (): Step[] => [
  makeStep({ id: 'j0', index: 0, stage: 'cart', ease: 6, valence: 1 }),
  makeStep({ id: 'j1', index: 1, stage: 'checkout-details', alsoStages: ['delivery', 'payment'], ease: 5, valence: 0 }),
  makeStep({ id: 'j2', index: 2, stage: 'confirmation', ease: 7, valence: 3 }),
];

const advice = (c: HTMLElement) => [...c.querySelectorAll('.completeness__advice')].map(text);

describe('CompletenessList: expected touchpoints', () => {
  it('says post-purchase expects a delivery until the audit has one there', async () => {
    const audit = makeAudit({ templateId: 'e-commerce', templateVersion: 1 });
    const c = mount(backend, <CompletenessList audit={audit} steps={journey()} onJump={() => {}} />).container;
    await waitFor(() => expect(advice(c).length).toBeGreaterThan(0));
    expect(advice(c)).toEqual(['Stage \u2068Post-purchase\u2069 expects a touchpoint: Delivery']);
    expect(c.querySelector('[data-kind="expected-touchpoint"]')?.getAttribute('data-channel')).toBe('delivery');

    await unmountAll();
    const delivered = [
      ...journey(),
      makeStep({ id: 'j3', index: 3, stage: 'post-purchase', kind: 'touchpoint', channel: 'delivery', url: '' }),
    ];
    const again = mount(backend, <CompletenessList audit={audit} steps={delivered} onJump={() => {}} />).container;
    await waitFor(() => expect(again.querySelector('.completeness__items')).not.toBeNull());
    // Given time to read the template, it still lists nothing expected.
    await new Promise((r) => setTimeout(r, 50));
    expect(advice(again)).toEqual([]);
  });
});

describe('AddTouchpoint: the expected channel', () => {
  const form = (after: Step | null, onAdd: (draft: TouchpointDraft) => Promise<void>) =>
    mount(
      backend,
      <AddTouchpoint steps={journey()} after={after} template={ECOMMERCE_TEMPLATE} onAdd={onAdd} onCancel={() => {}} />,
    ).container;

  it('after the confirmation page it starts on Delivery, and the touchpoint takes post-purchase', async () => {
    const onAdd = vi.fn<(draft: TouchpointDraft) => Promise<void>>(async () => {});
    const c = form(journey()[2]!, onAdd);
    const channel = byRole<HTMLSelectElement>(c, 'combobox', /^Channel/);
    expect(channel.value).toBe('delivery');
    click(byRole(c, 'button', 'Add step'));
    await waitFor(() => expect(onAdd).toHaveBeenCalled());
    expect(onAdd.mock.calls[0]?.[0]).toMatchObject({ channel: 'delivery', position: 3, stage: 'post-purchase' });
  });

  it('elsewhere it starts on a phone call with no stage; a channel the auditor picks stays', async () => {
    const onAdd = vi.fn<(draft: TouchpointDraft) => Promise<void>>(async () => {});
    const c = form(journey()[0]!, onAdd);
    const channel = byRole<HTMLSelectElement>(c, 'combobox', /^Channel/);
    expect(channel.value).toBe('phone');
    choose(channel, 'chat');
    await sleep(20);
    // Moved to the end of the journey, where a delivery is expected: the auditor's chat stays.
    choose(byRole<HTMLSelectElement>(c, 'combobox', /^Place in the journey/), '3');
    await sleep(20);
    expect(channel.value).toBe('chat');
    click(byRole(c, 'button', 'Add step'));
    await waitFor(() => expect(onAdd).toHaveBeenCalled());
    expect(onAdd.mock.calls[0]?.[0]).toMatchObject({ channel: 'chat', position: 3, stage: null });
  });
});
