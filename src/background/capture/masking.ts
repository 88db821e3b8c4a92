// Masking hook around a capture. The content script covers sensitive fields in every frame; until it
// answers, nothing is captured. Filled in by the masking feature.
import type { Audit } from '../../domain/model.ts';
import type { MaskReport, UnmaskReport } from '../../protocol.ts';

export interface Masker {
  /** `frames`: painted frames each frame waits for after putting its covers up (2 unless told). */
  mask(tabId: number, audit: Audit, frames?: number): Promise<MaskReport>;
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
