// Placeholder until the masking feature lands: preview reports nothing masked.
import type { Audit } from '../../domain/model.ts';
import type { MaskReport } from '../../protocol.ts';

export async function previewMask(_tabId: number, _audit: Audit, _on: boolean): Promise<MaskReport> {
  return { frames: 0, fields: 0 };
}
