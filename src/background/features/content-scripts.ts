// The content script runs only while an audit records: registered for new pages then, injected into
// the audited tab's existing frames at start, and unregistered when no audit records. Browsing
// without an audit carries none of our code.
import browser from 'webextension-polyfill';
import contentScript from '../../content/content-script.ts?script&iife';
import { getActive, getAudit, openPeakendDb } from '../../store/index.ts';
import { defineFeature } from '../registry.ts';
import { within } from '../within.ts';

const SCRIPT_ID = 'peakend-observer';

export async function syncContentScripts(): Promise<boolean> {
  const db = await openPeakendDb();
  const active = await getActive(db);
  const audit = active ? await getAudit(db, active.auditId) : undefined;
  const wanted = audit?.status === 'running';
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (wanted && registered.length === 0) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        js: [contentScript],
        matches: ['<all_urls>'],
        allFrames: true,
        matchOriginAsFallback: true,
        runAt: 'document_start',
        persistAcrossSessions: true,
      },
    ]);
  } else if (!wanted && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
  return wanted;
}

/**
 * A page whose main thread is busy or hung runs an injected script only once it is free, and the
 * injection's promise waits for that: nobody (an audit starting, a capture masking its frames) waits
 * longer than this. The script still runs when the page is free (a second copy is a no-op).
 */
const INJECT_WAIT_MS = 2500;

/** Pages open before the audit started get the script now, in every frame. */
export async function injectInto(tabId: number, frameIds?: number[]): Promise<void> {
  const injected = browser.scripting
    // At once, not at document_idle: a page still loading is no hung page (the registered script
    // runs at document_start anyway).
    .executeScript({
      target: frameIds ? { tabId, frameIds } : { tabId, allFrames: true },
      files: [contentScript],
      injectImmediately: true,
    })
    .then(
      () => undefined,
      () => undefined,
    );
  await within(injected, INJECT_WAIT_MS, undefined);
}

export default defineFeature({
  id: 'content-scripts',
  start() {
    void syncContentScripts().catch((error: unknown) => console.warn('[peakend] content scripts:', error));
  },
});
