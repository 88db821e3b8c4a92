import type { StepSignals, VitalRating } from '../../domain/model.ts';
import { rateCls, rateInp, rateLcp } from '../../domain/scores/vitals.ts';
import { t, type MessageKey } from '../../i18n/t.ts';

function Vital({ name, value, rating }: { name: string; value: string; rating: VitalRating | null }) {
  if (!rating) return null;
  return (
    <span class={`signal vital vital--${rating}`} data-vital={name.toLowerCase()} data-rating={rating}>
      {name} {value} <span class="vital__mark">{t(`rating_${rating.replace(/-/g, '_')}` as MessageKey)}</span>
    </span>
  );
}

/** What Peakend observed, shown beside the auditor's ratings and never mixed into them. */
/** METHOD.md's dwell time: from this step's start to the next step's start. */
export function dwellLabel(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function SignalsRow({ signals, dwellMs }: { signals: StepSignals | null; dwellMs: number | null }) {
  if (!signals) {
    return dwellMs === null ? null : (
      <div class="signals" aria-label={t('observedSignals')} role="group">
        <span class="signal" data-signal="dwell">
          {t('signal_dwell', dwellLabel(dwellMs))}
        </span>
      </div>
    );
  }
  const counts: Array<[string, number, boolean]> = [
    ['clicks', signals.clicks, false],
    ['rageClicks', signals.rageClicks, signals.rageClicks > 0],
    ['deadClicks', signals.deadClicks, signals.deadClicks > 0],
    ['formErrors', signals.formErrors, signals.formErrors > 0],
    ['backNavigations', signals.backNavigations, signals.backNavigations > 0],
  ];
  return (
    <div class="signals" aria-label={t('observedSignals')} role="group">
      {dwellMs !== null && (
        <span class="signal" data-signal="dwell">
          {t('signal_dwell', dwellLabel(dwellMs))}
        </span>
      )}
      {counts.map(([key, value, bad]) => (
        <span class={`signal${bad ? ' signal--bad' : ''}`} data-signal={key} key={key}>
          {t(`signal_${key}` as MessageKey, String(value))}
        </span>
      ))}
      <span class="signal" data-signal="fields">
        {t('signal_fields', String(signals.fields), String(signals.requiredFields))}
      </span>
      {signals.lcpMs !== null && (
        <Vital name="LCP" value={`${(signals.lcpMs / 1000).toFixed(2)} s`} rating={rateLcp(signals.lcpMs)} />
      )}
      {signals.cls !== null && <Vital name="CLS" value={signals.cls.toFixed(2)} rating={rateCls(signals.cls)} />}
      {signals.inpMs !== null && <Vital name="INP" value={`${signals.inpMs} ms`} rating={rateInp(signals.inpMs)} />}
    </div>
  );
}
