// Masking hook around a capture. The content script covers sensitive fields in every frame; until it
// answers, nothing is captured. Filled in by the masking feature.
import type { Audit } from '../../domain/model.ts';
import type { MaskReport } from '../../protocol.ts';

export interface Masker {
  mask(tabId: number, audit: Audit): Promise<MaskReport>;
  unmask(tabId: number): Promise<void>;
}

let current: Masker = {
  mask: async () => ({ frames: 0, fields: 0 }),
  unmask: async () => undefined,
};

export function setMasker(masker: Masker): void {
  current = masker;
}

export function masker(): Masker {
  return current;
}
