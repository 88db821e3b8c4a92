// Firefox twin of ../chrome/side-panel.ts (the Firefox build swaps it in, vite.config.ts): the panel
// is Firefox's sidebar, declared in the manifest (sidebar_action). Firefox has no "open on action
// click" setting, so the toolbar button's click toggles the sidebar; sidebarAction.toggle() is only
// allowed inside a user action's handler, which onClicked is.
import browser from 'webextension-polyfill';

export function openPanelOnActionClick(): Promise<void> {
  browser.action.onClicked.addListener(() => {
    void browser.sidebarAction.toggle();
  });
  return Promise.resolve();
}
