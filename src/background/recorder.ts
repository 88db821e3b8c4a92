// Records steps and their screenshots. Every fact goes to IndexedDB before the next await that could
// outlive the worker, so a stopped worker loses at most a screenshot in flight (or the thumbnail of
// one stored: the panel then shows the screenshot itself), never a step.
import browser from 'webextension-polyfill';
import { captureReason, PeakendFailure } from '../domain/errors.ts';
import { createScreenshot } from '../domain/factories.ts';
import type { Audit, CaptureState, SkippedFrame, Step, StepTrigger } from '../domain/model.ts';
import { thumbSize } from '../domain/thumbnail.ts';
import { withoutHash } from '../domain/urls.ts';
import type { CaptureResult, MaskReport, UnmaskReport } from '../protocol.ts';
import type { CoverVerdict } from '../domain/cover-check.ts';
import {
  addScreenshot,
  addStep,
  addThumbnail,
  getActive,
  getAudit,
  getStep,
  lastStep,
  listSteps,
  openPeakendDb,
  setActive,
  setStepCapture,
  type PeakendDb,
} from '../store/index.ts';
import { fromBrowserError } from './browser-errors.ts';
import { uncapturableReason } from './capture/capturable.ts';
import { readCapture, type CapturedJpeg, type CoverCheck } from './capture/image.ts';
import { checkCapture, findThumbnailer, makeThumbnail, openThumbnailer } from './capture/thumbnailer.ts';
import { masker } from './capture/masking.ts';
import { markPhase, startPhases } from './capture/phases.ts';
import { maskRefusal, type RefusalDetails } from './capture/refusal.ts';
import { CaptureQueue } from './capture/queue.ts';
import { notifyAfterAnswer, notifyAuditChanged } from './notify.ts';
import { mainDocument, ownOrigin, resolveTab, type AuditedTab } from './target.ts';
import { suggestStageFor } from './stages.ts';

export const captureQueue = new CaptureQueue();

/** How long a Log step's new step may wait for its screenshot before the panel is told of it alone. */
const EARLY_NOTICE_MS = 150;

const nowIso = () => new Date().toISOString();

export async function requireRunningAudit(db: PeakendDb, auditId: string): Promise<Audit> {
  const audit = await getAudit(db, auditId);
  if (!audit) throw new PeakendFailure({ code: 'audit-missing', auditId });
  if (audit.status !== 'running') throw new PeakendFailure({ code: 'audit-not-running', auditId });
  return audit;
}

/** A new step for the page the auditor is on, with a screenshot. */
export async function logStep(auditId: string, windowId: number | null, trigger: StepTrigger): Promise<CaptureResult> {
  startPhases();
  const db = await openPeakendDb();
  const [audit, tab, active] = await Promise.all([
    requireRunningAudit(db, auditId),
    resolveTab(windowId),
    getActive(db),
  ]);
  markPhase('read');
  const follow =
    active?.auditId === auditId && active.tabId === tab.id && active.windowId === tab.windowId
      ? null
      : setActive(db, { auditId, tabId: tab.id, windowId: tab.windowId });
  // The step is written while the page is masked and captured: the two do not wait for each other.
  const url = tab.url ?? '';
  const stepWritten = stepInitFor(db, audit, url, tab.title ?? '', trigger).then((init) =>
    addStep(db, auditId, init, nowIso()).finally(() => markPhase('step-written')),
  );
  const shot = uncapturableReason(url, ownOrigin()) ? null : shoot(audit, url, tab, 0);
  const [step] = await Promise.all([stepWritten, follow]);
  // The panel re-reads and renders on each notice, and on two cores that slows the capture under way
  // (measured: 7 ms of a 54 ms Log step). So the panel hears when the screenshot is in (and again
  // when its thumbnail is); only a capture held back (the browser allows two a second) lets the step
  // show first.
  const early = setTimeout(() => notifyAuditChanged(auditId, step.id), EARLY_NOTICE_MS);
  try {
    const result = await captureStep(db, audit, step, tab, shot ?? undefined);
    markPhase('answer');
    return result;
  } catch (error) {
    // The step is stored: it says why it has no screenshot rather than staying "capturing".
    await fail(db, step, { status: 'failed', reason: captureReason(fromBrowserError(error)) }).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(early);
  }
}

/** Another screenshot for a step (the last one when none is given). */
export async function captureAgain(
  auditId: string,
  windowId: number | null,
  stepId: string | null,
): Promise<CaptureResult> {
  const db = await openPeakendDb();
  const audit = await requireRunningAudit(db, auditId);
  const steps = await listSteps(db, auditId);
  const step = stepId ? await getStep(db, stepId) : steps[steps.length - 1];
  if (!step) return logStep(auditId, windowId, 'manual');
  const tab = await resolveTab(windowId);
  return captureStep(db, audit, step, tab);
}

export async function stepInitFor(db: PeakendDb, audit: Audit, url: string, title: string, trigger: StepTrigger) {
  const previous = await lastStep(db, audit.id);
  return { url, title, trigger, stage: await suggestStageFor(db, audit, url, title, previous?.stage ?? null) };
}

async function fail(db: PeakendDb, step: Step, capture: CaptureState): Promise<CaptureResult> {
  await setStepCapture(db, step.id, capture, nowIso());
  notifyAfterAnswer(step.auditId, step.id);
  return { stepId: step.id, shotId: null, capture };
}

/**
 * Captures a step (or stores the capture already under way in `pending`, started before the step
 * was written; it settles to the shot or to the error taking it threw). Refusals and failures are
 * stored on the step with their reason.
 */
export async function captureStep(
  db: PeakendDb,
  audit: Audit,
  step: Step,
  tab: AuditedTab,
  pending?: Promise<unknown>,
): Promise<CaptureResult> {
  const url = tab.url ?? step.url;
  const reason = uncapturableReason(url, ownOrigin());
  if (reason) return fail(db, step, { status: 'uncapturable', reason });
  // Looked up while the page is masked and captured.
  const thumbnailer = findThumbnailer();
  let outcome = await (pending ?? shoot(audit, step.url, tab, 0));
  for (let attempt = 1; ; attempt++) {
    if (!isShot(outcome)) return failed(db, step, outcome);
    const taken = outcome;
    // The covers are checked in the image's pixels while the bytes are hashed and the tab is asked
    // whether it still shows the masked document; the thumbnail waits until the screenshot is stored.
    const image = readCapture(taken.dataUrl);
    const checking = checkCapture(image, thumbnailer, taken.check).catch(() => false as const);
    const [facts, samePage, verdict, unmasked] = await Promise.all([
      image.facts.finally(() => markPhase('hashed')),
      taken.samePage.finally(() => markPhase('same-page')),
      checking.finally(() => markPhase('checked')),
      taken.unmasked.finally(() => markPhase('unmasked')),
    ]);
    if (!samePage) return fail(db, step, { status: 'failed', reason: 'left-page' });
    // Nothing unverified is stored: an image whose covers are not all black in its own pixels, or
    // taken while a field was added or moved, is taken again (see ATTEMPTS), and after the last such
    // image the step keeps no screenshot and says why.
    if (!verified(taken, verdict, unmasked.changed)) {
      if (attempt >= ATTEMPTS.length) return fail(db, step, { status: 'failed', reason: 'unverified' });
      outcome = await shoot(audit, step.url, tab, attempt);
      continue;
    }
    return store(db, audit, step, taken, image, facts, thumbnailer);
  }
}

/**
 * Takes a masked capture in the queue (attempt `n` of ATTEMPTS, from 0); settles to the shot or to the
 * error taking it threw.
 */
function shoot(audit: Audit, pageUrl: string, tab: AuditedTab, n: number): Promise<unknown> {
  const way = ATTEMPTS[Math.min(n, ATTEMPTS.length - 1)]!;
  return captureQueue
    .run(() => takeMaskedShot(audit, pageUrl, tab, { readbackRetry: true, frames: way.frames, settle: way.settle }), {
      gap: way.gap,
    })
    .catch((error: unknown) => error);
}

/**
 * Whether the image may be stored: every placed cover is black in it, and no field came or moved.
 * `verdict` false: the check itself failed.
 */
function verified(taken: Shot, verdict: CoverVerdict | null | false, changed: number): boolean {
  if (!taken.check) return true;
  if (changed > 0) return false;
  if (taken.check.boxes.length === 0) return true;
  return verdict === null || (verdict !== false && verdict.ok);
}

function failed(db: PeakendDb, step: Step, error: unknown): Promise<CaptureResult> {
  if (error instanceof CaptureSkipped)
    return fail(db, step, { status: 'failed', reason: error.reason, ...error.details });
  const code = fromBrowserError(error);
  // The browser refuses some pages only at capture time (PDF viewer, pages opened before install).
  const status = code.code === 'capture-forbidden-page' ? 'uncapturable' : 'failed';
  return fail(db, step, { status, reason: captureReason(code) });
}

async function store(
  db: PeakendDb,
  audit: Audit,
  step: Step,
  taken: Shot,
  image: CapturedJpeg,
  facts: { width: number; height: number; sha256: string },
  thumbnailer: Promise<Client | null>,
): Promise<CaptureResult> {
  const shot = createScreenshot({
    auditId: audit.id,
    stepId: step.id,
    takenAt: nowIso(),
    mime: image.full.type,
    width: facts.width,
    height: facts.height,
    bytes: image.full.size,
    sha256: facts.sha256,
    ...thumbSize(facts.width, facts.height),
    thumbBytes: 0,
    masked: audit.masking,
    maskedFields: taken.maskedFields,
  });
  // The step's record names the frames the capture went ahead without.
  const capture: CaptureState & { status: 'ok' } = taken.skippedFrames.length
    ? { status: 'ok', skippedFrames: taken.skippedFrames }
    : { status: 'ok' };
  markPhase('store');
  await addScreenshot(db, shot, image.full, null, nowIso(), capture);
  markPhase('stored');
  notifyAfterAnswer(audit.id, step.id);
  // The thumbnail follows the Log step's answer: nothing of it has to be in before the step is
  // stored (until it is, the panel shows the screenshot itself), and the panel hears again once it
  // is. One that cannot be drawn or stored (a full disk) leaves the screenshot as it is: the panel
  // shows the screenshot itself, as for a thumbnail lost with a stopped worker.
  void makeThumbnail(image, thumbnailer)
    .then((made) => addThumbnail(db, shot.id, made.thumb))
    .then(
      (added) => {
        markPhase('thumbnail-stored');
        if (added) notifyAuditChanged(audit.id, step.id);
      },
      () => undefined,
    )
    .finally(() => {
      // Opened for the captures to come, unless one is already queued (a burst of Log steps).
      if (captureQueue.size === 0) openThumbnailer();
    });
  return { stepId: step.id, shotId: shot.id, capture };
}

/** Pixels of a masked page; `samePage` settles once the tab is known to still show the document masked. */
interface Shot {
  dataUrl: string;
  maskedFields: number;
  skippedFrames: SkippedFrame[];
  samePage: Promise<boolean>;
  /** The covers to find in the pixels; null when masking is off. */
  check: CoverCheck | null;
  /** Settles once the covers are gone, with how many fields came or moved while they were up. */
  unmasked: Promise<UnmaskReport>;
}

/**
 * How each attempt at a masked capture is taken; after the last refused image the step is stored
 * without one. The first capture is taken one painted frame after the covers went up: most images
 * then have them (measured: about 98 in 100, docs/performance.md), and the pixel check refuses the
 * others. A refused first image is taken again at once, two frames after new covers, as every first
 * image was before; the browser's quota (two captures a second) usually allows it, and a quota error
 * is waited out by the queue. The last attempt holds the covers up longer first (SETTLE_MS).
 * (Asking for the capture as soon as the covers are in the DOM, with no painted frame, was measured
 * too: no faster at the median, and about one first image in six refused.)
 */
const ATTEMPTS: ReadonlyArray<{ frames: number; settle: boolean; gap: boolean }> = [
  { frames: 1, settle: false, gap: true },
  { frames: 2, settle: false, gap: false },
  { frames: 2, settle: true, gap: true },
];
/**
 * Before a second attempt the page is given this long with its covers up: a page that repaints a heavy
 * background every frame can keep the browser presenting frames older than the covers (issue 18 saw
 * covers on screen for 360 ms and absent from the image, in headless Chromium without a GPU).
 */
const SETTLE_MS = 400;

interface ShotOptions {
  /** A transient readback failure is retried once. */
  readbackRetry: boolean;
  /** Painted frames each frame of the page waits for after putting its covers up. */
  frames: number;
  /** The last attempt after failed checks: the covers stay up longer before the capture. */
  settle: boolean;
}

function isShot(value: unknown): value is Shot {
  return typeof (value as { dataUrl?: unknown } | null)?.dataUrl === 'string';
}

/**
 * Masks, captures and unmasks one page. The capture is pinned to the document that was masked: if the
 * tab swapped documents meanwhile, the pixels may show an unmasked page, so they are thrown away.
 * A transient readback failure (the compositor mid-swap) is retried once.
 */
async function takeMaskedShot(audit: Audit, pageUrl: string, tab: AuditedTab, options: ShotOptions): Promise<Shot> {
  // The tab is checked while the page is masked rather than before: the check and the covers take a
  // round trip each, and a failed check only costs taking the covers away again.
  markPhase('mask');
  const checked = Promise.all([browser.tabs.get(tab.id), mainDocument(tab.id)]).finally(() => markPhase('tab-checked'));
  const masking: Promise<MaskReport> = (
    audit.masking ? masker().mask(tab.id, audit, options.frames) : Promise.resolve({ fields: 0, frames: 0 })
  ).finally(() => markPhase('masked'));
  const [checkedOutcome, maskOutcome] = await Promise.allSettled([checked, masking]);
  const unmask = () => {
    if (audit.masking)
      void masker()
        .unmask(tab.id)
        .catch(() => undefined);
  };
  // Whichever failed, no covers stay on the auditor's page.
  if (checkedOutcome.status === 'rejected' || maskOutcome.status === 'rejected') {
    unmask();
    throw checkedOutcome.status === 'rejected' ? checkedOutcome.reason : (maskOutcome as PromiseRejectedResult).reason;
  }
  const [current, documentId] = checkedOutcome.value;
  const mask = maskOutcome.value;
  if (!current.active) {
    unmask();
    throw new CaptureSkipped('not-visible');
  }
  // Waiting in the queue, the tab may have moved on: never file one page's pixels under another.
  if (withoutHash(current.url ?? '') !== withoutHash(pageUrl)) {
    unmask();
    throw new CaptureSkipped('left-page');
  }
  // Covers that were not seen on screen may not be in the pixels: no capture rather than an unmasked
  // one. A page being left answers nothing either: that step says it was left.
  const refusal = maskRefusal(mask);
  if (refusal) {
    unmask();
    if ((await mainDocument(tab.id)) !== documentId) throw new CaptureSkipped('left-page');
    throw new CaptureSkipped(refusal.reason, refusal.details);
  }
  if (options.settle && mask.fields > 0) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  let dataUrl: string;
  try {
    markPhase('capture');
    dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality: audit.jpegQuality });
    markPhase('captured');
  } catch (error) {
    const transient = fromBrowserError(error).code === 'capture-readback-failed';
    if (options.readbackRetry && transient && (await mainDocument(tab.id)) === documentId) {
      unmask();
      await new Promise((resolve) => setTimeout(resolve, 150));
      return takeMaskedShot(audit, pageUrl, tab, { ...options, readbackRetry: false });
    }
    unmask();
    if ((await mainDocument(tab.id)) !== documentId) throw new CaptureSkipped('left-page');
    throw error;
  }
  // The covers go at once, while the pixels are checked and processed; each frame first measures
  // its fields again (a field that moved or came under the covers' watch invalidates the image).
  const unmasked: Promise<UnmaskReport> = audit.masking
    ? masker()
        .unmask(tab.id)
        .catch(() => ({ changed: 0 }))
    : Promise.resolve({ changed: 0 });
  return {
    dataUrl,
    maskedFields: mask.fields,
    skippedFrames: mask.skippedFrames ?? [],
    samePage: mainDocument(tab.id).then((now) => now === documentId),
    check: audit.masking ? { boxes: mask.boxes ?? [], viewportWidth: mask.viewport?.width ?? 0 } : null,
    unmasked,
  };
}

class CaptureSkipped extends Error {
  constructor(
    readonly reason: string,
    readonly details: RefusalDetails = {},
  ) {
    super(reason);
  }
}
