// Journey templates: the built-in ones (src/domain/templates.ts, in code, read-only) and the user's
// own, kept in the `templates` store (migration 2). A user template is made from scratch or as an
// editable copy of any template; every save adds a new version and keeps the old ones, so an audit
// that recorded templateId + templateVersion always finds the exact stages it used.
import {
  DEFAULT_TEMPLATE_ID,
  getTemplate,
  TEMPLATES,
  type JourneyTemplate,
  type TemplateStage,
} from '../domain/templates.ts';
import type { PeakendDb } from './db.ts';
import { PeakendFailure } from '../domain/errors.ts';
import { guarded } from './errors.ts';
import type { TemplateRecord } from './schema.ts';

export type TemplateSource = 'builtin' | 'user';

export interface TemplateEntry {
  /** The latest version. */
  template: JourneyTemplate;
  source: TemplateSource;
  basedOn: { id: string; version: number } | null;
  /** How many versions exist (built-ins: 1 per version in code). */
  versions: number;
}

export interface StageDraft {
  /** Kept when editing an existing stage (steps store it); null for a new stage. */
  id: string | null;
  name: string;
  url: string[];
  text: string[];
}

export interface TemplateDraft {
  /** A user template's id to save a new version of it; null for a new template. */
  id: string | null;
  name: string;
  stages: StageDraft[];
  basedOn: { id: string; version: number } | null;
}

export const TEMPLATE_LIMITS = { nameChars: 100, stages: 50, cuesPerList: 200, cueChars: 200 } as const;

export type DraftProblem =
  | { code: 'name-missing' }
  | { code: 'name-too-long'; limit: number }
  | { code: 'no-stages' }
  | { code: 'too-many-stages'; limit: number }
  | { code: 'stage-name-missing'; stage: number }
  | { code: 'stage-name-too-long'; stage: number; limit: number }
  | { code: 'too-many-cues'; stage: number; limit: number }
  | { code: 'cue-too-long'; stage: number; limit: number }
  | { code: 'duplicate-stage'; stage: number };

const isBuiltin = (id: string): boolean => TEMPLATES.some((t) => t.id === id);

/** A user template's id: never one of the built-ins'. */
export const userTemplateId = (): string => `tpl_${globalThis.crypto.randomUUID()}`;

/** Cues as typed (one per line): trimmed, blanks and repeats dropped. */
export function cleanCues(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const cue = line.trim();
    if (cue && !out.includes(cue)) out.push(cue);
  }
  return out;
}

/** Pure: the first problem of a draft, or null. */
export function checkDraft(draft: TemplateDraft): DraftProblem | null {
  const name = draft.name.trim();
  if (!name) return { code: 'name-missing' };
  if (name.length > TEMPLATE_LIMITS.nameChars) return { code: 'name-too-long', limit: TEMPLATE_LIMITS.nameChars };
  if (draft.stages.length === 0) return { code: 'no-stages' };
  if (draft.stages.length > TEMPLATE_LIMITS.stages) return { code: 'too-many-stages', limit: TEMPLATE_LIMITS.stages };
  const names = new Set<string>();
  for (const [i, stage] of draft.stages.entries()) {
    const n = i + 1;
    const stageName = stage.name.trim();
    if (!stageName) return { code: 'stage-name-missing', stage: n };
    if (stageName.length > TEMPLATE_LIMITS.nameChars)
      return { code: 'stage-name-too-long', stage: n, limit: TEMPLATE_LIMITS.nameChars };
    if (names.has(stageName.toLowerCase())) return { code: 'duplicate-stage', stage: n };
    names.add(stageName.toLowerCase());
    for (const cues of [cleanCues(stage.url), cleanCues(stage.text)]) {
      if (cues.length > TEMPLATE_LIMITS.cuesPerList)
        return { code: 'too-many-cues', stage: n, limit: TEMPLATE_LIMITS.cuesPerList };
      if (cues.some((c) => c.length > TEMPLATE_LIMITS.cueChars))
        return { code: 'cue-too-long', stage: n, limit: TEMPLATE_LIMITS.cueChars };
    }
  }
  return null;
}

/** "Checkout details" -> "checkout-details"; made unique among `taken`. */
export function stageIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'stage';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Pure: the stages of a checked draft, with stable ids (kept ones first, new ones made unique). */
export function stagesOf(draft: TemplateDraft): TemplateStage[] {
  const taken = new Set(draft.stages.map((s) => s.id).filter((id): id is string => !!id));
  const seen = new Set<string>();
  return draft.stages.map((s) => {
    let id = s.id && !seen.has(s.id) ? s.id : null;
    if (!id) {
      id = stageIdFor(s.name, new Set([...taken, ...seen]));
    }
    seen.add(id);
    return { id, nameKey: '', name: s.name.trim(), cues: { url: cleanCues(s.url), text: cleanCues(s.text) } };
  });
}

/**
 * A draft to edit `template`: the next version of a user template, or a copy (always, for a
 * built-in). `label` gives the shown name of a built-in template or stage (its i18n key's text).
 */
export function draftOf(
  template: JourneyTemplate,
  opts: { copy: boolean; name?: string; label?: (item: { nameKey: string; name: string }) => string },
): TemplateDraft {
  const label = opts.label ?? ((item: { name: string }) => item.name);
  const copy = opts.copy || isBuiltin(template.id);
  return {
    id: copy ? null : template.id,
    name: opts.name ?? label(template),
    basedOn: copy ? { id: template.id, version: template.version } : null,
    stages: template.stages.map((s) => ({ id: s.id, name: label(s), url: [...s.cues.url], text: [...s.cues.text] })),
  };
}

export const emptyDraft = (): TemplateDraft => ({
  id: null,
  name: '',
  basedOn: null,
  stages: [{ id: null, name: '', url: [], text: [] }],
});

const toTemplate = (r: TemplateRecord): JourneyTemplate => ({
  id: r.id,
  version: r.version,
  nameKey: '',
  name: r.name,
  stages: r.stages,
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
