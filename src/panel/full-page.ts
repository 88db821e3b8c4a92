// What the auditor reads after pressing Full page: nothing when the page was stored (the step shows
// it), else why nothing was.
import type { MessageKey } from '../i18n/t.ts';
import { t } from '../i18n/t.ts';
import type { FullPageResult } from '../protocol.ts';

export function fullPageNotice(result: FullPageResult): string | null {
  if (result.ok) return null;
  if (result.code === 'failed') return t('fullPage_failed', result.detail ?? '');
  return t(`fullPage_${result.code.replace(/-/g, '_')}` as MessageKey);
}
