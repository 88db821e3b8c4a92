// Touchpoints beyond the website (METHOD.md): a step that is not a page — a call, a chat, an e-mail,
// a delivery — recorded, rated and scored exactly like a page step. It has no address, screenshot or
// signals; its evidence is what the auditor attaches (src/domain/attachments.ts).
import type { AuditId, Step, StepId, UtcIso } from './model.ts';

/** What a step is: a page of the audited site, or a touchpoint in another channel. */
export const STEP_KINDS = ['page', 'touchpoint'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** METHOD.md's channels beyond the web page, in its order. */
export const CHANNELS = ['phone', 'chat', 'email', 'messaging', 'video', 'delivery', 'in-store', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const isChannel = (value: unknown): value is Channel => (CHANNELS as readonly unknown[]).includes(value);

/** Steps recorded before touchpoints existed carry no kind: they are pages. */
export const stepKindOf = (step: Pick<Step, 'kind'>): StepKind => step.kind ?? 'page';

export const isTouchpoint = (step: Pick<Step, 'kind'>): boolean => step.kind === 'touchpoint';

export interface TouchpointInit {
  channel: Channel;
  /** Written by the auditor ("Courier phoned ahead"). */
  title: string;
  /** When it happened, UTC milliseconds; null when the auditor did not say. */
  occurredAt: number | null;
  stage?: string | null;
}

export type AttachmentId = string;

/** Types an attachment may have; anything else is refused with its type named. */
export const ATTACHMENT_MIMES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];

/** Metadata of one attached file; the bytes live apart in the attachment blob store. */
export interface Attachment {
  id: AttachmentId;
  auditId: AuditId;
  stepId: StepId;
  /** The file's name as picked, dropped or pasted (a pasted image gets one). */
  name: string;
  mime: AttachmentMime;
  bytes: number;
  sha256: string;
  addedAt: UtcIso;
  /** Pixels of an image; null for a PDF. */
  width: number | null;
  height: number | null;
  /** Boxes the auditor blacked out before it was stored (burned into the pixels). */
  redactions: number;
}
