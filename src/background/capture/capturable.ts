// Pages the browser never lets an extension capture. Checked before calling captureVisibleTab so the
// auditor gets a reason, not an error code.
const BLOCKED_SCHEMES = [
  'chrome:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'about:',
  'view-source:',
  'data:',
  'javascript:',
  'chrome-search:',
];
// addons.mozilla.org is one of Firefox's restricted domains: no add-on may script or capture it.
const STORE_HOSTS = ['chromewebstore.google.com', 'microsoftedge.microsoft.com', 'addons.mozilla.org'];
/** Other extensions' pages, in Chrome and in Firefox. */
const EXTENSION_SCHEMES = ['chrome-extension:', 'moz-extension:'];

export function uncapturableReason(url: string, ownOrigin: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'no-url';
  }
  if (BLOCKED_SCHEMES.includes(parsed.protocol)) return 'browser-page';
  if (EXTENSION_SCHEMES.includes(parsed.protocol) && `${parsed.protocol}//${parsed.host}` !== ownOrigin)
    return 'extension-page';
  if (STORE_HOSTS.includes(parsed.hostname)) return 'web-store';
  if (parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore')) return 'web-store';
  return null;
}
