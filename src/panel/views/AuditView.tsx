import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { ToWorker } from '../../protocol.ts';
import { patchAudit, patchStep } from '../../store/index.ts';
import { ErrorBanner } from '../components/Notice.tsx';
import { PrivacyControls } from '../components/PrivacyControls.tsx';
import { StepCard } from '../components/StepCard.tsx';
import { StepEditor } from '../components/StepEditor.tsx';
import { useBackend } from '../context.ts';
import { errorText } from '../errors.ts';
import { fullPageNotice } from '../full-page.ts';
import type { AuditData } from '../audit-data.ts';
import { STEP_PAGE } from '../boot.ts';
import { useAuditData } from '../hooks.ts';
import { ratingFromKey } from '../keyboard.ts';
import { AuditTabs, type AuditTab } from './AuditTabs.tsx';

/** Cards in the first frame: more than a side panel shows at once. */
const FIRST_CARDS = 5;

export function AuditView({
  auditId,
  initial,
  onBack,
}: {
  auditId: string;
  initial?: AuditData | null;
  onBack: () => void;
}) {
  const backend = useBackend();
  const { data, reload, reloadStep } = useAuditData(auditId, { initial, newestFirst: STEP_PAGE });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(0);
  const [tab, setTab] = useState<AuditTab>('steps');
  // null follows the newest step, so the auditor rates each page as it arrives.
  const [chosen, setChosen] = useState<string | null>(null);
  const [focusCriterion, setFocusCriterion] = useState<string | null>(null);
  // Long audits open at their newest steps; earlier ones are shown on request, a page at a time.
  const [shownFrom, setShownFrom] = useState<number | null>(null);
  const steps = data?.steps ?? [];
  // While a long audit opens, only its newest steps are read: `before` older ones follow at once.
  const before = data?.before ?? 0;
  const total = before + steps.length;
  const selectedAt = Math.max(
    0,
    steps.findIndex((s) => s.id === chosen),
  );
  const selected = steps.find((s) => s.id === chosen) ?? steps[steps.length - 1] ?? null;
  const from = Math.max(
    before,
    Math.min(shownFrom ?? total - STEP_PAGE, chosen && selected?.id === chosen ? before + selectedAt : Infinity),
  );
  // Building a card with its editor takes about a millisecond: the first frame shows the newest
  // cards, enough to fill the panel, and the rest of the window follows in the next one.
  const [opened, setOpened] = useState(false);
  const loaded = !!data;
  useEffect(() => {
    if (loaded) setOpened(true);
  }, [loaded]);
  const shownFromIndex = opened ? from : Math.max(from, total - FIRST_CARDS);

  useEffect(() => {
    if (tab === 'steps' && selected)
      document.getElementById(`step-${selected.id}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [selected?.id, tab]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const rating = ratingFromKey(event);
      if (!rating || !selected || tab !== 'steps') return;
      event.preventDefault();
      void backend
        .db()
        .then((db) => patchStep(db, selected.id, { [rating.kind]: rating.value }, new Date().toISOString()))
        .then(() => reloadStep(selected.id))
        .catch((e: unknown) => setError(errorText(e)));
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [selected?.id, tab]);

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
  const { audit, shotsByStep } = data;
  const running = audit.status === 'running';
  const windowId = backend.windowId();

  // Requests may overlap (Log step pressed five times): each one is counted, none is blocked. The
  // worker tells the panel of the changes its requests make; a change made here, or a request that
  // failed part way, is re-read here.
  const run = async (work: () => Promise<unknown>, local = false) => {
    setBusy((n) => n + 1);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
      local = true;
    } finally {
      setBusy((n) => n - 1);
      if (local) await reload().catch(() => undefined);
    }
  };
  const jump = (target: { stepId?: string; criterionId?: string }) => {
    if (target.stepId) {
      setChosen(target.stepId);
      setTab('steps');
    } else if (target.criterionId) {
      setFocusCriterion(target.criterionId);
      setTab('rubric');
    }
  };

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
            <button
              type="button"
              class="primary"
              onClick={() => run(() => backend.request(ToWorker.LogStep, { windowId, auditId }))}
            >
              {t('logStep')}
            </button>
            <button
              type="button"
              disabled={steps.length === 0}
              onClick={() =>
                run(() => backend.request(ToWorker.Capture, { windowId, auditId, stepId: selected?.id ?? null }))
              }
            >
              {t('capture')}
            </button>
            <button
              type="button"
              disabled={steps.length === 0}
              title={t('fullPageTitle')}
              onClick={() =>
                run(async () => {
                  const result = await backend.request(ToWorker.FullPage, {
                    windowId,
                    auditId,
                    stepId: selected?.id ?? null,
                  });
                  const notice = fullPageNotice(result);
                  if (notice) setError(notice);
                })
              }
            >
              {t('fullPage')}
            </button>
            <button type="button" onClick={() => run(() => backend.request(ToWorker.PauseAudit, { auditId }))}>
              {t('pause')}
            </button>
          </>
        ) : (
          <button
            type="button"
            class="primary"
            onClick={() => run(() => backend.request(ToWorker.ResumeAudit, { windowId, auditId }))}
          >
            {audit.status === 'plan' ? t('startPlan') : t('resume')}
          </button>
        )}
        <label class="toggle">
          <input
            type="checkbox"
            checked={audit.autoSteps}
            onChange={(e) =>
              run(
                async () =>
                  patchAudit(
                    await backend.db(),
                    auditId,
                    { autoSteps: e.currentTarget.checked },
                    new Date().toISOString(),
                  ),
                true,
              )
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
      <PrivacyControls audit={audit} onChanged={() => void reload()} onError={(e) => setError(errorText(e))} />
      <AuditTabs
        tab={tab}
        onTab={setTab}
        audit={audit}
        steps={steps}
        focusCriterionId={focusCriterion}
        onJump={jump}
        onSaved={() => void reload()}
      >
        {steps.length === 0 ? (
          <p class="empty">{running && audit.autoSteps ? t('noStepsAuto') : t('noSteps')}</p>
        ) : (
          <ol class="steps" aria-label={t('steps')} data-shown={total - shownFromIndex} data-total={total}>
            {opened && from > 0 && (
              <li class="steps__earlier">
                <button type="button" onClick={() => setShownFrom(Math.max(0, from - STEP_PAGE))}>
                  {t('showEarlierSteps', String(Math.min(from, STEP_PAGE)), String(from))}
                </button>
              </li>
            )}
            {steps.slice(shownFromIndex - before).map((step, j) => {
              const next = steps[shownFromIndex - before + j + 1];
              const shots = shotsByStep.get(step.id) ?? [];
              return (
                <StepCard
                  key={step.id}
                  step={step}
                  shots={shots}
                  dwellMs={next ? Date.parse(next.startedAt) - Date.parse(step.startedAt) : null}
                  selected={step.id === selected?.id}
                  onSelect={() => setChosen(step.id)}
                >
                  <StepEditor
                    step={step}
                    shots={shots}
                    templateId={audit.templateId}
                    templateVersion={audit.templateVersion}
                    lang={audit.locale.split('-')[0] ?? 'en'}
                    onSaved={() => reloadStep(step.id)}
                    onError={(e) => setError(errorText(e))}
                  />
                </StepCard>
              );
            })}
          </ol>
        )}
        <p class="muted keys-hint">{t('keysHint')}</p>
      </AuditTabs>
    </section>
  );
}
