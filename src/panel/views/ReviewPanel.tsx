// The review of a programme audit in the audit view: its programme and wave, its state (a return's
// comment first), who you are in programmes, and the actions your role may take in this state:
// an auditor submits (or resubmits after a return); a reviewer accepts, returns with a comment, or
// reopens an accepted audit. Focus: the comment field when a return is begun, back to the button
// that began it on Cancel, and to the new state once an action is taken, so it is read out.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Audit } from '../../domain/model.ts';
import { reviewStateOf } from '../../domain/programme.ts';
import { actionsFor, REVIEW_COMMENT_MAX, type ReviewAction } from '../../domain/review.ts';
import { t } from '../../i18n/t.ts';
import { FormActions } from '../components/FormActions.tsx';
import { useActions } from '../actions.ts';
import { useProgrammeIdentity } from '../programme-identity.ts';
import { ReviewStatus } from '../components/ReviewStatus.tsx';
import { Message } from '../components/UserText.tsx';

type Commenting = 'return' | 'reopen';

export function ReviewPanel(props: { audit: Audit; onChanged: () => Promise<void>; onError: (e: unknown) => void }) {
  const { audit } = props;
  const actions = useActions();
  const identity = useProgrammeIdentity();
  const [commenting, setCommenting] = useState<Commenting | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  // The form replaces the buttons: Cancel focuses the new button of the kind that opened it.
  const reopened = useRef<Commenting | null>(null);
  const focusState = useRef(false);
  const state = reviewStateOf(audit.review);
  const last = audit.review?.at(-1);

  useLayoutEffect(() => {
    if (commenting) commentRef.current?.focus();
    else if (reopened.current) {
      document.querySelector<HTMLElement>(`.review [data-action="${reopened.current}"]`)?.focus();
      reopened.current = null;
    }
  }, [commenting]);
  useEffect(() => {
    if (!focusState.current) return;
    focusState.current = false;
    document.getElementById('review-state')?.focus();
  }, [last?.at, last?.state]);

  if (!audit.programme) return null;
  const take = async (action: ReviewAction, text = '') => {
    setBusy(true);
    try {
      await actions.review(audit.id, action, text);
      focusState.current = true;
      setCommenting(null);
      setComment('');
      await props.onChanged();
    } catch (error) {
      props.onError(error);
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    reopened.current = commenting;
    setCommenting(null);
    setComment('');
  };

  const allowed = identity ? actionsFor(state).filter((a) => (a === 'submit') === (identity.role === 'auditor')) : [];
  return (
    <section class="review" aria-labelledby="review-title" data-review-state={state ?? 'none'}>
      <h2 id="review-title" class="review__title">
        {t('review_title')}
      </h2>
      <p class="muted">
        <Message k="review_programme" values={[audit.programme.name, audit.programme.wave]} />
      </p>
      <ReviewStatus audit={audit} id="review-state" />
      {identity === null && <p class="muted">{t('review_noIdentity')}</p>}
      {identity && (
        <p class="muted">
          <Message k="review_you" values={[identity.name, t(`programme_role_${identity.role}`)]} />
        </p>
      )}
      {commenting ? (
        <form
          class="review__comment"
          onSubmit={(e) => {
            e.preventDefault();
            void take(commenting, comment);
          }}
        >
          <label>
            {t('review_comment')}
            <textarea
              ref={commentRef}
              dir="auto"
              rows={3}
              maxLength={REVIEW_COMMENT_MAX}
              value={comment}
              onInput={(e) => setComment(e.currentTarget.value)}
            />
          </label>
          <FormActions submit={t('review_sendReturn')} busy={busy} onCancel={cancel} />
        </form>
      ) : (
        allowed.length > 0 && (
          <div class="actions">
            {allowed.includes('submit') && (
              <button type="button" class="primary" disabled={busy} onClick={() => void take('submit')}>
                {state === 'returned' ? t('review_resubmit') : t('review_submit')}
              </button>
            )}
            {allowed.includes('accept') && (
              <button type="button" class="primary" disabled={busy} onClick={() => void take('accept')}>
                {t('review_accept')}
              </button>
            )}
            {allowed.includes('return') && (
              <button type="button" data-action="return" disabled={busy} onClick={() => setCommenting('return')}>
                {t('review_return')}
              </button>
            )}
            {allowed.includes('reopen') && (
              <button type="button" data-action="reopen" disabled={busy} onClick={() => setCommenting('reopen')}>
                {t('review_reopen')}
              </button>
            )}
          </div>
        )
      )}
    </section>
  );
}
