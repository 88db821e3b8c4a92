import type { Audit } from '../../domain/model.ts';
import type { MaskReport } from '../../protocol.ts';
import { frameMasker, previewInEveryFrame } from '../capture/frame-masker.ts';
import { setMasker } from '../capture/masking.ts';
import { defineFeature } from '../registry.ts';

export function previewMask(tabId: number, audit: Audit, on: boolean): Promise<MaskReport> {
  return previewInEveryFrame(tabId, audit, on);
}

// Masking is on by default: every capture covers sensitive fields first (METHOD.md conduct).
export default defineFeature({
  id: 'masking',
  start() {
    setMasker(frameMasker);
  },
});
