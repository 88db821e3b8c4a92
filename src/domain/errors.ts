// Every failure an auditor may be told of, as a code with the details its message needs. Codes cross
// every layer as data (thrown inside a PeakendFailure, carried in the worker's replies); only the
// panel and the report turn one into words, with t() over the message key `error_<code>` (`-` as
// `_`). Nothing here is worded, so the domain stays free of language and of browser APIs.
import type { ImportProblem } from './import/errors.ts';
import type { CaptureState } from './model.ts';
import type { ReviewProblem } from './review.ts';
import type { ProbeTimeProblem } from './probes.ts';
import type { SyncProblem } from './sync-errors.ts';

export type PeakendError =
  | ImportProblem
  | ReviewProblem
  | SyncProblem
  | { code: 'no-tab' }
  | { code: 'worker-unreachable' }
  | { code: 'audit-missing'; auditId: string }
  | { code: 'audit-not-running'; auditId: string }
  | { code: 'audit-exists'; auditId: string }
  | { code: 'step-missing'; stepId: string }
  | { code: 'template-missing'; templateId: string }
  | { code: 'template-builtin' }
  | { code: 'template-invalid'; reason: string }
  | { code: 'kept-text-unknown'; kind: string }
  | { code: 'storage-full' }
  /** IndexedDB failed for a reason the auditor cannot act on; `detail` is the browser's own text. */
  | { code: 'storage-failed'; detail: string }
  | { code: 'capture-forbidden-page'; url: string }
  | { code: 'capture-browser-page' }
  | { code: 'capture-extension-page' }
  | { code: 'capture-web-store' }
  | { code: 'capture-no-url' }
  | { code: 'capture-not-visible' }
  | { code: 'capture-left-page' }
  | { code: 'capture-mask-not-painted' }
  | { code: 'capture-page-silent' }
  | { code: 'capture-unverified' }
  | { code: 'capture-frame-silent'; host: string }
  | { code: 'capture-rate-limited' }
  | { code: 'capture-readback-failed' }
  /** A screenshot failed for a reason no code names; `detail` is the browser's own text. */
  | { code: 'capture-failed'; detail: string }
  | { code: 'full-page-no-step' }
  | { code: 'full-page-other-page' }
  | { code: 'full-page-uncapturable' }
  | { code: 'full-page-not-visible' }
  | { code: 'full-page-not-scrollable' }
  | { code: 'full-page-height-changed' }
  | { code: 'full-page-left-page' }
  | { code: 'full-page-tab-closed' }
  | { code: 'full-page-mask-not-painted' }
  | { code: 'full-page-unverified' }
  | { code: 'full-page-failed'; detail: string }
  | { code: 'attachment-empty'; name: string }
  | { code: 'attachment-too-large'; name: string; limit: number }
  | { code: 'attachment-unsupported'; name: string; type: string }
  | { code: 'attachment-mismatch'; name: string; claimed: string }
  | { code: 'attachment-unreadable'; name: string }
  | ProbeTimeProblem
  | { code: 'probe-missing' }
  | { code: 'probe-time-invalid' }
  /** A fault in Peakend itself: shown with its text rather than swallowed. */
  | { code: 'unexpected'; detail: string };

export type ErrorCode = PeakendError['code'];

type Fields<C extends ErrorCode> = Exclude<keyof Extract<PeakendError, { code: C }>, 'code'>;

/**
 * Every code, with the fields its message shows in placeholder order ($1, $2, …). Checked against
 * the union both ways: a code missing here, or a field the code does not have, fails the type check.
 */
export const ERROR_PARAMS = {
  'file-too-large': ['size', 'limit'],
  'empty-file': [],
  'unknown-file-type': [],
  'not-a-zip': [],
  'not-json': ['reason'],
  'json-too-large': ['size', 'limit'],
  'zip-truncated': [],
  'zip-corrupt': ['reason'],
  'zip-unsupported': ['feature'],
  'zip-too-many-files': ['count', 'limit'],
  'zip-entry-too-large': ['name', 'size', 'limit'],
  'zip-total-too-large': ['limit'],
  'zip-bomb': ['name', 'ratio'],
  'zip-unsafe-name': ['name'],
  'zip-duplicate-name': ['name'],
  'zip-no-json': ['name'],
  'wrong-format': [],
  'newer-version': ['version', 'supported'],
  'unsupported-version': ['version', 'supported'],
  'invalid-field': ['path', 'expected'],
  'unknown-field': ['path'],
  'too-long': ['path', 'limit'],
  'too-many': ['path', 'limit'],
  'bad-id': ['path'],
  'duplicate-id': ['path', 'id'],
  'broken-reference': ['path', 'id'],
  'weight-out-of-range': ['criterionId', 'weight'],
  'screenshot-missing': ['file'],
  'screenshot-bad-type': ['shotId', 'mime'],
  'screenshot-not-image': ['file'],
  'screenshot-type-mismatch': ['shotId', 'mime', 'detected'],
  'screenshot-size-mismatch': ['shotId', 'actual', 'expected'],
  'screenshot-hash-mismatch': ['file'],
  'attachment-file-missing': ['file'],
  'attachment-file-mismatch': ['file', 'mime', 'detected'],
  'attachment-file-altered': ['file'],
  'no-tab': [],
  'worker-unreachable': [],
  'audit-missing': [],
  'audit-not-running': [],
  'audit-exists': ['auditId'],
  'step-missing': [],
  'template-missing': [],
  'template-builtin': [],
  'template-invalid': ['reason'],
  'kept-text-unknown': ['kind'],
  'storage-full': [],
  'storage-failed': ['detail'],
  'capture-forbidden-page': ['url'],
  'capture-browser-page': [],
  'capture-extension-page': [],
  'capture-web-store': [],
  'capture-no-url': [],
  'capture-not-visible': [],
  'capture-left-page': [],
  'capture-mask-not-painted': [],
  'capture-page-silent': [],
  'capture-unverified': [],
  'capture-frame-silent': ['host'],
  'capture-rate-limited': [],
  'capture-readback-failed': [],
  'capture-failed': ['detail'],
  'full-page-no-step': [],
  'full-page-other-page': [],
  'full-page-uncapturable': [],
  'full-page-not-visible': [],
  'full-page-not-scrollable': [],
  'full-page-height-changed': [],
  'full-page-left-page': [],
  'full-page-tab-closed': [],
  'full-page-mask-not-painted': [],
  'full-page-unverified': [],
  'full-page-failed': ['detail'],
  'attachment-empty': ['name'],
  'attachment-too-large': ['name', 'limit'],
  'attachment-unsupported': ['name', 'type'],
  'attachment-mismatch': ['name', 'claimed'],
  'attachment-unreadable': ['name'],
  'review-no-programme': [],
  'review-no-name': [],
  'review-needs-auditor': [],
  'review-needs-reviewer': [],
  'review-not-ended': [],
  'review-already-submitted': [],
  'review-already-accepted': [],
  'review-not-submitted': [],
  'review-not-accepted': [],
  'review-own-audit': [],
  'review-not-submitter': ['submitter'],
  'review-no-changes': [],
  'review-comment-required': [],
  'review-comment-too-long': ['limit'],
  'probe-reply-before-send': [],
  'probe-resolved-before-send': [],
  'probe-reply-before-previous': [],
  'probe-time-in-future': [],
  'probe-missing': [],
  'probe-time-invalid': [],
  'sync-not-https': ['url'],
  'sync-bad-url': ['url'],
  'sync-bad-database': ['name'],
  'sync-permission-refused': ['origin'],
  'sync-not-connected': [],
  'sync-consent-withdrawn': [],
  'sync-unauthorized': [],
  'sync-forbidden': [],
  'sync-too-large': [],
  'sync-unreachable': [],
  'sync-failed': ['detail'],
  unexpected: ['detail'],
} as const satisfies { [C in ErrorCode]: readonly Fields<C>[] };

export const ERROR_CODES = Object.keys(ERROR_PARAMS) as ErrorCode[];

export function isPeakendError(value: unknown): value is PeakendError {
  const code = (value as { code?: unknown } | null)?.code;
  return typeof code === 'string' && Object.hasOwn(ERROR_PARAMS, code);
}

/** Thrown wherever a layer refuses; caught at the layer's edge and passed on as its `error`. */
export class PeakendFailure extends Error {
  constructor(readonly error: PeakendError) {
    super(error.code);
    this.name = 'PeakendFailure';
  }
}

export function refuseWith(error: PeakendError): never {
  throw new PeakendFailure(error);
}

/** The code of anything thrown: a failure's own, else `unexpected` with the thrown text. */
export function asPeakendError(thrown: unknown): PeakendError {
  if (thrown instanceof PeakendFailure) return thrown.error;
  if (isPeakendError(thrown)) return thrown;
  return { code: 'unexpected', detail: thrown instanceof Error ? thrown.message : String(thrown) };
}

// The reasons a step keeps for having no screenshot (stored as they are, so records written by
// earlier versions still read): each names the capture code `capture-<reason>`.
const CAPTURE_REASONS = [
  'browser-page',
  'extension-page',
  'web-store',
  'no-url',
  'not-visible',
  'left-page',
  'mask-not-painted',
  'page-silent',
  'unverified',
  'rate-limited',
  'readback-failed',
] as const;
type CaptureReason = (typeof CAPTURE_REASONS)[number];

const isCaptureReason = (reason: string): reason is CaptureReason =>
  (CAPTURE_REASONS as readonly string[]).includes(reason);

/** Why a step has no screenshot, as a code; null while one is pending or when it has one. */
export function captureError(capture: CaptureState, url: string): PeakendError | null {
  if (capture.status === 'ok' || capture.status === 'pending') return null;
  if (capture.status === 'failed' && capture.reason === 'frame-silent') {
    return { code: 'capture-frame-silent', host: hostOf(capture.frames?.[0] ?? '') };
  }
  if (isCaptureReason(capture.reason)) return { code: `capture-${capture.reason}` };
  // 'refused' (the browser said no at capture time) and any reason this version does not know.
  if (capture.status === 'uncapturable') return { code: 'capture-forbidden-page', url };
  return { code: 'capture-failed', detail: capture.reason };
}

/** The host of a frame's address, to name it in a notice (the address itself when it has none). */
function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** The reason a step stores for a capture code (the inverse of captureError). */
export function captureReason(error: PeakendError): string {
  if (error.code === 'capture-forbidden-page') return 'refused';
  if (error.code === 'capture-frame-silent') return 'frame-silent';
  if (error.code.startsWith('capture-')) {
    const reason = error.code.slice('capture-'.length);
    if (isCaptureReason(reason)) return reason;
  }
  return 'detail' in error ? error.detail : error.code;
}
