// Journey templates: the built-in ones and the user's own, each a list of stages with the cues that
// suggest them. Built-ins are edited as copies; saving a user template adds a version (audits keep
// the version they used).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JourneyTemplate } from '../../domain/templates.ts';
import { CHANNELS, type Channel } from '../../domain/touchpoints.ts';
import { channelName } from '../components/ChannelLabel.tsx';
import { t, tp, type MessageKey } from '../../i18n/t.ts';
import { formatCount, formatList } from '../format.ts';
import {
  checkDraft,
  cleanExpects,
  draftOf,
  emptyDraft,
  emptyStageDraft,
  type DraftProblem,
  type StageDraft,
  type TemplateDraft,
} from '../../domain/template-draft.ts';
import { ErrorBanner } from '../components/Notice.tsx';
import { FormActions } from '../components/FormActions.tsx';
import { useActions } from '../actions.ts';
import { labelOf, useTemplates, type TemplateEntry } from '../templates.ts';
import { errorText } from '../errors.ts';
import { isolate } from '../../i18n/bidi.ts';
import { UserText } from '../components/UserText.tsx';

/** The shown name of a template or stage: its translation when it has one, else its own name. */

export function draftProblemText(problem: DraftProblem): string {
  const key = `templateError_${problem.code.replace(/-/g, '_')}` as MessageKey;
  switch (problem.code) {
    case 'name-missing':
    case 'no-stages':
      return t(key);
    case 'name-too-long':
    case 'too-many-stages':
      return t(key, String(problem.limit));
    case 'stage-name-missing':
    case 'duplicate-stage':
    case 'unknown-channel':
      return t(key, String(problem.stage));
    case 'stage-name-too-long':
    case 'too-many-cues':
    case 'cue-too-long':
      return t(key, String(problem.stage), String(problem.limit));
  }
}

/** Hook: every template (built-in first), reloadable. */

interface Editing {
  draft: TemplateDraft;
  /** Stable keys of the stage rows, so focus stays put when stages move. */
  keys: number[];
  /** The version a save will make. */
  nextVersion: number;
  title: string;
}

let keySeed = 0;
const newKey = () => ++keySeed;

export function TemplatesView({ onBack }: { onBack: () => void }) {
  const actions = useActions();
  const { entries, reload } = useTemplates();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const start = (draft: TemplateDraft, title: string, nextVersion: number) => {
    setError(null);
    setNotice(null);
    setEditing({ draft, keys: draft.stages.map(newKey), nextVersion, title });
  };
  const editCopy = (template: JourneyTemplate) => {
    const draft = draftOf(template, { copy: true, label: labelOf });
    draft.name = t('templates_copyName', labelOf(template));
    start(draft, t('templates_editing', isolate(draft.name)), 1);
  };
  const edit = (entry: TemplateEntry) =>
    start(
      draftOf(entry.template, { copy: false, label: labelOf }),
      t('templates_editing', isolate(entry.template.name)),
      entry.template.version + 1,
    );

  const save = async (draft: TemplateDraft) => {
    const problem = checkDraft(draft);
    if (problem) {
      setError(draftProblemText(problem));
      return;
    }
    try {
      const saved = await actions.saveTemplate(draft);
      setEditing(null);
      setError(null);
      setNotice(t('templates_saved', isolate(saved.name), String(saved.version)));
      await reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section class="view templates" aria-labelledby="templates-title">
      <header class="view__header">
        <button type="button" class="link" onClick={onBack}>
          {t('library')}
        </button>
        <h1 id="templates-title">{t('templates_title')}</h1>
        {!editing && (
          <button type="button" class="primary" onClick={() => start(emptyDraft(), t('templates_new'), 1)}>
            {t('templates_new')}
          </button>
        )}
      </header>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      {notice && (
        <p class="banner" role="status">
          {notice}
        </p>
      )}
      {editing ? (
        <TemplateEditor
          editing={editing}
          onChange={(change) => setEditing((current) => (current ? change(current) : current))}
          onSave={(draft) => void save(draft)}
          onCancel={() => {
            setEditing(null);
            setError(null);
          }}
        />
      ) : (
        <ul class="template-list">
          {entries?.map((entry) => (
            <li key={`${entry.source}:${entry.template.id}`} class="template-row" data-template-id={entry.template.id}>
              <div class="template-row__main">
                <strong>
                  <UserText>{labelOf(entry.template)}</UserText>
                </strong>{' '}
                <span class={`badge badge--${entry.source}`}>
                  {t(entry.source === 'builtin' ? 'templates_builtin' : 'templates_custom')}
                </span>
                <span class="muted">
                  {tp(
                    'templates_meta',
                    entry.template.stages.length,
                    String(entry.template.version),
                    formatCount(entry.template.stages.length),
                  )}
                </span>
                {entry.basedOn && (
                  <span class="muted">{t('templates_basedOn', isolate(basedOnName(entries, entry.basedOn)))}</span>
                )}
                <span class="muted template-row__stages">
                  {entry.template.stages.map((s) => isolate(labelOf(s))).join(journeyArrow())}
                </span>
              </div>
              <div class="actions">
                {entry.source === 'user' && (
                  <button type="button" onClick={() => edit(entry)}>
                    {t('templates_edit')}
                  </button>
                )}
                <button type="button" onClick={() => editCopy(entry.template)}>
                  {t('templates_editCopy')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function basedOnName(entries: TemplateEntry[], basedOn: { id: string; version: number }): string {
  const found = entries.find((e) => e.template.id === basedOn.id);
  return found ? labelOf(found.template) : basedOn.id;
}

const lines = (text: string): string[] => text.split('\n');

function TemplateEditor(props: {
  editing: Editing;
  /** Changes apply to the latest state, so quick successive edits never undo each other. */
  onChange: (change: (current: Editing) => Editing) => void;
  onSave: (draft: TemplateDraft) => void;
  onCancel: () => void;
}) {
  const { draft, keys } = props.editing;
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => nameInput.current?.focus(), []);
  const setName = (name: string) => props.onChange((e) => ({ ...e, draft: { ...e.draft, name } }));
  const setStage = (i: number, patch: Partial<StageDraft>) =>
    props.onChange((e) => ({
      ...e,
      draft: { ...e.draft, stages: e.draft.stages.map((s, k) => (k === i ? { ...s, ...patch } : s)) },
    }));
  const move = (i: number, by: number) =>
    props.onChange((e) => {
      const j = i + by;
      if (j < 0 || j >= e.draft.stages.length) return e;
      const stages = [...e.draft.stages];
      const order = [...e.keys];
      [stages[i], stages[j]] = [stages[j] as StageDraft, stages[i] as StageDraft];
      [order[i], order[j]] = [order[j] as number, order[i] as number];
      return { ...e, draft: { ...e.draft, stages }, keys: order };
    });
  const remove = (i: number) =>
    props.onChange((e) => ({
      ...e,
      draft: { ...e.draft, stages: e.draft.stages.filter((_, k) => k !== i) },
      keys: e.keys.filter((_, k) => k !== i),
    }));
  const add = () =>
    props.onChange((e) => ({
      ...e,
      draft: { ...e.draft, stages: [...e.draft.stages, emptyStageDraft()] },
      keys: [...e.keys, newKey()],
    }));

  return (
    <form
      class="form template-editor"
      aria-label={props.editing.title}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(draft);
      }}
    >
      <label>
        {t('templates_name')}
        <input
          dir="auto"
          ref={nameInput}
          name="template-name"
          maxLength={100}
          value={draft.name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <p class="muted">{t('templates_versionNote', String(props.editing.nextVersion))}</p>
      <h2 class="template-editor__heading">{t('templates_stages')}</h2>
      <p class="muted">{t('templates_cuesHint')}</p>
      <ol class="stage-list">
        {draft.stages.map((stage, i) => {
          const n = String(i + 1);
          return (
            <li key={keys[i]} class="stage-edit">
              <fieldset>
                <legend>{t('templates_stageLegend', n)}</legend>
                <label>
                  {t('templates_stageName')}
                  <input
                    dir="auto"
                    maxLength={100}
                    value={stage.name}
                    onInput={(e) => setStage(i, { name: e.currentTarget.value })}
                  />
                </label>
                <label>
                  {t('templates_urlCues')}
                  <textarea
                    dir="auto"
                    rows={3}
                    value={stage.url.join('\n')}
                    onInput={(e) => setStage(i, { url: lines(e.currentTarget.value) })}
                  />
                </label>
                <label>
                  {t('templates_textCues')}
                  <textarea
                    dir="auto"
                    rows={3}
                    value={stage.text.join('\n')}
                    onInput={(e) => setStage(i, { text: lines(e.currentTarget.value) })}
                  />
                </label>
                <ExpectsPicker
                  stageNo={n}
                  value={stage.expects ?? []}
                  onChange={(expects) => setStage(i, { expects })}
                />
                <div class="actions">
                  <button
                    type="button"
                    aria-label={t('templates_moveUp', n)}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={t('templates_moveDown', n)}
                    disabled={i === draft.stages.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button type="button" aria-label={t('templates_removeStage', n)} onClick={() => remove(i)}>
                    ✕
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <FormActions submit={t('save')} onCancel={props.onCancel}>
        <button type="button" onClick={add}>
          {t('templates_addStage')}
        </button>
      </FormActions>
    </form>
  );
}

/** The touchpoint channels a stage expects (TemplateStage.expects), as checkboxes. */
function ExpectsPicker(props: { stageNo: string; value: Channel[]; onChange: (expects: Channel[]) => void }) {
  const toggle = (channel: Channel, on: boolean) =>
    props.onChange(cleanExpects(on ? [...props.value, channel] : props.value.filter((c) => c !== channel)));
  return (
    <details class="stage-expects" open={props.value.length > 0}>
      <summary>
        {t('templates_expects')}
        {props.value.length > 0 && <span class="muted"> ({formatList(props.value.map(channelName))})</span>}
      </summary>
      <fieldset class="checks">
        <legend>{t('templates_expectsLegend', props.stageNo)}</legend>
        {CHANNELS.map((channel) => (
          <label key={channel} class="check">
            <input
              type="checkbox"
              checked={props.value.includes(channel)}
              onChange={(e) => toggle(channel, e.currentTarget.checked)}
            />
            {channelName(channel)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** The arrow between a journey's stages points the way the panel reads. */
const journeyArrow = (): string => (document.documentElement.dir === 'rtl' ? ' ← ' : ' → ');
