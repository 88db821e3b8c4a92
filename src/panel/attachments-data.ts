// What the panel reads of a touchpoint's attachments: the list of a step, and one image.
import type { StepId } from '../domain/model.ts';
import type { Attachment, AttachmentId } from '../domain/touchpoints.ts';
import { attachmentsOfStep, getAttachmentBlob, type PeakendDb } from '../store/index.ts';

export const readStepAttachments = (db: PeakendDb, stepId: StepId): Promise<Attachment[]> =>
  attachmentsOfStep(db, stepId);

/** An image's small copy, or the stored file itself when it has none. */
export async function readAttachmentImage(db: PeakendDb, id: AttachmentId): Promise<Blob | undefined> {
  return (await getAttachmentBlob(db, id, 'thumb')) ?? (await getAttachmentBlob(db, id, 'full'));
}
