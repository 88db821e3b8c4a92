// URL rules the worker and the content script share.

/** The URL without its fragment: moving within a page ("#reviews") is not another page. */
export function withoutHash(url: string): string {
  const at = url.indexOf('#');
  return at === -1 ? url : url.slice(0, at);
}

/**
 * A web page or a local file: what a journey is made of, and where the content script runs. Not a
 * browser page (chrome:, about:), a data: or blob: URL, nor an empty tab.
 */
export function isPageUrl(url: string): boolean {
  return /^(https?|file):/.test(url);
}
