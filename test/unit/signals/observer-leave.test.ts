// @vitest-environment jsdom
// What the content script sends when the audited page is left or hidden: the signals the worker does
// not have yet, and nothing when the last batch already carried everything (that send's field count
// cost the navigation away 2-4 ms).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FromContent } from '../../../src/protocol.ts';

interface Sent {
  type: string;
  url?: string;
  signals?: { fields: number; backNavigations: number };
}

let sent: Sent[];

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  document.body.innerHTML = '<form><input name="email" required><input name="name"></form>';
  (globalThis as unknown as { chrome: unknown }).chrome = {
    runtime: {
      sendMessage: async (message: Sent) => {
        sent.push(message);
        // The worker says this tab is the audited one.
        return message.type === FromContent.Hello ? { observe: true } : undefined;
      },
      onMessage: { addListener: () => undefined },
    },
  };
});

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { chrome?: unknown }).chrome;
});

const batches = () => sent.filter((m) => m.type === FromContent.Signals);

async function startObserving() {
  const observer = await import('../../../src/content/signals/observer.ts');
  observer.startSignals();
  await vi.advanceTimersByTimeAsync(0);
  return observer;
}

// One module instance for the file: its listeners stay on jsdom's window, so the steps run in order.
describe('leaving the audited page', () => {
  it('sends only what the worker does not have yet', async () => {
    await startObserving();
    await vi.advanceTimersByTimeAsync(1300);
    expect(batches()).toHaveLength(1);
    expect(batches()[0]!.signals!.fields).toBe(2);

    // Nothing since that batch, a moment ago: hidden, then left, and nothing is sent.
    hide();
    dispatchEvent(new Event('pagehide'));
    expect(batches()).toHaveLength(1);

    // A back navigation since: leaving sends it at once, and the batch it had scheduled does not repeat it.
    dispatchEvent(new PopStateEvent('popstate'));
    hide();
    dispatchEvent(new Event('pagehide'));
    expect(batches()).toHaveLength(2);
    expect(batches()[1]!.signals!.backNavigations).toBe(1);
    await vi.advanceTimersByTimeAsync(1300);
    expect(batches()).toHaveLength(2);

    // A while later the fields are counted again (a page may show fields with no event).
    document.querySelector('form')!.insertAdjacentHTML('beforeend', '<input name="phone">');
    await vi.advanceTimersByTimeAsync(6000);
    dispatchEvent(new Event('pagehide'));
    expect(batches()).toHaveLength(3);
    expect(batches()[2]!.signals!.fields).toBe(3);
  });
});

function hide() {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
  delete (document as { visibilityState?: unknown }).visibilityState;
}
