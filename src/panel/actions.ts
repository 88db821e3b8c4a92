// Every change the panel makes, in one place: views render and ask, these write. A change goes to
// the store directly (the panel's own edits) or to the worker (recording, which owns the tab, and
// text a closing panel cannot finish writing); where one needs both (deleting or replacing a
// running audit, ending a journey), the order lives here.
// Each write is stamped with the time it was asked for here, so no view reads the clock for it.
import { useMemo } from 'preact/hooks';
import type { ImportPlan } from '../domain/import/index.ts';
import type {
  Audit,
  AuditId,
  CriterionMark,
  EndSurvey,
  Step,
  StepId,
  StepPatch,
  TouchpointScenario,
} from '../domain/model.ts';
import { PeakendFailure } from '../domain/errors.ts';
import type { ProgrammeIdentity, ReviewAction } from '../domain/review.ts';
import { programmeRefFor } from '../domain/programme-view/ref.ts';
import type { JourneyTemplate } from '../domain/templates.ts';
import type { TemplateDraft } from '../domain/template-draft.ts';
import { t, type Language } from '../i18n/t.ts';
import {
  ToWorker,
  type CaptureResult,
  type FullPageResult,
  type KeptText,
  type MaskReport,
  type NewAuditDraft,
} from '../protocol.ts';
import {
  changeReview,
  deleteAudit,
  duplicateAsPlan,
  getProgrammeIdentity,
  importAudit,
  listAudits,
  patchAudit,
  patchStep,
  saveTemplate,
  setProgrammeIdentity,
  updateCriterionMark,
  type ClashChoice,
  type ImportOutcome,
} from '../store/index.ts';
import type { PanelBackend } from './backend.ts';
import { useBackend } from './context.ts';
import { chooseLanguage } from './language.ts';
import { probeActions, type ProbeActions } from './probe-actions.ts';
import { touchpointActions, type TouchpointActions } from './touchpoint-actions.ts';

export type { ClashChoice, ImportOutcome };

/** The per-audit privacy settings the auditor changes from the panel. */
export type PrivacyPatch = Partial<Pick<Audit, 'masking' | 'maskSelectors' | 'maskText' | 'jpegQuality'>>;

export interface ImportChoice {
  /** What to do about an audit with the same id (from the clash dialog); none when there is none. */
  onClash?: ClashChoice;
  /** The audit it clashes with, as the dialog showed it. */
  existing?: Audit;
  /** Small images by screenshot id, made in the page (the full image stands in for a missing one). */
  thumbs?: ReadonlyMap<string, Blob>;
}

export interface PanelActions extends TouchpointActions, ProbeActions {
  // ---- recording, through the worker ------------------------------------------------------------
  startAudit(draft: NewAuditDraft): Promise<{ auditId: AuditId }>;
  resume(auditId: AuditId): Promise<unknown>;
  pause(auditId: AuditId): Promise<unknown>;
  logStep(auditId: AuditId): Promise<CaptureResult>;
  /** A screenshot of the tab, for `stepId` (null: the newest step). */
  capture(auditId: AuditId, stepId: StepId | null): Promise<CaptureResult>;
  /** The step's whole page, scrolled and stitched, as one more screenshot. */
  fullPage(auditId: AuditId, stepId: StepId | null): Promise<FullPageResult>;
  /** Shows (or hides) in the tab what masking would cover; nothing is stored. */
  previewMask(auditId: AuditId, on: boolean): Promise<MaskReport>;
  /** Text typed but not yet saved when the panel closes: the worker outlives the page and writes it. */
  keepText(kept: KeptText): Promise<unknown>;
  // ---- the auditor's edits, to the store --------------------------------------------------------
  editStep(stepId: StepId, patch: StepPatch): Promise<Step>;
  setAutoSteps(auditId: AuditId, on: boolean): Promise<Audit>;
  setPrivacy(auditId: AuditId, patch: PrivacyPatch): Promise<Audit>;
  /** The audit's touchpoint scenario (METHOD.md), which weights the Immersion index; null: none. */
  setTouchpointScenario(auditId: AuditId, scenario: TouchpointScenario | null): Promise<Audit>;
  /** Changes one criterion's mark as read in the same transaction (see updateCriterionMark). */
  markCriterion(auditId: AuditId, criterionId: string, apply: (prev: CriterionMark) => CriterionMark): Promise<Audit>;
  /**
   * Stores the journey-end survey. `end` also ends the audit (pausing a running one first, so the
   * recorder stops following the tab) and keeps an endedAt already set.
   */
  saveSurvey(audit: Audit, answers: EndSurvey, end: boolean): Promise<Audit>;
  // ---- the library ------------------------------------------------------------------------------
  /** A blank name keeps the current one. */
  rename(audit: Audit, name: string): Promise<Audit>;
  /** Deletes the audit with everything it holds; a running one is paused first. */
  remove(audit: Audit): Promise<void>;
  duplicateAsPlan(auditId: AuditId): Promise<Audit>;
  /**
   * Puts the audit in the programme named `name` (the id of a stored programme of that name, case
   * and spacing aside, else one derived from it) and wave `wave`; a blank name takes it out.
   */
  setProgramme(audit: Audit, name: string, wave: string): Promise<Audit>;
  /** Writes a checked import; replacing a running audit pauses it first. */
  importPlan(plan: ImportPlan, choice?: ImportChoice): Promise<ImportOutcome>;
  saveTemplate(draft: TemplateDraft): Promise<JourneyTemplate>;
  // ---- programmes -------------------------------------------------------------------------------
  /** Takes a review action on a programme audit as the stored programme identity. */
  review(auditId: AuditId, action: ReviewAction, comment?: string): Promise<Audit>;
  /** Stores who this person is in programmes (name and role). */
  setIdentity(identity: ProgrammeIdentity): Promise<void>;
  // ---- the panel itself -------------------------------------------------------------------------
  /** Stores the panel's language (null: the browser's) and switches to it at once. */
  chooseLanguage(language: Language | null): Promise<void>;
}

export function panelActions(backend: PanelBackend, now: () => string = () => new Date().toISOString()): PanelActions {
  const db = () => backend.db();
  // Best effort: an audit that is not recording (or a worker that is gone) needs no pausing.
  const pauseQuietly = (auditId: AuditId) =>
    backend.request(ToWorker.PauseAudit, { auditId }).then(
      () => undefined,
      () => undefined,
    );
  return {
    ...touchpointActions(db, now),
    ...probeActions(db, backend, now),
    startAudit: (draft) => backend.request(ToWorker.StartAudit, { windowId: backend.windowId(), draft }),
    resume: (auditId) => backend.request(ToWorker.ResumeAudit, { windowId: backend.windowId(), auditId }),
    pause: (auditId) => backend.request(ToWorker.PauseAudit, { auditId }),
    logStep: (auditId) => backend.request(ToWorker.LogStep, { windowId: backend.windowId(), auditId }),
    capture: (auditId, stepId) => backend.request(ToWorker.Capture, { windowId: backend.windowId(), auditId, stepId }),
    fullPage: (auditId, stepId) =>
      backend.request(ToWorker.FullPage, { windowId: backend.windowId(), auditId, stepId }),
    keepText: (kept) => backend.request(ToWorker.KeepText, { kept }),
    previewMask: (auditId, on) => backend.request(ToWorker.PreviewMask, { windowId: backend.windowId(), auditId, on }),

    editStep: async (stepId, patch) => patchStep(await db(), stepId, patch, now()),
    setAutoSteps: async (auditId, on) => patchAudit(await db(), auditId, { autoSteps: on }, now()),
    setPrivacy: async (auditId, patch) => patchAudit(await db(), auditId, patch, now()),
    setTouchpointScenario: async (auditId, scenario) =>
      patchAudit(await db(), auditId, { touchpoint: scenario }, now()),
    markCriterion: async (auditId, criterionId, apply) =>
      updateCriterionMark(await db(), auditId, criterionId, apply, now()),
    async saveSurvey(audit, answers, end) {
      if (end && audit.status === 'running') await backend.request(ToWorker.PauseAudit, { auditId: audit.id });
      const at = now();
      const endSurvey = { ...answers };
      return patchAudit(
        await db(),
        audit.id,
        end ? { endSurvey, status: 'ended', endedAt: audit.endedAt ?? at } : { endSurvey },
        at,
      );
    },

    rename: async (audit, name) => patchAudit(await db(), audit.id, { site: name.trim() || audit.site }, now()),
    async remove(audit) {
      if (audit.status === 'running') await pauseQuietly(audit.id);
      await deleteAudit(await db(), audit.id);
    },
    duplicateAsPlan: async (auditId) => duplicateAsPlan(await db(), auditId, now()),
    async setProgramme(audit, name, wave) {
      const store = await db();
      const known = (await listAudits(store)).flatMap((a) => (a.programme && a.id !== audit.id ? [a.programme] : []));
      const ref = programmeRefFor(name, wave, known);
      return patchAudit(store, audit.id, { programme: ref ?? undefined }, now());
    },
    async importPlan(plan, choice = {}) {
      if (choice.onClash === 'replace' && choice.existing?.status === 'running') await pauseQuietly(choice.existing.id);
      return importAudit(await db(), plan, {
        onClash: choice.onClash,
        thumbs: choice.thumbs,
        copySite: (site) => t('import_copySuffix', site),
      });
    },
    saveTemplate: async (draft) => saveTemplate(await db(), draft, now()),
    async review(auditId, action, comment = '') {
      const store = await db();
      const who = await getProgrammeIdentity(store);
      if (!who) throw new PeakendFailure({ code: 'review-no-name' });
      return changeReview(store, auditId, action, who, comment, now());
    },
    setIdentity: async (identity) => setProgrammeIdentity(await db(), identity),
    chooseLanguage: async (language) => chooseLanguage(await db(), language),
  };
}

/** The actions over the panel's backend. */
export function useActions(): PanelActions {
  const backend = useBackend();
  return useMemo(() => panelActions(backend), [backend]);
}
