import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { MAX_EMOTIONS_PER_STEP } from '../../domain/emotions.ts';
import { suggestEmotions } from '../../domain/lexicon/suggest.ts';
import type { FeltEmotion } from '../../domain/model.ts';
import { t } from '../../i18n/t.ts';
import { emotionLabel } from './EmotionPicker.tsx';

/** Saved this long after the last keystroke: well inside the half second an edit may take to reach IndexedDB. */
export const NOTE_SAVE_DELAY_MS = 150;

export function NoteField(props: {
  stepId: string;
  value: string;
  emotions: FeltEmotion[];
  lang: string;
  onSave: (note: string) => Promise<void>;
  onAcceptEmotion: (next: FeltEmotion[]) => void;
}) {
  const [text, setText] = useState(props.value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<string | null>(null);

  const flush = () => {
    clearTimeout(timer.current);
    if (pending.current !== null) {
      const note = pending.current;
      pending.current = null;
      void props.onSave(note);
    }
  };

  // A change from elsewhere (another panel, an import) shows up unless the auditor is typing.
  useEffect(() => {
    if (pending.current === null) setText(props.value);
  }, [props.value]);
  useEffect(() => {
    addEventListener('pagehide', flush);
    return () => {
      removeEventListener('pagehide', flush);
      flush();
    };
  }, [props.stepId]);

  const onInput = (value: string) => {
    setText(value);
    pending.current = value;
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, NOTE_SAVE_DELAY_MS);
  };

  const chosen = new Set(props.emotions.map((e) => e.emotion));
  const suggestions = useMemo(() => suggestEmotions(text, props.lang).filter((s) => !chosen.has(s.emotion)), [text, props.emotions]);
  const room = props.emotions.length < MAX_EMOTIONS_PER_STEP;

  return (
    <div class="note">
      <label>
        {t('note')}
        <textarea
          rows={3}
          value={text}
          maxLength={20000}
          placeholder={t('notePlaceholder')}
          onInput={(e) => onInput(e.currentTarget.value)}
          onBlur={flush}
        />
      </label>
      {suggestions.length > 0 && (
        <div class="suggestions" role="group" aria-label={t('suggestedEmotions')}>
          <span class="muted">{t('suggestedEmotions')}</span>
          {suggestions.map((s) => (
            <button
              type="button"
              class="chip chip--suggested"
              key={s.emotion}
              disabled={!room}
              title={t('suggestedFrom', s.cue)}
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
