// METHOD.md "Journey-end survey": task completed (yes/no), Customer Effort Score 2.0 (1 strongly
// disagree ... 7 strongly agree) and one retrospective valence (-4..+4). "End journey" first asks
// the worker to pause a running audit (so the recorder stops following the tab), then stores the
// survey with status 'ended' and endedAt (and, when finished audits are shared with a programme,
// has it shared at once: programme/auto-sync.ts). An ended audit keeps its survey editable ("Save
// survey"), which stores the survey only and leaves status and endedAt as they are.
// Choice: a survey may be saved with answers left out (null); the report shows them as not answered.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Audit, EndSurvey as EndSurveyAnswers } from '../../domain/model.ts';
import { t, type MessageKey } from '../../i18n/t.ts';
import { useActions } from '../actions.ts';
import { useAutoSync } from '../programme/auto-sync-context.ts';
import { errorText } from '../errors.ts';
import { Scale, type ScaleOption } from './Scale.tsx';
import { Message } from './UserText.tsx';

/** Audits whose survey just ended the journey: their ended note takes the focus once it shows. */
const focusOnEnded = new Set<string>();

const EMPTY: EndSurveyAnswers = { taskCompleted: null, ces: null, rememberedValence: null };

const cesOptions = (): ScaleOption[] =>
  [1, 2, 3, 4, 5, 6, 7].map((n) => ({
    value: n,
    label: String(n),
    title: t('survey_cesPoint', String(n), t(`survey_ces_${n}` as MessageKey)),
  }));

const valenceOptions = (): ScaleOption[] =>
  [-4, -3, -2, -1, 0, 1, 2, 3, 4].map((n, i) => ({
    value: n,
    label: n > 0 ? `+${n}` : String(n),
    title: t('valencePoint', n > 0 ? `+${n}` : String(n), t(`valence_${i}` as MessageKey)),
  }));

export function EndSurvey({ audit, onSaved }: { audit: Audit; onSaved?: (audit: Audit) => void }) {
  const actions = useActions();
  const autoSync = useAutoSync();
  const [answers, setAnswers] = useState<EndSurveyAnswers>(audit.endSurvey ?? EMPTY);
  const [ended, setEnded] = useState(audit.status === 'ended');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // The answers as of the last change (a save may be pressed before the next render), whether
  // they differ from the stored ones, and the stored values last taken over from the props.
  const latest = useRef<EndSurveyAnswers>(answers);
  const dirty = useRef(false);
  const seen = useRef({ survey: audit.endSurvey, status: audit.status });

  // A change stored elsewhere shows up unless the auditor has unsaved answers.
  useEffect(() => {
    if (audit.endSurvey === seen.current.survey) return;
    seen.current.survey = audit.endSurvey;
    if (!dirty.current) {
      latest.current = audit.endSurvey ?? EMPTY;
      setAnswers(latest.current);
    }
  }, [audit.endSurvey]);
  useEffect(() => {
    if (audit.status === seen.current.status) return;
    seen.current.status = audit.status;
    setEnded(audit.status === 'ended');
  }, [audit.status]);

  const set = (patch: Partial<EndSurveyAnswers>) => {
    latest.current = { ...latest.current, ...patch };
    dirty.current = true;
    setAnswers(latest.current);
    setSaved(false);
  };

  // After the journey ends, focus goes to the words saying so (the button stays, renamed). Kept
  // outside the component: the re-read of the ended audit can mount a new survey in its place.
  const endedNote = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!endedNote.current || !focusOnEnded.delete(audit.id)) return;
    endedNote.current.focus();
  });

  const submit = async () => {
    if (busy) return;
    const ending = !ended;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const endSurveySource = latest.current;
      const next = await actions.saveSurvey(audit, endSurveySource, !ended);
      if (latest.current === endSurveySource) dirty.current = false;
      setEnded(true);
      setSaved(true);
      if (ending) focusOnEnded.add(audit.id);
      onSaved?.(next);
      // Shared at once when finished audits are shared (the pass checks that setting).
      if (ending) autoSync?.ended();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const name = (part: string) => `${part}-${audit.id}`;
  return (
    <section class="survey" aria-labelledby={name('survey-title')}>
      <h2 id={name('survey-title')}>{t('survey_title')}</h2>
      {ended && (
        <p class="muted" ref={endedNote} tabIndex={-1}>
          {t('survey_ended')}
        </p>
      )}
      <fieldset class="survey__task">
        <legend>{t('survey_task')}</legend>
        {audit.successCriterion && (
          <p class="muted">
            <Message k="survey_successCriterion" values={[audit.successCriterion]} />
          </p>
        )}
        <div class="survey__choices">
          <label class={`mark-option${answers.taskCompleted === true ? ' is-on' : ''}`}>
            <input
              type="radio"
              name={name('task')}
              value="yes"
              checked={answers.taskCompleted === true}
              onChange={() => set({ taskCompleted: true })}
            />
            {t('survey_yes')}
          </label>
          <label class={`mark-option${answers.taskCompleted === false ? ' is-on' : ''}`}>
            <input
              type="radio"
              name={name('task')}
              value="no"
              checked={answers.taskCompleted === false}
              onChange={() => set({ taskCompleted: false })}
            />
            {t('survey_no')}
          </label>
        </div>
      </fieldset>
      <Scale
        name={name('ces')}
        legend={t('survey_cesQuestion')}
        options={cesOptions()}
        value={answers.ces}
        onChange={(ces) => set({ ces })}
        ends={[t('survey_ces_1'), t('survey_ces_7')]}
        clearLabel={t('clear')}
      />
      <Scale
        name={name('remembered')}
        legend={t('survey_rememberedQuestion')}
        options={valenceOptions()}
        value={answers.rememberedValence}
        onChange={(rememberedValence) => set({ rememberedValence })}
        ends={[t('valence_0'), t('valence_8')]}
        clearLabel={t('clear')}
      />
      {error && (
        <p class="banner banner--error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        {/* aria-disabled, not disabled: a disabled button drops the focus to the page body. */}
        <button type="button" class="primary" aria-disabled={busy} onClick={() => void submit()}>
          {ended ? t('survey_save') : t('survey_endJourney')}
        </button>
        {busy && (
          <span class="muted" role="status">
            {t('survey_saving')}
          </span>
        )}
        {saved && !busy && (
          <span class="muted" role="status">
            {t('survey_saved')}
          </span>
        )}
      </div>
    </section>
  );
}
