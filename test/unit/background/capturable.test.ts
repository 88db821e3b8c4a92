import { describe, expect, it } from 'vitest';
import { uncapturableReason } from '../../../src/background/capture/capturable.ts';

const own = 'chrome-extension://abc';

describe('uncapturableReason', () => {
  it.each([
    ['chrome://version/', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['data:text/html,hi', 'browser-page'],
    ['view-source:https://shop.example/', 'browser-page'],
    ['chrome-extension://other/page.html', 'extension-page'],
    ['https://chromewebstore.google.com/detail/x', 'web-store'],
    ['https://chrome.google.com/webstore/category', 'web-store'],
    ['moz-extension://0f1e2d3c/page.html', 'extension-page'],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', 'web-store'],
    ['', 'no-url'],
  ])('%s -> %s', (url, reason) => {
    expect(uncapturableReason(url, own)).toBe(reason);
  });

  it.each([
    'https://shop.example/checkout',
    'http://127.0.0.1:4310/cart.html',
    'file:///tmp/a.html',
    `${own}/src/report/report.html`,
  ])('%s can be captured', (url) => {
    expect(uncapturableReason(url, own)).toBeNull();
  });

  it("captures Peakend's own pages in Firefox", () => {
    const firefoxOwn = 'moz-extension://3f1b6a2e';
    expect(uncapturableReason(`${firefoxOwn}/src/report/report.html`, firefoxOwn)).toBeNull();
  });
});
