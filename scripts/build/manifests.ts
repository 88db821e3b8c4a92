// The two browsers' manifests from the one manifest.json (Chrome's): both take their version from
// package.json, so the stores' packages and the code agree. Firefox differs where its platform does
// (README, "Firefox"): a sidebar instead of the side panel, an event page instead of a service
// worker, no offscreen documents, and the gecko settings addons.mozilla.org requires.

/** The manifest fields the two builds differ in; the rest passes through unchanged. */
export interface SourceManifest {
  version: string;
  side_panel?: { default_path: string };
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  permissions?: string[];
  action?: { default_title?: string; default_icon?: Record<string, string> };
  minimum_chrome_version?: string;
  [key: string]: unknown;
}

/** The add-on's id on addons.mozilla.org, and in a temporary install (its storage is keyed by it). */
export const GECKO_ID = 'peakend@peakend';

/**
 * Firefox 140 (an ESR) is the first that reads `data_collection_permissions`; everything else the
 * add-on uses (MV3 event pages as modules, scripting, sidebarAction, OffscreenCanvas in the
 * background page) came earlier.
 */
export const FIREFOX_MIN_VERSION = '140.0';

/**
 * What a share to a programme's server carries, in Mozilla's data-collection categories: the
 * screenshots and text of the audited pages (websiteContent), their URLs and titles and when each
 * was visited (browsingActivity), the clicks observed on them (websiteActivity), and the names a
 * person types: the auditor's pseudonym, reviewers' names in the review log, and notes, which may
 * name a shop's staff (personallyIdentifyingInfo). Optional: asked for at Connect with the server's
 * host (src/panel/programme/firefox/server-access.ts); nothing is sent before.
 */
export const SHARED_DATA = ['websiteContent', 'browsingActivity', 'websiteActivity', 'personallyIdentifyingInfo'];

/** Chrome-only permissions: Firefox has no side panel API and no offscreen documents. */
const CHROME_ONLY_PERMISSIONS = new Set(['sidePanel', 'offscreen']);

export function chromeManifest(source: SourceManifest, version: string): SourceManifest {
  return { ...source, version };
}

export function firefoxManifest(source: SourceManifest, version: string): SourceManifest {
  const { side_panel: sidePanel, background, minimum_chrome_version: _chromeOnly, ...rest } = source;
  const worker = background?.service_worker;
  if (!sidePanel || !worker) throw new Error('manifest.json needs side_panel and background.service_worker');
  return {
    ...rest,
    version,
    // The same page as Chrome's side panel; the toolbar button toggles it (src/background/firefox/side-panel.ts).
    sidebar_action: {
      default_panel: sidePanel.default_path,
      default_title: source.action?.default_title,
      default_icon: source.action?.default_icon,
      open_at_install: false,
    },
    // Firefox runs the same module as an event page, which has a DOM: thumbnails are drawn there.
    background: { scripts: [worker], type: 'module' },
    permissions: (source.permissions ?? []).filter((p) => !CHROME_ONLY_PERMISSIONS.has(p)),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Audits stay in the browser's own storage unless the auditor connects a programme's CouchDB
        // and shares: nothing is required, what a share sends is optional (README, "In Firefox").
        data_collection_permissions: { required: ['none'], optional: SHARED_DATA },
      },
    },
  };
}
