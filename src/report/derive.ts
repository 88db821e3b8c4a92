// Facts derived from ReportData that several renderers share: step numbers, screenshots per step,
// findings with their codes (#1, #2 ... in journey order) and severity order, dwell times, stage
// names. Pure.
import { findingCode } from '../domain/finding-code.ts';
import { fixFirst, type RankedFinding } from '../domain/fix-first.ts';
import type { Finding, Screenshot, ShotId, Step, StepId } from '../domain/model.ts';
import type { StepScore } from '../domain/scores/index.ts';
import { TEMPLATES, type JourneyTemplate } from '../domain/templates.ts';
import type { ReportData } from './data.ts';
import { humanise, tOr } from './i18n.ts';

export interface ReportFinding {
  finding: Finding;
  step: Step;
  /** 1-based step number in the journey. */
  stepNo: number;
  /** "F1", "F2" ... in journey order, as drawn on the screenshots. */
  code: string;
  /** Severity clamped to 0-4; null when missing or not a number. */
  severity: number | null;
}

/** A finding of the fix-first list (METHOD.md), with its report code. */
export type FixFirstEntry = RankedFinding & { code: string };

export interface ReportModel {
  /** Journey order. */
  steps: Step[];
  /** 1-based step number by step id. */
  stepNo: Map<StepId, number>;
  stepById: Map<StepId, Step>;
  shotsByStep: Map<StepId, Screenshot[]>;
  shotById: Map<ShotId, Screenshot>;
  /** Journey order, then the order within the step. */
  findings: ReportFinding[];
  /** Most severe first; equal severity keeps journey order. */
  findingsBySeverity: ReportFinding[];
  /** METHOD.md "Fix first": severity x memory weight, highest first; severity 0 apart as keep. */
  fixFirst: { fix: FixFirstEntry[]; keep: FixFirstEntry[] };
  /** Step start to the next step's start; the last step runs to the audit's end when it ended. */
  dwellMs: Map<StepId, number | null>;
  scoreByStep: Map<StepId, StepScore>;
  /** The journey template's display name, or the raw id when unknown. */
  templateName: string;
  /** Display name of a stage id (null: "no stage"). */
  stageName(stage: string | null): string;
}

export const SEVERITY_MIN = 0;
export const SEVERITY_MAX = 4;

export function clampSeverity(severity: unknown): number | null {
  if (typeof severity !== 'number' || !Number.isFinite(severity)) return null;
  return Math.min(SEVERITY_MAX, Math.max(SEVERITY_MIN, Math.round(severity)));
}

const squash = (id: string): string => id.toLowerCase().replace(/[^a-z0-9]/g, '');

function findTemplate(id: string, version: number): JourneyTemplate | undefined {
  return (
    TEMPLATES.find((tpl) => tpl.id === id && tpl.version === version) ??
    TEMPLATES.find((tpl) => tpl.id === id) ??
    TEMPLATES.find((tpl) => squash(tpl.id) === squash(id))
  );
}

function timeOf(iso: string | null | undefined): number | null {
  if (typeof iso !== 'string') return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

export function deriveModel(data: ReportData): ReportModel {
  const { audit, steps } = data;
  const stepNo = new Map<StepId, number>();
  const stepById = new Map<StepId, Step>();
  steps.forEach((step, i) => {
    if (!stepNo.has(step.id)) stepNo.set(step.id, i + 1);
    stepById.set(step.id, step);
  });

  const shotsByStep = new Map<StepId, Screenshot[]>();
  const shotById = new Map<ShotId, Screenshot>();
  for (const shot of data.screenshots) {
    shotById.set(shot.id, shot);
    const list = shotsByStep.get(shot.stepId) ?? [];
    list.push(shot);
    shotsByStep.set(shot.stepId, list);
  }

  const findings: ReportFinding[] = [];
  for (const step of steps) {
    for (const finding of Array.isArray(step.findings) ? step.findings : []) {
      findings.push({
        finding,
        step,
        stepNo: stepNo.get(step.id) ?? 0,
        code: findingCode(findings.length + 1),
        severity: clampSeverity(finding.severity),
      });
    }
  }
  const findingsBySeverity = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (b.f.severity ?? -1) - (a.f.severity ?? -1) || a.i - b.i)
    .map(({ f }) => f);

  const dwellMs = new Map<StepId, number | null>();
  steps.forEach((step, i) => {
    const start = timeOf(step.startedAt);
    const next = steps[i + 1];
    const end = next ? timeOf(next.startedAt) : timeOf(audit.endedAt);
    dwellMs.set(step.id, start !== null && end !== null && end >= start ? end - start : null);
  });

  const scoreByStep = new Map<StepId, StepScore>();
  for (const s of data.scores.steps) scoreByStep.set(s.stepId, s);

  const template = findTemplate(audit.templateId ?? '', audit.templateVersion ?? 1);
  const stageName = (stage: string | null): string => {
    if (stage === null || stage === '') return '';
    const found =
      template?.stages.find((s) => s.id === stage) ??
      TEMPLATES.flatMap((tpl) => tpl.stages).find((s) => s.id === stage);
    return found ? tOr(found.nameKey, found.name) : humanise(stage);
  };

  const codeOf = new Map(findings.map((f) => [f.finding, f.code]));
  const withCode = (r: RankedFinding): FixFirstEntry => ({ ...r, code: codeOf.get(r.finding) ?? '' });
  const ranked = fixFirst(
    steps,
    { peakStepId: data.scores.peakEnd?.peak.stepId ?? null, endStepId: data.scores.peakEnd?.end.stepId ?? null },
    template?.stages.map((s) => s.id) ?? [],
  );

  return {
    steps,
    stepNo,
    stepById,
    shotsByStep,
    shotById,
    findings,
    findingsBySeverity,
    fixFirst: { fix: ranked.fix.map(withCode), keep: ranked.keep.map(withCode) },
    dwellMs,
    scoreByStep,
    templateName: template ? tOr(template.nameKey, template.name) : (audit.templateId ?? ''),
    stageName,
  };
}
