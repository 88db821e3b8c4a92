// Chrome only: offscreen documents (chrome.offscreen), which webextension-polyfill does not cover. A
// browser without them (Firefox) reports none, and the worker does their work itself.

/** Whether this browser can open an offscreen document. */
export function hasOffscreenDocuments(): boolean {
  return Boolean(globalThis.chrome?.offscreen?.createDocument);
}

/** Opens the extension page at `path` as the offscreen document, for work on blobs (images). */
export function openOffscreenDocument(path: string, justification: string): Promise<void> {
  return chrome.offscreen.createDocument({ url: path, reasons: [chrome.offscreen.Reason.BLOBS], justification });
}

export function closeOffscreenDocument(): Promise<void> {
  return chrome.offscreen.closeDocument();
}
