// A programme audit's review state in words: in the library row and at the top of the audit view.
// A return shows its comment first, since it is what the auditor must act on.
import type { Audit } from '../../domain/model.ts';
import { t } from '../../i18n/t.ts';
import { formatDateTime } from '../format.ts';
import { Message } from './UserText.tsx';

export function ReviewStatus({ audit, id }: { audit: Audit; id?: string }) {
  const last = audit.review?.at(-1);
  if (!audit.programme) return null;
  if (!last) {
    return (
      <p class="review-status" id={id} tabIndex={id ? -1 : undefined} data-review="none">
        {t('review_stateNone')}
      </p>
    );
  }
  const when = formatDateTime(last.at);
  if (last.state === 'returned') {
    return (
      <div class="review-status review-status--returned" id={id} tabIndex={id ? -1 : undefined} data-review="returned">
        <p class="review-status__comment">
          <strong>
            <Message k="review_stateReturned" values={[last.comment]} />
          </strong>
        </p>
        <p class="muted">
          <Message k="review_returnedBy" values={[last.by, when]} />
        </p>
      </div>
    );
  }
  return (
    <p
      class={`review-status review-status--${last.state}`}
      id={id}
      tabIndex={id ? -1 : undefined}
      data-review={last.state}
    >
      <Message
        k={last.state === 'accepted' ? 'review_stateAccepted' : 'review_stateSubmitted'}
        values={[last.by, when]}
      />
    </p>
  );
}
