import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Screenshot, Step, Viewport } from '../../domain/model.ts';
import { withoutHash } from '../../domain/urls.ts';
import { t, tp } from '../../i18n/t.ts';
import { formatCount } from '../format.ts';
import { ErrorBanner } from '../components/Notice.tsx';
import { PrivacyControls } from '../components/PrivacyControls.tsx';
import { StepCard } from '../components/StepCard.tsx';
import { StepEditor } from '../components/StepEditor.tsx';
import { useActions } from '../actions.ts';
import { errorText } from '../errors.ts';
import { fullPageNotice } from '../full-page.ts';
import type { AuditData } from '../audit-data.ts';
import { STEP_PAGE } from '../boot.ts';
import { useAuditData, useTemplate } from '../hooks.ts';
import { typingIn, useLeaveEditor } from '../editing.ts';
import { ratingFromKey, watchLostFocus } from '../keyboard.ts';
import { AuditTabs, type AuditTab } from './AuditTabs.tsx';
import { Message, UserText } from '../components/UserText.tsx';
import { AddTouchpoint } from './touchpoint/AddTouchpoint.tsx';
import { Attachments } from './touchpoint/Attachments.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { lazyView } from '../lazy.tsx';
import { criteriaForStep } from '../../domain/stage-criteria.ts';
import { DEFAULT_RUBRIC } from '../../domain/rubric.ts';
import { useProbes } from '../probes-data.ts';
import { OpenProbes } from './probe/OpenProbes.tsx';
import { StepProbes } from './probe/StepProbes.tsx';

// With the rubric's code, which the panel loads on first use.
const StageCriteria = lazyView(() => import('../components/StageCriteria.tsx').then((m) => m.StageCriteria), true);

/** Cards in the first frame: more than a side panel shows at once. */
const FIRST_CARDS = 5;

export function AuditView({
  auditId,
  initial,
  onBack,
  focusOnOpen = false,
}: {
  auditId: string;
  initial?: AuditData | null;
  onBack: () => void;
  /** Focus the audit's heading once shown (the auditor came here from another view). */
  focusOnOpen?: boolean;
}) {
  const actions = useActions();
  const { data, reload, reloadStep } = useAuditData(auditId, { initial, newestFirst: STEP_PAGE });
  const { probes, reload: reloadProbes } = useProbes(auditId);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(0);
  const [tab, setTab] = useState<AuditTab>('steps');
  // null follows the newest step, so the auditor rates each page as it arrives.
  const [chosen, setChosen] = useState<string | null>(null);
  const [focusCriterion, setFocusCriterion] = useState<string | null>(null);
  const [addingTouchpoint, setAddingTouchpoint] = useState(false);
  // Long audits open at their newest steps; earlier ones are shown on request, a page at a time.
  const [shownFrom, setShownFrom] = useState<number | null>(null);
  const steps = data?.steps ?? [];
  const template = useTemplate(data?.audit.templateId ?? '', data?.audit.templateVersion ?? 1);
  // While a long audit opens, only its newest steps are read: `before` older ones follow at once.
  const before = data?.before ?? 0;
  const total = before + steps.length;
  const newest = steps[steps.length - 1] ?? null;
  // A step that arrives while the auditor types in the one on screen waits, announced, until they
  // leave that editor: switching under the caret sent the rest of a note to the body, and its
  // digits to the rating keys.
  const [held, setHeld] = useState<string | null>(null);
  const shown = useRef<string | null>(null);
  const holding =
    chosen !== null
      ? null
      : (held ??
        (newest && shown.current && newest.id !== shown.current && typingIn(document) === shown.current
          ? shown.current
          : null));
  const selectedId = chosen ?? holding;
  const selectedAt = Math.max(
    0,
    steps.findIndex((s) => s.id === selectedId),
  );
  const selected = steps.find((s) => s.id === selectedId) ?? newest;
  const selectedStepId = selected?.id ?? null;
  const arrived = holding && newest && newest.id !== holding ? newest : null;
  const from = Math.max(
    before,
    Math.min(
      shownFrom ?? total - STEP_PAGE,
      selectedId && selected?.id === selectedId ? before + selectedAt : Infinity,
    ),
  );
  useLayoutEffect(() => {
    shown.current = selectedStepId;
    if (holding !== held) setHeld(holding);
  }, [selectedStepId, holding, held]);
  useLeaveEditor(holding, () => setHeld(null));
  // Focus moved to the step the auditor asked to go to, so their next keys rate it.
  const focusEditor = useRef(false);
  // Building a card with its editor takes about a millisecond: the first frame shows the newest
  // cards, enough to fill the panel, and the rest of the window follows in the next one.
  const [opened, setOpened] = useState(false);
  const loaded = !!data;
  useEffect(() => {
    if (loaded) setOpened(true);
  }, [loaded]);
  const shownFromIndex = opened ? from : Math.max(from, total - FIRST_CARDS);

  // Before the paint, so a new step's first frame is already where it stays.
  useLayoutEffect(() => {
    if (tab !== 'steps' || !selectedStepId) return;
    document.getElementById(`step-${selectedStepId}`)?.scrollIntoView?.({ block: 'nearest' });
    if (focusEditor.current) {
      focusEditor.current = false;
      document.querySelector<HTMLElement>(`[data-editor-for="${selectedStepId}"]`)?.focus();
    }
  }, [selectedStepId, tab]);

  // The step the rating keys rate is the one on screen from the moment it is (an effect would
  // leave the previous step's keys live until after the paint).
  const rated = useRef<string | null>(null);
  useLayoutEffect(() => {
    rated.current = tab === 'steps' ? selectedStepId : null;
  });
  useEffect(() => {
    const focus = watchLostFocus(document);
    const onKey = (event: KeyboardEvent) => {
      const rating = ratingFromKey(event, focus.lost());
      const stepId = rated.current;
      if (!rating || !stepId) return;
      event.preventDefault();
      void actions
        .editStep(stepId, { [rating.kind]: rating.value })
        .then(() => reloadStep(stepId))
        .catch((e: unknown) => setError(errorText(e)));
    };
    addEventListener('keydown', onKey);
    return () => {
      focus.stop();
      removeEventListener('keydown', onKey);
    };
  }, [actions, reloadStep]);

  // Once, when the audit is first on screen: the heading says where the auditor is, and from there
  // the rating keys rate the newest step.
  const headingFocused = useRef(false);
  useEffect(() => {
    if (!focusOnOpen || !loaded || headingFocused.current) return;
    headingFocused.current = true;
    document.getElementById('audit-title')?.focus();
  }, [focusOnOpen, loaded]);

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
  // A screenshot still being taken keeps the shape of the latest one of the same page: the page's
  // own shape may differ from the tab's at the audit's start (measured: the demo shop's listing and
  // product pages under the side panel), and a box of the wrong shape would move everything below
  // it when the image came.
  const shapes = shapesByPage(steps, shotsByStep);
  const running = audit.status === 'running';

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
        <h1 id="audit-title" tabIndex={-1}>
          {audit.site ? <UserText>{audit.site}</UserText> : t('untitledSite')}
        </h1>
        <span class={`badge badge--${audit.status}`}>{t(`status_${audit.status}`)}</span>
      </header>
      {audit.scenario && (
        <p class="scenario" dir="auto">
          {audit.scenario}
        </p>
      )}
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <ReviewPanel audit={audit} onChanged={reload} onError={(e) => setError(errorText(e))} />
      <div class="toolbar" role="toolbar" aria-label={t('recording')}>
        {running ? (
          <>
            <button type="button" class="primary" onClick={() => void run(() => actions.logStep(auditId))}>
              {t('logStep')}
            </button>
            <button
              type="button"
              disabled={steps.length === 0}
              onClick={() => void run(() => actions.capture(auditId, selected?.id ?? null))}
            >
              {t('capture')}
            </button>
            <button
              type="button"
              disabled={steps.length === 0}
              title={t('fullPageTitle')}
              onClick={() =>
                void run(async () => {
                  const result = await actions.fullPage(auditId, selected?.id ?? null);
                  const notice = fullPageNotice(result);
                  if (notice) setError(notice);
                })
              }
            >
              {t('fullPage')}
            </button>
            <button type="button" onClick={() => void run(() => actions.pause(auditId))}>
              {t('pause')}
            </button>
          </>
        ) : (
          <button type="button" class="primary" onClick={() => void run(() => actions.resume(auditId))}>
            {audit.status === 'plan' ? t('startPlan') : t('resume')}
          </button>
        )}
        <button type="button" aria-expanded={addingTouchpoint} onClick={() => setAddingTouchpoint((on) => !on)}>
          {t('addTouchpoint')}
        </button>
        <label class="toggle">
          <input
            type="checkbox"
            checked={audit.autoSteps}
            onChange={(e) => void run(() => actions.setAutoSteps(auditId, e.currentTarget.checked), true)}
          />
          {t('autoSteps')}
        </label>
        {/* The words keep their place while idle: the toolbar wraps at 360 px, and a status that came
            and went would move every step card below it by a line. */}
        <span class="muted toolbar__status">
          <span class="toolbar__reserve" aria-hidden="true">
            {t('capturing')}
          </span>
          <span role="status">{busy > 0 ? t('capturing') : ''}</span>
        </span>
      </div>
      {addingTouchpoint && (
        <AddTouchpoint
          steps={steps}
          after={selected}
          template={template}
          onCancel={() => setAddingTouchpoint(false)}
          onAdd={async (draft) => {
            try {
              const step = await actions.addTouchpoint(
                auditId,
                { channel: draft.channel, title: draft.title, occurredAt: draft.occurredAt, stage: draft.stage },
                draft.position,
              );
              await reload();
              setAddingTouchpoint(false);
              setTab('steps');
              setChosen(step.id);
            } catch (e) {
              setError(errorText(e));
            }
          }}
        />
      )}
      <OpenProbes
        probes={probes}
        steps={steps}
        onGo={(stepId) => {
          setChosen(stepId);
          setTab('steps');
        }}
      />
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
                  {tp(
                    'showEarlierSteps',
                    Math.min(from, STEP_PAGE),
                    formatCount(Math.min(from, STEP_PAGE)),
                    formatCount(from),
                  )}
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
                  frame={shapes.get(withoutHash(step.url)) ?? audit.viewport}
                  dwellMs={next ? Date.parse(next.startedAt) - Date.parse(step.startedAt) : null}
                  selected={step.id === selected?.id}
                  onSelect={() => setChosen(step.id)}
                  evidence={
                    step.kind === 'touchpoint' ? (
                      <Attachments step={step} onError={(e) => setError(errorText(e))} />
                    ) : undefined
                  }
                >
                  <StepEditor
                    step={step}
                    shots={shots}
                    templateId={audit.templateId}
                    templateVersion={audit.templateVersion}
                    lang={audit.language ?? audit.locale}
                    onSaved={() => reloadStep(step.id)}
                    onError={(e) => setError(errorText(e))}
                  />
                  {criteriaForStep(step, DEFAULT_RUBRIC).length > 0 && (
                    <StageCriteria
                      audit={audit}
                      step={step}
                      steps={before === 0 ? steps : null}
                      probes={probes}
                      onSaved={() => void reload()}
                      onError={(e) => setError(errorText(e))}
                    />
                  )}
                  <StepProbes
                    step={step}
                    probes={probes.filter((p) => p.stepId === step.id)}
                    onChanged={() => void reloadProbes().catch(() => undefined)}
                    onError={(e) => setError(errorText(e))}
                  />
                </StepCard>
              );
            })}
          </ol>
        )}
        <div class="arrival" aria-live="polite">
          {arrived && (
            <button
              type="button"
              class="arrival__go"
              onClick={() => {
                focusEditor.current = true;
                setHeld(null);
              }}
            >
              <Message k="newStepGoTo" values={[arrived.title || t('untitledPage')]} />
            </button>
          )}
        </div>
        <p class="muted keys-hint">{t('keysHint')}</p>
      </AuditTabs>
    </section>
  );
}

/** The size of each page's latest one-viewport screenshot, by its address without the fragment. */
function shapesByPage(
  steps: readonly Step[],
  shotsByStep: ReadonlyMap<string, readonly Screenshot[]>,
): Map<string, Viewport> {
  const latest = new Map<string, Screenshot>();
  for (const step of steps) {
    const url = withoutHash(step.url);
    for (const shot of shotsByStep.get(step.id) ?? []) {
      const known = latest.get(url);
      if (shot.kind === undefined && shot.width > 0 && (!known || shot.takenAt > known.takenAt)) latest.set(url, shot);
    }
  }
  return new Map([...latest].map(([url, shot]) => [url, { width: shot.width, height: shot.height }]));
}
