// One audit in the library: what it is, a tick to compare it, and open, rename, delete (after a
// confirmation), duplicate as a plan and export.
import { useState } from 'preact/hooks';
import type { Audit } from '../../../domain/model.ts';
import { t, tp } from '../../../i18n/t.ts';
import { useActions } from '../../actions.ts';
import { formatCount, formatDateTime } from '../../format.ts';
import { Message, UserText } from '../../components/UserText.tsx';

export function AuditRow(props: {
  audit: Audit;
  templateName: string;
  selected: boolean;
  selectable: boolean;
  onSelect: (on: boolean) => void;
  onOpen: (id: string) => void;
  onChanged: () => Promise<void>;
  onDuplicate: () => void;
  onExport: () => void;
  onError: (e: unknown) => void;
  /** Connected to a programme: share this audit (absent otherwise); `shared` once it is. */
  onShare?: () => void;
  shared?: boolean;
}) {
  const { audit } = props;
  const actions = useActions();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [name, setName] = useState(audit.site);

  const rename = async (event: Event) => {
    event.preventDefault();
    try {
      await actions.rename(audit, name);
      setMode('view');
      await props.onChanged();
    } catch (error) {
      props.onError(error);
    }
  };
  const remove = async () => {
    try {
      await actions.remove(audit);
      await props.onChanged();
    } catch (error) {
      props.onError(error);
    }
  };

  return (
    <li class={`audit-row${props.selected ? ' audit-row--selected' : ''}`} data-audit-id={audit.id}>
      {mode === 'rename' ? (
        <form class="inline-form" onSubmit={(e) => void rename(e)}>
          <label>
            {t('siteName')}
            <input dir="auto" value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={200} />
          </label>
          <button type="submit">{t('save')}</button>
          <button type="button" onClick={() => setMode('view')}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <div class="audit-row__head">
          <input
            type="checkbox"
            class="audit-row__select"
            checked={props.selected}
            disabled={!props.selectable}
            aria-label={t('library_selectAudit', audit.site || t('untitledSite'))}
            onChange={(e) => props.onSelect(e.currentTarget.checked)}
          />
          <div class="audit-row__main">
            <strong class="audit-row__site">
              {audit.site ? <UserText>{audit.site}</UserText> : t('untitledSite')}
            </strong>
            <span class="audit-row__scenario" dir="auto">
              {audit.scenario}
            </span>
            <span class="muted">
              <Message
                k="auditMeta"
                values={[
                  formatDateTime(audit.createdAt),
                  tp('stepCount', audit.stepCount, formatCount(audit.stepCount)),
                  t(`status_${audit.status}`),
                ]}
              />
            </span>
            <span class="muted audit-row__details">
              <Message k="library_rowDetails" values={[audit.auditor, props.templateName]} />
            </span>
          </div>
        </div>
      )}
      {mode === 'delete' ? (
        <div class="confirm" role="group" aria-label={t('confirmDeleteLabel')}>
          <span>
            <Message k="confirmDelete" values={[audit.site]} />
          </span>
          <button type="button" class="danger" onClick={() => void remove()}>
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
            <button type="button" onClick={props.onDuplicate}>
              {t('library_duplicatePlan')}
            </button>
            {props.onShare &&
              (props.shared ? (
                <span class="muted">{t('library_shared')}</span>
              ) : (
                <button type="button" onClick={props.onShare}>
                  {t('library_share')}
                </button>
              ))}
            <button type="button" onClick={props.onExport}>
              {t('library_exportZip')}
            </button>
          </div>
        )
      )}
    </li>
  );
}
