// The reviewer workflow of a programme audit, as pure transitions over its review log:
//   (none) --submit--> submitted                   an ended audit, by an auditor
//   submitted --accept--> accepted                 by a reviewer other than its submitter
//   submitted --return--> returned                 likewise, with a comment saying what to fix
//   returned --submit--> submitted                 resubmitted by its submitter, after a change to the audit
//   accepted --reopen--> returned                  accepted is final unless a reviewer reopens it, with a comment
// A reopened audit is simply returned again (its event is a `returned` one), so it goes back to its
// auditor; nothing else leaves `accepted`. Each transition returns a new log, never edits one.
import type { Audit, UtcIso } from './model.ts';
import type { ProgrammeRole, ReviewEvent, ReviewLog, ReviewState } from './programme.ts';
import { reviewStateOf } from './programme.ts';

/** Who is working in the panel, as a programme knows them: a local setting, never derived. */
export interface ProgrammeIdentity {
  /** The pseudonym shown to the programme ("your name in programmes"). */
  name: string;
  role: ProgrammeRole;
}

export const REVIEW_NAME_MAX = 200;
export const REVIEW_COMMENT_MAX = 4000;
/** Events one audit's log may hold (an import with more is refused). */
export const REVIEW_EVENTS_MAX = 500;

export const REVIEW_ACTIONS = ['submit', 'accept', 'return', 'reopen'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export type ReviewProblem =
  | { code: 'review-no-programme' }
  | { code: 'review-no-name' }
  | { code: 'review-needs-auditor' }
  | { code: 'review-needs-reviewer' }
  | { code: 'review-not-ended' }
  | { code: 'review-already-submitted' }
  | { code: 'review-already-accepted' }
  | { code: 'review-not-submitted' }
  | { code: 'review-not-accepted' }
  | { code: 'review-own-audit' }
  | { code: 'review-not-submitter'; submitter: string }
  | { code: 'review-no-changes' }
  | { code: 'review-comment-required' }
  | { code: 'review-comment-too-long'; limit: number };

export type ReviewOutcome = { ok: true; log: ReviewLog } | { ok: false; error: ReviewProblem };

export interface ReviewRequest {
  action: ReviewAction;
  who: ProgrammeIdentity;
  at: UtcIso;
  comment?: string;
}

/** What a transition reads of the audit: its programme, whether it ended, its log and its last change. */
export type ReviewSubject = Pick<Audit, 'programme' | 'status' | 'review' | 'updatedAt'>;

const ROLE_OF: Record<ReviewAction, ProgrammeRole> = {
  submit: 'auditor',
  accept: 'reviewer',
  return: 'reviewer',
  reopen: 'reviewer',
};

const TARGET: Record<ReviewAction, ReviewState> = {
  submit: 'submitted',
  accept: 'accepted',
  return: 'returned',
  reopen: 'returned',
};

const fail = (error: ReviewProblem): ReviewOutcome => ({ ok: false, error });

/** The pseudonym of whoever submitted last (the audit's auditor, for its reviewers). */
export function submitterOf(log: ReviewLog | undefined): string | null {
  return log?.findLast((event) => event.state === 'submitted')?.by ?? null;
}

/** The event that accepted the audit, while it stands accepted. */
export function acceptanceOf(log: ReviewLog | undefined): ReviewEvent | null {
  const last = log?.at(-1);
  return last?.state === 'accepted' ? last : null;
}

/** Which actions the state allows, whoever asks (the panel offers the ones the role may take). */
export function actionsFor(state: ReviewState | null): ReviewAction[] {
  switch (state) {
    case null:
    case 'returned':
      return ['submit'];
    case 'submitted':
      return ['accept', 'return'];
    case 'accepted':
      return ['reopen'];
  }
}

function stateProblem(action: ReviewAction, state: ReviewState | null): ReviewProblem | null {
  if (actionsFor(state).includes(action)) return null;
  if (action === 'submit')
    return { code: state === 'accepted' ? 'review-already-accepted' : 'review-already-submitted' };
  if (action === 'reopen') return { code: 'review-not-accepted' };
  return { code: state === 'accepted' ? 'review-already-accepted' : 'review-not-submitted' };
}

/** The log after `request`, or why it cannot be taken. */
export function review(audit: ReviewSubject, request: ReviewRequest): ReviewOutcome {
  const { action } = request;
  const by = request.who.name.trim();
  const comment = (request.comment ?? '').trim();
  const log = audit.review ?? [];
  const state = reviewStateOf(log);
  const last = log.at(-1);
  if (!audit.programme) return fail({ code: 'review-no-programme' });
  if (!by) return fail({ code: 'review-no-name' });
  if (request.who.role !== ROLE_OF[action]) {
    return fail({ code: ROLE_OF[action] === 'auditor' ? 'review-needs-auditor' : 'review-needs-reviewer' });
  }
  const wrongState = stateProblem(action, state);
  if (wrongState) return fail(wrongState);
  const submitter = submitterOf(log);
  if (action === 'submit') {
    if (audit.status !== 'ended') return fail({ code: 'review-not-ended' });
    if (state === 'returned' && submitter !== null && submitter !== by) {
      return fail({ code: 'review-not-submitter', submitter });
    }
    // The return's own write stamps the audit with the return's time: only a later edit is a change.
    if (state === 'returned' && last && !(Date.parse(audit.updatedAt) > Date.parse(last.at))) {
      return fail({ code: 'review-no-changes' });
    }
  } else if (submitter === by) {
    return fail({ code: 'review-own-audit' });
  }
  if ((action === 'return' || action === 'reopen') && !comment) return fail({ code: 'review-comment-required' });
  if (comment.length > REVIEW_COMMENT_MAX) return fail({ code: 'review-comment-too-long', limit: REVIEW_COMMENT_MAX });
  // Never before the event it follows: another machine's clock may be ahead of this one.
  const at = last && Date.parse(last.at) > Date.parse(request.at) ? last.at : request.at;
  return { ok: true, log: [...log, { state: TARGET[action], by, at, comment }] };
}

/** What a log may not contain, whoever wrote it: the first problem found, with the event's index. */
export interface LogProblem {
  index: number;
  field: keyof ReviewEvent;
  expected: string;
}

/** Checks a log read from elsewhere (an import, another machine) follows the transitions above. */
export function logProblem(log: ReviewLog): LogProblem | null {
  let state: ReviewState | null = null;
  let previous: number | null = null;
  for (const [index, event] of log.entries()) {
    const allowed: ReviewState[] = actionsFor(state).map((action) => TARGET[action]);
    if (!allowed.includes(event.state)) {
      return { index, field: 'state', expected: `one of ${allowed.map((s) => JSON.stringify(s)).join(', ')}` };
    }
    if (!event.by.trim()) return { index, field: 'by', expected: 'a name' };
    if (event.state === 'returned' && !event.comment.trim()) {
      return { index, field: 'comment', expected: 'a comment saying why it was returned' };
    }
    const at = Date.parse(event.at);
    if (previous !== null && at < previous) {
      return { index, field: 'at', expected: 'a time not before the event it follows' };
    }
    previous = at;
    state = event.state;
  }
  return null;
}
