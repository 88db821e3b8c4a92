// What an attached file may be, checked before anything is stored: not empty, within the size
// limit, one of the types Peakend shows, and truly that type by its first bytes (its "magic
// number"), whatever its name or the browser's guess says.
import { PeakendFailure } from './errors.ts';
import { ATTACHMENT_MIMES, type AttachmentMime } from './touchpoints.ts';

const MiB = 1024 * 1024;

/** The largest file an auditor may attach: a phone photo is 2-8 MB, a scanned PDF rarely above 10. */
export const ATTACHMENT_MAX_BYTES = 20 * MiB;

/** File-name extensions of each type; a name with another extension is refused by it. */
const EXTENSIONS: Record<AttachmentMime, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'application/pdf': ['pdf'],
};

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => Array.from(new TextEncoder().encode(text));

/** The type the bytes are, from their first 12; null when none of ours. */
export function sniffAttachment(head: Uint8Array): AttachmentMime | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/** How many leading bytes sniffAttachment needs. */
export const SNIFF_BYTES = 12;

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/** The type a file claims, by its extension, else by the browser's type. */
function claimedType(name: string, type: string): AttachmentMime | 'unknown' | null {
  const ext = extensionOf(name);
  if (ext) {
    for (const mime of ATTACHMENT_MIMES) if (EXTENSIONS[mime].includes(ext)) return mime;
    return null;
  }
  const lower = type.toLowerCase();
  if (!lower) return 'unknown';
  return (ATTACHMENT_MIMES as readonly string[]).includes(lower) ? (lower as AttachmentMime) : null;
}

/** How a refused file's type is named: its extension, else its MIME type, else "unknown". */
const typeName = (name: string, type: string): string => extensionOf(name) || type || 'unknown';

export const isImageMime = (mime: AttachmentMime): boolean => mime.startsWith('image/');

/**
 * Checks a file before it is read into the store; throws a PeakendFailure naming the problem.
 * Returns the type its bytes show.
 */
export function checkAttachment(
  file: { name: string; size: number; type: string },
  head: Uint8Array,
  maxBytes: number = ATTACHMENT_MAX_BYTES,
): AttachmentMime {
  const name = file.name;
  if (file.size === 0) throw new PeakendFailure({ code: 'attachment-empty', name });
  if (!Number.isFinite(file.size) || file.size > maxBytes) {
    throw new PeakendFailure({ code: 'attachment-too-large', name, limit: maxBytes });
  }
  const claimed = claimedType(name, file.type);
  if (claimed === null)
    throw new PeakendFailure({ code: 'attachment-unsupported', name, type: typeName(name, file.type) });
  const actual = sniffAttachment(head);
  if (actual === null || (claimed !== 'unknown' && claimed !== actual)) {
    throw new PeakendFailure({
      code: 'attachment-mismatch',
      name,
      claimed: claimed === 'unknown' ? typeName(name, file.type) : claimed,
    });
  }
  return actual;
}

/** A name for a pasted image, which comes without one ("pasted-2026-12-05T14-20-01.png"). */
export function pastedName(mime: AttachmentMime, now: string): string {
  const ext = EXTENSIONS[mime][0] ?? 'bin';
  return `pasted-${now.slice(0, 19).replace(/:/g, '-')}.${ext}`;
}

/** The extension a stored attachment's file gets in an export bundle. */
export const attachmentExtension = (mime: AttachmentMime): string => EXTENSIONS[mime][0] ?? 'bin';
