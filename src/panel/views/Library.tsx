import { useState } from 'preact/hooks';
import type { Audit } from '../../domain/model.ts';
import { t } from '../../i18n/t.ts';
import { ToWorker } from '../../protocol.ts';
import { deleteAudit, patchAudit } from '../../store/index.ts';
import { ErrorBanner } from '../components/Notice.tsx';
import { useBackend } from '../context.ts';
import { errorText } from '../errors.ts';
import { formatDateTime } from '../format.ts';
import { useAuditList } from '../hooks.ts';

export function Library({ onOpen, onNew }: { onOpen: (id: string) => void; onNew: () => void }) {
  const { audits, reload } = useAuditList();
  const [error, setError] = useState<string | null>(null);
  return (
    <section class="view" aria-labelledby="library-title">
      <header class="view__header">
        <h1 id="library-title">{t('libraryTitle')}</h1>
        <button type="button" class="primary" onClick={onNew}>
          {t('newAudit')}
        </button>
      </header>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      {audits && audits.length === 0 && <p class="empty">{t('libraryEmpty')}</p>}
      <ul class="audit-list">
        {audits?.map((audit) => (
          <AuditRow key={audit.id} audit={audit} onOpen={onOpen} onChanged={reload} onError={(e) => setError(errorText(e))} />
        ))}
      </ul>
    </section>
  );
}

function AuditRow(props: { audit: Audit; onOpen: (id: string) => void; onChanged: () => Promise<void>; onError: (e: unknown) => void }) {
  const { audit } = props;
  const backend = useBackend();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [name, setName] = useState(audit.site);

  const rename = async (event: Event) => {
    event.preventDefault();
    try {
      await patchAudit(await backend.db(), audit.id, { site: name.trim() || audit.site }, new Date().toISOString());
      setMode('view');
      await props.onChanged();
    } catch (error) {
      props.onError(error);
    }
  };
  const remove = async () => {
    try {
      if (audit.status === 'running') await backend.request(ToWorker.PauseAudit, { auditId: audit.id }).catch(() => undefined);
      await deleteAudit(await backend.db(), audit.id);
      await props.onChanged();
    } catch (error) {
      props.onError(error);
    }
  };

  return (
    <li class="audit-row" data-audit-id={audit.id}>
      {mode === 'rename' ? (
        <form class="inline-form" onSubmit={rename}>
          <label>
            {t('siteName')}
            <input value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={200} />
          </label>
          <button type="submit">{t('save')}</button>
          <button type="button" onClick={() => setMode('view')}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <div class="audit-row__main">
          <strong class="audit-row__site">{audit.site || t('untitledSite')}</strong>
          <span class="audit-row__scenario">{audit.scenario}</span>
          <span class="muted">
            {t('auditMeta', formatDateTime(audit.createdAt), String(audit.stepCount), t(`status_${audit.status}`))}
          </span>
        </div>
      )}
      {mode === 'delete' ? (
        <div class="confirm" role="group" aria-label={t('confirmDeleteLabel')}>
          <span>{t('confirmDelete', audit.site)}</span>
          <button type="button" class="danger" onClick={remove}>
            {t('deletePermanently')}
          </button>
          <button type="button" onClick={() => setMode('view')}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        mode === 'view' && (
          <div class="actions">
            <button type="button" onClick={() => props.onOpen(audit.id)}>
              {t('open')}
            </button>
            <button type="button" onClick={() => setMode('rename')}>
              {t('rename')}
            </button>
            <button type="button" onClick={() => setMode('delete')}>
              {t('delete')}
            </button>
          </div>
        )
      )}
    </li>
  );
}
