// A new audit's site name: what the auditor typed, else the start page's host (so Start audit never
// waits for the form's pre-fill), else nothing for an address that has no host.
import { describe, expect, it } from 'vitest';
import { createAudit, siteNameOf } from '../../src/domain/factories.ts';
import { T0 } from './fixtures.ts';

const init = (site: string, startUrl: string) => ({
  site,
  scenario: 'Buy a jacket',
  auditor: 'fox',
  startUrl,
  viewport: { width: 1280, height: 800 },
  browser: 'Chromium 156',
  locale: 'en-GB',
});

describe('createAudit: site name', () => {
  it('keeps the name the auditor typed, trimmed', () => {
    expect(createAudit(init('  Northwind  ', 'https://shop.example/cart'), T0).site).toBe('Northwind');
  });

  it('names an unnamed audit after its start page host', () => {
    expect(createAudit(init('   ', 'https://shop.example:8443/cart?x=1'), T0).site).toBe('shop.example');
  });

  it('leaves the name empty when the start address has no host', () => {
    expect(siteNameOf('not a url')).toBe('');
    expect(createAudit(init('', 'about:blank'), T0).site).toBe('');
  });
});

describe('createAudit: language', () => {
  it("keeps the panel's language as the audit's, and adds none when none is given", () => {
    expect(createAudit({ ...init('N', 'https://shop.example/'), language: 'zh_TW' }, T0).language).toBe('zh_TW');
    expect('language' in createAudit(init('N', 'https://shop.example/'), T0)).toBe(false);
  });
});
