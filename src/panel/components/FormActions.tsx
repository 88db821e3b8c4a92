import type { ComponentChildren } from 'preact';
import { t } from '../../i18n/t.ts';

/**
 * The row that ends a form: its submit button, then Cancel. What else a form puts in the row (the
 * template editor's Add stage) comes first, so the keyboard meets it before the two. Submit is
 * disabled while `busy` so that a second press cannot send the form twice.
 */
export function FormActions(props: {
  submit: string;
  onCancel: () => void;
  busy?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <div class="actions">
      {props.children}
      <button type="submit" class="primary" disabled={props.busy}>
        {props.submit}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
