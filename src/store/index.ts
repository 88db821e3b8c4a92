export { openPeakendDb, resetDbCache, type PeakendDb } from './db.ts';
export * from './audits.ts';
export * from './steps.ts';
export * from './screenshots.ts';
export * from './active.ts';
export * from './language.ts';
export * from './attachments.ts';
export * from './touchpoints.ts';
export * from './probes.ts';
export * from './review.ts';
export { readAuditScores, storeScoreSummaries, type FreshSummary, type ScoreEntry } from './score-cache.ts';
export { toStoreError } from './errors.ts';
export { DB_NAME, type ActiveRecord, type BlobKind } from './schema.ts';
export { DB_VERSION } from './migrations.ts';
export {
  importAudit,
  findClash,
  duplicateAsPlan,
  type ClashChoice,
  type ImportOptions,
  type ImportOutcome,
} from './import.ts';
export * from './templates.ts';
export type { TemplateRecord } from './schema.ts';
export * from './audit-records.ts';
