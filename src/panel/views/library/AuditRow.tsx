// One audit in the library: what it is, a tick to compare it, and open, rename, delete (after a
// confirmation), duplicate as a plan, export, and its programme and wave (for the programme view).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Audit } from '../../../domain/model.ts';
import { t, tp } from '../../../i18n/t.ts';
import { useActions } from '../../actions.ts';
import { formatCount, formatDateTime } from '../../format.ts';
import { Message, UserText } from '../../components/UserText.tsx';
import { ReviewStatus } from '../../components/ReviewStatus.tsx';

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
  const [mode, setMode] = useState<'view' | 'rename' | 'delete' | 'programme'>('view');
  const [name, setName] = useState(audit.site);
  const [programme, setProgramme] = useState(audit.programme?.name ?? '');
  const [wave, setWave] = useState(audit.programme?.wave ?? '');
  const programmeField = useRef<HTMLInputElement>(null);
  const programmeButton = useRef<HTMLButtonElement>(null);
  const cameFromProgramme = useRef(false);
  // The form's first field takes the caret; a finished or cancelled form gives it back to its button.
  useEffect(() => {
    if (mode === 'programme') {
      cameFromProgramme.current = true;
      programmeField.current?.focus();
    } else if (mode === 'view' && cameFromProgramme.current) {
      cameFromProgramme.current = false;
      programmeButton.current?.focus();
    }
  }, [mode]);

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
  const saveProgramme = async (event: Event) => {
    event.preventDefault();
    try {
      await actions.setProgramme(audit, programme, wave);
      setMode('view');
      await props.onChanged();
    } catch (error) {
      props.onError(error);
    }
  };
  const editProgramme = () => {
    setProgramme(audit.programme?.name ?? '');
    setWave(audit.programme?.wave ?? '');
    setMode('programme');
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
            {audit.programme && (
              <span class="muted audit-row__programme">
                <Message k="library_rowProgramme" values={[audit.programme.name, audit.programme.wave || '—']} />
              </span>
            )}
            <ReviewStatus audit={audit} />
          </div>
        </div>
      )}
      {mode === 'programme' && (
        <form class="inline-form" onSubmit={(e) => void saveProgramme(e)}>
          <label>
            {t('library_programmeName')}
            <input
              dir="auto"
              name="programme"
              value={programme}
              maxLength={120}
              ref={programmeField}
              onInput={(e) => setProgramme(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('library_programmeWave')}
            <input dir="auto" name="wave" value={wave} maxLength={60} onInput={(e) => setWave(e.currentTarget.value)} />
          </label>
          <p class="muted">{t('library_programmeHint')}</p>
          <button type="submit">{t('save')}</button>
          <button type="button" onClick={() => setMode('view')}>
            {t('cancel')}
          </button>
        </form>
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
            <button type="button" ref={programmeButton} onClick={editProgramme}>
              {t('library_programme')}
            </button>
          </div>
        )
      )}
    </li>
  );
}
