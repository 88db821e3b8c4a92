import { isPeakendError } from '../domain/errors.ts';
import { describeError } from '../i18n/errors.ts';

/** The message an auditor sees for a failure; the worker and the store already speak plainly. */
export function errorText(error: unknown): string {
  if (isPeakendError(error)) return describeError(error);
  const message = error instanceof Error ? error.message : String(error);
  if (message === 'no-tab') return describeError({ code: 'no-tab' });
  if (/Receiving end does not exist|message port closed/i.test(message))
    return describeError({ code: 'worker-unreachable' });
  return message;
}
