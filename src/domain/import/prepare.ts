// From a picked or dropped file to a checked import plan, or a typed reason to refuse it. Every
// check runs before the store is touched: the whole-file size (from `size`, before reading), the
// zip's table of contents and limits, the JSON's format, version and fields, and each screenshot's
// presence, image type, size and SHA-256 against what the JSON recorded at capture.
// Pure: the SHA-256 function is passed in (the panel uses crypto.subtle, tests use node:crypto).
import type { Audit, Screenshot, ShotId, Step, UtcIso } from '../model.ts';
import { sniffAttachment } from '../attachments.ts';
import type { Probe } from '../probes.ts';
import type { Attachment, AttachmentId } from '../touchpoints.ts';
import { BUNDLE_JSON_NAME, type AuditExport } from '../export-format.ts';
import { attempt, fail, ImportFailure, ok, refuse, type Result } from './errors.ts';
import { detectImage, sameImageType, type ImageMime } from './images.ts';
import { DEFAULT_LIMITS, type ImportLimits } from './limits.ts';
import { recordsOf, validateExportJson } from './validate.ts';
import { looksLikeZip, readZipDirectory, readZipEntry } from './zip.ts';

/** A File, or anything with its name, size and a way to read it. */
export interface ImportSource {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type Sha256 = (bytes: Uint8Array) => Promise<string>;

export interface ImportImage {
  bytes: Uint8Array;
  mime: ImageMime;
}

export interface ImportPlan {
  kind: 'zip' | 'json';
  fileName: string;
  exportedAt: UtcIso;
  generatorVersion: string | null;
  /** Derived numbers as the file carried them (for comparison; the store recomputes them). */
  scores: AuditExport['scores'] | null;
  audit: Audit;
  steps: Step[];
  screenshots: Screenshot[];
  /** Checked pixels by screenshot id. */
  images: Map<ShotId, ImportImage>;
  /** Screenshots whose pixels the file does not carry (a JSON file; `file: null` in a bundle). */
  withoutPixels: number;
  /** Attachments of touchpoint steps (none in a version-1 file). */
  attachments: Attachment[];
  /** Checked bytes by attachment id. */
  attachmentFiles: Map<AttachmentId, Uint8Array>;
  /** Channel probes (none in a version-1 or -2 file). */
  probes: Probe[];
}

export interface PrepareOptions {
  sha256: Sha256;
  limits?: ImportLimits;
}

const jsonText = new TextDecoder('utf-8', { fatal: true });

function parseJson(bytes: Uint8Array, limits: ImportLimits): unknown {
  if (bytes.length > limits.maxJsonBytes)
    refuse({ code: 'json-too-large', size: bytes.length, limit: limits.maxJsonBytes });
  let text: string;
  try {
    text = jsonText.decode(bytes);
  } catch {
    return refuse({ code: 'not-json', reason: 'not UTF-8 text' });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return refuse({ code: 'not-json', reason: error instanceof Error ? error.message.slice(0, 200) : 'unreadable' });
  }
}

function firstNonSpace(bytes: Uint8Array): number | undefined {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3; // UTF-8 byte order mark
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i];
}

/** Running here means nothing: the recording stayed on the machine that exported it. */
function settle(audit: Audit, steps: readonly Step[]): Audit {
  const nextIndex = steps.reduce((max, s) => Math.max(max, s.index + 1), 0);
  return {
    ...audit,
    status: audit.status === 'running' ? 'paused' : audit.status,
    stepCount: Math.max(audit.stepCount, nextIndex),
  };
}

function buildPlan(
  exp: AuditExport,
  kind: ImportPlan['kind'],
  fileName: string,
  images: Map<ShotId, ImportImage>,
  attachmentFiles: Map<AttachmentId, Uint8Array> = new Map(),
): ImportPlan {
  const { audit, steps, screenshots, attachments, probes } = recordsOf(exp);
  return {
    kind,
    fileName,
    exportedAt: exp.exportedAt,
    generatorVersion: exp.generator.version,
    scores: exp.scores ?? null,
    audit: settle(audit, steps),
    steps,
    screenshots,
    images,
    withoutPixels: screenshots.filter((s) => !images.has(s.id)).length,
    attachments,
    attachmentFiles,
    probes,
  };
}

function checked(value: unknown, limits: ImportLimits): AuditExport {
  const result = validateExportJson(value, limits);
  if (!result.ok) throw new ImportFailure(result.error);
  return result.value;
}

async function fromZip(bytes: Uint8Array, fileName: string, opts: Required<PrepareOptions>): Promise<ImportPlan> {
  const { limits, sha256 } = opts;
  const dir = readZipDirectory(bytes, limits);
  const jsonEntry = dir.entries.get(BUNDLE_JSON_NAME);
  if (!jsonEntry) return refuse({ code: 'zip-no-json', name: BUNDLE_JSON_NAME });
  if (jsonEntry.size > limits.maxJsonBytes)
    refuse({ code: 'json-too-large', size: jsonEntry.size, limit: limits.maxJsonBytes });
  const exp = checked(parseJson(readZipEntry(bytes, dir, jsonEntry), limits), limits);

  const images = new Map<ShotId, ImportImage>();
  for (const shot of exp.screenshots) {
    if (shot.file === null) continue;
    const entry = dir.entries.get(shot.file);
    if (!entry) refuse({ code: 'screenshot-missing', shotId: shot.id, file: shot.file });
    const data = readZipEntry(bytes, dir, entry);
    const detected = detectImage(data);
    if (!detected) refuse({ code: 'screenshot-not-image', shotId: shot.id, file: shot.file });
    if (!sameImageType(shot.mime, detected))
      refuse({ code: 'screenshot-type-mismatch', shotId: shot.id, mime: shot.mime, detected });
    if (data.length !== shot.bytes)
      refuse({ code: 'screenshot-size-mismatch', shotId: shot.id, expected: shot.bytes, actual: data.length });
    if ((await sha256(data)).toLowerCase() !== shot.sha256)
      refuse({ code: 'screenshot-hash-mismatch', shotId: shot.id, file: shot.file });
    images.set(shot.id, { bytes: data, mime: detected });
  }
  // Each attached file as the JSON describes it: present, of its type by its bytes, its size and hash.
  const attachmentFiles = new Map<AttachmentId, Uint8Array>();
  for (const attachment of exp.attachments) {
    if (attachment.file === null) continue;
    const entry = dir.entries.get(attachment.file);
    if (!entry) refuse({ code: 'attachment-file-missing', file: attachment.file });
    const data = readZipEntry(bytes, dir, entry);
    const detected = sniffAttachment(data);
    if (detected !== attachment.mime)
      refuse({
        code: 'attachment-file-mismatch',
        file: attachment.file,
        mime: attachment.mime,
        detected: detected ?? 'unknown',
      });
    if (data.length !== attachment.bytes) refuse({ code: 'attachment-file-altered', file: attachment.file });
    if ((await sha256(data)).toLowerCase() !== attachment.sha256)
      refuse({ code: 'attachment-file-altered', file: attachment.file });
    attachmentFiles.set(attachment.id, data);
  }
  return buildPlan(exp, 'zip', fileName, images, attachmentFiles);
}

/** Checks bytes already read (prepareImport reads them after the size check). */
export async function prepareImportBytes(
  bytes: Uint8Array,
  fileName: string,
  options: PrepareOptions,
): Promise<Result<ImportPlan>> {
  const opts = { limits: DEFAULT_LIMITS, ...options };
  if (bytes.length === 0) return fail({ code: 'empty-file' });
  if (bytes.length > opts.limits.maxFileBytes)
    return fail({ code: 'file-too-large', size: bytes.length, limit: opts.limits.maxFileBytes });
  const lower = fileName.toLowerCase();
  try {
    if (looksLikeZip(bytes)) return ok(await fromZip(bytes, fileName, opts));
    if (lower.endsWith('.zip')) return fail({ code: 'not-a-zip' });
    const first = firstNonSpace(bytes);
    if (first === 0x7b || first === 0x5b || lower.endsWith('.json')) {
      return attempt(() => buildPlan(checked(parseJson(bytes, opts.limits), opts.limits), 'json', fileName, new Map()));
    }
    return fail({ code: 'unknown-file-type' });
  } catch (error) {
    if (error instanceof ImportFailure) return fail(error.problem);
    throw error;
  }
}

/** Checks a file; a file above the size limit is refused from its size, without reading it. */
export async function prepareImport(source: ImportSource, options: PrepareOptions): Promise<Result<ImportPlan>> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (!Number.isFinite(source.size) || source.size > limits.maxFileBytes) {
    return fail({ code: 'file-too-large', size: source.size, limit: limits.maxFileBytes });
  }
  if (source.size === 0) return fail({ code: 'empty-file' });
  const bytes = new Uint8Array(await source.arrayBuffer());
  return prepareImportBytes(bytes, source.name, { ...options, limits });
}
