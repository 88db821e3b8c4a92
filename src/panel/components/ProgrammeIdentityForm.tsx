// "Your name in programmes" and your role, at the foot of the library beside the language: the
// pseudonym the review log records and whether the audit view offers an auditor's or a reviewer's
// actions. Saved with its button, so a half-typed name never signs a review.
import { useEffect, useState } from 'preact/hooks';
import { PROGRAMME_ROLES, type ProgrammeRole } from '../../domain/programme.ts';
import { REVIEW_NAME_MAX } from '../../domain/review.ts';
import { t } from '../../i18n/t.ts';
import { useActions } from '../actions.ts';
import { useProgrammeIdentity } from '../programme-identity.ts';

export function ProgrammeIdentityForm({ onError }: { onError: (error: unknown) => void }) {
  const actions = useActions();
  const stored = useProgrammeIdentity();
  const [name, setName] = useState('');
  const [role, setRole] = useState<ProgrammeRole>('auditor');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!stored) return;
    setName(stored.name);
    setRole(stored.role);
  }, [stored]);
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      await actions.setIdentity({ name, role });
      setSaved(true);
    } catch (error) {
      onError(error);
    }
  };
  return (
    <form class="programme-identity" aria-labelledby="programme-identity-title" onSubmit={(e) => void save(e)}>
      <h2 id="programme-identity-title" class="programme-identity__title">
        {t('programme_identityTitle')}
      </h2>
      <label>
        {t('programme_name')}
        <input
          dir="auto"
          value={name}
          maxLength={REVIEW_NAME_MAX}
          disabled={stored === undefined}
          onInput={(e) => {
            setName(e.currentTarget.value);
            setSaved(false);
          }}
        />
      </label>
      <label>
        {t('programme_role')}
        <select
          value={role}
          disabled={stored === undefined}
          onChange={(e) => {
            setRole(e.currentTarget.value === 'reviewer' ? 'reviewer' : 'auditor');
            setSaved(false);
          }}
        >
          {PROGRAMME_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`programme_role_${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={stored === undefined}>
        {t('programme_saveIdentity')}
      </button>
      <span class="muted" aria-live="polite">
        {saved ? t('saved') : ''}
      </span>
    </form>
  );
}
