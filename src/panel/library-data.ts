// What the panel reads across audits rather than of one: whether each audit is complete (the
// library's filter), the stored audit an import would clash with, and what New audit carries over.
import { completeness } from '../domain/completeness.ts';
import type { Audit, Step } from '../domain/model.ts';
import { rubricOf } from '../domain/rubric.ts';
import { findClash, listAudits, listTemplates, type PeakendDb, type TemplateEntry } from '../store/index.ts';

/** Complete or not, by audit id; reads every step, so only while the filter asks for it. */
export async function readCompleteness(db: PeakendDb, audits: readonly Audit[]): Promise<Map<string, boolean>> {
  const byAudit = new Map<string, Step[]>();
  for (const step of await db.getAll('steps')) {
    const list = byAudit.get(step.auditId);
    if (list) list.push(step);
    else byAudit.set(step.auditId, [step]);
  }
  return new Map(audits.map((a) => [a.id, completeness(a, byAudit.get(a.id) ?? [], rubricOf(a)).complete]));
}

/** The stored audit with this id, which an import of it would clash with. */
export const readClash = (db: PeakendDb, auditId: string): Promise<Audit | undefined> => findClash(db, auditId);

/** The newest audit (its pseudonym and template carry over) and the templates to choose from. */
export async function readStartDefaults(
  db: PeakendDb,
): Promise<{ last: Audit | undefined; templates: TemplateEntry[] }> {
  const [last] = await listAudits(db);
  return { last, templates: await listTemplates(db) };
}
