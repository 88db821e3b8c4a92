// Every message between the panel, the service worker and the content script, typed in one place.
// One enum per direction (as Dark Reader does), so a handler can only receive what its side sends.
import type { CoverVerdict, PixelBox } from './domain/cover-check.ts';
import type { PeakendError } from './domain/errors.ts';
import type { AuditId, CaptureState, ShotId, SkippedFrame, StepId, StepSignals, Viewport } from './domain/model.ts';

/** Panel (or any extension page) -> service worker. */
export enum ToWorker {
  DescribeTarget = 'worker/describe-target',
  StartAudit = 'worker/start-audit',
  ResumeAudit = 'worker/resume-audit',
  PauseAudit = 'worker/pause-audit',
  LogStep = 'worker/log-step',
  Capture = 'worker/capture',
  PreviewMask = 'worker/preview-mask',
  KeepText = 'worker/keep-text',
  FullPage = 'worker/full-page',
  /** A probe was written: the worker (re)sets or clears its alarm from what is stored. */
  ArmProbe = 'worker/arm-probe',
}

/** Service worker -> panel: a change the panel should re-read from the store. */
export enum ToPanel {
  AuditChanged = 'panel/audit-changed',
}

/** Service worker -> content script. */
export enum ToContent {
  Mask = 'content/mask',
  Unmask = 'content/unmask',
  PreviewMask = 'content/preview-mask',
  FlushSignals = 'content/flush-signals',
  FullPage = 'content/full-page',
}

/** Content script -> service worker. */
export enum FromContent {
  Hello = 'content/hello',
  Signals = 'content/signals',
}

/**
 * Service worker -> its offscreen document, through the document's client (postMessage, so the
 * JPEG's bytes are copied once, not serialised as text): work a service worker has no API for.
 */
export enum ToOffscreen {
  MakeThumbnail = 'offscreen/make-thumbnail',
  CheckCovers = 'offscreen/check-covers',
}

/** Offscreen document -> service worker. */
export enum FromOffscreen {
  Thumbnail = 'offscreen/thumbnail',
  Verdict = 'offscreen/verdict',
}

export interface TargetDescription {
  url: string;
  title: string;
  viewport: Viewport;
  browser: string;
  locale: string;
  device: string;
  capturable: boolean;
}

export interface NewAuditDraft {
  site: string;
  scenario: string;
  auditor: string;
  successCriterion: string;
  templateId: string;
  templateVersion: number;
  /** The panel's language, kept on the audit as its report's default language. */
  language?: string;
}

export interface CaptureResult {
  stepId: StepId;
  shotId: ShotId | null;
  capture: CaptureState;
}

/** A cover's field box in CSS px of the top viewport. */
export interface CoverBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MaskReport {
  frames: number;
  fields: number;
  /** From the top frame: the addresses of iframes wholly outside the viewport (not used to plan the wait). */
  offscreenFrames?: string[];
  /** A child frame wholly outside the top-level viewport: not in the capture, so not awaited. */
  outside?: boolean;
  /** The covered fields' boxes in CSS px of the top viewport; the captured image is checked against them. */
  boxes?: CoverBox[];
  /** Covers whose place in the top viewport a frame could not learn (its parent never said in time). */
  unplaced?: number;
  /** The top viewport's size in CSS px: the image's pixels per CSS px are its width over this. */
  viewport?: { width: number; height: number; devicePixelRatio: number };
  /** Frames whose covers were not seen painted in time: a capture now could show the fields. */
  unpainted?: number;
  /** The top page never answered (busy or hung): nothing on it is known to be covered. */
  pageSilent?: boolean;
  /** Addresses of frames in the capture that loaded but never answered: their fields may be bare. */
  silentFrames?: string[];
  /** Frames the capture did not wait for, and why. */
  skippedFrames?: SkippedFrame[];
  /** One frame's answer: when each part of its covering ended, in ms from its start (for the bench). */
  phases?: Record<string, number>;
}

export interface UnmaskReport {
  /** Fields added, or found outside their covers, between the scan and the covers' removal. */
  changed: number;
}

/**
 * Why a full-page capture stored nothing; the step and its other screenshots are untouched.
 * - not-scrollable: nothing below the fold, or the page scrolls inside a box of its own
 * - height-changed: the page grew or shrank while its slices were taken
 * - left-page / tab-closed: the tab moved on or closed mid-capture
 * - other-page: the tab shows another page than the step's
 * - not-visible / uncapturable / mask-not-painted / unverified / failed: as for a one-viewport capture
 */
export type FullPageFailure =
  | 'no-step'
  | 'other-page'
  | 'uncapturable'
  | 'not-visible'
  | 'not-scrollable'
  | 'height-changed'
  | 'left-page'
  | 'tab-closed'
  | 'mask-not-painted'
  | 'unverified'
  | 'failed';

export type FullPageResult =
  | { ok: true; stepId: StepId; shotId: ShotId; width: number; height: number; cut: boolean; slices: number }
  | { ok: false; error: PeakendError };

/** What the worker asks of the page around a full-page capture. */
export type FullPageOp =
  /** Where the page is and how tall; remembered by the worker to put it back. */
  | { kind: 'measure' }
  /** Scrolls through the page once (lazy content loads), up to `limit` CSS px, then back to the top. */
  | { kind: 'lazy-pass'; limit: number }
  /** Scrolls to `y`; from the second slice on, fixed and sticky elements are hidden (`hideFixed`). */
  | { kind: 'scroll'; y: number; hideFixed: boolean }
  /** Shows the hidden elements again and scrolls back to where the auditor was. */
  | { kind: 'restore'; x: number; y: number };

export interface PageScroll {
  x: number;
  y: number;
  pageHeight: number;
  viewWidth: number;
  viewHeight: number;
  /** devicePixelRatio (zoom included): what a capture's pixels are per CSS pixel. */
  scale: number;
}

/**
 * Text the auditor typed that the panel had not saved when it closed. A closing page cannot finish
 * an IndexedDB read-then-write, so the worker, which outlives it, writes the text.
 */
export type KeptText =
  | { kind: 'step-note'; stepId: StepId; text: string }
  | { kind: 'criterion-comment'; auditId: AuditId; criterionId: string; text: string }
  | { kind: 'mask-selectors'; auditId: AuditId; text: string };

/** Request and response of each panel -> worker message. */
export interface WorkerApi {
  [ToWorker.DescribeTarget]: { req: { windowId: number | null }; res: TargetDescription };
  [ToWorker.StartAudit]: { req: { windowId: number | null; draft: NewAuditDraft }; res: { auditId: AuditId } };
  [ToWorker.ResumeAudit]: { req: { windowId: number | null; auditId: AuditId }; res: { auditId: AuditId } };
  [ToWorker.PauseAudit]: { req: { auditId: AuditId }; res: { auditId: AuditId } };
  [ToWorker.LogStep]: { req: { windowId: number | null; auditId: AuditId }; res: CaptureResult };
  [ToWorker.Capture]: { req: { windowId: number | null; auditId: AuditId; stepId: StepId | null }; res: CaptureResult };
  [ToWorker.PreviewMask]: { req: { windowId: number | null; auditId: AuditId; on: boolean }; res: MaskReport };
  [ToWorker.KeepText]: { req: { kept: KeptText }; res: null };
  [ToWorker.FullPage]: {
    req: { windowId: number | null; auditId: AuditId; stepId: StepId | null };
    res: FullPageResult;
  };
  /** `dueAt`: when the alarm rings (UTC ms), or null when the probe needs none. */
  [ToWorker.ArmProbe]: { req: { probeId: string }; res: { dueAt: number | null } };
}

// Distributive, so WorkerRequest (no argument) is the union of every request, each with its own fields.
export type WorkerRequest<K extends ToWorker = ToWorker> = K extends ToWorker
  ? { type: K } & WorkerApi[K]['req']
  : never;
export type WorkerResponse<K extends ToWorker = ToWorker> =
  { ok: true; value: WorkerApi[K]['res'] } | { ok: false; error: PeakendError };

export type PanelEvent = { type: ToPanel.AuditChanged; auditId: AuditId; stepId: StepId | null };

export interface ContentApi {
  /**
   * `text`: cover e-mails, phones and card numbers the page shows as text too. `round`: a fresh
   * random nonce per mask round, with which frames tell cross-origin children where they sit.
   */
  [ToContent.Mask]: {
    /** `frames`: painted frames to wait for before answering (1 or 2; 2 when absent). */
    req: { selectors: string[]; text: boolean; round?: string; frames?: number };
    res: MaskReport;
  };
  [ToContent.Unmask]: { req: Record<never, never>; res: { removed: number } & UnmaskReport };
  [ToContent.PreviewMask]: { req: { selectors: string[]; text: boolean; on: boolean }; res: MaskReport };
  [ToContent.FlushSignals]: { req: Record<never, never>; res: { signals: StepSignals | null } };
  [ToContent.FullPage]: { req: { op: FullPageOp }; res: PageScroll };
}

export type ContentRequest<K extends ToContent = ToContent> = K extends ToContent
  ? { type: K } & ContentApi[K]['req']
  : never;

export type ContentEvent =
  { type: FromContent.Hello } | { type: FromContent.Signals; url: string; signals: StepSignals; headings: string };

/** The worker's answer to Hello: observe only the audited tab; other tabs stay quiet. */
export interface HelloAnswer {
  observe: boolean;
}

/** Whether the worker stored a batch of signals (it drops those of a page with no step yet, or of a paused audit). */
export interface SignalsAnswer {
  filed: boolean;
}

export function isContentEvent(value: unknown): value is ContentEvent {
  const type = (value as { type?: unknown } | null)?.type;
  return type === FromContent.Hello || type === FromContent.Signals;
}

export function isWorkerRequest(value: unknown): value is WorkerRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(ToWorker).includes((value as { type?: unknown }).type as ToWorker)
  );
}

export function isPanelEvent(value: unknown): value is PanelEvent {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === ToPanel.AuditChanged;
}

export interface ThumbnailRequest {
  type: ToOffscreen.MakeThumbnail;
  /** Random: the document outlives worker instances, and an answer must not reach a later request. */
  id: string;
  bytes: Uint8Array<ArrayBuffer>;
  mime: string;
  width: number;
  height: number;
}

/** The thumbnail, or why there is none (the worker then draws it itself). */
export type ThumbnailAnswer = { type: FromOffscreen.Thumbnail; id: string } & (
  { thumb: Blob; timing?: Record<string, number> } | { thumb: null; error: string }
);

/** The covers' boxes (in image pixels) to find in the captured image, before it may be stored. */
export interface CheckRequest {
  type: ToOffscreen.CheckCovers;
  /** Random, as a thumbnail request's. */
  id: string;
  bytes: Uint8Array<ArrayBuffer>;
  mime: string;
  boxes: PixelBox[];
}

/** The covers' verdict, or why there is none (the worker then checks the image itself). */
export type CheckAnswer = { type: FromOffscreen.Verdict; id: string } & (
  { verdict: CoverVerdict; timing?: Record<string, number> } | { verdict: null; error: string }
);

export type OffscreenRequest = ThumbnailRequest | CheckRequest;
export type OffscreenAnswer = ThumbnailAnswer | CheckAnswer;

export function isOffscreenRequest(value: unknown): value is OffscreenRequest {
  const v = value as { type?: unknown; id?: unknown; bytes?: unknown; boxes?: unknown } | null;
  if (typeof v?.id !== 'string' || !(v.bytes instanceof Uint8Array)) return false;
  return v.type === ToOffscreen.MakeThumbnail || (v.type === ToOffscreen.CheckCovers && Array.isArray(v.boxes));
}

export function isOffscreenAnswer(value: unknown): value is OffscreenAnswer {
  const v = value as { type?: unknown; id?: unknown; thumb?: unknown; verdict?: { ok?: unknown } | null } | null;
  if (typeof v?.id !== 'string') return false;
  if (v.type === FromOffscreen.Thumbnail) return v.thumb === null || v.thumb instanceof Blob;
  return v.type === FromOffscreen.Verdict && (v.verdict === null || typeof v.verdict?.ok === 'boolean');
}
