import { useEffect, useRef, useState } from 'preact/hooks';
import { siteNameOf } from '../../domain/factories.ts';
import { DEFAULT_TEMPLATE_ID } from '../../domain/templates.ts';
import { t } from '../../i18n/t.ts';
import { ToWorker, type TargetDescription } from '../../protocol.ts';
import { listAudits, listTemplates, type TemplateEntry } from '../../store/index.ts';
import { ErrorBanner } from '../components/Notice.tsx';
import { useBackend } from '../context.ts';
import { errorText } from '../errors.ts';
import { labelOf } from '../templates.ts';

export function NewAudit({ onStarted, onCancel }: { onStarted: (id: string) => void; onCancel: () => void }) {
  const backend = useBackend();
  const [target, setTarget] = useState<TargetDescription | null>(null);
  const [site, setSite] = useState('');
  const [scenario, setScenario] = useState('');
  const [auditor, setAuditor] = useState('');
  const [templates, setTemplates] = useState<TemplateEntry[]>([]);
  const [templateId, setTemplateId] = useState(DEFAULT_TEMPLATE_ID);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The site name, the pseudonym and the template are pre-filled (from the tab, from the last audit)
  // only while the auditor has not touched them: those readings arrive after the form is on screen,
  // and a field the auditor emptied to type a new name must stay theirs. Focus counts as a touch: a
  // reading landing in the field the caret is in would put their first keystrokes after its text.
  const siteTouched = useRef(false);
  const auditorTouched = useRef(false);
  const templateTouched = useRef(false);

  useEffect(() => {
    void (async () => {
      try {
        const described = await backend.request(ToWorker.DescribeTarget, { windowId: backend.windowId() });
        setTarget(described);
        if (!siteTouched.current) setSite(siteNameOf(described.url));
      } catch (e) {
        setError(errorText(e));
      }
      // The auditor's pseudonym and template carry over from their last audit.
      const db = await backend.db();
      const [last] = await listAudits(db);
      const entries = await listTemplates(db);
      setTemplates(entries);
      if (last) {
        if (!auditorTouched.current) setAuditor(last.auditor);
        if (!templateTouched.current && entries.some((e) => e.template.id === last.templateId)) setTemplateId(last.templateId);
      }
    })();
  }, []);

  const start = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { auditId } = await backend.request(ToWorker.StartAudit, {
        windowId: backend.windowId(),
        draft: {
          site,
          scenario,
          auditor,
          successCriterion: '',
          templateId,
          templateVersion: templates.find((e) => e.template.id === templateId)?.template.version ?? 1,
        },
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
      <form class="form" onSubmit={start}>
        <label>
          {t('siteName')}
          <input
            name="site"
            maxLength={200}
            value={site}
            onFocus={() => (siteTouched.current = true)}
            onInput={(e) => {
              siteTouched.current = true;
              setSite(e.currentTarget.value);
            }}
          />
        </label>
        <label>
          {t('scenario')}
          <textarea
            name="scenario"
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
            name="auditor"
            required
            maxLength={100}
            autocomplete="off"
            value={auditor}
            onFocus={() => (auditorTouched.current = true)}
            onInput={(e) => {
              auditorTouched.current = true;
              setAuditor(e.currentTarget.value);
            }}
          />
        </label>
        <label>
          {t('journeyTemplate')}
          <select
            name="template"
            value={templateId}
            onFocus={() => (templateTouched.current = true)}
            onChange={(e) => {
              templateTouched.current = true;
              setTemplateId(e.currentTarget.value);
            }}
          >
            {templates.map((entry) => (
              <option value={entry.template.id} key={entry.template.id}>
                {labelOf(entry.template)}
              </option>
            ))}
          </select>
        </label>
        <dl class="facts" aria-label={t('filledAutomatically')}>
          <dt>{t('startUrl')}</dt>
          <dd class="url">{target?.url ?? '…'}</dd>
          <dt>{t('viewport')}</dt>
          <dd>{target ? `${target.viewport.width} × ${target.viewport.height}` : '…'}</dd>
          <dt>{t('browser')}</dt>
          <dd>{target?.browser ?? '…'}</dd>
          <dt>{t('locale')}</dt>
          <dd>{target?.locale ?? '…'}</dd>
        </dl>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
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
