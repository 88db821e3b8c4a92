import type { StepSignals, VitalRating } from '../../domain/model.ts';
import { rateCls, rateInp, rateLcp } from '../../domain/scores/vitals.ts';
import { durationText, unitText } from '../../i18n/format.ts';
import { t, tp, uiLanguage, type MessageKey } from '../../i18n/t.ts';
import { formatCount } from '../format.ts';

type SignalCount = 'clicks' | 'rageClicks' | 'deadClicks' | 'formErrors' | 'backNavigations';
/** Not known yet (or not recorded): the chip keeps its place, so the row does not reflow when it is. */
const UNKNOWN = '–';

function Vital({ name, value, rating }: { name: string; value: string | null; rating: VitalRating | null }) {
  if (value === null || !rating) {
    return (
      <span class="signal signal--waiting vital" data-vital={name.toLowerCase()}>
        {name} {UNKNOWN}
      </span>
    );
  }
  const mark = t(`rating_${rating.replace(/-/g, '_')}` as MessageKey);
  // A narrow cell cuts the rating word short; the title says it whole.
  return (
    <span
      class={`signal vital vital--${rating}`}
      data-vital={name.toLowerCase()}
      data-rating={rating}
      title={`${name} ${value} ${mark}`}
    >
      {name} {value} <span class="vital__mark">{mark}</span>
    </span>
  );
}

/** METHOD.md's dwell time: from this step's start to the next step's start, in whole seconds. */
export function dwellLabel(ms: number, locale = uiLanguage()): string {
  return durationText(ms, locale, false);
}

/**
 * What Peakend observed, shown beside the auditor's ratings and never mixed into them.
 *
 * Every chip is always there, with a dash until its value is known: the row arrives after the step's
 * first paint (with the page's first batch of signals), and a row that appeared or reflowed then moved
 * the rating controls below it under the auditor's pointer.
 */
export function SignalsRow({ signals, dwellMs }: { signals: StepSignals | null; dwellMs: number | null }) {
  const counts: Array<[SignalCount, number | null, boolean]> = [
    ['clicks', signals?.clicks ?? null, false],
    ['rageClicks', signals?.rageClicks ?? null, (signals?.rageClicks ?? 0) > 0],
    ['deadClicks', signals?.deadClicks ?? null, (signals?.deadClicks ?? 0) > 0],
    ['formErrors', signals?.formErrors ?? null, (signals?.formErrors ?? 0) > 0],
    ['backNavigations', signals?.backNavigations ?? null, (signals?.backNavigations ?? 0) > 0],
  ];
  const lcp = signals?.lcpMs ?? null;
  const cls = signals?.cls ?? null;
  const inp = signals?.inpMs ?? null;
  return (
    <div class="signals" aria-label={t('observedSignals')} role="group" data-observed={signals ? 'true' : 'false'}>
      <span class={`signal${dwellMs === null ? ' signal--waiting' : ''}`} data-signal="dwell">
        {t('signal_dwell', dwellMs === null ? UNKNOWN : dwellLabel(dwellMs))}
      </span>
      {counts.map(([key, value, bad]) => (
        <span
          class={`signal${bad ? ' signal--bad' : ''}${value === null ? ' signal--waiting' : ''}`}
          data-signal={key}
          key={key}
        >
          {value === null ? tp(`signal_${key}`, Number.NaN, UNKNOWN) : tp(`signal_${key}`, value, formatCount(value))}
        </span>
      ))}
      <span class={`signal signal--fields${signals ? '' : ' signal--waiting'}`} data-signal="fields">
        {signals
          ? tp('signal_fields', signals.fields, formatCount(signals.fields), formatCount(signals.requiredFields))
          : tp('signal_fields', Number.NaN, UNKNOWN, UNKNOWN)}
      </span>
      <Vital
        name="LCP"
        value={lcp === null ? null : unitText(lcp / 1000, 'second', uiLanguage(), 2)}
        rating={lcp === null ? null : rateLcp(lcp)}
      />
      <Vital name="CLS" value={cls === null ? null : cls.toFixed(2)} rating={cls === null ? null : rateCls(cls)} />
      <Vital
        name="INP"
        value={inp === null ? null : unitText(inp, 'millisecond', uiLanguage())}
        rating={inp === null ? null : rateInp(inp)}
      />
    </div>
  );
}
