// The audit library: every audit, searchable and filterable (site, date, auditor, template,
// completeness); per audit open, rename, delete, duplicate as a plan, export the zip bundle, and
// select 2-4 audits to compare. Audits come in through "Import" (file picker) or by dropping a file
// on the library; every check runs before anything is written, and a clash with an existing audit
// id asks: keep both, or replace. The journey templates are one click away ("Templates").
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Audit } from '../../domain/model.ts';
import { t, tp } from '../../i18n/t.ts';
import { formatCount } from '../format.ts';
import { useActions } from '../actions.ts';
import { ImportDrop, ImportPicker } from '../components/ImportDrop.tsx';
import { ExpectationSettings } from '../components/ExpectationSettings.tsx';
import { LanguagePicker } from '../components/LanguagePicker.tsx';
import { ProgrammeIdentityForm } from '../components/ProgrammeIdentityForm.tsx';
import { ErrorBanner } from '../components/Notice.tsx';
import { useBackend } from '../context.ts';
import { errorText } from '../errors.ts';
import { useAuditList } from '../hooks.ts';
import '../library.css';
import { lazyView } from '../lazy.tsx';
import { readCompleteness } from '../library-data.ts';
import { labelOf, useTemplates } from '../templates.ts';
import { AuditRow } from './library/AuditRow.tsx';
import { ClashDialog } from './library/ClashDialog.tsx';
import { canCompare, COMPARE_MAX, comparePath, toggleSelected } from './library/compare.ts';
import { exportAuditZip } from './library/export-zip.ts';
import { Filters } from './library/Filters.tsx';
import { matches, NO_FILTERS, type LibraryFilters } from './library/filtering.ts';
import { useImportFlow } from './library/import-flow.ts';
import { hasProgrammes, PROGRAMME_PAGE_PATH } from './library/programme.ts';
import { ProgrammeSection } from './library/ProgrammeSection.tsx';
import type { ProgrammePort } from '../programme/port.ts';
import type { ProgrammeSettings } from '../programme/settings.ts';
import { isolate } from '../../i18n/bidi.ts';

const TemplatesView = lazyView(() => import('./TemplatesView.tsx').then((m) => m.TemplatesView));

export function Library({
  onOpen,
  onNew,
  focusOnOpen = false,
}: {
  onOpen: (id: string) => void;
  onNew: () => void;
  /** Focus New audit once shown (the auditor came back here from another view). */
  focusOnOpen?: boolean;
}) {
  const [view, setView] = useState<'audits' | 'templates'>('audits');
  if (view === 'templates') return <TemplatesView onBack={() => setView('audits')} />;
  return (
    <AuditLibrary onOpen={onOpen} onNew={onNew} onTemplates={() => setView('templates')} focusOnOpen={focusOnOpen} />
  );
}

function AuditLibrary({
  onOpen,
  onNew,
  onTemplates,
  focusOnOpen,
}: {
  focusOnOpen: boolean;
  onOpen: (id: string) => void;
  onNew: () => void;
  onTemplates: () => void;
}) {
  const backend = useBackend();
  const actions = useActions();
  const { audits, reload } = useAuditList();
  const { entries: templates } = useTemplates();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<string[]>([]);
  const [completeById, setCompleteById] = useState<Map<string, boolean> | null>(null);
  const flow = useImportFlow({ error: setError, notice: setNotice, imported: reload });
  const { importing } = flow;
  const newButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusOnOpen) newButton.current?.focus();
  }, [focusOnOpen]);
  const [programme, setProgramme] = useState<{ port: ProgrammePort; settings: ProgrammeSettings } | null>(null);
  useEffect(() => {
    void (async () => {
      try {
        const port = await backend.programme?.();
        if (port) setProgramme({ port, settings: await port.load() });
      } catch (e) {
        setError(errorText(e));
      }
    })();
  }, [backend]);
  const share = async (audit: Audit) => {
    if (!programme || programme.settings.shared.includes(audit.id)) return;
    const settings = { ...programme.settings, shared: [...programme.settings.shared, audit.id] };
    try {
      await programme.port.save(settings);
      setProgramme({ ...programme, settings });
      // The pass also takes in what others shared; a pass that brought audits shows them.
      const report = await programme.port.pass(settings);
      if (report.ingest.imported.length > 0) await reload();
      setError(null);
      setNotice(t('library_sharedNotice', isolate(audit.site || t('untitledSite'))));
    } catch (e) {
      fail(e);
    }
  };

  // Completeness needs every step: read only while that filter is on, again when audits change.
  useEffect(() => {
    if (!filters.complete || !audits) return;
    let cancelled = false;
    void (async () => {
      const out = await readCompleteness(await backend.db(), audits);
      if (!cancelled) setCompleteById(out);
    })();
    return () => {
      cancelled = true;
    };
  }, [backend, filters.complete, audits]);

  // Selections of audits that are gone are dropped.
  useEffect(() => {
    if (audits) setSelected((ids) => ids.filter((id) => audits.some((a) => a.id === id)));
  }, [audits]);

  const shown = useMemo(
    () => (audits ?? []).filter((a) => matches(a, filters, completeById?.get(a.id))),
    [audits, filters, completeById],
  );
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  /** A template's shown name; with a version, that version is named when it is not the latest. */
  const templateName = (id: string, version?: number): string => {
    const entry = templates?.find((e) => e.template.id === id);
    if (!entry) return id;
    const name = labelOf(entry.template);
    return version === undefined || version === entry.template.version ? name : `${name} (v${version})`;
  };

  const fail = (e: unknown) => {
    setNotice(null);
    setError(errorText(e));
  };
  const duplicate = async (audit: Audit) => {
    try {
      await actions.duplicateAsPlan(audit.id);
      setError(null);
      setNotice(t('library_duplicated', isolate(audit.site || t('untitledSite'))));
      await reload();
    } catch (e) {
      fail(e);
    }
  };
  const exportZip = async (audit: Audit) => {
    try {
      const filename = await exportAuditZip(backend, audit.id);
      setError(null);
      setNotice(t('library_exported', isolate(filename)));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <ImportDrop onFiles={flow.importFiles} disabled={flow.busy}>
      <section class="view library" aria-labelledby="library-title">
        <header class="view__header">
          <h1 id="library-title">{t('libraryTitle')}</h1>
          <button type="button" class="primary" ref={newButton} onClick={onNew}>
            {t('newAudit')}
          </button>
        </header>
        <div class="actions library__tools">
          <ImportPicker onFile={(file) => void flow.importFile(file)} disabled={flow.busy} />
          <button type="button" onClick={onTemplates}>
            {t('library_templates')}
          </button>
          {audits && hasProgrammes(audits) && (
            <button type="button" onClick={() => backend.openPage(PROGRAMME_PAGE_PATH)}>
              {t('library_programmeView')}
            </button>
          )}
          {/* Comparing needs two audits: a library with fewer does not offer it. */}
          {audits && audits.length >= 2 && (
            <>
              <button
                type="button"
                disabled={!canCompare(selected)}
                onClick={() => backend.openPage(comparePath(selected))}
              >
                {t('library_compare')}
              </button>
              <span class="muted" aria-live="polite">
                {selected.length > 0 ? t('library_selected', String(selected.length)) : t('library_compareHint')}
              </span>
            </>
          )}
        </div>
        <ErrorBanner message={error} onDismiss={() => setError(null)} />
        {(notice || importing.phase === 'checking' || importing.phase === 'writing') && (
          <p class="banner banner--info" role="status">
            {importing.phase === 'checking'
              ? t('import_checking', isolate(importing.name))
              : importing.phase === 'writing'
                ? t('import_writing')
                : notice}
          </p>
        )}
        {importing.phase === 'clash' && <ClashDialog existing={importing.existing} onChoose={flow.choose} />}
        {audits && audits.length > 0 && (
          <Filters
            audits={audits}
            templates={templates ?? []}
            value={filters}
            onChange={(patch) => setFilters((current) => (patch === null ? NO_FILTERS : { ...current, ...patch }))}
            templateName={templateName}
          />
        )}
        {audits && audits.length === 0 && <p class="empty">{t('libraryEmpty')}</p>}
        {audits && audits.length > 0 && filtered && (
          <p class="muted library__count" role="status">
            {tp('library_count', audits.length, formatCount(shown.length), formatCount(audits.length))}
          </p>
        )}
        {audits && audits.length > 0 && shown.length === 0 && <p class="empty">{t('library_noMatch')}</p>}
        <ul class="audit-list">
          {shown.map((audit) => (
            <AuditRow
              key={audit.id}
              audit={audit}
              templateName={templateName(audit.templateId, audit.templateVersion)}
              selected={selected.includes(audit.id)}
              selectable={selected.includes(audit.id) || selected.length < COMPARE_MAX}
              onSelect={(on) => setSelected((ids) => toggleSelected(ids, audit.id, on))}
              onOpen={onOpen}
              onChanged={reload}
              onDuplicate={() => void duplicate(audit)}
              onExport={() => void exportZip(audit)}
              onError={fail}
              {...(programme?.settings.connection
                ? {
                    onShare: () => void share(audit),
                    shared:
                      programme.settings.shared.includes(audit.id) ||
                      (programme.settings.shareFinished && audit.status === 'ended'),
                  }
                : {})}
            />
          ))}
        </ul>
        {programme && (
          <ProgrammeSection
            port={programme.port}
            settings={programme.settings}
            onSettings={(settings) => setProgramme({ ...programme, settings })}
            onChanged={reload}
          />
        )}
        <footer class="library__footer">
          <ExpectationSettings onError={fail} />
          <LanguagePicker onError={fail} />
          <ProgrammeIdentityForm onError={fail} />
        </footer>
      </section>
    </ImportDrop>
  );
}
