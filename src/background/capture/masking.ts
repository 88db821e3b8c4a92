// Masking hook around a capture. The content script covers sensitive fields in every frame; until it
// answers, nothing is captured. Filled in by the masking feature.
import type { Audit } from '../../domain/model.ts';
import type { MaskReport } from '../../protocol.ts';

export interface Masker {
  mask(tabId: number, audit: Audit): Promise<MaskReport>;
  /** Removes the covers of the masking `token` names (any covers without one). */
  unmask(tabId: number, token?: string): Promise<void>;
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
