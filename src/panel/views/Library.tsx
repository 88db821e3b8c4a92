// The audit library: every audit, searchable and filterable (site, date, auditor, template,
// completeness); per audit open, rename, delete, duplicate as a plan, export the zip bundle, and
// select 2-4 audits to compare. Audits come in through "Import" (file picker) or by dropping a file
// on the library; every check runs before anything is written, and a clash with an existing audit
// id asks: keep both, or replace. The journey templates are one click away ("Templates").
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { completeness } from '../../domain/completeness.ts';
import type { ImportPlan } from '../../domain/import/index.ts';
import { rubricOf } from '../../domain/rubric.ts';
import type { Audit, Step } from '../../domain/model.ts';
import { t } from '../../i18n/t.ts';
import { ToWorker } from '../../protocol.ts';
import {
  deleteAudit,
  duplicateAsPlan,
  findClash,
  importAudit,
  patchAudit,
  type ClashChoice,
  type TemplateEntry,
} from '../../store/index.ts';
import { checkImportFile, importProblemText, ImportDrop, ImportPicker, makeThumbs } from '../components/ImportDrop.tsx';
import { ErrorBanner } from '../components/Notice.tsx';
import { useBackend } from '../context.ts';
import { errorText } from '../errors.ts';
import { formatDateTime } from '../format.ts';
import { useAuditList } from '../hooks.ts';
import '../library.css';
import { lazyView } from '../lazy.tsx';
import { labelOf, useTemplates } from '../templates.ts';

const TemplatesView = lazyView(() => import('./TemplatesView.tsx').then((m) => m.TemplatesView));

/** The compare page (a colleague's); ids are encoded, commas separate them. */
export const comparePath = (ids: readonly string[]): string =>
  `src/report/compare/compare.html?audits=${ids.map(encodeURIComponent).join(',')}`;

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

export interface LibraryFilters {
  query: string;
  site: string;
  auditor: string;
  /** "" any, else "<id>" (any version). */
  template: string;
  /** Local dates, yyyy-mm-dd, inclusive; "" for open. */
  from: string;
  to: string;
  complete: '' | 'complete' | 'incomplete';
}

export const NO_FILTERS: LibraryFilters = {
  query: '',
  site: '',
  auditor: '',
  template: '',
  from: '',
  to: '',
  complete: '',
};

/** The audit's day in the viewer's time zone (yyyy-mm-dd): started, else created. */
export function auditDay(audit: Audit): string {
  const d = new Date(audit.startedAt ?? audit.createdAt);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Pure: does an audit pass the search and filters? `isComplete` is needed only for that filter. */
export function matches(audit: Audit, f: LibraryFilters, isComplete?: boolean): boolean {
  const q = f.query.trim().toLocaleLowerCase();
  if (q && ![audit.site, audit.scenario, audit.auditor].some((s) => s.toLocaleLowerCase().includes(q))) return false;
  if (f.site && audit.site !== f.site) return false;
  if (f.auditor && audit.auditor !== f.auditor) return false;
  if (f.template && audit.templateId !== f.template) return false;
  const day = auditDay(audit);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  if (f.complete && isComplete === undefined) return false;
  if (f.complete === 'complete' && !isComplete) return false;
  if (f.complete === 'incomplete' && isComplete) return false;
  return true;
}

const distinct = (values: string[]): string[] => [...new Set(values)].sort((a, b) => a.localeCompare(b));

type ImportPhase =
  | { phase: 'idle' }
  | { phase: 'checking'; name: string }
  | { phase: 'clash'; plan: ImportPlan; existing: Audit }
  | { phase: 'writing' };

export function Library({ onOpen, onNew }: { onOpen: (id: string) => void; onNew: () => void }) {
  const [view, setView] = useState<'audits' | 'templates'>('audits');
  if (view === 'templates') return <TemplatesView onBack={() => setView('audits')} />;
  return <AuditLibrary onOpen={onOpen} onNew={onNew} onTemplates={() => setView('templates')} />;
}

function AuditLibrary({
  onOpen,
  onNew,
  onTemplates,
}: {
  onOpen: (id: string) => void;
  onNew: () => void;
  onTemplates: () => void;
}) {
  const backend = useBackend();
  const { audits, reload } = useAuditList();
  const { entries: templates } = useTemplates();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<string[]>([]);
  const [importing, setImporting] = useState<ImportPhase>({ phase: 'idle' });
  const [completeById, setCompleteById] = useState<Map<string, boolean> | null>(null);

  // Completeness needs every step: read only while that filter is on, again when audits change.
  useEffect(() => {
    if (!filters.complete || !audits) return;
    let cancelled = false;
    void (async () => {
      const all = await (await backend.db()).getAll('steps');
      const byAudit = new Map<string, Step[]>();
      for (const step of all) {
        const list = byAudit.get(step.auditId);
        if (list) list.push(step);
        else byAudit.set(step.auditId, [step]);
      }
      const out = new Map(audits.map((a) => [a.id, completeness(a, byAudit.get(a.id) ?? [], rubricOf(a)).complete]));
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

  // ---- import ---------------------------------------------------------------------------------
  const busy = importing.phase !== 'idle';
  const importFiles = (files: File[]) => {
    if (files.length !== 1) {
      setError(t('import_oneFile'));
      return;
    }
    void importFile(files[0] as File);
  };
  const importFile = async (file: File) => {
    setError(null);
    setNotice(null);
    setImporting({ phase: 'checking', name: file.name });
    try {
      const checked = await checkImportFile(file);
      if (!checked.ok) {
        setImporting({ phase: 'idle' });
        setError(importProblemText(checked.error));
        return;
      }
      const existing = await findClash(await backend.db(), checked.value.audit.id);
      if (existing) {
        setImporting({ phase: 'clash', plan: checked.value, existing });
        return;
      }
      await write(checked.value);
    } catch (e) {
      setImporting({ phase: 'idle' });
      setError(t('import_failed', errorText(e)));
    }
  };
  const write = async (plan: ImportPlan, onClash?: ClashChoice, existing?: Audit) => {
    setImporting({ phase: 'writing' });
    try {
      if (onClash === 'replace' && existing?.status === 'running') {
        await backend.request(ToWorker.PauseAudit, { auditId: existing.id }).catch(() => undefined);
      }
      const thumbs = await makeThumbs(plan);
      const outcome = await importAudit(await backend.db(), plan, {
        onClash,
        thumbs,
        copySite: (site) => t('import_copySuffix', site),
      });
      const site = plan.audit.site || t('untitledSite');
      setNotice(
        plan.withoutPixels > 0
          ? t('import_doneWithoutPixels', site, String(outcome.steps), String(plan.withoutPixels))
          : t('import_done', site, String(outcome.steps), String(outcome.screenshots)),
      );
      await reload();
    } catch (e) {
      setError(t('import_failed', errorText(e)));
    } finally {
      setImporting({ phase: 'idle' });
    }
  };

  // ---- per-audit actions ----------------------------------------------------------------------
  const duplicate = async (audit: Audit) => {
    try {
      await duplicateAsPlan(await backend.db(), audit.id, new Date().toISOString());
      setError(null);
      setNotice(t('library_duplicated', audit.site || t('untitledSite')));
      await reload();
    } catch (e) {
      fail(e);
    }
  };
  const exportZip = async (audit: Audit) => {
    try {
      const db = await backend.db();
      // The report's exporters load on first use, keeping the panel itself small and quick to open.
      const [{ loadReportData }, { zipExport }, { collectBlobs }, { download, extensionVersion }] = await Promise.all([
        import('../../report/data.ts'),
        import('../../report/exports.ts'),
        import('../../report/zip.ts'),
        import('../../report/page-kit.ts'),
      ]);
      const data = await loadReportData(db, audit.id);
      if (!data) throw new Error(t('auditMissing'));
      const file = zipExport(data, await collectBlobs(db, data.screenshots, 'full'), {
        generatorVersion: extensionVersion(),
      });
      download(file);
      setError(null);
      setNotice(t('library_exported', file.filename));
    } catch (e) {
      fail(e);
    }
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((ids) =>
      on ? (ids.includes(id) || ids.length >= COMPARE_MAX ? ids : [...ids, id]) : ids.filter((x) => x !== id),
    );
  const canCompare = selected.length >= COMPARE_MIN && selected.length <= COMPARE_MAX;

  return (
    <ImportDrop onFiles={importFiles} disabled={busy}>
      <section class="view library" aria-labelledby="library-title">
        <header class="view__header">
          <h1 id="library-title">{t('libraryTitle')}</h1>
          <button type="button" class="primary" onClick={onNew}>
            {t('newAudit')}
          </button>
        </header>
        <div class="actions library__tools">
          <ImportPicker onFile={(file) => void importFile(file)} disabled={busy} />
          <button type="button" onClick={onTemplates}>
            {t('library_templates')}
          </button>
          <button type="button" disabled={!canCompare} onClick={() => backend.openPage(comparePath(selected))}>
            {t('library_compare')}
          </button>
          <span class="muted" aria-live="polite">
            {selected.length > 0 ? t('library_selected', String(selected.length)) : t('library_compareHint')}
          </span>
        </div>
        <ErrorBanner message={error} onDismiss={() => setError(null)} />
        {(notice || importing.phase === 'checking' || importing.phase === 'writing') && (
          <p class="banner banner--info" role="status">
            {importing.phase === 'checking'
              ? t('import_checking', importing.name)
              : importing.phase === 'writing'
                ? t('import_writing')
                : notice}
          </p>
        )}
        {importing.phase === 'clash' && (
          <ClashDialog
            existing={importing.existing}
            onChoose={(choice) => {
              if (choice === 'cancel') setImporting({ phase: 'idle' });
              else void write(importing.plan, choice, importing.existing);
            }}
          />
        )}
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
            {t('library_count', String(shown.length), String(audits.length))}
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
              onSelect={(on) => toggle(audit.id, on)}
              onOpen={onOpen}
              onChanged={reload}
              onDuplicate={() => void duplicate(audit)}
              onExport={() => void exportZip(audit)}
              onError={fail}
            />
          ))}
        </ul>
      </section>
    </ImportDrop>
  );
}

function ClashDialog({ existing, onChoose }: { existing: Audit; onChoose: (choice: ClashChoice | 'cancel') => void }) {
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
        {t('import_clashText', existing.site || t('untitledSite'), formatDateTime(existing.createdAt))}
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

function Filters(props: {
  audits: Audit[];
  templates: TemplateEntry[];
  value: LibraryFilters;
  /** A change of some filters (null: clear them all). */
  onChange: (patch: Partial<LibraryFilters> | null) => void;
  templateName: (id: string) => string;
}) {
  const { value: f, audits } = props;
  const set = (patch: Partial<LibraryFilters>) => props.onChange(patch);
  const sites = distinct(audits.map((a) => a.site));
  const auditors = distinct(audits.map((a) => a.auditor));
  const templateIds = distinct([...props.templates.map((e) => e.template.id), ...audits.map((a) => a.templateId)]);
  const anyFilter = JSON.stringify(f) !== JSON.stringify(NO_FILTERS);
  return (
    <div class="library__filters">
      <label class="library__search">
        {t('library_search')}
        <input
          type="search"
          value={f.query}
          placeholder={t('library_searchPlaceholder')}
          maxLength={200}
          onInput={(e) => set({ query: e.currentTarget.value })}
        />
      </label>
      <details>
        <summary>{t('library_filters')}</summary>
        <div class="library__filter-grid">
          <label>
            {t('library_filterSite')}
            <select value={f.site} onChange={(e) => set({ site: e.currentTarget.value })}>
              <option value="">{t('library_any')}</option>
              {sites.map((s) => (
                <option key={s} value={s}>
                  {s || t('untitledSite')}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('library_filterAuditor')}
            <select value={f.auditor} onChange={(e) => set({ auditor: e.currentTarget.value })}>
              <option value="">{t('library_any')}</option>
              {auditors.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('library_filterTemplate')}
            <select value={f.template} onChange={(e) => set({ template: e.currentTarget.value })}>
              <option value="">{t('library_any')}</option>
              {templateIds.map((id) => (
                <option key={id} value={id}>
                  {props.templateName(id)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('library_filterCompleteness')}
            <select
              value={f.complete}
              onChange={(e) => set({ complete: e.currentTarget.value as LibraryFilters['complete'] })}
            >
              <option value="">{t('library_any')}</option>
              <option value="complete">{t('library_complete')}</option>
              <option value="incomplete">{t('library_incomplete')}</option>
            </select>
          </label>
          <label>
            {t('library_filterFrom')}
            <input type="date" value={f.from} onInput={(e) => set({ from: e.currentTarget.value })} />
          </label>
          <label>
            {t('library_filterTo')}
            <input type="date" value={f.to} onInput={(e) => set({ to: e.currentTarget.value })} />
          </label>
        </div>
        {anyFilter && (
          <button type="button" class="link" onClick={() => props.onChange(null)}>
            {t('library_clearFilters')}
          </button>
        )}
      </details>
    </div>
  );
}

function AuditRow(props: {
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
}) {
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
      if (audit.status === 'running')
        await backend.request(ToWorker.PauseAudit, { auditId: audit.id }).catch(() => undefined);
      await deleteAudit(await backend.db(), audit.id);
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
            <input value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={200} />
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
            <strong class="audit-row__site">{audit.site || t('untitledSite')}</strong>
            <span class="audit-row__scenario">{audit.scenario}</span>
            <span class="muted">
              {t('auditMeta', formatDateTime(audit.createdAt), String(audit.stepCount), t(`status_${audit.status}`))}
            </span>
            <span class="muted audit-row__details">{t('library_rowDetails', audit.auditor, props.templateName)}</span>
          </div>
        </div>
      )}
      {mode === 'delete' ? (
        <div class="confirm" role="group" aria-label={t('confirmDeleteLabel')}>
          <span>{t('confirmDelete', audit.site)}</span>
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
            <button type="button" onClick={props.onExport}>
              {t('library_exportZip')}
            </button>
          </div>
        )
      )}
    </li>
  );
}
