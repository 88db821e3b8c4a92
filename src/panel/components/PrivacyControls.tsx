import { useEffect, useState } from 'preact/hooks';
import { splitSelectorList } from '../../domain/mask-selectors.ts';
import type { Audit } from '../../domain/model.ts';
import { t, tp } from '../../i18n/t.ts';
import { useActions, type PrivacyPatch } from '../actions.ts';
import { useDebouncedText } from '../debounced-text.ts';
import { formatCount } from '../format.ts';

/** Whether the browser parses `selector` (a mistyped one would silently mask nothing). */
function isSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** Masking is on by default; the auditor can preview it, add selectors, or turn it off for this audit. */
export function PrivacyControls({
  audit,
  onChanged,
  onError,
}: {
  audit: Audit;
  onChanged: () => void;
  onError: (e: unknown) => void;
}) {
  const actions = useActions();
  const [preview, setPreview] = useState<{ fields: number; frames: number } | null>(null);
  // Saved as typed (after a short pause, on blur, and by the worker if the panel closes first): a
  // selector is a privacy setting, and the next capture may come at any moment.
  const selectors = useDebouncedText(
    audit.maskSelectors.join(', '),
    audit.id,
    (text) => save({ maskSelectors: splitSelectorList(text) }),
    (text) => ({ kind: 'mask-selectors', auditId: audit.id, text }),
    (text, stored) => splitSelectorList(text).join(', ') === stored,
  );
  // Judged on the saved list, not on each keystroke: a half-typed `[data-x` is not yet a mistake.
  const invalid = audit.maskSelectors.filter((selector) => !isSelector(selector));
  // The switch shows the auditor's choice at once: a re-render from the stored audit before the write
  // lands (a signals batch, say) would otherwise flip it back under their pointer. The choice holds
  // while the stored value is still the one it overrode.
  const [choice, setChoice] = useState<{ value: boolean; over: boolean } | null>(null);
  const masking = choice && choice.over === audit.masking ? choice.value : audit.masking;
  // Once the stored value moves on, the choice is spent: a later change (another panel's) shows as is.
  useEffect(() => {
    setChoice((held) => (held && audit.masking !== held.over ? null : held));
  }, [audit.masking]);
  // The text switch holds the auditor's choice the same way. Absent (an audit from before it): on.
  const storedText = audit.maskText !== false;
  const [textChoice, setTextChoice] = useState<{ value: boolean; over: boolean } | null>(null);
  const maskText = textChoice && textChoice.over === storedText ? textChoice.value : storedText;
  useEffect(() => {
    setTextChoice((held) => (held && storedText !== held.over ? null : held));
  }, [storedText]);
  const save = async (patch: PrivacyPatch) => {
    try {
      await actions.setPrivacy(audit.id, patch);
      onChanged();
    } catch (error) {
      if ('masking' in patch) setChoice(null);
      if ('maskText' in patch) setTextChoice(null);
      onError(error);
    }
  };
  const togglePreview = async () => {
    try {
      const on = preview === null;
      const report = await actions.previewMask(audit.id, on);
      setPreview(on ? report : null);
    } catch (error) {
      onError(error);
    }
  };
  return (
    <details class="privacy">
      <summary>{masking ? t('privacyOn') : t('privacyOff')}</summary>
      <label class="toggle">
        <input
          type="checkbox"
          checked={masking}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setChoice({ value: on, over: audit.masking });
            void save({ masking: on });
          }}
        />
        {t('maskSensitive')}
      </label>
      <label class="toggle">
        <input
          type="checkbox"
          checked={maskText}
          disabled={!masking}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setTextChoice({ value: on, over: storedText });
            void save({ maskText: on });
          }}
        />
        {t('maskText')}
      </label>
      {!masking && <p class="banner banner--error">{t('maskingOffWarning')}</p>}
      <label class="form">
        {t('extraMaskSelectors')}
        <input
          dir="auto"
          value={selectors.text}
          placeholder=".loyalty-number, #account-id"
          aria-invalid={invalid.length > 0 ? 'true' : undefined}
          aria-describedby={invalid.length > 0 ? `mask-selectors-error-${audit.id}` : undefined}
          onInput={(e) => selectors.onInput(e.currentTarget.value)}
          onBlur={selectors.flush}
        />
      </label>
      {invalid.length > 0 && (
        <p class="field-error" id={`mask-selectors-error-${audit.id}`} role="alert">
          {t('maskSelectorsInvalid', invalid.join(', '))}
        </p>
      )}
      <label class="toggle">
        {t('jpegQuality')}
        <select
          value={String(audit.jpegQuality)}
          onChange={(e) => void save({ jpegQuality: Number(e.currentTarget.value) })}
        >
          {[60, 70, 80, 90, 95].map((q) => (
            <option value={q} key={q}>
              {q}
            </option>
          ))}
        </select>
      </label>
      {audit.status === 'running' && (
        <div class="actions">
          <button type="button" onClick={() => void togglePreview()}>
            {preview ? t('hideMaskPreview') : t('previewMasking')}
          </button>
          {preview && (
            <span class="muted" role="status">
              {tp('maskPreviewCount', preview.fields, formatCount(preview.fields), formatCount(preview.frames))}
            </span>
          )}
        </div>
      )}
    </details>
  );
}
