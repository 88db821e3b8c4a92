// Each new step gets a stage suggested from its URL and title; the auditor can change it.
import type { Audit } from '../domain/model.ts';
import { suggestStage } from '../domain/stage-suggest.ts';
import { DEFAULT_TEMPLATE_ID, getTemplate } from '../domain/templates.ts';

export function suggestStageFor(audit: Audit, url: string, title: string, previous: string | null, text?: string): string | null {
  const template = getTemplate(audit.templateId, audit.templateVersion) ?? getTemplate(DEFAULT_TEMPLATE_ID);
  if (!template) return null;
  return suggestStage(template, { url, title, previousStage: previous, ...(text ? { text } : {}) }).stage;
}
