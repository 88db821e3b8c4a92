// A touchpoint's attachments in the report and its exports: their bytes from the store, and their
// images as URLs beside the screenshots' (attachment ids never clash with screenshot ids).
import type { Attachment } from '../domain/touchpoints.ts';
import { getAttachmentBlob, type PeakendDb } from '../store/index.ts';
import type { ImageSource } from './data.ts';
import { dataUrl } from './images.ts';

/** The stored bytes of each attachment (as stored: images redacted); missing ones are left out. */
export async function collectAttachmentBytes(
  db: PeakendDb,
  attachments: readonly Attachment[],
  only: (a: Attachment) => boolean = () => true,
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const attachment of attachments) {
    if (!only(attachment)) continue;
    const blob = await getAttachmentBlob(db, attachment.id, 'full');
    if (blob) out.set(attachment.id, new Uint8Array(await blob.arrayBuffer()));
  }
  return out;
}

export const isImageAttachment = (a: Attachment): boolean => a.mime.startsWith('image/');

/** Object URLs of the attached images for the report tab, revoked when the page goes. */
export async function attachmentUrls(db: PeakendDb, attachments: readonly Attachment[]): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  for (const attachment of attachments.filter(isImageAttachment)) {
    const blob = await getAttachmentBlob(db, attachment.id, 'full');
    if (blob) urls.set(attachment.id, URL.createObjectURL(blob));
  }
  addEventListener('pagehide', () => {
    for (const url of urls.values()) URL.revokeObjectURL(url);
  });
  return urls;
}

/** data: URLs of the attached images, for the self-contained HTML export. */
export function attachmentDataUrls(
  attachments: readonly Attachment[],
  bytes: ReadonlyMap<string, Uint8Array>,
): Map<string, string> {
  const urls = new Map<string, string>();
  for (const attachment of attachments.filter(isImageAttachment)) {
    const data = bytes.get(attachment.id);
    if (data) urls.set(attachment.id, dataUrl(data, attachment.mime));
  }
  return urls;
}

/** The screenshots' image source, answering for the attachments' ids too. */
export const withAttachmentImages =
  (images: ImageSource, urls: ReadonlyMap<string, string>): ImageSource =>
  (id, kind) =>
    urls.get(id) ?? images(id, kind);
