import { t } from '../i18n/t.ts';

/** The message an auditor sees for a failure; the worker and the store already speak plainly. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message === 'no-tab') return t('errorNoTab');
  if (/Receiving end does not exist|message port closed/i.test(message)) return t('errorNoWorker');
  return message;
}
