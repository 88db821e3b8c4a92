// Everything a report (and every export) is made from, loaded once from the store. Renderers are
// pure functions of ReportData, so the report tab, the exports and the tests share one path.
import { completeness, type Completeness } from '../domain/completeness.ts';
import type { Audit, Screenshot, ShotId, Step, UtcIso } from '../domain/model.ts';
import { rubricOf, type Rubric } from '../domain/rubric.ts';
import { computeScores, inJourneyOrder, type AuditScores } from '../domain/scores/index.ts';
import type { Probe } from '../domain/probes.ts';
import type { Attachment } from '../domain/touchpoints.ts';
import { getAudit, listAttachments, listProbes, listScreenshots, listSteps, type PeakendDb } from '../store/index.ts';

export interface ReportData {
  audit: Audit;
  /** In journey order. */
  steps: Step[];
  /** Metadata of every screenshot of the audit, oldest first. */
  screenshots: Screenshot[];
  /** Metadata of every attachment of the audit's touchpoint steps, oldest first. */
  attachments: Attachment[];
  /** The audit's channel probes, in the order they were sent. */
  probes: Probe[];
  scores: AuditScores;
  completeness: Completeness;
  rubric: Rubric;
  /** When the report was made (UTC). */
  generatedAt: UtcIso;
}

export type ImageKind = 'full' | 'thumb';

/**
 * Where the renderer gets a screenshot's pixels: a data: URL in the HTML export, an object URL in
 * the report tab. Null when the image is not available (the report then says so).
 */
export type ImageSource = (shotId: ShotId, kind: ImageKind) => string | null;

/** No images at all (Markdown, tests). */
export const noImages: ImageSource = () => null;

/** The rubric the audit was marked with, or the default one when its version is unknown. */
export { rubricOf };

/** Pure: the report data of an audit, its steps, its screenshots' metadata, attachments and probes. */
export function buildReportData(
  audit: Audit,
  steps: readonly Step[],
  screenshots: readonly Screenshot[],
  generatedAt: UtcIso = new Date().toISOString(),
  rubric: Rubric = rubricOf(audit),
  attachments: readonly Attachment[] = [],
  probes: readonly Probe[] = [],
): ReportData {
  const ordered = inJourneyOrder(steps);
  const shots = [...screenshots].sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  return {
    audit,
    steps: ordered,
    screenshots: shots,
    attachments: [...attachments].sort((a, b) => a.addedAt.localeCompare(b.addedAt)),
    probes: [...probes].sort((a, b) => a.sentAt - b.sentAt || a.id.localeCompare(b.id)),
    scores: computeScores(audit, ordered, rubric),
    completeness: completeness(audit, ordered, rubric),
    rubric,
    generatedAt,
  };
}

/** Loads an audit's report data from the store; null when the audit does not exist. */
export async function loadReportData(
  db: PeakendDb,
  auditId: string,
  generatedAt: UtcIso = new Date().toISOString(),
): Promise<ReportData | null> {
  const audit = await getAudit(db, auditId);
  if (!audit) return null;
  const [steps, screenshots, attachments, probes] = await Promise.all([
    listSteps(db, auditId),
    listScreenshots(db, auditId),
    listAttachments(db, auditId),
    listProbes(db, auditId),
  ]);
  return buildReportData(audit, steps, screenshots, generatedAt, rubricOf(audit), attachments, probes);
}
