// A full page: scrolled a viewport at a time, each slice masked, confirmed, captured within the
// browser's 2-a-second quota and checked in its own pixels, then stitched in memory on one canvas.
// Nothing is kept of a capture that fails part way: the caller stores the stitched image or nothing.
import browser from 'webextension-polyfill';
import type { PeakendError } from '../../domain/errors.ts';
import { FULL_PAGE_MAX_CSS_PX, heightStillFits, planSlices, type SlicePlan } from '../../domain/full-page-plan.ts';
import type { Audit } from '../../domain/model.ts';
import { withoutHash } from '../../domain/urls.ts';
import { THUMB_QUALITY, thumbSize } from '../../domain/thumbnail.ts';
import { ToContent, type FullPageFailure, type FullPageOp, type PageScroll } from '../../protocol.ts';
import { fromBrowserError } from '../browser-errors.ts';
import { injectInto } from '../features/content-scripts.ts';
import { mainDocument, type AuditedTab } from '../target.ts';
import { within } from '../within.ts';
import { checkBitmap, dataUrlToBlob, sha256Hex, type CoverCheck } from './image.ts';
import { masker } from './masking.ts';
import { maskRefusal } from './refusal.ts';
import { isQuotaError } from './queue.ts';

/** A scroll answers after a frame; the lazy pass may walk 20 viewports and wait for images. */
const SCROLL_TIMEOUT_MS = 2500;
const LAZY_PASS_TIMEOUT_MS = 8000;

export class FullPageError extends Error {
  constructor(
    readonly code: FullPageFailure,
    detail?: string,
  ) {
    super(detail ?? code);
  }

  /** The code the panel words (src/domain/errors.ts). */
  asError(): PeakendError {
    return this.code === 'failed'
      ? { code: 'full-page-failed', detail: this.message }
      : { code: `full-page-${this.code}` };
  }
}

export interface FullPageShot {
  jpeg: Blob;
  thumb: Blob;
  width: number;
  height: number;
  thumbWidth: number;
  thumbHeight: number;
  sha256: string;
  cut: boolean;
  slices: number;
  maskedFields: number;
}

/** Why a step of the capture failed: the tab closed, it moved to another document, or the error itself. */
async function explain(tabId: number, documentId: string | undefined, error: unknown): Promise<FullPageError> {
  // A page that stopped answering may have been closed or left: that is said first.
  if (error instanceof FullPageError && error.code !== 'failed') return error;
  const open = await browser.tabs.get(tabId).then(
    () => true,
    () => false,
  );
  if (!open) return new FullPageError('tab-closed');
  if ((await mainDocument(tabId)) !== documentId) return new FullPageError('left-page');
  if (error instanceof FullPageError) return error;
  const code = fromBrowserError(error);
  if (code.code === 'capture-forbidden-page') return new FullPageError('uncapturable');
  return new FullPageError('failed', 'detail' in code ? code.detail : code.code);
}

/** The page's answer, from the document the capture began on only (a new one does not answer). */
async function askPage(tabId: number, documentId: string | undefined, op: FullPageOp, ms = SCROLL_TIMEOUT_MS) {
  // The polyfill hands the options to the browser as they are; its types do not know documentId (Chrome 106).
  const target = (documentId ? { documentId } : { frameId: 0 }) as { frameId?: number };
  const send = (): Promise<PageScroll | undefined> =>
    browser.tabs.sendMessage(tabId, { type: ToContent.FullPage, op }, target);
  const answer = await within(send(), ms, null);
  if (!answer || typeof answer.pageHeight !== 'number') throw new FullPageError('failed', 'the page did not answer');
  return answer;
}

/** Before a slice's second attempt its covers stay up this long (see SETTLE_MS in recorder.ts). */
const SETTLE_MS = 400;

/**
 * Takes one viewport at the current scroll position, masked, and checks its covers in its own pixels
 * (and that no field came or moved meanwhile); a slice that fails is taken once more, then the full
 * page is refused. Retried once if the quota was spent elsewhere. Returns the decoded slice.
 */
async function takeSlice(
  audit: Audit,
  tab: AuditedTab,
  pace: () => Promise<void>,
): Promise<{ bitmap: ImageBitmap; fields: number }> {
  for (let attempt = 1; ; attempt++) {
    const mask = audit.masking ? await masker().mask(tab.id, audit) : { fields: 0, frames: 0 };
    // A slice whose covers were not confirmed may show the fields: no full page rather than that. The
    // one-viewport capture's rule decides (a silent page or frame refuses too, not only late covers).
    if (maskRefusal(mask)) throw new FullPageError('mask-not-painted');
    if (attempt > 1 && mask.fields > 0) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const dataUrl = await captureSlice(audit, tab, pace);
    const [bitmap, unmasked] = await Promise.all([
      createImageBitmap(dataUrlToBlob(dataUrl)),
      audit.masking ? masker().unmask(tab.id) : { changed: 0 },
    ]);
    const check: CoverCheck = { boxes: mask.boxes ?? [], viewportWidth: mask.viewport?.width ?? 0 };
    if (!audit.masking || (unmasked.changed === 0 && (checkBitmap(bitmap, check)?.ok ?? true)))
      return { bitmap, fields: mask.fields };
    bitmap.close();
    if (attempt >= 2) throw new FullPageError('unverified');
  }
}

async function captureSlice(audit: Audit, tab: AuditedTab, pace: () => Promise<void>): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    await pace();
    try {
      return await browser.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality: audit.jpegQuality });
    } catch (error) {
      if (!isQuotaError(error) || attempt > 0) throw error;
      // Another worker instance used the quota: the next paced slot is far enough from its calls.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** The stitched image, drawn slice by slice as each is decoded (while the next one waits for the quota). */
class Stitcher {
  private canvas: OffscreenCanvas | null = null;
  private ctx: OffscreenCanvasRenderingContext2D | null = null;
  private scale = 1;
  private drawing: Promise<void> = Promise.resolve();

  constructor(
    private readonly plan: SlicePlan,
    private readonly view: PageScroll,
  ) {}

  add(bitmap: ImageBitmap, y: number): void {
    this.drawing = this.drawing
      .then(() => bitmap)
      .then((image) => {
        try {
          this.draw(image, y);
        } finally {
          image.close();
        }
      });
    // Failures surface at finish(); none is left unhandled meanwhile.
    this.drawing.catch(() => undefined);
  }

  private draw(image: ImageBitmap, y: number): void {
    if (!this.ctx) {
      // The image's own pixels per CSS pixel: devicePixelRatio and zoom as the browser applied them.
      this.scale = image.width / this.view.viewWidth;
      this.canvas = new OffscreenCanvas(image.width, Math.round(this.plan.height * this.scale));
      this.ctx = this.canvas.getContext('2d');
      if (!this.ctx) throw new FullPageError('failed', 'no 2D canvas for the stitched page');
    }
    // Only the content area: a horizontal scroll bar below it would otherwise band the image.
    const rows = Math.min(image.height, Math.round(this.view.viewHeight * this.scale));
    this.ctx.drawImage(image, 0, 0, image.width, rows, 0, Math.round(y * this.scale), image.width, rows);
  }

  async finish(quality: number): Promise<Omit<FullPageShot, 'cut' | 'slices' | 'maskedFields'>> {
    await this.drawing;
    const canvas = this.canvas;
    if (!canvas) throw new FullPageError('failed', 'no slice was taken');
    const { thumbWidth, thumbHeight } = thumbSize(canvas.width, canvas.height);
    const small = new OffscreenCanvas(thumbWidth, thumbHeight);
    small.getContext('2d')?.drawImage(canvas, 0, 0, thumbWidth, thumbHeight);
    const [jpeg, thumb] = await Promise.all([
      canvas.convertToBlob({ type: 'image/jpeg', quality: quality / 100 }),
      small.convertToBlob({ type: 'image/jpeg', quality: THUMB_QUALITY }),
    ]);
    const sha256 = await sha256Hex(await jpeg.arrayBuffer());
    return { jpeg, thumb, width: canvas.width, height: canvas.height, thumbWidth, thumbHeight, sha256 };
  }
}

/**
 * Captures the whole page the tab shows, which must be `pageUrl`. Run inside the capture queue:
 * `pace` spaces the slices. The page is put back where it was, unless it was left or closed.
 */
export async function takeFullPage(
  audit: Audit,
  tab: AuditedTab,
  pageUrl: string,
  pace: () => Promise<void>,
): Promise<FullPageShot> {
  const [current, documentId] = await Promise.all([browser.tabs.get(tab.id), mainDocument(tab.id)]).catch(() => {
    throw new FullPageError('tab-closed');
  });
  if (!current.active) throw new FullPageError('not-visible');
  if (withoutHash(current.url ?? '') !== withoutHash(pageUrl)) throw new FullPageError('other-page');
  // A page opened before the audit has no content script yet.
  const start = await askPage(tab.id, documentId, { kind: 'measure' })
    .catch(async () => {
      await injectInto(tab.id, [0]);
      return askPage(tab.id, documentId, { kind: 'measure' });
    })
    .catch(async (error: unknown) => {
      throw await explain(tab.id, documentId, error);
    });
  let restore = true;
  const putBack = () => askPage(tab.id, documentId, { kind: 'restore', x: start.x, y: start.y });
  try {
    // A page that fits its viewport cannot grow by being scrolled through: refused before any capture.
    if (!planSlices(start)) throw new FullPageError('not-scrollable');
    // The top slice first: it is in view, its lazy content loaded, and any plan starts with it. The
    // lazy pass then runs while the quota holds the next slice back, instead of before the first.
    const top = await askPage(tab.id, documentId, { kind: 'scroll', y: 0, hideFixed: false });
    const first = await takeSlice(audit, tab, pace);
    if ((await mainDocument(tab.id)) !== documentId) throw new FullPageError('left-page');
    const after = await askPage(
      tab.id,
      documentId,
      { kind: 'lazy-pass', limit: FULL_PAGE_MAX_CSS_PX },
      LAZY_PASS_TIMEOUT_MS,
    );
    const plan = planSlices(after);
    if (!plan) throw new FullPageError('not-scrollable');
    const stitcher = new Stitcher(plan, after);
    stitcher.add(first.bitmap, top.y);
    let maskedFields = first.fields;
    let previousY = top.y;
    for (const y of plan.offsets.slice(1)) {
      const at = await askPage(tab.id, documentId, { kind: 'scroll', y, hideFixed: true });
      // A page that does not move when scrolled (it scrolls inside a box of its own, or forbids it).
      if (at.y <= previousY) throw new FullPageError('not-scrollable');
      if (!heightStillFits(plan, after.pageHeight, at.pageHeight)) throw new FullPageError('height-changed');
      previousY = at.y;
      const slice = await takeSlice(audit, tab, pace);
      maskedFields += slice.fields;
      // Pixels from another document (navigated mid-capture) are never stitched in.
      if ((await mainDocument(tab.id)) !== documentId) throw new FullPageError('left-page');
      stitcher.add(slice.bitmap, at.y);
    }
    // The page may have moved under the last slice's covers: checked once they were captured.
    const end = await askPage(tab.id, documentId, { kind: 'measure' });
    if (!heightStillFits(plan, after.pageHeight, end.pageHeight) || Math.abs(end.y - previousY) > 1)
      throw new FullPageError('height-changed');
    // The page goes back while the image is encoded.
    restore = false;
    const [image] = await Promise.all([stitcher.finish(audit.jpegQuality), putBack().catch(() => undefined)]);
    return { ...image, cut: plan.cut, slices: plan.offsets.length, maskedFields };
  } catch (error) {
    const failure = await explain(tab.id, documentId, error);
    // Another document or no tab: nothing of ours is there to put back.
    if (failure.code === 'left-page' || failure.code === 'tab-closed') restore = false;
    throw failure;
  } finally {
    if (audit.masking)
      void masker()
        .unmask(tab.id)
        .catch(() => undefined);
    if (restore) await putBack().catch(() => undefined);
  }
}
