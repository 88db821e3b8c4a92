import { EMOTION_CLUSTERS, EMOTIONS, MAX_EMOTIONS_PER_STEP } from '../../domain/emotions.ts';
import type { EmotionId, FeltEmotion } from '../../domain/model.ts';
import { t, type MessageKey } from '../../i18n/t.ts';

export const emotionLabel = (id: EmotionId) => t(`emotion_${id.replace(/-/g, '_')}` as MessageKey);

/** Up to 3 of METHOD.md's 20 emotions, grouped by cluster, each with an intensity 1-5. */
export function EmotionPicker({ value, onChange }: { value: FeltEmotion[]; onChange: (next: FeltEmotion[]) => void }) {
  const chosen = new Map(value.map((e) => [e.emotion, e.intensity]));
  const full = value.length >= MAX_EMOTIONS_PER_STEP;
  const toggle = (id: EmotionId) => {
    if (chosen.has(id)) onChange(value.filter((e) => e.emotion !== id));
    else if (!full) onChange([...value, { emotion: id, intensity: 3 }]);
  };
  const setIntensity = (id: EmotionId, intensity: number) =>
    onChange(value.map((e) => (e.emotion === id ? { ...e, intensity } : e)));

  return (
    <fieldset class="emotions">
      <legend>{t('emotionsLegend', String(MAX_EMOTIONS_PER_STEP))}</legend>
      {value.length > 0 && (
        <ul class="emotions__chosen">
          {value.map((e) => (
            <li key={e.emotion}>
              <span class="chip is-on">{emotionLabel(e.emotion)}</span>
              <label class="intensity">
                {t('intensity')}
                <select
                  value={String(e.intensity)}
                  onChange={(ev) => setIntensity(e.emotion, Number(ev.currentTarget.value))}
                >
                  {[1, 2, 3, 4, 5].map((n) => (
                    <option value={n} key={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </label>
            </li>
          ))}
        </ul>
      )}
      <details class="emotions__all">
        <summary>{t('chooseEmotions')}</summary>
        {EMOTION_CLUSTERS.map((cluster) => (
          <div class="emotions__cluster" key={cluster}>
            <span class="muted">{t(`emotionGroup_${cluster}`)}</span>
            <div class="chips">
              {EMOTIONS.filter((e) => e.cluster === cluster).map((e) => (
                <button
                  type="button"
                  key={e.id}
                  class={`chip chip--${e.sign > 0 ? 'pos' : 'neg'}${chosen.has(e.id) ? ' is-on' : ''}`}
                  aria-pressed={chosen.has(e.id)}
                  disabled={full && !chosen.has(e.id)}
                  onClick={() => toggle(e.id)}
                >
                  {emotionLabel(e.id)}
                </button>
              ))}
            </div>
          </div>
        ))}
      </details>
    </fieldset>
  );
}
