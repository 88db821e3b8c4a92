// Why a masked page may not be captured. The notice the auditor reads is chosen from this reason,
// so the truest one comes first: a page or frame that never answered is not "covers painted late".
import type { SkippedFrame } from '../../domain/model.ts';
import type { MaskReport } from '../../protocol.ts';

export interface RefusalDetails {
  /** The frames that stopped the capture. */
  frames?: string[];
  /** The frames the capture would have gone ahead without. */
  skippedFrames?: SkippedFrame[];
}

export interface Refusal {
  reason: 'page-silent' | 'frame-silent' | 'mask-not-painted';
  details: RefusalDetails;
}

/** The refusal a mask report calls for, or null when the page may be captured. */
export function maskRefusal(mask: MaskReport): Refusal | null {
  const skipped: RefusalDetails = mask.skippedFrames?.length ? { skippedFrames: mask.skippedFrames } : {};
  if (mask.pageSilent) return { reason: 'page-silent', details: skipped };
  if (mask.silentFrames?.length) return { reason: 'frame-silent', details: { frames: mask.silentFrames, ...skipped } };
  if ((mask.unpainted ?? 0) > 0) return { reason: 'mask-not-painted', details: skipped };
  return null;
}
