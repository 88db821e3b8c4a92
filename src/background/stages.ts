// Each new step gets a stage suggested from its URL, title and headings, by the template (built-in or
// the auditor's own, at the version the audit uses); the auditor can change it.
import type { Audit } from '../domain/model.ts';
import { suggestStage } from '../domain/stage-suggest.ts';
import { resolveTemplate, type PeakendDb } from '../store/index.ts';

export async function suggestStageFor(
  db: PeakendDb,
  audit: Audit,
  url: string,
  title: string,
  previous: string | null,
  text?: string,
): Promise<string | null> {
  const template = await resolveTemplate(db, audit.templateId, audit.templateVersion);
  return suggestStage(template, { url, title, previousStage: previous, ...(text ? { text } : {}) }).stage;
}
