// The panel's language, chosen in the panel: each language named in itself, so an auditor finds
// their own in a panel showing one they cannot read, plus "Browser language" (the default).
import { useEffect, useState } from 'preact/hooks';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage, languageTag, t, type Language } from '../../i18n/t.ts';
import { useActions } from '../actions.ts';
import { useBackend } from '../context.ts';
import { languageChoice, readLanguageChoice } from '../language.ts';

const BROWSER = 'browser';

export function LanguagePicker({ onError }: { onError: (error: unknown) => void }) {
  const backend = useBackend();
  const actions = useActions();
  const [choice, setChoice] = useState<Language | null | undefined>(languageChoice);
  useEffect(() => {
    if (languageChoice() === undefined) void readLanguageChoice(backend.db()).then(setChoice);
  }, [backend]);
  const change = (value: string) => {
    const next = isLanguage(value) ? value : null;
    setChoice(next);
    actions.chooseLanguage(next).catch(onError);
  };
  return (
    <div class="language-picker">
      <label for="language-picker">{t('language_label')}</label>
      <select
        id="language-picker"
        value={choice === undefined ? '' : (choice ?? BROWSER)}
        disabled={choice === undefined}
        onChange={(e) => change(e.currentTarget.value)}
      >
        <option value={BROWSER}>{t('language_browser')}</option>
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={languageTag(lang)}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
    </div>
  );
}
