// @vitest-environment jsdom
// The panel's probe controls over the real store: a probe started on a page step, removed and
// brought back with Undo; none offered on a delivery; expectation settings stored as typed, a value
// that cannot be an expectation refused with a message and not stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Step } from '../../../src/domain/model.ts';
import { ExpectationSettings } from '../../../src/panel/components/ExpectationSettings.tsx';
import { useProbes } from '../../../src/panel/probes-data.ts';
import { StepProbes } from '../../../src/panel/views/probe/StepProbes.tsx';
import { getExpectations, insertTouchpoint, listProbes, openPeakendDb, putAudit } from '../../../src/store/index.ts';
import { makeStep } from '../scores/factory.ts';
import { sampleAudit, T0 } from '../fixtures.ts';
import type { FakeBackend } from '../panel/fake-backend.ts';
import { byRole, click, freshPanelTest, mount, type, unmountAll, waitFor } from '../panel/harness.tsx';

let backend: FakeBackend;
beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

const AUDIT = 'aud_1';

function Probes({ step }: { step: Step }) {
  const { probes, reload } = useProbes(step.auditId);
  return (
    <StepProbes
      step={step}
      probes={probes.filter((p) => p.stepId === step.id)}
      onChanged={() => void reload()}
      onError={(error) => {
        throw error;
      }}
    />
  );
}

function found<E extends Element = HTMLElement>(root: ParentNode, selector: string): E {
  const el = root.querySelector<E>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

async function stored() {
  return listProbes(await openPeakendDb(), AUDIT);
}

describe('probe controls', () => {
  it('start a probe on a page step, remove it, and bring it back with Undo', async () => {
    const db = await openPeakendDb();
    await putAudit(db, sampleAudit({ id: AUDIT }));
    const page = makeStep({ id: 'stp_0', auditId: AUDIT, index: 0 });
    await db.put('steps', page);
    const { container } = mount(backend, <Probes step={page} />);

    click(byRole(container, 'button', 'Start probe'));
    type(
      await waitFor(() => byRole<HTMLInputElement>(container, 'textbox', 'What you asked')),
      'Do you ship to Gdańsk?',
    );
    const before = Date.now();
    click(byRole(container, 'button', 'Start'));
    const [probe] = await waitFor(async () => {
      const rows = await stored();
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(probe).toMatchObject({ stepId: 'stp_0', channel: 'chat', question: 'Do you ship to Gdańsk?' });
    expect(probe!.sentAt).toBeGreaterThanOrEqual(before);
    const card = await waitFor(() => found(container, `[data-probe-id="${probe!.id}"]`));
    expect(card.getAttribute('data-outcome')).toBe('open');

    click(byRole(card, 'button', 'Remove probe'));
    await waitFor(async () => expect(await stored()).toEqual([]));
    await waitFor(() => expect(container.textContent).toContain('Probe removed.'));
    click(byRole(container, 'button', 'Undo'));
    await waitFor(async () => expect((await stored()).map((p) => p.id)).toEqual([probe!.id]));
    await waitFor(() => expect(container.querySelector(`[data-probe-id="${probe!.id}"]`)).not.toBeNull());
  });

  it('offers no probe on a delivery', async () => {
    const db = await openPeakendDb();
    await putAudit(db, sampleAudit({ id: AUDIT }));
    const delivery = await insertTouchpoint(
      db,
      AUDIT,
      { channel: 'delivery', title: 'Parcel', occurredAt: null },
      0,
      T0,
    );
    const { container } = mount(backend, <Probes step={delivery} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).toBe('');
  });

  it('store each channel expectation as set, and refuse one that cannot be', async () => {
    const { container } = mount(backend, <ExpectationSettings onError={() => undefined} />);
    const chat = await waitFor(() => found<HTMLInputElement>(container, '#expectation-chat'));
    expect(chat.value).toBe('2');
    type(chat, '5');
    await waitFor(async () => expect((await getExpectations(await openPeakendDb())).chat).toBe(5 * 60_000));

    const unit = byRole<HTMLSelectElement>(container, 'combobox', 'Unit for E-mail or web form');
    expect(unit.value).toBe('hours');
    unit.value = 'none';
    unit.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(async () => expect((await getExpectations(await openPeakendDb())).email).toBeNull());

    type(found<HTMLInputElement>(container, '#expectation-messaging'), '0');
    await waitFor(() => expect(byRole(container, 'alert').textContent).toMatch(/above zero/));
    expect((await getExpectations(await openPeakendDb())).messaging).toBe(15 * 60_000);
  });
});
