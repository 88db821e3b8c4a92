// @vitest-environment jsdom
// The masking switch shows the auditor's choice at once and keeps it through a re-render from the
// stored audit that arrives before the write lands; a failed write puts the switch back. The extra
// selectors are saved as typed, handed to the worker when the panel closes, and a mistyped one is named.
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Audit } from '../../../src/domain/model.ts';
import { PrivacyControls } from '../../../src/panel/components/PrivacyControls.tsx';
import { ToWorker } from '../../../src/protocol.ts';
import { getAudit, openPeakendDb, patchAudit } from '../../../src/store/index.ts';
import { makeAudit } from '../scores/factory.ts';
import type { FakeBackend } from './fake-backend.ts';
import { allByRole, byRole, freshPanelTest, mount, seed, sleep, type, unmountAll, waitFor } from './harness.tsx';

let backend: FakeBackend;
beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

/**
 * Renders the controls for `initial`. As given, the copy stays stale (as the panel holds it until its
 * re-read; `rerender` renders it again); `live`, each save re-reads the audit as the audit view does.
 * `show` hands the controls another copy (a change made in another panel, say).
 */
function render(initial: Audit, { live = false } = {}) {
  let rerender = () => undefined as void;
  let show: (audit: Audit) => void = () => undefined;
  const errors: unknown[] = [];
  function Host() {
    const [audit, setAudit] = useState(initial);
    const [, set] = useState(0);
    rerender = () => set((n) => n + 1);
    show = setAudit;
    const reload = async () => {
      const fresh = await getAudit(await openPeakendDb(), initial.id);
      if (fresh) setAudit(fresh);
    };
    return <PrivacyControls audit={audit} onChanged={() => void (live && reload())} onError={(e) => errors.push(e)} />;
  }
  const m = mount(backend, <Host />);
  const box = byRole<HTMLInputElement>(m.container, 'checkbox', 'Mask sensitive fields before each screenshot');
  return { m, box, errors, rerender: () => rerender(), show: (audit: Audit) => show(audit) };
}

function toggle(box: HTMLInputElement) {
  box.checked = !box.checked;
  box.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('PrivacyControls: the masking switch', () => {
  it('stays off through a re-render from the audit read before the write, and the write lands', async () => {
    const audit = makeAudit({ id: 'aud_priv', status: 'running', masking: true });
    await seed(audit);
    const { m, box, rerender } = render(audit);
    expect(box.checked).toBe(true);
    toggle(box);
    rerender();
    await sleep(0);
    expect(box.checked).toBe(false);
    expect(m.container.textContent).toContain('Privacy: masking OFF');
    await waitFor(async () => expect((await getAudit(await openPeakendDb(), 'aud_priv'))?.masking).toBe(false));
  });

  it('shows a later change made elsewhere once its own choice is stored', async () => {
    const audit = makeAudit({ id: 'aud_priv', status: 'running', masking: false });
    await seed(audit);
    const { m, box, show } = render(audit, { live: true });
    toggle(box);
    await waitFor(async () => expect((await getAudit(await openPeakendDb(), 'aud_priv'))?.masking).toBe(true));
    await sleep(50);
    // Another panel turns masking off again: this one must say so, not hold on to its old choice.
    const db = await openPeakendDb();
    show(await patchAudit(db, 'aud_priv', { masking: false }, new Date().toISOString()));
    await sleep(50);
    expect(box.checked).toBe(false);
    expect(m.container.textContent).toContain('Privacy: masking OFF');
  });

  it('goes back on when the write fails, and says why', async () => {
    // Not in the store: the write fails.
    const { box, errors } = render(makeAudit({ id: 'aud_gone', status: 'running', masking: true }));
    toggle(box);
    await waitFor(() => expect(errors).toHaveLength(1));
    await sleep(0);
    expect(box.checked).toBe(true);
    expect(errors[0]).toMatchObject({ error: { code: 'audit-missing', auditId: 'aud_gone' } });
  });
});

describe('PrivacyControls: extra selectors', () => {
  const field = (root: HTMLElement) =>
    byRole<HTMLInputElement>(root, 'textbox', 'Also mask (CSS selectors, comma-separated)');
  const stored = async () => (await getAudit(await openPeakendDb(), 'aud_sel'))?.maskSelectors;

  it('are saved after a pause in typing, without leaving the field, split at top-level commas only', async () => {
    const audit = makeAudit({ id: 'aud_sel', status: 'running', maskSelectors: [] });
    await seed(audit);
    const { m } = render(audit);
    type(field(m.container), '.loyalty-number, [data-x="1,2"], :is(.a, .b)');
    await waitFor(async () => expect(await stored()).toEqual(['.loyalty-number', '[data-x="1,2"]', ':is(.a, .b)']));
    expect(allByRole(m.container, 'alert')).toEqual([]);
  });

  it('name a selector the browser cannot parse, which would mask nothing, once saved rather than mid-keystroke', async () => {
    const audit = makeAudit({ id: 'aud_sel', status: 'running', maskSelectors: [] });
    await seed(audit);
    const { m } = render(audit, { live: true });
    type(field(m.container), '.ok, #, div[');
    await sleep(0);
    expect(allByRole(m.container, 'alert')).toEqual([]);
    await waitFor(() =>
      expect(byRole(m.container, 'alert').textContent).toBe('Not a CSS selector, so it masks nothing: #, div['),
    );
    expect(field(m.container).getAttribute('aria-invalid')).toBe('true');
  });

  it('keep what the auditor typed when the saved list comes back: a trailing comma stays for the next selector', async () => {
    const audit = makeAudit({ id: 'aud_sel', status: 'running', maskSelectors: [] });
    await seed(audit);
    const { m } = render(audit, { live: true });
    type(field(m.container), '.loyalty-number,');
    await waitFor(async () => expect(await stored()).toEqual(['.loyalty-number']));
    await sleep(50);
    expect(field(m.container).value).toBe('.loyalty-number,');
    type(field(m.container), '.loyalty-number, #account-id');
    await waitFor(async () => expect(await stored()).toEqual(['.loyalty-number', '#account-id']));
  });

  it('go to the worker too when the panel closes before they are saved', async () => {
    const audit = makeAudit({ id: 'aud_sel', status: 'running', maskSelectors: [] });
    await seed(audit);
    // The page listeners are added in an effect, after the first paint: act() runs it before going on,
    // however slow the machine (a fixed sleep lost the pagehide under load).
    let mounted: ReturnType<typeof render> | undefined;
    await act(() => {
      mounted = render(audit);
    });
    const { m } = mounted!;
    type(field(m.container), '#account-id');
    window.dispatchEvent(new Event('pagehide'));
    expect(backend.requests.filter((r) => r.type === ToWorker.KeepText).map((r) => r.req)).toEqual([
      { kept: { kind: 'mask-selectors', auditId: 'aud_sel', text: '#account-id' } },
    ]);
    await waitFor(async () => expect(await stored()).toEqual(['#account-id']));
  });
});

describe('PrivacyControls: the text switch', () => {
  const label = 'Cover e-mails, phone numbers and card numbers shown as text';
  const stored = async () => (await getAudit(await openPeakendDb(), 'aud_text'))?.maskText;

  it('is on for an audit stored before it existed, and turning it off is stored on the audit', async () => {
    const audit = makeAudit({ id: 'aud_text', status: 'running', masking: true });
    delete audit.maskText;
    await seed(audit);
    const { m, rerender } = render(audit);
    const box = byRole<HTMLInputElement>(m.container, 'checkbox', label);
    expect(box.checked).toBe(true);
    toggle(box);
    rerender();
    await sleep(0);
    expect(box.checked).toBe(false);
    await waitFor(async () => expect(await stored()).toBe(false));
  });

  it('cannot be changed while masking itself is off', async () => {
    const audit = makeAudit({ id: 'aud_text', status: 'running', masking: false, maskText: true });
    await seed(audit);
    const { m, box } = render(audit, { live: true });
    expect(byRole<HTMLInputElement>(m.container, 'checkbox', label).disabled).toBe(true);
    toggle(box);
    await waitFor(() => expect(byRole<HTMLInputElement>(m.container, 'checkbox', label).disabled).toBe(false));
  });
});
