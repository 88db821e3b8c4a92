import { useEffect, useMemo, useState } from 'preact/hooks';
import { MAX_EMOTIONS_PER_STEP } from '../../domain/emotions.ts';
import type { suggestEmotions as Suggester } from '../../domain/lexicon/suggest.ts';
import type { FeltEmotion } from '../../domain/model.ts';
import { t } from '../../i18n/t.ts';
import { useDebouncedText } from '../debounced-text.ts';
import { emotionLabel } from './EmotionPicker.tsx';
import { isolate } from '../../i18n/bidi.ts';
import { SavedStatus } from './SavedStatus.tsx';

export function NoteField(props: {
  stepId: string;
  value: string;
  emotions: FeltEmotion[];
  lang: string;
  onSave: (note: string) => Promise<void>;
  onAcceptEmotion: (next: FeltEmotion[]) => void;
}) {
  const { text, onInput, flush, saved } = useDebouncedText(props.value, props.stepId, props.onSave, (note) => ({
    kind: 'step-note',
    stepId: props.stepId,
    text: note,
  }));

  // The lexicon loads with the first note field, not with the panel.
  const [suggest, setSuggest] = useState<typeof Suggester | null>(null);
  useEffect(() => {
    void import('../../domain/lexicon/suggest.ts').then((m) => setSuggest(() => m.suggestEmotions));
  }, []);
  const suggestions = useMemo(() => {
    if (!suggest) return [];
    const chosen = new Set(props.emotions.map((e) => e.emotion));
    return suggest(text, props.lang).filter((s) => !chosen.has(s.emotion));
  }, [text, props.emotions, props.lang, suggest]);
  const room = props.emotions.length < MAX_EMOTIONS_PER_STEP;

  return (
    <div class="note">
      <label>
        {t('note')}
        <textarea
          dir="auto"
          rows={3}
          value={text}
          maxLength={20000}
          placeholder={t('notePlaceholder')}
          onInput={(e) => onInput(e.currentTarget.value)}
          onBlur={flush}
        />
      </label>
      <SavedStatus saved={saved} />
      {suggestions.length > 0 && (
        <div class="suggestions" role="group" aria-label={t('suggestedEmotions')}>
          <span class="muted">{t('suggestedEmotions')}</span>
          {suggestions.map((s) => (
            <button
              type="button"
              class="chip chip--suggested"
              key={s.emotion}
              disabled={!room}
              title={t('suggestedFrom', isolate(s.cue))}
              onClick={() => props.onAcceptEmotion([...props.emotions, { emotion: s.emotion, intensity: 3 }])}
            >
              {t('addEmotion', emotionLabel(s.emotion))}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
