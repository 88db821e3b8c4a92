import { t } from '../../i18n/t.ts';

/**
 * "Saved" beside a field that saves as the auditor types. Always in the page (a live region must
 * exist before its words change for a screen reader to announce them), polite, and empty meanwhile.
 */
export function SavedStatus({ saved }: { saved: boolean }) {
  return (
    <span class="muted saved-status" role="status">
      {saved ? t('saved') : ''}
    </span>
  );
}
