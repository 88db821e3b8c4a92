// @vitest-environment jsdom
// What the content script sends when the audited page is left or hidden: the signals the worker does
// not have yet, and nothing when the last batch already carried everything (that send's field count
// cost the navigation away 2-4 ms).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FromContent } from '../../../src/protocol.ts';
import { installFakeWorker, removeFakeWorker } from './fake-worker.ts';

interface Sent {
  type: string;
  url?: string;
  signals?: { fields: number; backNavigations: number };
}

let sent: Sent[];
/** Whether the worker files the batches it gets (it drops those of a page with no step yet). */
let filing: boolean;

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  filing = true;
  document.body.innerHTML = '<form><input name="email" required><input name="name"></form>';
  installFakeWorker(sent, () => filing);
});

afterEach(() => {
  vi.useRealTimers();
  removeFakeWorker();
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
    // The first batch goes 1.2 s after the page came to rest (jsdom: 300 ms after start), with its vitals.
    await vi.advanceTimersByTimeAsync(1300);
    expect(batches()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(300);
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

    // A batch the worker did not file (the page had no step yet) is sent again when the page is left.
    filing = false;
    dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(1300);
    expect(batches()).toHaveLength(4);
    filing = true;
    dispatchEvent(new Event('pagehide'));
    expect(batches()).toHaveLength(5);
    expect(batches()[4]!.signals!.backNavigations).toBe(2);
    // Filed this time: nothing more to send.
    await vi.advanceTimersByTimeAsync(0);
    hide();
    expect(batches()).toHaveLength(5);
  });
});

function hide() {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
  delete (document as { visibilityState?: unknown }).visibilityState;
}
