// One channel probe: what was asked and when, the time waited against the channel's expectation
// (ticking while it waits; what is stored are only the times), each reply with whether it answered
// the actual question (METHOD.md I6), and the resolution. Times are shown and typed in the auditor's
// zone; a reply or resolution before the send time, or in the future, is refused with a message.
import { useRef, useState } from 'preact/hooks';
import { firstReplyMs, probeOutcome, resolutionMs, type Probe } from '../../../domain/probes.ts';
import { utcToWallClock, wallClockToUtc } from '../../../domain/wall-clock.ts';
import { describeError } from '../../../i18n/errors.ts';
import { spanText } from '../../../i18n/format.ts';
import { t, uiLanguage, type MessageKey } from '../../../i18n/t.ts';
import { useActions } from '../../actions.ts';
import { ChannelLabel } from '../../components/ChannelLabel.tsx';
import { errorText } from '../../errors.ts';
import { formatZonedTime } from '../../format.ts';

const span = (ms: number) => spanText(ms, uiLanguage());

/** The probe's state in words: met, missed, waiting, or timed without an expectation. */
export function outcomeLabel(probe: Probe, now: number): { key: string; text: string } {
  const outcome = probeOutcome(probe, now);
  const key = outcome ?? 'timed';
  return { key, text: t(`probe_outcome_${key}` as MessageKey) };
}

function ReplyRow(props: { probe: Probe; index: number; onChanged: () => void }) {
  const { probe, index } = props;
  const reply = probe.replies[index]!;
  const actions = useActions();
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Read at the click, not from the last render: a keystroke's re-render may not have come yet.
  const input = useRef<HTMLInputElement>(null);
  const name = `answered-${probe.id}-${index}`;
  const save = async () => {
    const value = input.current?.value ?? editing ?? '';
    const at = value ? wallClockToUtc(value) : null;
    if (at === null) {
      setProblem(describeError({ code: 'probe-time-invalid' }));
      return;
    }
    try {
      await actions.editReply(probe.id, index, at);
      setEditing(null);
      setProblem(null);
      props.onChanged();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const answer = (answered: boolean) =>
    void actions
      .setAnswered(probe.id, index, answered)
      .then(props.onChanged)
      .catch((error: unknown) => setProblem(errorText(error)));
  return (
    <li class="probe__reply" data-reply-index={index}>
      <span>
        {t('probe_replyAt', String(index + 1), formatZonedTime(reply.at))}
        {' · '}
        <span class="probe__duration">{t('probe_after', span(reply.at - probe.sentAt))}</span>
      </span>
      <fieldset class="probe__answered">
        <legend>{t('probe_answered')}</legend>
        <label>
          <input type="radio" name={name} checked={reply.answered === true} onChange={() => answer(true)} />
          {t('probe_yes')}
        </label>
        <label>
          <input type="radio" name={name} checked={reply.answered === false} onChange={() => answer(false)} />
          {t('probe_no')}
        </label>
      </fieldset>
      {editing === null ? (
        <button type="button" class="link" onClick={() => setEditing(utcToWallClock(reply.at))}>
          {t('probe_changeTime', String(index + 1))}
        </button>
      ) : (
        <span class="probe__edit">
          <label>
            {t('probe_replyTime', String(index + 1))}
            <input
              ref={input}
              type="datetime-local"
              step={1}
              value={editing}
              onInput={(e) => {
                setEditing(e.currentTarget.value);
                setProblem(null);
              }}
            />
          </label>
          <button type="button" onClick={() => void save()}>
            {t('probe_saveTime')}
          </button>
          <button
            type="button"
            onClick={() => {
              setEditing(null);
              setProblem(null);
            }}
          >
            {t('cancel')}
          </button>
        </span>
      )}
      {problem && (
        <p class="probe__problem" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

export function ProbeCard(props: {
  probe: Probe;
  now: number;
  onChanged: () => void;
  onRemove: (probe: Probe) => void;
}) {
  const { probe, now } = props;
  const actions = useActions();
  const [at, setAt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const atInput = useRef<HTMLInputElement>(null);
  const outcome = outcomeLabel(probe, now);
  const first = firstReplyMs(probe);
  const resolved = resolutionMs(probe);
  const waiting = first === null && probe.resolvedAt === null;
  // Empty: now, read when the button is pressed.
  const when = (): number | null => {
    const value = atInput.current?.value ?? at;
    return value ? wallClockToUtc(value) : Date.now();
  };
  const mark = async (work: (ms: number) => Promise<unknown>) => {
    const ms = when();
    if (ms === null) {
      setProblem(describeError({ code: 'probe-time-invalid' }));
      return;
    }
    try {
      await work(ms);
      setAt('');
      setProblem(null);
      props.onChanged();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <li class={`probe probe--${outcome.key}`} data-probe-id={probe.id} data-outcome={outcome.key}>
      <div class="probe__head">
        <ChannelLabel channel={probe.channel} />
        <span class={`badge probe__outcome probe__outcome--${outcome.key}`}>{outcome.text}</span>
      </div>
      {probe.question && (
        <p class="probe__question" dir="auto">
          {probe.question}
        </p>
      )}
      <p class="probe__times">
        {t('probe_sentOn', formatZonedTime(probe.sentAt))}
        {' · '}
        {probe.expectationMs === null ? t('probe_noExpectation') : t('probe_expectedWithin', span(probe.expectationMs))}
      </p>
      {waiting && <p class="probe__elapsed">{t('probe_waiting', span(Math.max(0, now - probe.sentAt)))}</p>}
      {first !== null && (
        <p class="probe__first">
          {t('probe_firstReply')} <strong class="probe__first-duration">{span(first)}</strong>
        </p>
      )}
      {probe.replies.length > 0 && (
        <ol class="probe__replies">
          {probe.replies.map((_, index) => (
            <ReplyRow key={index} probe={probe} index={index} onChanged={props.onChanged} />
          ))}
        </ol>
      )}
      {resolved !== null && (
        <p class="probe__resolved">{t('probe_resolvedAt', formatZonedTime(probe.resolvedAt!), span(resolved))}</p>
      )}
      <div class="probe__actions">
        <label>
          {t('probe_markAt')}
          <input
            ref={atInput}
            type="datetime-local"
            step={1}
            value={at}
            onInput={(e) => {
              setAt(e.currentTarget.value);
              setProblem(null);
            }}
          />
        </label>
        <button type="button" class="primary" onClick={() => void mark((ms) => actions.addReply(probe.id, ms))}>
          {t('probe_replyCame')}
        </button>
        {probe.resolvedAt === null && (
          <button type="button" onClick={() => void mark((ms) => actions.resolveProbe(probe.id, ms))}>
            {t('probe_resolved')}
          </button>
        )}
        <button type="button" class="link" onClick={() => props.onRemove(probe)}>
          {t('probe_remove')}
        </button>
      </div>
      {problem && (
        <p class="probe__problem" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
