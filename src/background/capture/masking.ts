// Masking hook around a capture. The content script covers sensitive fields in every frame; until it
// answers, nothing is captured. Filled in by the masking feature.
import type { Audit } from '../../domain/model.ts';
import type { MaskReport, UnmaskReport } from '../../protocol.ts';

export interface Masker {
  mask(tabId: number, audit: Audit): Promise<MaskReport>;
  /** Takes the covers away; says whether fields were added or moved while they were up. */
  unmask(tabId: number): Promise<UnmaskReport>;
}

let current: Masker = {
  mask: async () => ({ frames: 0, fields: 0 }),
  unmask: async () => ({ changed: 0 }),
};

export function setMasker(masker: Masker): void {
  current = masker;
}

export function masker(): Masker {
  return current;
}
