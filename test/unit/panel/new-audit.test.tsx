// @vitest-environment jsdom
// The New audit form pre-fills the pseudonym from the last audit, a reading that arrives after the
// form is on screen: an auditor who has already emptied the field or typed a name keeps what they typed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewAudit } from '../../../src/panel/views/NewAudit.tsx';
import { ToWorker } from '../../../src/protocol.ts';
import { makeAudit } from '../scores/factory.ts';
import type { FakeBackend } from './fake-backend.ts';
import { blur, byRole, click, freshPanelTest, mount, seed, sleep, type, unmountAll, waitFor } from './harness.tsx';

let backend: FakeBackend;
/** Lets the test decide when the worker describes the tab (the store is read after that). */
let describeTab: () => void;

beforeEach(() => {
  backend = freshPanelTest({
    responses: {
      [ToWorker.DescribeTarget]: () =>
        new Promise((resolve) => {
          describeTab = () =>
            resolve({
              url: 'https://shop.example/',
              viewport: { width: 1280, height: 800 },
              browser: 'Chromium',
              locale: 'en',
            });
        }),
    },
  });
});
afterEach(() => unmountAll());

const auditorField = (root: HTMLElement) => byRole<HTMLInputElement>(root, 'textbox', 'Auditor pseudonym');

/** The form, after an audit by "keeper", once it has asked the worker to describe the tab (not yet answered). */
async function openForm() {
  await seed(makeAudit({ id: 'aud_last', auditor: 'keeper' }));
  const m = mount(backend, <NewAudit onStarted={() => undefined} onCancel={() => undefined} />);
  await waitFor(() => expect(backend.requests.length).toBe(1));
  return m;
}

describe('NewAudit', () => {
  it('fills in the last pseudonym while the field is untouched', async () => {
    const m = await openForm();
    describeTab();
    await waitFor(() => expect(auditorField(m.container).value).toBe('keeper'));
  });

  it('keeps a field the auditor emptied or typed in before the last pseudonym was read', async () => {
    const m = await openForm();
    // Typed, then emptied (as a select-all and delete before typing a new name does).
    type(auditorField(m.container), 'dove');
    type(auditorField(m.container), '');
    describeTab();
    await sleep(100);
    expect(auditorField(m.container).value).toBe('');
    type(auditorField(m.container), 'doomed');
    await sleep(50);
    expect(auditorField(m.container).value).toBe('doomed');
  });

  it('leaves the field the caret is in to the auditor: a reading arriving after focus fills nothing in it', async () => {
    const m = await openForm();
    const site = byRole<HTMLInputElement>(m.container, 'textbox', 'Site name');
    auditorField(m.container).focus();
    describeTab();
    await sleep(100);
    // Otherwise the first keystrokes would land after "keeper" in the field; the site, not focused, is filled.
    expect(auditorField(m.container).value).toBe('');
    expect(site.value).toBe('shop.example');
    type(auditorField(m.container), 'doomed');
    await sleep(50);
    expect(auditorField(m.container).value).toBe('doomed');
  });

  it('fills a field the auditor only passed through with the reading that arrived meanwhile, once they leave it', async () => {
    const m = await openForm();
    auditorField(m.container).focus();
    describeTab();
    await sleep(100);
    expect(auditorField(m.container).value).toBe('');
    blur(auditorField(m.container));
    await waitFor(() => expect(auditorField(m.container).value).toBe('keeper'));
  });

  it('starts at once when the tab has not been described yet: the site is left to the worker to name', async () => {
    let started = '';
    const m = mount(backend, <NewAudit onStarted={(id) => (started = id)} onCancel={() => undefined} />);
    await waitFor(() => expect(backend.requests.length).toBe(1));
    backend.responses[ToWorker.StartAudit] = { auditId: 'aud_new' };
    type(auditorField(m.container), 'fox');
    await sleep(0);
    // The site name is still empty: the tab's description has not arrived.
    expect(byRole<HTMLInputElement>(m.container, 'textbox', 'Site name').value).toBe('');
    click(byRole(m.container, 'button', 'Start audit'));
    await waitFor(() => expect(started).toBe('aud_new'));
    const start = backend.requests.find((r) => r.type === ToWorker.StartAudit)?.req as
      { draft: { site: string; auditor: string } } | undefined;
    expect(start?.draft).toMatchObject({ site: '', auditor: 'fox' });
  });
});
