// Stage alignment (METHOD.md "Stage"): the steps of 2-4 audits lined up by the stage of their
// journey template, so a 9-step checkout and a 5-step checkout are compared stage by stage. Pure.
//
// Choices (the compare page's method notes repeat them):
// - Stages are matched by their id (Step.stage), the stable id a template gives each stage.
// - Row order: the reference template's stage order. The reference template is the one passed in,
//   else the first audit's own template (audit.templateId / templateVersion; an unknown version
//   falls back to the newest known version of that id). Stage ids the reference template does not
//   have (an audit made with another template, or a stage id no template knows) are appended
//   after its stages in order of first appearance: audits in the order given, steps in journey
//   order. A stage id that several templates share (e.g. "payment" in e-commerce and booking)
//   is one row.
// - A stage that an audit has no step in is `missing` in that audit's cell, never skipped: the row
//   is there as long as at least one audit has a step in it. Template stages that no audit visited
//   are left out unless `includeEmpty` is set.
// - A repeated stage keeps every step: two checkout-details pages are two steps in one cell, and
//   a stage visited twice with other stages in between (back to the cart from checkout) has both
//   visits in its cell, in journey order.
// - A step that holds several stages (Step.alsoStages: a one-page checkout is checkout-details,
//   delivery and payment) is in the cell of every stage it holds, so the audit is not missing any
//   of them; the same Step object sits in each of those cells (tell it by `holdsSeveralStages`).
//   Per-stage figures (stage-stats.ts) count it in each of its stages; figures over the whole
//   journey (the scores, the checkout benchmark) are computed from the steps, never by adding up
//   rows, so they count it once.
// - Steps without a stage go to one "unstaged" row at the end (only when some audit has one).
import type { Audit, Step } from '../model.ts';
import { inJourneyOrder } from '../scores/normalise.ts';
import { stagesOfStep } from '../step-stages.ts';
import { TEMPLATES, getTemplate, type JourneyTemplate, type TemplateStage } from '../templates.ts';

export interface AlignInput {
  audit: Audit;
  steps: readonly Step[];
}

export interface StageCell {
  /** The audit's steps in this stage, in journey order; empty when missing. */
  steps: Step[];
  /** No step of this audit is in this stage. */
  missing: boolean;
}

export type RowOrigin =
  /** A stage of the reference template. */
  | 'template'
  /** A stage of another known template (an audit made with a different template). */
  | 'other-template'
  /** A stage id that no known template has. */
  | 'unknown'
  /** Steps without a stage. */
  | 'unstaged';

export interface StageRow {
  /** Stage id; null for the unstaged row. */
  stage: string | null;
  origin: RowOrigin;
  /** The template stage that names the row (nameKey, English name), when one is known. */
  templateStage: TemplateStage | null;
  /** 0-based position of the row. */
  position: number;
  /** One cell per audit, in the order the audits were given. */
  cells: StageCell[];
}

export interface TemplateRef {
  id: string;
  version: number;
  /** The built-in template, when known. */
  template: JourneyTemplate | null;
}

export interface Alignment {
  /** The template that orders the rows; null when none is known (rows in order of appearance). */
  reference: JourneyTemplate | null;
  /** Each audit's own template, in the order given. */
  templates: TemplateRef[];
  /** Every audit used the same template id and version. */
  sameTemplate: boolean;
  rows: StageRow[];
}

export interface AlignOptions {
  /** The template whose stage order is used; default the first audit's template. */
  template?: JourneyTemplate;
  /** Keep reference-template stages that no audit visited (all cells missing). Default false. */
  includeEmpty?: boolean;
}

const squash = (id: string): string => id.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The audit's template: exact id and version, else the newest known version of the id, else the
 * newest template whose id matches ignoring case and punctuation ("ecommerce", as the report does).
 */
export function templateOf(audit: Pick<Audit, 'templateId' | 'templateVersion'>): JourneyTemplate | null {
  const exact = getTemplate(audit.templateId, audit.templateVersion);
  if (exact) return exact;
  const id = String(audit.templateId ?? '');
  const newest = (list: JourneyTemplate[]) => [...list].sort((a, b) => b.version - a.version)[0] ?? null;
  return (
    newest(TEMPLATES.filter((tpl) => tpl.id === id)) ?? newest(TEMPLATES.filter((tpl) => squash(tpl.id) === squash(id)))
  );
}

/** A stage's definition: in the preferred templates first, then in any known template. */
function findStage(stage: string, preferred: readonly (JourneyTemplate | null)[]): TemplateStage | null {
  for (const tpl of preferred) {
    const found = tpl?.stages.find((s) => s.id === stage);
    if (found) return found;
  }
  for (const tpl of TEMPLATES) {
    const found = tpl.stages.find((s) => s.id === stage);
    if (found) return found;
  }
  return null;
}

export function alignByStage(inputs: readonly AlignInput[], opts: AlignOptions = {}): Alignment {
  const templates: TemplateRef[] = inputs.map(({ audit }) => ({
    id: audit.templateId,
    version: audit.templateVersion,
    template: templateOf(audit),
  }));
  const reference = opts.template ?? templates[0]?.template ?? null;
  const first = templates[0];
  const sameTemplate = templates.every(
    (ref) => first !== undefined && ref.id === first.id && ref.version === first.version,
  );

  const ordered = inputs.map(({ steps }) => inJourneyOrder(steps));

  // Row keys: the reference template's stages, then stages met in the audits.
  const keys: string[] = reference ? reference.stages.map((s) => s.id) : [];
  const known = new Set(keys);
  let unstaged = false;
  for (const steps of ordered) {
    for (const step of steps) {
      const stages = stagesOfStep(step);
      if (stages.length === 0) unstaged = true;
      for (const key of stages) {
        if (!known.has(key)) {
          known.add(key);
          keys.push(key);
        }
      }
    }
  }

  const referenceIds = new Set(reference?.stages.map((s) => s.id) ?? []);
  const ownTemplates = [reference, ...templates.map((ref) => ref.template)];
  const rows: StageRow[] = [];
  const addRow = (stage: string | null, origin: RowOrigin, templateStage: TemplateStage | null): void => {
    const cells = ordered.map((steps) => {
      const inStage = steps.filter((step) =>
        stage === null ? stagesOfStep(step).length === 0 : stagesOfStep(step).includes(stage),
      );
      return { steps: inStage, missing: inStage.length === 0 };
    });
    if (!opts.includeEmpty && cells.every((cell) => cell.missing)) return;
    rows.push({ stage, origin, templateStage, position: rows.length, cells });
  };
  for (const key of keys) {
    if (referenceIds.has(key)) {
      addRow(key, 'template', reference?.stages.find((s) => s.id === key) ?? null);
    } else {
      const found = findStage(key, ownTemplates);
      addRow(key, found ? 'other-template' : 'unknown', found);
    }
  }
  if (unstaged) addRow(null, 'unstaged', null);
  return { reference, templates, sameTemplate, rows };
}

/** The row of a stage id (null: the unstaged row), if present. */
export function rowOf(alignment: Alignment, stage: string | null): StageRow | undefined {
  return alignment.rows.find((row) => row.stage === stage);
}
