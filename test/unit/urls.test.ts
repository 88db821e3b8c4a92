import { describe, expect, it } from 'vitest';
import { withoutHash } from '../../src/domain/urls.ts';

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
