// What the content script sends when the audited page is left or hidden: the signals the worker does
// not have yet, and nothing when the last batch already carried everything (that send's field count
// cost the navigation away 2-4 ms).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batches, observedPage, type ObservedPage } from './observed-page.ts';

/** Whether the worker files the batches it gets (it drops those of a page with no step yet). */
let filing: boolean;
let page: ObservedPage;

beforeEach(() => {
  vi.useFakeTimers();
  filing = true;
  page = observedPage('<form><input name="email" required><input name="name"></form>', () => filing);
});

afterEach(() => {
  vi.useRealTimers();
});

const sentBatches = () => batches(page.sent);

/** Starts observing and waits for the first batch, 1.2 s after the page came to rest (jsdom: 300 ms after start). */
async function firstBatch() {
  page.observer.start();
  await vi.advanceTimersByTimeAsync(1300);
  expect(sentBatches()).toHaveLength(0);
  await vi.advanceTimersByTimeAsync(300);
  expect(sentBatches()).toHaveLength(1);
}

function hide() {
  Object.defineProperty(page.doc, 'visibilityState', { value: 'hidden', configurable: true });
  page.doc.dispatchEvent(new page.win.Event('visibilitychange'));
  delete (page.doc as { visibilityState?: unknown }).visibilityState;
}

const leave = () => page.win.dispatchEvent(new page.win.Event('pagehide'));
const goBack = () => page.win.dispatchEvent(new page.win.PopStateEvent('popstate'));

describe('leaving the audited page', () => {
  it('sends a first batch once the page is at rest, with its fields', async () => {
    await firstBatch();
    expect(sentBatches()[0]!.signals.fields).toBe(2);
    expect(sentBatches()[0]!.url).toBe('https://shop.example/checkout');
  });

  it('sends nothing when hidden and left with nothing new since a batch a moment ago', async () => {
    await firstBatch();
    hide();
    leave();
    expect(sentBatches()).toHaveLength(1);
  });

  it('sends a back navigation at once when left, and the batch it had scheduled does not repeat it', async () => {
    await firstBatch();
    goBack();
    hide();
    leave();
    expect(sentBatches()).toHaveLength(2);
    expect(sentBatches()[1]!.signals.backNavigations).toBe(1);
    await vi.advanceTimersByTimeAsync(1300);
    expect(sentBatches()).toHaveLength(2);
  });

  it('counts the fields again when the last batch is a while old (a page may show fields with no event)', async () => {
    await firstBatch();
    page.doc.querySelector('form')!.insertAdjacentHTML('beforeend', '<input name="phone">');
    await vi.advanceTimersByTimeAsync(6000);
    leave();
    expect(sentBatches()).toHaveLength(2);
    expect(sentBatches()[1]!.signals.fields).toBe(3);
  });

  it('sends again when left a batch the worker did not file, and nothing more once it is filed', async () => {
    await firstBatch();
    // The page had no step yet: the worker drops the batch.
    filing = false;
    goBack();
    await vi.advanceTimersByTimeAsync(1300);
    expect(sentBatches()).toHaveLength(2);
    filing = true;
    leave();
    expect(sentBatches()).toHaveLength(3);
    expect(sentBatches()[2]!.signals.backNavigations).toBe(1);
    // Filed this time: nothing more to send.
    await vi.advanceTimersByTimeAsync(0);
    hide();
    expect(sentBatches()).toHaveLength(3);
  });
});
