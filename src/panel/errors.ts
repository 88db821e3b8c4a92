import { asPeakendError } from '../domain/errors.ts';
import { describeError } from '../i18n/errors.ts';

/** The message an auditor sees for anything a panel action threw: its code, in words. */
export function errorText(error: unknown): string {
  return describeError(asPeakendError(error));
}
