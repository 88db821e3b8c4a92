// Starting a channel probe on a step: the channel (a touchpoint's own, chosen on a page step), what
// was asked, and when it was sent: now, or a local wall-clock time the auditor types.
import { useState } from 'preact/hooks';
import { PROBE_CHANNELS, isProbeChannel, type ProbeChannel } from '../../../domain/probes.ts';
import type { Step } from '../../../domain/model.ts';
import { wallClockToUtc } from '../../../domain/wall-clock.ts';
import { describeError } from '../../../i18n/errors.ts';
import { t } from '../../../i18n/t.ts';
import { useActions } from '../../actions.ts';
import { ChannelOptions, channelName } from '../../components/ChannelLabel.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { zoneName } from '../../format.ts';

export function StartProbe(props: {
  step: Step;
  onStarted: () => void;
  onCancel: () => void;
  onError: (error: unknown) => void;
}) {
  const { step } = props;
  const actions = useActions();
  const preset: ProbeChannel = isProbeChannel(step.channel) ? step.channel : 'chat';
  const [channel, setChannel] = useState<ProbeChannel>(preset);
  const [question, setQuestion] = useState('');
  const [sent, setSent] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    // Read from the form as it is when Start is pressed (a keystroke's re-render may not have come
    // yet), and the time then too: the auditor sends, then starts.
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const chosen = field('channel');
    const typed = field('sent');
    const sentAt = typed ? wallClockToUtc(typed) : Date.now();
    if (sentAt === null) {
      setProblem(describeError({ code: 'probe-time-invalid' }));
      return;
    }
    setBusy(true);
    try {
      await actions.startProbe({
        auditId: step.auditId,
        stepId: step.id,
        channel: isProbeChannel(chosen) ? chosen : preset,
        question: field('question'),
        sentAt,
      });
      props.onStarted();
    } catch (error) {
      props.onError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="probe-form" aria-label={t('probe_start')} onSubmit={(e) => void submit(e)}>
      {step.kind === 'touchpoint' ? (
        <p class="muted">{t('probe_channelIs', channelName(channel))}</p>
      ) : (
        <label>
          {t('probe_channel')}
          <select name="channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value as ProbeChannel)}>
            <ChannelOptions channels={PROBE_CHANNELS} />
          </select>
        </label>
      )}
      <label>
        {t('probe_question')}
        <input
          type="text"
          name="question"
          dir="auto"
          value={question}
          placeholder={t('probe_questionPlaceholder')}
          onInput={(e) => setQuestion(e.currentTarget.value)}
        />
      </label>
      <label>
        {t('probe_sentAt')}
        <input
          type="datetime-local"
          name="sent"
          step={1}
          value={sent}
          onInput={(e) => {
            setSent(e.currentTarget.value);
            setProblem(null);
          }}
        />
      </label>
      <p class="muted probe-form__zone">{t('probe_zone', zoneName())}</p>
      {problem && (
        <p class="probe__problem" role="alert">
          {problem}
        </p>
      )}
      <FormActions submit={t('probe_startSubmit')} busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
