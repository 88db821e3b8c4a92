// New ids for an imported audit and everything in it, references kept consistent: used for "keep
// both" (the copy must not overwrite the audit it clashes with) and when a file reuses step or
// screenshot ids that another audit already has. Probes always get new ids: a probe's id says
// nothing to anyone outside its audit. Hashes, bytes and every other value stay.
import type { Audit, CriterionMark, Screenshot, Step } from '../model.ts';
import type { ImportPlan } from './prepare.ts';

export type IdMaker = (prefix: 'aud' | 'stp' | 'sht' | 'fnd' | 'att' | 'prb') => string;

export function reidentify(plan: ImportPlan, newId: IdMaker, opts: { keepAuditId?: boolean } = {}): ImportPlan {
  const auditId = opts.keepAuditId ? plan.audit.id : newId('aud');
  const stepIds = new Map(plan.steps.map((s) => [s.id, newId('stp')]));
  const shotIds = new Map(plan.screenshots.map((s) => [s.id, newId('sht')]));
  const step = (id: string): string => stepIds.get(id) ?? id;
  const shot = (id: string): string => shotIds.get(id) ?? id;

  const marks: Record<string, CriterionMark> = {};
  for (const [criterion, mark] of Object.entries(plan.audit.rubric.marks)) {
    marks[criterion] = mark.evidence
      ? {
          ...mark,
          evidence: {
            ...mark.evidence,
            stepId: step(mark.evidence.stepId),
            ...(mark.evidence.shotId !== undefined ? { shotId: shot(mark.evidence.shotId) } : {}),
          },
        }
      : mark;
  }
  const audit: Audit = { ...plan.audit, id: auditId, rubric: { ...plan.audit.rubric, marks } };
  const steps: Step[] = plan.steps.map((s) => ({
    ...s,
    id: step(s.id),
    auditId,
    findings: s.findings.map((f) => ({
      ...f,
      id: newId('fnd'),
      evidence: f.evidence ? { ...f.evidence, shotId: shot(f.evidence.shotId) } : null,
    })),
  }));
  const screenshots: Screenshot[] = plan.screenshots.map((s) => ({
    ...s,
    id: shot(s.id),
    auditId,
    stepId: step(s.stepId),
  }));
  const images = new Map([...plan.images].map(([id, image]) => [shot(id), image]));
  const attachmentIds = new Map(plan.attachments.map((a) => [a.id, newId('att')]));
  const attachmentId = (id: string): string => attachmentIds.get(id) ?? id;
  const attachments = plan.attachments.map((a) => ({ ...a, id: attachmentId(a.id), auditId, stepId: step(a.stepId) }));
  const attachmentFiles = new Map([...plan.attachmentFiles].map(([id, bytes]) => [attachmentId(id), bytes]));
  // A probe on a step the file does not have keeps no step (validation refuses such a file anyway).
  const probes = plan.probes.map((p) => ({
    ...p,
    id: newId('prb'),
    auditId,
    stepId: p.stepId === null ? null : (stepIds.get(p.stepId) ?? null),
  }));
  return { ...plan, audit, steps, screenshots, images, attachments, attachmentFiles, probes };
}
