// The content script talks to the worker through chrome.runtime directly: webextension-polyfill
// cost 10 kB to parse and about 4 ms to set up in every audited page, for two calls. Chrome (from
// MV3) and Firefox both answer sendMessage with a promise; replies go through sendResponse, the one
// form every supported version accepts.
import type { ContentEvent } from '../protocol.ts';

/** Sends to the worker; a page outliving its extension (reloaded, updated) gets a rejection, not a throw. */
export function toWorker(message: ContentEvent): Promise<unknown> {
  try {
    return chrome.runtime.sendMessage(message);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Answers messages `accept` recognises with `handle`'s result; others are left to other listeners. */
export function onWorkerMessage<T>(
  accept: (message: unknown) => message is T,
  handle: (message: T) => Promise<unknown>,
): void {
  chrome.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (response: unknown) => void) => {
    if (!accept(message)) return undefined;
    handle(message).then(sendResponse, (error: unknown) => sendResponse({ error: String(error) }));
    return true;
  });
}
