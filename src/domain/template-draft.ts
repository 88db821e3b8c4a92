// A journey template as the auditor edits it (names and cues as typed), its checks, and the stages a
// checked draft becomes. Pure: the store saves what these produce, the panel's editor shows them.
import { TEMPLATES, type JourneyTemplate, type TemplateStage } from './templates.ts';
import { CHANNELS, isChannel, type Channel } from './touchpoints.ts';

/** Built-in templates live in code and are never changed; they are edited as copies. */
export const isBuiltinTemplate = (id: string): boolean => TEMPLATES.some((t) => t.id === id);

export interface StageDraft {
  /** Kept when editing an existing stage (steps store it); null for a new stage. */
  id: string | null;
  name: string;
  url: string[];
  text: string[];
  /** Touchpoint channels the stage expects (TemplateStage.expects); absent or [] for none. */
  expects?: Channel[];
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
  | { code: 'duplicate-stage'; stage: number }
  | { code: 'unknown-channel'; stage: number };

/** Cues as typed (one per line): trimmed, blanks and repeats dropped. */
export function cleanCues(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const cue = line.trim();
    if (cue && !out.includes(cue)) out.push(cue);
  }
  return out;
}

/** Expected channels as a stage keeps them: known ones only, each once, in METHOD.md's channel order. */
export function cleanExpects(expects: readonly unknown[] | undefined): Channel[] {
  const given = new Set(Array.isArray(expects) ? expects : []);
  return CHANNELS.filter((channel) => given.has(channel));
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
    if (!(stage.expects ?? []).every(isChannel)) return { code: 'unknown-channel', stage: n };
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
    const expects = cleanExpects(s.expects);
    return {
      id,
      nameKey: '',
      name: s.name.trim(),
      cues: { url: cleanCues(s.url), text: cleanCues(s.text) },
      ...(expects.length > 0 ? { expects } : {}),
    };
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
  const copy = opts.copy || isBuiltinTemplate(template.id);
  return {
    id: copy ? null : template.id,
    name: opts.name ?? label(template),
    basedOn: copy ? { id: template.id, version: template.version } : null,
    stages: template.stages.map((s) => ({
      id: s.id,
      name: label(s),
      url: [...s.cues.url],
      text: [...s.cues.text],
      expects: cleanExpects(s.expects),
    })),
  };
}

export const emptyDraft = (): TemplateDraft => ({
  id: null,
  name: '',
  basedOn: null,
  stages: [emptyStageDraft()],
});

export const emptyStageDraft = (): StageDraft => ({ id: null, name: '', url: [], text: [], expects: [] });
