// What the auditor reads after pressing Full page: nothing when the page was stored (the step shows
// it), else why nothing was, in the words every error code has.
import { describeError } from '../i18n/errors.ts';
import type { FullPageResult } from '../protocol.ts';

export function fullPageNotice(result: FullPageResult): string | null {
  return result.ok ? null : describeError(result.error);
}
