import { t } from '../../i18n/t.ts';

export function ErrorBanner({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  if (!message) return null;
  return (
    <div class="banner banner--error" role="alert">
      <span>{message}</span>
      <button type="button" class="link" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
