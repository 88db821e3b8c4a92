// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Audit, Step } from '../../../src/domain/model.ts';
import { App } from '../../../src/panel/App.tsx';
import { readAuditTail } from '../../../src/panel/audit-data.ts';
import { STEP_PAGE } from '../../../src/panel/boot.ts';
import { AuditView } from '../../../src/panel/views/AuditView.tsx';
import { openPeakendDb } from '../../../src/store/index.ts';
import { makeAudit, makeStep } from '../scores/factory.ts';
import type { FakeBackend } from './fake-backend.ts';
import { byRole, click, freshPanelTest, mount, seed, text, unmountAll, waitFor } from './harness.tsx';

const AUDIT_ID = 'aud_long';
let backend: FakeBackend;

beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

function longAudit(n: number): { audit: Audit; steps: Step[] } {
  const audit = makeAudit({ id: AUDIT_ID, status: 'running', site: 'Northwind' });
  const steps = Array.from({ length: n }, (_, i) =>
    makeStep({ id: `st${i}`, auditId: AUDIT_ID, index: i, title: `Page ${i}`, ease: null, valence: null }),
  );
  return { audit, steps };
}

const cardIndexes = (c: HTMLElement) =>
  [...c.querySelectorAll<HTMLElement>('li.step')].map((li) => Number(li.dataset.stepIndex));
const titleOf = (c: HTMLElement, index: number) =>
  text(c.querySelector(`li.step[data-step-index="${index}"] .step__title`));
const list = (c: HTMLElement) => c.querySelector<HTMLElement>('ol.steps');

describe('AuditView on a long audit', () => {
  it('shows the newest cards first, then the window, then earlier steps on request', async () => {
    const { audit, steps } = longAudit(60);
    await seed(audit, steps);
    const m = mount(backend, <AuditView auditId={AUDIT_ID} onBack={() => undefined} />);
    await waitFor(() => expect(list(m.container)).not.toBeNull());
    // The first screen: the newest steps, with the audit's real total.
    expect(list(m.container)?.dataset.total).toBe('60');
    const first = cardIndexes(m.container);
    expect(first.at(-1)).toBe(59);
    await waitFor(() => expect(cardIndexes(m.container)).toHaveLength(STEP_PAGE));
    expect(first.length).toBeLessThan(STEP_PAGE);
    expect(cardIndexes(m.container)).toEqual(Array.from({ length: STEP_PAGE }, (_, i) => 60 - STEP_PAGE + i));
    // Older steps arrive right after: the list can reach back to step 1.
    const earlier = await waitFor(() => byRole(m.container, 'button', /Show 25 earlier steps \(of 35\)/));
    click(earlier);
    await waitFor(() => expect(cardIndexes(m.container)[0]).toBe(10));
    click(byRole(m.container, 'button', /Show 10 earlier steps \(of 10\)/));
    await waitFor(() => expect(cardIndexes(m.container)).toEqual(Array.from({ length: 60 }, (_, i) => i)));
  });

  it('re-reads only the step a worker event names, and everything on an event naming none', async () => {
    const { audit, steps } = longAudit(30);
    await seed(audit, steps);
    const m = mount(backend, <AuditView auditId={AUDIT_ID} onBack={() => undefined} />);
    await waitFor(() => expect(cardIndexes(m.container)).toHaveLength(STEP_PAGE));
    await waitFor(() => byRole(m.container, 'button', /Show 5 earlier steps/));
    const db = await openPeakendDb();
    await db.put('steps', { ...steps[29]!, title: 'Order confirmed' });
    await db.put('steps', { ...steps[28]!, title: 'Payment <b>' });
    backend.changed(AUDIT_ID, 'st29');
    await waitFor(() => expect(titleOf(m.container, 29)).toBe('Order confirmed'));
    // The step the event did not name keeps what was read before.
    expect(titleOf(m.container, 28)).toBe('Page 28');
    // A new step named by an event is appended.
    await db.put('steps', makeStep({ id: 'st30', auditId: AUDIT_ID, index: 30, title: 'Thank you' }));
    await db.put('audits', { ...audit, stepCount: 31 });
    backend.changed(AUDIT_ID, 'st30');
    await waitFor(() => expect(titleOf(m.container, 30)).toBe('Thank you'));
    expect(list(m.container)?.dataset.total).toBe('31');
    // An event naming no step re-reads the audit whole.
    backend.changed(AUDIT_ID, null);
    await waitFor(() => expect(titleOf(m.container, 28)).toBe('Payment <b>'));
    expect(m.container.querySelector('li.step b')).toBeNull();
  });
});

describe('App opened with what the boot read', () => {
  it('shows the active audit in its first render, with no loading state', async () => {
    const { audit, steps } = longAudit(40);
    await seed(audit, steps);
    const data = await readAuditTail(await openPeakendDb(), AUDIT_ID, STEP_PAGE);
    expect(data?.before).toBe(15);
    const m = mount(backend, <App boot={{ view: 'audit', auditId: AUDIT_ID, data }} />);
    // render() is synchronous: no effect or read has run yet.
    expect(text(m.container)).not.toContain('Loading');
    expect(text(m.container.querySelector('h1'))).toBe('Northwind');
    expect(list(m.container)?.dataset.total).toBe('40');
    expect(cardIndexes(m.container).at(-1)).toBe(39);
  });

  it('catches up with a change made between the boot read and the first render', async () => {
    const { audit, steps } = longAudit(3);
    await seed(audit, steps);
    const db = await openPeakendDb();
    const data = await readAuditTail(db, AUDIT_ID, STEP_PAGE);
    // The worker writes (and tells a panel that is not listening yet).
    await db.put('steps', { ...steps[2]!, title: 'Order confirmed' });
    const m = mount(backend, <App boot={{ view: 'audit', auditId: AUDIT_ID, data }} />);
    expect(titleOf(m.container, 2)).toBe('Page 2');
    await waitFor(() => expect(titleOf(m.container, 2)).toBe('Order confirmed'));
  });

  it('opens the library when the boot found no active audit', async () => {
    const m = mount(backend, <App boot={{ view: 'library' }} />);
    expect(await waitFor(() => byRole(m.container, 'button', /New audit/))).toBeTruthy();
  });
});
