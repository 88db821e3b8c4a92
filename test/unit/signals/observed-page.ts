// The worker and the page as the content script's signals observer sees them, for unit tests: a page
// of its own (a fresh jsdom window per test, so no listener of an earlier observer hears its events),
// and a `send` that records each message, says this tab is the audited one, and answers each signals
// batch with whether it was filed.
import { JSDOM } from 'jsdom';
import { createSignalsObserver, type SignalsObserver } from '../../../src/content/signals/observer.ts';
import { FromContent, type ContentEvent } from '../../../src/protocol.ts';

export interface ObservedPage {
  win: JSDOM['window'];
  doc: Document;
  observer: SignalsObserver;
  /** Every message the observer sent, in order. */
  sent: ContentEvent[];
}

/**
 * A page with `body`, observed by a fresh observer (not started). Timers must be faked before: the
 * observer's clock is the `performance` in place when it is made.
 */
export function observedPage(body: string, filed: () => boolean = () => true): ObservedPage {
  const dom = new JSDOM(`<!doctype html><body>${body}</body>`, { url: 'https://shop.example/checkout' });
  const sent: ContentEvent[] = [];
  const send = async (message: ContentEvent) => {
    sent.push(message);
    return message.type === FromContent.Hello ? { observe: true } : { filed: filed() };
  };
  const doc = dom.window.document;
  return { win: dom.window, doc, observer: createSignalsObserver({ doc, clock: performance, send }), sent };
}

/** The signals batches among what was sent. */
export function batches(sent: ContentEvent[]) {
  return sent.flatMap((m) => (m.type === FromContent.Signals ? [m] : []));
}
