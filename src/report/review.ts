// What a report says of a programme audit's review, in every format: "Accepted by <reviewer> on
// <date>", "Returned to the auditor by … on …", or "Not yet reviewed" (while none is accepted or
// returned, a submitted audit included). The reviewer's name is the person's own text: isolated
// here, escaped by each format.
import { isolate } from '../i18n/bidi.ts';
import { t } from '../i18n/t.ts';
import type { Audit } from '../domain/model.ts';
import type { Formatter } from './format.ts';

export type ReviewVerdict = 'none' | 'returned' | 'accepted';

/** The verdict of a programme audit; null for an audit outside a programme (the report says nothing). */
export function reviewVerdict(audit: Pick<Audit, 'programme' | 'review'>): ReviewVerdict | null {
  if (!audit.programme) return null;
  const state = audit.review?.at(-1)?.state;
  return state === 'accepted' || state === 'returned' ? state : 'none';
}

/** The verdict in words, or null outside a programme. */
export function reviewText(
  audit: Pick<Audit, 'programme' | 'review'>,
  fmt: Pick<Formatter, 'dateTime'>,
): string | null {
  const verdict = reviewVerdict(audit);
  const last = audit.review?.at(-1);
  if (verdict === null) return null;
  if (verdict === 'none' || !last) return t('report_reviewNone');
  const key = verdict === 'accepted' ? 'report_reviewAccepted' : 'report_reviewReturned';
  return t(key, isolate(last.by), fmt.dateTime(last.at));
}

/** "Retail Q4 · Wave 2", each part isolated; null outside a programme. */
export function programmeText(audit: Pick<Audit, 'programme'>): string | null {
  const p = audit.programme;
  if (!p) return null;
  return [p.name, p.wave]
    .filter((part) => part.trim())
    .map(isolate)
    .join(' · ');
}
