// The expectation per channel that a new probe is judged against (METHOD.md's defaults until changed),
// in minutes or hours, or none; each change is stored at once and never rejudges a probe already
// started. With it, the auditor's choice to be notified when a probe passes its expectation.
import { useEffect, useState } from 'preact/hooks';
import { MAX_EXPECTATION_MS, PROBE_CHANNELS, type Expectations, type ProbeChannel } from '../../domain/probes.ts';
import { t } from '../../i18n/t.ts';
import { useActions } from '../actions.ts';
import { useBackend } from '../context.ts';
import { useExpectations } from '../probes-data.ts';
import { channelName } from './ChannelLabel.tsx';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
type Unit = 'minutes' | 'hours' | 'none';

/** How a stored expectation is shown: whole hours in hours, anything else in minutes. */
function shownAs(ms: number | null): { amount: string; unit: Unit } {
  if (ms === null) return { amount: '', unit: 'none' };
  if (ms % HOUR === 0) return { amount: String(ms / HOUR), unit: 'hours' };
  return { amount: String(Math.round((ms / MINUTE) * 100) / 100), unit: 'minutes' };
}

/** The expectation an amount and unit give, or undefined when they give none that can be kept. */
export function expectationOf(amount: string, unit: Unit): number | null | undefined {
  if (unit === 'none') return null;
  const n = Number(amount.replace(',', '.'));
  if (!amount.trim() || !Number.isFinite(n) || n <= 0) return undefined;
  const ms = Math.round(n * (unit === 'hours' ? HOUR : MINUTE));
  return ms > 0 && ms <= MAX_EXPECTATION_MS ? ms : undefined;
}

function ChannelRow(props: { channel: ProbeChannel; value: number | null; onSave: (ms: number | null) => void }) {
  const [draft, setDraft] = useState(() => shownAs(props.value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setDraft(shownAs(props.value)), [props.value]);
  const change = (next: { amount: string; unit: Unit }) => {
    setDraft(next);
    const ms = expectationOf(next.amount, next.unit);
    setInvalid(ms === undefined);
    if (ms !== undefined) props.onSave(ms);
  };
  const id = `expectation-${props.channel}`;
  return (
    <div class="expectation" data-expectation={props.channel}>
      <label for={id}>{channelName(props.channel)}</label>
      <input
        id={id}
        type="number"
        min="0.1"
        step="any"
        inputMode="decimal"
        value={draft.amount}
        disabled={draft.unit === 'none'}
        aria-invalid={invalid}
        onInput={(e) => change({ ...draft, amount: e.currentTarget.value })}
      />
      <select
        aria-label={t('expectation_unit', channelName(props.channel))}
        value={draft.unit}
        onChange={(e) => {
          const unit = e.currentTarget.value as Unit;
          change({ amount: unit === 'none' ? '' : draft.amount || (unit === 'hours' ? '1' : '2'), unit });
        }}
      >
        <option value="minutes">{t('expectation_minutes')}</option>
        <option value="hours">{t('expectation_hours')}</option>
        <option value="none">{t('expectation_none')}</option>
      </select>
      {invalid && (
        <span class="probe__problem" role="alert">
          {t('expectation_invalid')}
        </span>
      )}
    </div>
  );
}

export function ExpectationSettings({ onError }: { onError: (error: unknown) => void }) {
  const backend = useBackend();
  const actions = useActions();
  const { expectations, reload } = useExpectations();
  const [notify, setNotify] = useState<boolean | null>(null);
  useEffect(() => {
    void backend.notifications?.allowed().then(setNotify, () => setNotify(false));
  }, [backend]);
  const save = (channel: ProbeChannel, ms: number | null) => {
    if (!expectations) return;
    const next: Expectations = { ...expectations, [channel]: ms };
    void actions.setExpectations(next).then(reload).catch(onError);
  };
  const toggleNotify = (on: boolean) => {
    const permissions = backend.notifications;
    if (!permissions) return;
    // Asked at once, inside the click: browsers show the prompt only during one.
    (on ? permissions.request() : permissions.remove().then(() => false)).then(
      (granted) => setNotify(on && granted),
      (error: unknown) => {
        setNotify(false);
        onError(error);
      },
    );
  };
  return (
    <details class="expectations">
      <summary>{t('expectation_title')}</summary>
      <p class="muted">{t('expectation_lede')}</p>
      {expectations &&
        PROBE_CHANNELS.map((channel) => (
          <ChannelRow
            key={channel}
            channel={channel}
            value={expectations[channel]}
            onSave={(ms) => save(channel, ms)}
          />
        ))}
      {backend.notifications && (
        <label class="toggle">
          <input
            type="checkbox"
            checked={notify === true}
            disabled={notify === null}
            onChange={(e) => toggleNotify(e.currentTarget.checked)}
          />
          {t('expectation_notify')}
        </label>
      )}
    </details>
  );
}
