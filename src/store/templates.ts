// Journey templates: the built-in ones (src/domain/templates.ts, in code, read-only) and the user's
// own, kept in the `templates` store (migration 2). A user template is made from scratch or as an
// editable copy of any template; every save adds a new version and keeps the old ones, so an audit
// that recorded templateId + templateVersion always finds the exact stages it used.
import { DEFAULT_TEMPLATE_ID, getTemplate, TEMPLATES, type JourneyTemplate } from '../domain/templates.ts';
import {
  checkDraft,
  cleanExpects,
  isBuiltinTemplate as isBuiltin,
  stagesOf,
  type TemplateDraft,
} from '../domain/template-draft.ts';
import type { PeakendDb } from './db.ts';
import { PeakendFailure } from '../domain/errors.ts';
import { guarded } from './errors.ts';
import type { TemplateRecord } from './schema.ts';

export type TemplateSource = 'builtin' | 'user';

// The draft and its checks are pure (src/domain/template-draft.ts); re-exported for the store's callers.
export * from '../domain/template-draft.ts';

export interface TemplateEntry {
  /** The latest version. */
  template: JourneyTemplate;
  source: TemplateSource;
  basedOn: { id: string; version: number } | null;
  /** How many versions exist (built-ins: 1 per version in code). */
  versions: number;
}

/** A user template's id: never one of the built-ins'. */
export const userTemplateId = (): string => `tpl_${globalThis.crypto.randomUUID()}`;

// A stored stage's expected channels are read through cleanExpects: only known channels reach the
// panel, whatever an older or damaged record holds.
const toTemplate = (r: TemplateRecord): JourneyTemplate => ({
  id: r.id,
  version: r.version,
  nameKey: '',
  name: r.name,
  stages: r.stages.map(({ expects, ...stage }) => {
    const known = cleanExpects(expects);
    return known.length > 0 ? { ...stage, expects: known } : stage;
  }),
});

/** Built-in templates (latest version of each) then the user's, each at its latest version. */
export async function listTemplates(db: PeakendDb): Promise<TemplateEntry[]> {
  const builtins = new Map<string, TemplateEntry>();
  for (const template of TEMPLATES) {
    const seen = builtins.get(template.id);
    if (!seen || seen.template.version < template.version) {
      builtins.set(template.id, { template, source: 'builtin', basedOn: null, versions: (seen?.versions ?? 0) + 1 });
    } else seen.versions += 1;
  }
  const users = new Map<string, TemplateEntry>();
  for (const record of await db.getAll('templates')) {
    const seen = users.get(record.id);
    if (!seen || seen.template.version < record.version) {
      users.set(record.id, {
        template: toTemplate(record),
        source: 'user',
        basedOn: record.basedOn,
        versions: (seen?.versions ?? 0) + 1,
      });
    } else seen.versions += 1;
  }
  const byName = (a: TemplateEntry, b: TemplateEntry) => a.template.name.localeCompare(b.template.name);
  return [...builtins.values(), ...[...users.values()].sort(byName)];
}

/** Every saved version of a user template, oldest first (built-ins: those in code). */
export async function listTemplateVersions(db: PeakendDb, id: string): Promise<JourneyTemplate[]> {
  if (isBuiltin(id)) return TEMPLATES.filter((t) => t.id === id).sort((a, b) => a.version - b.version);
  const records = await db.getAllFromIndex('templates', 'by-id', id);
  return records.sort((a, b) => a.version - b.version).map(toTemplate);
}

/** A template by id and version (the latest when no version is given); undefined when unknown. */
export async function getTemplateVersion(
  db: PeakendDb,
  id: string,
  version?: number,
): Promise<JourneyTemplate | undefined> {
  const builtin = getTemplate(id, version);
  if (builtin) return builtin;
  if (version !== undefined) {
    const record = await db.get('templates', [id, version]);
    return record ? toTemplate(record) : undefined;
  }
  return (await listTemplateVersions(db, id)).at(-1);
}

/** The template an audit used: its exact version, else that template's latest, else the default. */
export async function resolveTemplate(db: PeakendDb, id: string, version: number): Promise<JourneyTemplate> {
  return (
    (await getTemplateVersion(db, id, version)) ??
    (await getTemplateVersion(db, id)) ??
    (getTemplate(DEFAULT_TEMPLATE_ID) as JourneyTemplate)
  );
}

/** Saves a draft as a new template (version 1) or as the next version of a user template. */
export function saveTemplate(db: PeakendDb, draft: TemplateDraft, now: string): Promise<JourneyTemplate> {
  return guarded(async () => {
    const problem = checkDraft(draft);
    if (problem) throw new PeakendFailure({ code: 'template-invalid', reason: problem.code });
    if (draft.id !== null && isBuiltin(draft.id)) {
      throw new PeakendFailure({ code: 'template-builtin' });
    }
    const tx = db.transaction('templates', 'readwrite');
    let id = draft.id ?? userTemplateId();
    let version = 1;
    if (draft.id !== null) {
      const versions = await tx.store.index('by-id').getAllKeys(draft.id);
      if (versions.length === 0) throw new PeakendFailure({ code: 'template-missing', templateId: draft.id });
      version = Math.max(...versions.map((k) => k[1])) + 1;
      id = draft.id;
    }
    const record: TemplateRecord = {
      id,
      version,
      name: draft.name.trim(),
      stages: stagesOf(draft),
      basedOn: draft.basedOn,
      createdAt: now,
    };
    await tx.store.add(record);
    await tx.done;
    return toTemplate(record);
  });
}
