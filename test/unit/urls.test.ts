import { describe, expect, it } from 'vitest';
import { isPageUrl, withoutHash } from '../../src/domain/urls.ts';

describe('withoutHash', () => {
  it.each([
    ['https://shop.example/p/1#reviews', 'https://shop.example/p/1'],
    ['https://shop.example/p/1', 'https://shop.example/p/1'],
    ['https://shop.example/?q=a#', 'https://shop.example/?q=a'],
    ['https://shop.example/#/checkout#pay', 'https://shop.example/'],
    ['https://shop.example/?q=%23tag', 'https://shop.example/?q=%23tag'],
    ['#top', ''],
    ['', ''],
  ])('%s -> %s', (url, expected) => {
    expect(withoutHash(url)).toBe(expected);
  });
});

describe('isPageUrl', () => {
  it.each(['https://shop.example/', 'http://localhost:8080/x', 'file:///home/a/page.html'])('%s is a page', (url) => {
    expect(isPageUrl(url)).toBe(true);
  });

  it.each([
    '',
    'about:blank',
    'chrome://extensions/',
    'chrome-extension://abc/panel.html',
    'data:text/html,hi',
    'blob:https://shop.example/1',
    'javascript:alert(1)',
    'ftp://files.example/',
    'httpx://shop.example/',
    'shop.example/https://x',
  ])('%s is not', (url) => {
    expect(isPageUrl(url)).toBe(false);
  });
});
