// Adding a touchpoint beyond the website (a call, a chat, a delivery) as a step, placed where it
// happened in the journey: after the step on screen unless the auditor chooses another place.
// Where the template expects a touchpoint (the courier's delivery after the purchase), the form
// starts on that channel, and a touchpoint of it takes that stage.
import { useState } from 'preact/hooks';
import { expectationAt } from '../../../domain/completeness.ts';
import type { Step } from '../../../domain/model.ts';
import type { JourneyTemplate } from '../../../domain/templates.ts';
import { CHANNELS, type Channel } from '../../../domain/touchpoints.ts';
import { t } from '../../../i18n/t.ts';
import { ChannelOptions, channelName } from '../../components/ChannelLabel.tsx';
import { FormActions } from '../../components/FormActions.tsx';

export interface TouchpointDraft {
  channel: Channel;
  title: string;
  /** UTC milliseconds, from the local date and time the auditor typed; null when left empty. */
  occurredAt: number | null;
  /** 0-based index the step takes. */
  position: number;
  /** The stage that expects this channel where it goes (TemplateStage.expects); null: none. */
  stage: string | null;
}

/** A `datetime-local` value is the auditor's local wall time: the browser's zone makes it UTC. */
export function occurredAtOf(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}

export function AddTouchpoint(props: {
  steps: readonly Step[];
  /** The step on screen: the new one goes after it by default. */
  after: Step | null;
  /** The audit's template: its expected touchpoints preselect the channel. */
  template: JourneyTemplate | null;
  onAdd: (draft: TouchpointDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const last = props.steps[props.steps.length - 1];
  const end = last ? last.index + 1 : 0;
  const [chosen, setChosen] = useState<Channel | null>(null);
  const [title, setTitle] = useState('');
  const [when, setWhen] = useState('');
  const [position, setPosition] = useState(props.after ? props.after.index + 1 : end);
  const [busy, setBusy] = useState(false);
  // Until the auditor picks a channel, it follows what the place chosen expects.
  const expected = expectationAt(props.template, props.steps, position);
  const channel = chosen ?? expected?.channel ?? 'phone';
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const stage = expected && expected.channel === channel ? expected.stage : null;
      await props.onAdd({ channel, title, occurredAt: occurredAtOf(when), position, stage });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="touchpoint-form" aria-label={t('addTouchpoint')} onSubmit={(e) => void submit(e)}>
      <label>
        {t('touchpointChannel')}
        <select value={channel} onChange={(e) => setChosen(e.currentTarget.value as Channel)}>
          <ChannelOptions channels={CHANNELS} />
        </select>
      </label>
      <label>
        {t('touchpointTitle')}
        <input
          type="text"
          dir="auto"
          value={title}
          placeholder={t('touchpointTitlePlaceholder')}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </label>
      <label>
        {t('touchpointWhen')}
        <input type="datetime-local" value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
      </label>
      <label>
        {t('touchpointPosition')}
        <select value={String(position)} onChange={(e) => setPosition(Number(e.currentTarget.value))}>
          <option value="0">{t('touchpointAtStart')}</option>
          {props.steps.map((s) => (
            <option value={String(s.index + 1)} key={s.id}>
              {t(
                'touchpointAfter',
                String(s.index + 1),
                s.title || (s.channel ? channelName(s.channel) : t('untitledPage')),
              )}
            </option>
          ))}
        </select>
      </label>
      <FormActions submit={t('touchpointSave')} busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
