// The codes themselves: what anything thrown becomes, Chrome's refusals read in the one worker module,
// and a step's stored capture reason to its code and back.
import { describe, expect, it } from 'vitest';
import { fromBrowserError } from '../../../src/background/browser-errors.ts';
import { isQuotaError } from '../../../src/background/capture/queue.ts';
import { asPeakendError, captureError, captureReason, PeakendFailure } from '../../../src/domain/errors.ts';
import { ImportFailure } from '../../../src/domain/import/errors.ts';
import type { CaptureState } from '../../../src/domain/model.ts';

describe('asPeakendError', () => {
  it('keeps a failure’s code, an import refusal’s, and a plain code; anything else is unexpected', () => {
    expect(asPeakendError(new PeakendFailure({ code: 'no-tab' }))).toEqual({ code: 'no-tab' });
    expect(asPeakendError(new ImportFailure({ code: 'zip-truncated' }))).toEqual({ code: 'zip-truncated' });
    expect(asPeakendError({ code: 'empty-file' })).toEqual({ code: 'empty-file' });
    expect(asPeakendError({ code: 'no-such-code' })).toEqual({ code: 'unexpected', detail: '[object Object]' });
    expect(asPeakendError(new Error('boom'))).toEqual({ code: 'unexpected', detail: 'boom' });
  });
});

describe('fromBrowserError', () => {
  it.each([
    [
      'Cannot access contents of url "https://chromewebstore.google.com/". Extension manifest must request permission to access this host.',
      { code: 'capture-forbidden-page', url: 'https://chromewebstore.google.com/' },
    ],
    ['Cannot access a chrome:// URL', { code: 'capture-forbidden-page', url: '' }],
    ['This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.', { code: 'capture-rate-limited' }],
    ['Failed to capture tab: unknown error', { code: 'capture-readback-failed' }],
    ['Something else entirely', { code: 'unexpected', detail: 'Something else entirely' }],
  ])('reads %j', (message, code) => {
    expect(fromBrowserError(new Error(message))).toEqual(code);
  });

  it('never rereads a code the worker already gave', () => {
    const failure = new PeakendFailure({ code: 'kept-text-unknown', kind: 'not allowed' });
    expect(fromBrowserError(failure)).toEqual({ code: 'kept-text-unknown', kind: 'not allowed' });
  });

  it('is what the capture queue retries on', () => {
    expect(isQuotaError(new Error('exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota'))).toBe(true);
    expect(isQuotaError(new Error('Cannot access a chrome:// URL'))).toBe(false);
  });
});

describe('a step’s capture reason', () => {
  const url = 'https://shop.example/pdf';
  it.each([
    [{ status: 'uncapturable', reason: 'browser-page' }, { code: 'capture-browser-page' }],
    [
      { status: 'uncapturable', reason: 'refused' },
      { code: 'capture-forbidden-page', url },
    ],
    [{ status: 'failed', reason: 'mask-not-painted' }, { code: 'capture-mask-not-painted' }],
    // A record written before reasons were codes keeps its text.
    [
      { status: 'failed', reason: 'Tab was closed' },
      { code: 'capture-failed', detail: 'Tab was closed' },
    ],
  ] as Array<[CaptureState, unknown]>)('%j is %j, and is stored back as it was', (capture, code) => {
    const error = captureError(capture, url);
    expect(error).toEqual(code);
    expect(captureReason(error!)).toBe((capture as { reason: string }).reason);
  });

  it('has no code while pending or captured', () => {
    expect(captureError({ status: 'pending' }, url)).toBeNull();
    expect(captureError({ status: 'ok' }, url)).toBeNull();
  });
});
