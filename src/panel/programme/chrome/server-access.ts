// Chrome's half of a programme's consent (the Firefox build swaps in ../firefox/server-access.ts):
// Chrome has no data-collection permissions, so the server's host is all Connect asks for, and the
// connect click is the consent.
import browser from 'webextension-polyfill';
import { originPattern } from '../../../sync/connection.ts';

/** Asks for the server's host; call it first thing in a click (it needs the gesture). */
export function requestServerAccess(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(origin)] });
}

/** Whether sharing may go on: in Chrome, nothing beyond the host can be withdrawn. */
export function sharingConsented(): Promise<boolean> {
  return Promise.resolve(true);
}
