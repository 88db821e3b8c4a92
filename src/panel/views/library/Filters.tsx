// The library's search box and, folded away, its filters by site, auditor, template, completeness
// and date; each lists only the values the stored audits have.
import type { Audit } from '../../../domain/model.ts';
import { t } from '../../../i18n/t.ts';
import type { TemplateEntry } from '../../templates.ts';
import { distinct, NO_FILTERS, type LibraryFilters } from './filtering.ts';

export function Filters(props: {
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
          dir="auto"
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
                <option key={s} value={s} dir="auto">
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
                <option key={s} value={s} dir="auto">
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
                <option key={id} value={id} dir="auto">
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
