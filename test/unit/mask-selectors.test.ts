import { describe, expect, it } from 'vitest';
import { splitSelectorList } from '../../src/domain/mask-selectors.ts';

describe('splitSelectorList', () => {
  it('splits at top-level commas and trims, dropping empty entries', () => {
    expect(splitSelectorList(' .loyalty-number, #account-id ,, ')).toEqual(['.loyalty-number', '#account-id']);
    expect(splitSelectorList('')).toEqual([]);
  });

  it('keeps commas inside parentheses, brackets and quotes within their selector', () => {
    expect(splitSelectorList(':is(.a, .b) input, [data-x="1,2"], [title=\'a,b\'] span, .c')).toEqual([
      ':is(.a, .b) input',
      '[data-x="1,2"]',
      "[title='a,b'] span",
      '.c',
    ]);
  });

  it('treats an escaped comma as part of the name', () => {
    expect(splitSelectorList('.a\\,b, .c')).toEqual(['.a\\,b', '.c']);
  });
});
