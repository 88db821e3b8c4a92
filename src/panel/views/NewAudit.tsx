import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { siteNameOf } from '../../domain/factories.ts';
import { DEFAULT_TEMPLATE_ID } from '../../domain/templates.ts';
import { currentLanguage, t } from '../../i18n/t.ts';
import { ToWorker, type TargetDescription } from '../../protocol.ts';
import { ErrorBanner } from '../components/Notice.tsx';
import { useActions } from '../actions.ts';
import { useBackend } from '../context.ts';
import { errorText } from '../errors.ts';
import { readStartDefaults } from '../library-data.ts';
import { labelOf, type TemplateEntry } from '../templates.ts';
import { Ltr, UserText } from '../components/UserText.tsx';

/**
 * A field the form pre-fills from a reading that arrives after it is on screen (the tab's host, the
 * last audit's pseudonym and template). Once the auditor has typed in it, it is theirs; while the
 * caret is in it, the reading waits (landing there, it would put their first keystrokes after its
 * text) and fills it on leaving, if they typed nothing.
 */
function usePrefilled<T>(initial: T) {
  const [value, setValue] = useState(initial);
  const touched = useRef(false);
  const focused = useRef(false);
  const waiting = useRef<{ value: T } | null>(null);
  // The same functions each render: the boot read offers values from an effect that runs once.
  const handlers = useMemo(
    () => ({
      offer: (next: T) => {
        if (touched.current) return;
        if (focused.current) waiting.current = { value: next };
        else setValue(next);
      },
      edit: (next: T) => {
        touched.current = true;
        setValue(next);
      },
      onFocus: () => {
        focused.current = true;
      },
      onBlur: () => {
        focused.current = false;
        if (!touched.current && waiting.current) setValue(waiting.current.value);
        waiting.current = null;
      },
    }),
    [],
  );
  return { value, ...handlers };
}

export function NewAudit({ onStarted, onCancel }: { onStarted: (id: string) => void; onCancel: () => void }) {
  const backend = useBackend();
  const actions = useActions();
  const [target, setTarget] = useState<TargetDescription | null>(null);
  const site = usePrefilled('');
  const [scenario, setScenario] = useState('');
  const auditor = usePrefilled('');
  const [templates, setTemplates] = useState<TemplateEntry[]>([]);
  const templateId = usePrefilled(DEFAULT_TEMPLATE_ID);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const { offer: offerSite } = site;
  const { offer: offerAuditor } = auditor;
  const { offer: offerTemplate } = templateId;
  useEffect(() => {
    void (async () => {
      try {
        const described = await backend.request(ToWorker.DescribeTarget, { windowId: backend.windowId() });
        setTarget(described);
        offerSite(siteNameOf(described.url));
      } catch (e) {
        setError(errorText(e));
      }
      // The auditor's pseudonym and template carry over from their last audit.
      const { last, templates: entries } = await readStartDefaults(await backend.db());
      setTemplates(entries);
      if (last) {
        offerAuditor(last.auditor);
        if (entries.some((e) => e.template.id === last.templateId)) offerTemplate(last.templateId);
      }
    })();
  }, [backend, offerSite, offerAuditor, offerTemplate]);

  // The site name fills itself in from the tab; the scenario is the first thing to type.
  const scenarioField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => scenarioField.current?.focus(), []);

  const start = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const { auditId } = await actions.startAudit({
        site: site.value,
        scenario,
        auditor: auditor.value,
        successCriterion: '',
        templateId: templateId.value,
        templateVersion: templates.find((e) => e.template.id === templateId.value)?.template.version ?? 1,
        language: currentLanguage(),
      });
      onStarted(auditId);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="view" aria-labelledby="new-title">
      <header class="view__header">
        <h1 id="new-title">{t('newAudit')}</h1>
      </header>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <form class="form" onSubmit={(e) => void start(e)}>
        <label>
          {t('siteName')}
          <input
            dir="auto"
            name="site"
            maxLength={200}
            value={site.value}
            onFocus={site.onFocus}
            onBlur={site.onBlur}
            onInput={(e) => site.edit(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('scenario')}
          <textarea
            dir="auto"
            name="scenario"
            ref={scenarioField}
            rows={2}
            maxLength={1000}
            placeholder={t('scenarioPlaceholder')}
            value={scenario}
            onInput={(e) => setScenario(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('auditorPseudonym')}
          <input
            dir="auto"
            name="auditor"
            required
            maxLength={100}
            autocomplete="off"
            value={auditor.value}
            onFocus={auditor.onFocus}
            onBlur={auditor.onBlur}
            onInput={(e) => auditor.edit(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('journeyTemplate')}
          <select
            name="template"
            value={templateId.value}
            onFocus={templateId.onFocus}
            onBlur={templateId.onBlur}
            onChange={(e) => templateId.edit(e.currentTarget.value)}
          >
            {templates.map((entry) => (
              <option value={entry.template.id} key={entry.template.id} dir="auto">
                {labelOf(entry.template)}
              </option>
            ))}
          </select>
        </label>
        <dl class="facts" aria-label={t('filledAutomatically')}>
          <dt>{t('startUrl')}</dt>
          <dd class="url">{target ? <UserText>{target.url}</UserText> : '…'}</dd>
          <dt>{t('viewport')}</dt>
          <dd>{target ? <Ltr>{`${target.viewport.width} × ${target.viewport.height}`}</Ltr> : '…'}</dd>
          <dt>{t('browser')}</dt>
          <dd>{target?.browser ?? '…'}</dd>
          <dt>{t('locale')}</dt>
          <dd>{target?.locale ?? '…'}</dd>
        </dl>
        <div class="actions">
          {/* aria-disabled, not disabled: a disabled button drops the focus to the page body. */}
          <button type="submit" class="primary" aria-disabled={busy}>
            {t('startAudit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
