// Programmes (several auditors, the same sites, wave after wave) and the reviewer's verdict on an
// audit. Pure data shared by the sync module, the panel and the programme view.
import type { UtcIso } from './model.ts';

export type ProgrammeId = string;

/** The programme an audit belongs to, and its wave ("2026-Q4", "Wave 2"). */
export interface ProgrammeRef {
  id: ProgrammeId;
  /** As the team named it; plain text. */
  name: string;
  wave: string;
}

/** Roles a person holds in a programme. */
export const PROGRAMME_ROLES = ['auditor', 'reviewer'] as const;
export type ProgrammeRole = (typeof PROGRAMME_ROLES)[number];

/** submitted: waiting for a reviewer; accepted; returned: sent back with a comment to fix. */
export const REVIEW_STATES = ['submitted', 'accepted', 'returned'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface ReviewEvent {
  state: ReviewState;
  /** The pseudonym of who submitted, accepted or returned it. */
  by: string;
  at: UtcIso;
  /** Why it was returned (required then), or a reviewer's note; plain text. */
  comment: string;
}

/** The review history of a shared audit, oldest first; the last event is its state. */
export type ReviewLog = ReviewEvent[];

export const reviewStateOf = (log: ReviewLog | undefined): ReviewState | null => log?.at(-1)?.state ?? null;
