// An imported audit's id is already stored: keep both (the import gets new ids), replace, or cancel.
import { useEffect, useRef } from 'preact/hooks';
import type { Audit } from '../../../domain/model.ts';
import { t } from '../../../i18n/t.ts';
import type { ClashChoice } from '../../actions.ts';
import { formatDateTime } from '../../format.ts';
import { Message } from '../../components/UserText.tsx';

export function ClashDialog({
  existing,
  onChoose,
}: {
  existing: Audit;
  onChoose: (choice: ClashChoice | 'cancel') => void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      class="clash"
      role="dialog"
      aria-labelledby="clash-title"
      aria-describedby="clash-text"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onChoose('cancel');
      }}
    >
      <h2 id="clash-title">{t('import_clashTitle')}</h2>
      <p id="clash-text">
        <Message
          k="import_clashText"
          values={[existing.site || t('untitledSite'), formatDateTime(existing.createdAt)]}
        />
      </p>
      <div class="actions">
        <button ref={first} type="button" class="primary" onClick={() => onChoose('keep-both')}>
          {t('import_keepBoth')}
        </button>
        <button type="button" class="danger" onClick={() => onChoose('replace')}>
          {t('import_replace')}
        </button>
        <button type="button" onClick={() => onChoose('cancel')}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
