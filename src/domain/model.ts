// The audit model of ../shared/METHOD.md. Pure data: no browser API, so the store, the worker,
// the panel, the report and the unit tests all share one definition.
import type { ProgrammeRef, ReviewLog } from './programme.ts';
import type { Channel, StepKind } from './touchpoints.ts';

export type AuditId = string;
export type StepId = string;
export type ShotId = string;
export type FindingId = string;

/** ISO 8601 timestamp in UTC, e.g. 2026-11-23T10:00:00.000Z. */
export type UtcIso = string;

// Each closed set of values is a const array and its type derived from it, so the import's
// checks (src/domain/import/validate.ts) and the panel's lists use the very same values.

export const AUDIT_STATUSES = ['running', 'paused', 'ended', 'plan'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

export interface Viewport {
  width: number;
  height: number;
}

/** METHOD.md "Touchpoint scenario": which elements weigh double in the Immersion index. */
export const TOUCHPOINT_SCENARIOS = [1, 2, 3, 4] as const;
export type TouchpointScenario = (typeof TOUCHPOINT_SCENARIOS)[number];

export interface EndSurvey {
  taskCompleted: boolean | null;
  /** Customer Effort Score 2.0, 1 strongly disagree ... 7 strongly agree. */
  ces: number | null;
  /** Retrospective valence, -4..+4. */
  rememberedValence: number | null;
}

export const ELEMENT_IDS = ['multisensory', 'interactive', 'participative', 'frictionless', 'storytelling'] as const;
export type ElementId = (typeof ELEMENT_IDS)[number];

export const MARKS = ['pass', 'partial', 'fail', 'na'] as const;
export type Mark = (typeof MARKS)[number];

export interface CriterionMark {
  mark: Mark | null;
  /** 1-3, default 1. */
  weight: number;
  evidence: { stepId: StepId; shotId?: ShotId } | null;
  comment: string;
  /** Set when the auditor took the extension's suggestion as it was. */
  fromSuggestion?: boolean;
}

export interface RubricMarks {
  rubricVersion: string;
  marks: Record<string, CriterionMark>;
}

/** Weights of the overall CX score (METHOD.md: 0.5 Immersion, 0.25 PE100, 0.25 Effort100). */
export interface ScoreWeights {
  immersion: number;
  peakEnd: number;
  effort: number;
}

export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = { immersion: 0.5, peakEnd: 0.25, effort: 0.25 };

export interface Audit {
  id: AuditId;
  site: string;
  scenario: string;
  successCriterion: string;
  /** Pseudonym, never a real name (METHOD.md conduct). */
  auditor: string;
  startUrl: string;
  viewport: Viewport;
  browser: string;
  locale: string;
  device: string;
  templateId: string;
  templateVersion: number;
  touchpoint: TouchpointScenario | null;
  status: AuditStatus;
  createdAt: UtcIso;
  startedAt: UtcIso | null;
  endedAt: UtcIso | null;
  updatedAt: UtcIso;
  /** Every navigation of the audited tab becomes a step while true. */
  autoSteps: boolean;
  /** Sensitive fields are covered before capture while true (on by default). */
  masking: boolean;
  /** Extra CSS selectors the auditor wants masked on top of the built-in rules. */
  maskSelectors: string[];
  /**
   * E-mails, phone numbers and card numbers the page shows as text are covered too, while masking is
   * on. Absent in audits stored or exported before the switch existed: on, as for a new audit.
   */
  maskText?: boolean;
  /** JPEG quality 0-100 of stored screenshots. */
  jpegQuality: number;
  stepCount: number;
  endSurvey: EndSurvey | null;
  rubric: RubricMarks;
  weights: ScoreWeights;
  /**
   * The language the panel spoke when the audit was created (a folder of public/_locales/, e.g.
   * "pl", "zh_TW"): its report's language unless the auditor picks another when exporting. Absent on
   * audits made before languages could be chosen.
   */
  language?: string;
  /** The report's executive summary as the auditor rewrote it; absent parts are drafted. */
  summary?: SummaryText;
  /** The programme and wave this audit is part of; absent for an audit of one's own. */
  programme?: ProgrammeRef;
  /** A shared audit's review, oldest first (src/domain/programme.ts). */
  review?: ReviewLog;
}

/** The executive summary's three parts in the auditor's words (plain text). */
export interface SummaryText {
  remembered?: string;
  problems?: string;
  keep?: string;
}
export const SUMMARY_PARTS = ['remembered', 'problems', 'keep'] as const satisfies readonly (keyof SummaryText)[];

export const STEP_TRIGGERS = ['start', 'navigation', 'history', 'manual', 'command', 'import'] as const;
export type StepTrigger = (typeof STEP_TRIGGERS)[number];

/**
 * Why a capture went ahead without waiting for a frame's covers: the browser showed its own error
 * page there (the frame's address was refused, or it refused to be framed), so it shows nothing
 * typed; or the frame lies wholly outside the viewport, so it is not in the pixels.
 */
export const FRAME_SKIP_REASONS = ['not-loaded', 'offscreen'] as const;
export type FrameSkipReason = (typeof FRAME_SKIP_REASONS)[number];

export interface SkippedFrame {
  url: string;
  reason: FrameSkipReason;
}

export type CaptureState =
  | { status: 'pending' }
  | { status: 'ok'; skippedFrames?: SkippedFrame[] }
  | { status: 'uncapturable'; reason: string }
  | {
      status: 'failed';
      reason: string;
      /** The frames that stopped the capture (reason `frame-silent`: loaded, in view, never answered). */
      frames?: string[];
      skippedFrames?: SkippedFrame[];
    };
/** Every CaptureState['status'] (test/unit/domain-values.test.ts holds the two together). */
export const CAPTURE_STATUSES = [
  'pending',
  'ok',
  'uncapturable',
  'failed',
] as const satisfies readonly CaptureState['status'][];

/** METHOD.md "The 20 emotions", in its order (src/domain/emotions.ts gives each its cluster). */
export const EMOTION_IDS = [
  'happy',
  'pleased',
  'trusting',
  'valued',
  'cared-for',
  'focused',
  'safe',
  'interested',
  'energetic',
  'stimulated',
  'exploratory',
  'indulgent',
  'irritated',
  'hurried',
  'neglected',
  'unhappy',
  'unsatisfied',
  'stressed',
  'disappointed',
  'frustrated',
] as const;
export type EmotionId = (typeof EMOTION_IDS)[number];

export interface FeltEmotion {
  emotion: EmotionId;
  /** 1-5. */
  intensity: number;
}

/** A rectangle on a screenshot, in the image's own pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Finding {
  id: FindingId;
  title: string;
  /** Nielsen 0-4. */
  severity: number;
  element: ElementId | null;
  evidence: { shotId: ShotId; rect: Rect | null } | null;
  createdAt: UtcIso;
  /** What to change, for the client; absent in audits stored before it existed. */
  recommendation?: string;
}

export const VITAL_RATINGS = ['good', 'needs-improvement', 'poor'] as const;
export type VitalRating = (typeof VITAL_RATINGS)[number];

/** What the content script observes on a step (METHOD.md "Signals"), never mixed into ratings. */
export interface StepSignals {
  clicks: number;
  rageClicks: number;
  deadClicks: number;
  fields: number;
  requiredFields: number;
  formErrors: number;
  backNavigations: number;
  lcpMs: number | null;
  cls: number | null;
  inpMs: number | null;
}

/** Who set a step's stage: the extension's suggestion, or the auditor. */
export const STAGE_SOURCES = ['suggested', 'auditor'] as const;
export type StageSource = (typeof STAGE_SOURCES)[number];

export interface Step {
  id: StepId;
  auditId: AuditId;
  /** 0-based position in the journey. */
  index: number;
  url: string;
  title: string;
  /** The step's stage, or its first (primary) one when it holds several; null: none given. */
  stage: string | null;
  stageSource: StageSource | null;
  /**
   * The further stages this same step holds besides `stage` (METHOD.md "Stage": a one-page checkout
   * is checkout-details, delivery and payment), in the auditor's order. Absent: none. Never holds
   * `stage` itself or a repeat, and is absent when `stage` is null (src/domain/step-stages.ts).
   */
  alsoStages?: string[];
  trigger: StepTrigger;
  startedAt: UtcIso;
  capture: CaptureState;
  /** Single Ease Question 1-7. */
  ease: number | null;
  /** -4..+4. */
  valence: number | null;
  /** 1-9, optional. */
  arousal: number | null;
  emotions: FeltEmotion[];
  note: string;
  findings: Finding[];
  signals: StepSignals | null;
  updatedAt: UtcIso;
  /** Absent on steps stored before touchpoints: a page. A touchpoint has url '', no screenshot, no signals. */
  kind?: StepKind;
  /** A touchpoint's channel (src/domain/touchpoints.ts). */
  channel?: Channel;
  /** When a touchpoint happened, UTC milliseconds (null: not said); `startedAt` is when it was logged. */
  occurredAt?: number | null;
}

/** Metadata of one screenshot; the pixels live apart in the blob store. */
/** Kinds of screenshot besides the one-viewport capture (which has no kind). */
export const SCREENSHOT_KINDS = ['full-page'] as const;
export type ScreenshotKind = (typeof SCREENSHOT_KINDS)[number];

export interface Screenshot {
  id: ShotId;
  auditId: AuditId;
  stepId: StepId;
  takenAt: UtcIso;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  thumbWidth: number;
  thumbHeight: number;
  thumbBytes: number;
  masked: boolean;
  /** How many fields were covered before capture (for a full page: the covers of every slice). */
  maskedFields: number;
  /** Absent for a one-viewport capture; 'full-page' for the whole page, scrolled and stitched. */
  kind?: ScreenshotKind;
  /** A full page taller than the limit: only its top was taken (`height` says how much). */
  cut?: boolean;
}

/** Editable parts of a step, as the panel patches them. */
export type StepPatch = Partial<
  Pick<
    Step,
    | 'stage'
    | 'stageSource'
    | 'alsoStages'
    | 'ease'
    | 'valence'
    | 'arousal'
    | 'emotions'
    | 'note'
    | 'findings'
    | 'title'
    | 'channel'
    | 'occurredAt'
  >
>;

export type AuditPatch = Partial<
  Pick<
    Audit,
    | 'site'
    | 'scenario'
    | 'successCriterion'
    | 'auditor'
    | 'autoSteps'
    | 'masking'
    | 'maskSelectors'
    | 'maskText'
    | 'jpegQuality'
    | 'touchpoint'
    | 'endSurvey'
    | 'rubric'
    | 'weights'
    | 'status'
    | 'startedAt'
    | 'endedAt'
    | 'templateId'
    | 'templateVersion'
    | 'summary'
    | 'programme'
  >
>;
