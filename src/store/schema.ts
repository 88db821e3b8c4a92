// The IndexedDB schema. Small records (audits, steps, screenshot metadata) live apart from the
// large blobs, so listing an audit never loads pixels.
import type { DBSchema } from 'idb';
import type { Audit, Screenshot, Step } from '../domain/model.ts';
import type { TemplateStage } from '../domain/templates.ts';
import type { Expectations, Probe } from '../domain/probes.ts';
import type { Attachment } from '../domain/touchpoints.ts';
import type { ScoreSummary } from '../domain/programme-view/metrics.ts';

export const DB_NAME = 'peakend';

export type BlobKind = 'full' | 'thumb';

export interface BlobRecord {
  shotId: string;
  kind: BlobKind;
  blob: Blob;
}

/** Which audit is being recorded and which tab it follows; kept here so a restarted worker carries on. */
export interface ActiveRecord {
  auditId: string;
  tabId: number | null;
  windowId: number | null;
}

/**
 * The panel's language as the auditor chose it (a folder of public/_locales/), or null to follow the
 * browser's. One small record beside the active audit: the panel reads both before its first render.
 */
export interface LanguageRecord {
  language: string | null;
}

/**
 * One saved version of a user's journey template (built-in templates live in code). Every save
 * adds a version and never rewrites one, so an audit's templateId + templateVersion always resolve.
 */
export interface TemplateRecord {
  id: string;
  version: number;
  name: string;
  stages: TemplateStage[];
  /** The template this one was copied from, when it was. */
  basedOn: { id: string; version: number } | null;
  createdAt: string;
}

/** An attachment's bytes (as stored: redacted images re-encoded, PDFs as picked) or an image's small copy. */
export interface AttachmentBlobRecord {
  attachmentId: string;
  kind: BlobKind;
  blob: Blob;
}

/** Who this person is in programmes (src/domain/review.ts ProgrammeIdentity): a local setting. */
export interface ProgrammeIdentityRecord {
  name: string;
  role: string;
}

/** The auditor's expectation per channel (settings; src/domain/probes.ts has METHOD.md's defaults). */
export interface ExpectationsRecord {
  expectations: Partial<Expectations>;
}

/**
 * An audit's score summary for the programme view (src/store/score-cache.ts). `revision` moves, and
 * the summary is dropped, in the same transaction as every write to the audit or one of its steps; a
 * summary is stored only against the revision its inputs were read at, and only counts for the build
 * of the scoring code (`scoring`) that computed it.
 */
export interface ScoreCacheRecord {
  auditId: string;
  revision: number;
  summary: { scoring: string; scores: ScoreSummary } | null;
}

export interface PeakendSchema extends DBSchema {
  audits: { key: string; value: Audit; indexes: { 'by-updated': string } };
  steps: { key: string; value: Step; indexes: { 'by-audit': [string, number] } };
  screenshots: { key: string; value: Screenshot; indexes: { 'by-audit': string; 'by-step': string } };
  blobs: { key: [string, BlobKind]; value: BlobRecord; indexes: { 'by-shot': string } };
  meta: { key: string; value: ActiveRecord | LanguageRecord | ExpectationsRecord | ProgrammeIdentityRecord };
  templates: { key: [string, number]; value: TemplateRecord; indexes: { 'by-id': string } };
  attachments: { key: string; value: Attachment; indexes: { 'by-audit': string; 'by-step': string } };
  attachmentBlobs: { key: [string, BlobKind]; value: AttachmentBlobRecord; indexes: { 'by-attachment': string } };
  probes: { key: string; value: Probe; indexes: { 'by-audit': string } };
  scoreCache: { key: string; value: ScoreCacheRecord };
}

export type StoreName =
  | 'audits'
  | 'steps'
  | 'screenshots'
  | 'blobs'
  | 'meta'
  | 'templates'
  | 'attachments'
  | 'attachmentBlobs'
  | 'probes'
  | 'scoreCache';
