// Chrome only: the side panel (chrome.sidePanel), which webextension-polyfill does not cover. A build
// for Firefox, whose sidebar is declared in the manifest instead, swaps this module.

/** The toolbar button opens the side panel. */
export function openPanelOnActionClick(): Promise<void> {
  return chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
}
