// The one place the worker reads the browser's error text. Chrome says why it refused only in
// English sentences, so these patterns turn them into codes; everything past here sees codes.
import { asPeakendError, type PeakendError } from '../domain/errors.ts';

const RULES: ReadonlyArray<readonly [RegExp, (message: string) => PeakendError]> = [
  // captureVisibleTab allows 2 calls a second per browser; a third throws with the quota's name.
  [/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/, () => ({ code: 'capture-rate-limited' })],
  // The compositor mid-swap: transient, worth one retry.
  [/readback|failed to capture/i, () => ({ code: 'capture-readback-failed' })],
  // Pages the browser refuses only when asked (PDF viewer, pages opened before install, chrome://).
  [
    /cannot access|permission|not allowed|chrome:\/\//i,
    (message) => ({ code: 'capture-forbidden-page', url: urlIn(message) }),
  ],
];

/** The address Chrome quotes in a refusal ("Cannot access contents of url "…""), else ''. */
function urlIn(message: string): string {
  return /url "([^"]*)"/i.exec(message)?.[1] ?? /\b[a-z-]+:\/\/\S+/i.exec(message)?.[0] ?? '';
}

/** The code for anything thrown in the worker: a failure's own, a browser refusal's, or `unexpected`. */
export function fromBrowserError(thrown: unknown): PeakendError {
  const error = asPeakendError(thrown);
  if (error.code !== 'unexpected') return error;
  const rule = RULES.find(([pattern]) => pattern.test(error.detail));
  return rule ? rule[1](error.detail) : error;
}
