// The worker as the content script's observer sees it, for jsdom tests: `chrome.runtime` whose
// sendMessage records each message, says this tab is the audited one, and answers each signals batch
// with whether it was filed.
import { FromContent } from '../../../src/protocol.ts';

export function installFakeWorker<T extends { type: string }>(sent: T[], filed: () => boolean = () => true): void {
  (globalThis as unknown as { chrome: unknown }).chrome = {
    runtime: {
      sendMessage: async (message: T) => {
        sent.push(message);
        return message.type === FromContent.Hello ? { observe: true } : { filed: filed() };
      },
      onMessage: { addListener: () => undefined },
    },
  };
}

export function removeFakeWorker(): void {
  delete (globalThis as { chrome?: unknown }).chrome;
}
