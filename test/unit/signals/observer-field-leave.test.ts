// Inline validation: a message a page shows when a field is left is counted as a form error, while
// focus moving between buttons costs the page no call into the content script (the `focusout`
// listener is attached only while a field may have focus). jsdom's events are untrusted, so the
// click path (which arms the listener on a click into a field or a label) is covered end to end in
// test/e2e/step-logging.test.ts; here the listener is armed by autofocus and by `change`.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batches, observedPage, type ObservedPage } from './observed-page.ts';

let page: ObservedPage;
/** Which focusout listeners of the content script are attached at a given moment. */
const live = new Set<EventListenerOrEventListenerObject>();

beforeEach(() => {
  vi.useFakeTimers();
  live.clear();
  page = observedPage(`
    <form>
      <input id="email" required>
      <input id="name" required>
      <div role="alert" id="message"></div>
      <button type="button" id="go">Go</button>
      <button type="button" id="other">Other</button>
    </form>`);
  // The page's own inline validation: an empty required field left shows a message.
  for (const id of ['email', 'name']) {
    byId(id).addEventListener('blur', () => {
      if (!(byId(id) as HTMLInputElement).value) byId('message').textContent = `Enter your ${id}`;
    });
  }
  const { win } = page;
  const add = win.addEventListener.bind(win);
  const remove = win.removeEventListener.bind(win);
  vi.spyOn(win, 'addEventListener').mockImplementation((type, listener, options) => {
    if (type === 'focusout' && listener) live.add(listener);
    add(type, listener, options);
  });
  vi.spyOn(win, 'removeEventListener').mockImplementation((type, listener, options) => {
    if (type === 'focusout' && listener) live.delete(listener);
    remove(type, listener, options);
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function byId(id: string): HTMLElement {
  return page.doc.getElementById(id)!;
}

const lastErrors = () => batches(page.sent).at(-1)?.signals.formErrors;

describe('a field left', () => {
  it('counts the message the page shows, and listens for focus changes only while a field may have focus', async () => {
    // The page focused its first field itself (autofocus) before observing started.
    byId('email').focus();
    page.observer.start();
    // The form-error baseline is taken once the page is at rest.
    await vi.advanceTimersByTimeAsync(2500);
    expect(live.size).toBe(1);
    expect(lastErrors()).toBe(0);

    // Tab to the next field: still listening.
    byId('name').focus();
    expect(live.size).toBe(1);
    // Leaving for a button: the message the page showed is counted, and the listener is dropped.
    (byId('name') as HTMLInputElement).value = 'Ada';
    byId('go').focus();
    expect(live.size).toBe(0);
    await vi.advanceTimersByTimeAsync(1600);
    expect(byId('message').textContent).toBe('Enter your email');
    expect(lastErrors()).toBe(1);

    // Focus moving between buttons calls nothing of ours.
    byId('other').focus();
    byId('go').focus();
    expect(live.size).toBe(0);

    // A field the shopper edited (change) is listened to again, and its leave checked.
    (byId('name') as HTMLInputElement).value = '';
    byId('name').focus();
    byId('name').dispatchEvent(new page.win.Event('change', { bubbles: true }));
    expect(live.size).toBe(1);
    byId('other').focus();
    await vi.advanceTimersByTimeAsync(1600);
    expect(byId('message').textContent).toBe('Enter your name');
    expect(lastErrors()).toBe(2);
    expect(live.size).toBe(0);
  });
});
