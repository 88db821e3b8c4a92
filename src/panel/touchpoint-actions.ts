// The panel's writes for touchpoints beyond the website: adding a touchpoint step where it happened
// in the journey, and attaching (or removing) its evidence. Part of PanelActions (actions.ts).
import { createAttachment } from '../domain/factories.ts';
import type { AuditId, Step } from '../domain/model.ts';
import type { Attachment, AttachmentId, AttachmentMime, TouchpointInit } from '../domain/touchpoints.ts';
import { addAttachment, deleteAttachment, insertTouchpoint, type PeakendDb } from '../store/index.ts';

/** A file ready to store: an image already redacted and re-encoded, or a PDF as picked. */
export interface PreparedAttachment {
  name: string;
  mime: AttachmentMime;
  full: Blob;
  thumb: Blob | null;
  width: number | null;
  height: number | null;
  redactions: number;
}

export interface TouchpointActions {
  /** A touchpoint step at `position` (0-based; null: at the end). */
  addTouchpoint(auditId: AuditId, init: TouchpointInit, position: number | null): Promise<Step>;
  attach(step: Step, prepared: PreparedAttachment): Promise<Attachment>;
  detach(attachmentId: AttachmentId): Promise<void>;
}

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(await blob.arrayBuffer()));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function touchpointActions(db: () => Promise<PeakendDb>, now: () => string): TouchpointActions {
  return {
    addTouchpoint: async (auditId, init, position) => insertTouchpoint(await db(), auditId, init, position, now()),
    async attach(step, prepared) {
      const at = now();
      const attachment = createAttachment({
        auditId: step.auditId,
        stepId: step.id,
        name: prepared.name,
        mime: prepared.mime,
        bytes: prepared.full.size,
        sha256: await sha256Hex(prepared.full),
        addedAt: at,
        width: prepared.width,
        height: prepared.height,
        redactions: prepared.redactions,
      });
      return addAttachment(await db(), attachment, prepared.full, prepared.thumb, at);
    },
    detach: async (attachmentId) => deleteAttachment(await db(), attachmentId),
  };
}
