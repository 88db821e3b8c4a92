import { createAudit } from '../../src/domain/factories.ts';
import type { Audit } from '../../src/domain/model.ts';

export const T0 = '2026-11-23T10:00:00.000Z';

export function sampleAudit(overrides: Partial<Audit> = {}): Audit {
  return {
    ...createAudit(
      {
        site: 'Northwind',
        scenario: 'Buy a size-M jacket as a guest',
        auditor: 'fox',
        startUrl: 'http://127.0.0.1/index.html',
        viewport: { width: 1280, height: 800 },
        browser: 'Chromium 156',
        locale: 'en-GB',
      },
      T0,
    ),
    ...overrides,
  };
}

export function jpegBlob(size: number, seed = 1): Blob {
  const bytes = new Uint8Array(size);
  bytes[0] = 0xff;
  bytes[1] = 0xd8;
  for (let i = 2; i < size; i++) bytes[i] = (i * seed) & 0xff;
  return new Blob([bytes], { type: 'image/jpeg' });
}
