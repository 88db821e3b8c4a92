// Firefox twin of ../chrome/server-access.ts (the Firefox build swaps it in, vite.config.ts). Mozilla's
// policy counts a share to the team's server as data transmission, so the manifest lists what a share
// carries as optional data collection (scripts/build/manifests.ts), and Connect asks for it with the
// server's host in one permissions.request: one Firefox prompt, one Allow. The person can withdraw it
// in about:addons at any time, so every pass checks it first (port.ts).
import browser, { type Permissions } from 'webextension-polyfill';
import { originPattern } from '../../../sync/connection.ts';

interface GeckoManifest {
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { optional?: string[] } } };
}

/** The manifest's optional data collection: what a share sends (one list, written by the build). */
function sharedData(): string[] {
  const manifest = browser.runtime.getManifest() as GeckoManifest;
  return manifest.browser_specific_settings?.gecko?.data_collection_permissions?.optional ?? [];
}

// Firefox 140+ takes `data_collection` beside origins and permissions; the polyfill's types predate it.
const withData = (permissions: Permissions.Permissions): Permissions.Permissions =>
  ({ ...permissions, data_collection: sharedData() }) as Permissions.Permissions;

/** Asks for the server's host and the data a share sends; first thing in a click (it needs the gesture). */
export function requestServerAccess(origin: string): Promise<boolean> {
  return browser.permissions.request(withData({ origins: [originPattern(origin)] }));
}

/** Whether the person still allows what a share sends (about:addons can withdraw it). */
export function sharingConsented(): Promise<boolean> {
  return browser.permissions.contains(withData({}));
}
