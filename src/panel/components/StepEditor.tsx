// The auditor's ratings for one step: ease, valence, arousal, emotions, note, findings and stages.
// Every change goes straight to IndexedDB (the note after a short pause in typing).
import { useState } from 'preact/hooks';
import type { FeltEmotion, Screenshot, Step, StepPatch } from '../../domain/model.ts';
import { alsoStagePatch, primaryStagePatch, stagesOfStep } from '../../domain/step-stages.ts';
import type { JourneyTemplate } from '../../domain/templates.ts';
import { t, type MessageKey } from '../../i18n/t.ts';
import { useActions } from '../actions.ts';
import { formatList } from '../format.ts';
import { useTemplate } from '../hooks.ts';
import { labelOf } from '../templates.ts';
import { EmotionPicker } from './EmotionPicker.tsx';
import { Face } from './Face.tsx';
import { Findings } from './Findings.tsx';
import { NoteField } from './NoteField.tsx';
import { Scale, type ScaleOption } from './Scale.tsx';

const easeOptions = (): ScaleOption[] =>
  [1, 2, 3, 4, 5, 6, 7].map((n) => ({
    value: n,
    label: String(n),
    title: t('easePoint', String(n), t(`ease_${n}` as MessageKey)),
  }));

const valenceOptions = (): ScaleOption[] =>
  [-4, -3, -2, -1, 0, 1, 2, 3, 4].map((n, i) => ({
    value: n,
    label: <Face valence={n} />,
    title: t('valencePoint', n > 0 ? `+${n}` : String(n), t(`valence_${i}` as MessageKey)),
  }));

const arousalOptions = (): ScaleOption[] =>
  [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ value: n, label: String(n), title: t('arousalPoint', String(n)) }));

export function StepEditor(props: {
  step: Step;
  shots: Screenshot[];
  templateId: string;
  templateVersion: number;
  lang: string;
  onSaved: () => Promise<void> | void;
  onError: (e: unknown) => void;
}) {
  const actions = useActions();
  // Edits show at once, before IndexedDB and the re-read confirm them.
  const [pending, setPending] = useState<StepPatch>({});
  const step = { ...props.step, ...pending };
  const save = async (patch: StepPatch) => {
    setPending((p) => ({ ...p, ...patch }));
    try {
      await actions.editStep(step.id, patch);
      await props.onSaved();
    } catch (error) {
      props.onError(error);
    } finally {
      setPending((p) => {
        const rest = { ...p };
        for (const key of Object.keys(patch) as Array<keyof StepPatch>) if (rest[key] === patch[key]) delete rest[key];
        return rest;
      });
    }
  };
  const setEmotions = (emotions: FeltEmotion[]) => void save({ emotions });
  const template = useTemplate(props.templateId, props.templateVersion);

  return (
    // Focusable, so that "go to" a new step can hand the keys to it.
    <div class="editor" data-editor-for={step.id} tabIndex={-1}>
      <Scale
        name={`ease-${step.id}`}
        legend={t('easeQuestion')}
        options={easeOptions()}
        value={step.ease}
        ends={[t('ease_1'), t('ease_7')]}
        onChange={(ease) => void save({ ease })}
      />
      <Scale
        name={`valence-${step.id}`}
        legend={t('valenceQuestion')}
        options={valenceOptions()}
        value={step.valence}
        ends={[t('valence_0'), t('valence_8')]}
        onChange={(valence) => void save({ valence })}
      />
      <details class="editor__more">
        <summary>{t('arousalOptional')}</summary>
        <Scale
          name={`arousal-${step.id}`}
          legend={t('arousalQuestion')}
          options={arousalOptions()}
          value={step.arousal}
          ends={[t('arousalCalm'), t('arousalExcited')]}
          clearLabel={t('clear')}
          onChange={(arousal) => void save({ arousal })}
        />
      </details>
      <EmotionPicker value={step.emotions} onChange={setEmotions} />
      <NoteField
        stepId={step.id}
        value={step.note}
        emotions={step.emotions}
        lang={props.lang}
        onSave={(note) => save({ note })}
        onAcceptEmotion={setEmotions}
      />
      <Findings findings={step.findings} shots={props.shots} onChange={(findings) => void save({ findings })} />
      {template && <StageControl step={step} template={template} onChange={(patch) => void save(patch)} />}
    </div>
  );
}

/**
 * The step's stage (METHOD.md "Stage") and the further stages the same step holds: a one-page
 * checkout is checkout-details, with delivery and payment ticked under "Also covers".
 */
function StageControl(props: { step: Step; template: JourneyTemplate; onChange: (patch: StepPatch) => void }) {
  const { step, template } = props;
  const also = stagesOfStep(step).slice(1);
  const order = template.stages.map((s) => s.id);
  const nameOf = (id: string): string => {
    const found = template.stages.find((s) => s.id === id);
    return found ? labelOf(found) : id;
  };
  // Stages the step holds that this template version lacks stay listed, so they can be unticked.
  const choices = [...order, ...also.filter((id) => !order.includes(id))].filter((id) => id !== step.stage);
  return (
    <div class="stage-control">
      <label class="stage">
        {t('stage')}
        <select
          value={step.stage ?? ''}
          onChange={(e) => props.onChange(primaryStagePatch(step, e.currentTarget.value || null))}
        >
          <option value="">{t('noStage')}</option>
          {template.stages.map((s) => (
            <option value={s.id} key={s.id}>
              {labelOf(s)}
            </option>
          ))}
        </select>
        {step.stageSource === 'suggested' && <span class="muted">{t('stageSuggested')}</span>}
      </label>
      {step.stage !== null && (
        <details class="stage-also" open={also.length > 0}>
          <summary>
            {t('stageAlso')}
            {also.length > 0 && <span class="muted"> ({formatList(also.map(nameOf))})</span>}
          </summary>
          <fieldset class="checks">
            <legend>{t('stageAlsoLegend')}</legend>
            {choices.map((id) => (
              <label key={id} class="check">
                <input
                  type="checkbox"
                  name={`also-stage-${step.id}`}
                  value={id}
                  checked={also.includes(id)}
                  onChange={(e) => props.onChange(alsoStagePatch(step, id, e.currentTarget.checked, order))}
                />
                {nameOf(id)}
              </label>
            ))}
          </fieldset>
        </details>
      )}
    </div>
  );
}
