import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { ToWorker } from '../../protocol.ts';
import { patchAudit } from '../../store/index.ts';
import { ErrorBanner } from '../components/Notice.tsx';
import { StepCard } from '../components/StepCard.tsx';
import { useBackend } from '../context.ts';
import { errorText } from '../errors.ts';
import { useAuditData } from '../hooks.ts';

export function AuditView({ auditId, onBack }: { auditId: string; onBack: () => void }) {
  const backend = useBackend();
  const { data, reload } = useAuditData(auditId);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(0);
  const listEnd = useRef<HTMLDivElement>(null);
  const stepCount = data?.steps.length ?? 0;

  useEffect(() => {
    listEnd.current?.scrollIntoView?.({ block: 'end' });
  }, [stepCount]);

  if (data === undefined) return <p class="empty">{t('loading')}</p>;
  if (data === null) {
    return (
      <section class="view">
        <p class="empty">{t('auditMissing')}</p>
        <button type="button" onClick={onBack}>
          {t('library')}
        </button>
      </section>
    );
  }
  const { audit, steps, shotsByStep } = data;
  const running = audit.status === 'running';

  // Requests may overlap (Log step pressed five times): each one is counted, none is blocked.
  const run = async (work: () => Promise<unknown>) => {
    setBusy((n) => n + 1);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy((n) => n - 1);
      await reload();
    }
  };
  const windowId = backend.windowId();

  return (
    <section class="view" aria-labelledby="audit-title">
      <header class="view__header">
        <button type="button" class="link" onClick={onBack}>
          {t('library')}
        </button>
        <h1 id="audit-title">{audit.site || t('untitledSite')}</h1>
        <span class={`badge badge--${audit.status}`}>{t(`status_${audit.status}`)}</span>
      </header>
      {audit.scenario && <p class="scenario">{audit.scenario}</p>}
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <div class="toolbar" role="toolbar" aria-label={t('recording')}>
        {running ? (
          <>
            <button type="button" class="primary" onClick={() => run(() => backend.request(ToWorker.LogStep, { windowId, auditId }))}>
              {t('logStep')}
            </button>
            <button
              type="button"
              disabled={steps.length === 0}
              onClick={() => run(() => backend.request(ToWorker.Capture, { windowId, auditId, stepId: null }))}
            >
              {t('capture')}
            </button>
            <button type="button" onClick={() => run(() => backend.request(ToWorker.PauseAudit, { auditId }))}>
              {t('pause')}
            </button>
          </>
        ) : (
          <button type="button" class="primary" onClick={() => run(() => backend.request(ToWorker.ResumeAudit, { windowId, auditId }))}>
            {t('resume')}
          </button>
        )}
        <label class="toggle">
          <input
            type="checkbox"
            checked={audit.autoSteps}
            onChange={(e) =>
              run(async () => patchAudit(await backend.db(), auditId, { autoSteps: e.currentTarget.checked }, new Date().toISOString()))
            }
          />
          {t('autoSteps')}
        </label>
        {busy > 0 && (
          <span class="muted" role="status">
            {t('capturing')}
          </span>
        )}
      </div>
      {steps.length === 0 ? (
        <p class="empty">{running && audit.autoSteps ? t('noStepsAuto') : t('noSteps')}</p>
      ) : (
        <ol class="steps" aria-label={t('steps')}>
          {steps.map((step, i) => (
            <StepCard key={step.id} step={step} shots={shotsByStep.get(step.id) ?? []} current={i === steps.length - 1} />
          ))}
        </ol>
      )}
      <div ref={listEnd} />
    </section>
  );
}
