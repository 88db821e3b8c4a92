// URL rules the worker and the content script share.

/** The URL without its fragment: moving within a page ("#reviews") is not another page. */
export function withoutHash(url: string): string {
  const at = url.indexOf('#');
  return at === -1 ? url : url.slice(0, at);
}
