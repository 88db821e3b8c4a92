// Masks every frame of the tab before a capture: the top page and each iframe, cross-origin payment
// frames included, each covering its own sensitive fields. A frame that does not answer gets the
// content script injected and is asked again, so a page opened before the audit is masked too.
// Frames showing the browser's error page, and frames outside the viewport, are not waited for.
// Each answer carries its covers' boxes in the top viewport, which the capture is checked against.
import browser from 'webextension-polyfill';
import type { Audit } from '../../domain/model.ts';
import { isPageUrl } from '../../domain/urls.ts';
import { ToContent, type ContentRequest, type MaskReport, type UnmaskReport } from '../../protocol.ts';
import { injectInto } from '../features/content-scripts.ts';
import { within } from '../within.ts';
import { planFrameWait, type FrameRef } from './frames-in-view.ts';
import type { Masker } from './masking.ts';
import { markPhase } from './phases.ts';

/** Longer than a frame's own wait for its covers to be painted (1 s) plus its field scan. */
const FRAME_TIMEOUT_MS = 2500;

function ask<T>(tabId: number, frameId: number, message: ContentRequest): Promise<T | null> {
  const answer = browser.tabs
    .sendMessage(tabId, message, { frameId })
    .then((value) => (value ?? null) as T | null)
    .catch(() => null);
  return within(answer, FRAME_TIMEOUT_MS, null);
}

async function frames(tabId: number): Promise<FrameRef[]> {
  const all = (await browser.webNavigation.getAllFrames({ tabId })) ?? [];
  return all.filter((f) => isPageUrl(f.url) || f.url === 'about:blank' || f.url === 'about:srcdoc');
}

async function frameIds(tabId: number): Promise<number[]> {
  return (await frames(tabId)).filter((f) => !f.errorOccurred).map((f) => f.frameId);
}

async function inEveryFrame(tabId: number, message: ContentRequest): Promise<MaskReport> {
  // The top frame is asked at once, beside the frame list: it is always there (measured: the list
  // takes a round trip of about 1 ms of a Log step).
  const topAsked = ask<MaskReport>(tabId, 0, message);
  const list = await frames(tabId);
  markPhase('frame-list');
  // A frame showing the browser's error page cannot answer: it is not asked (see frames-in-view.ts).
  // Every other frame is asked at once; one outside the viewport says so at once (by its frame id,
  // which tells twins with one address apart) and is not awaited further.
  const asked = list
    .filter((f) => !f.errorOccurred || f.frameId === 0)
    .map((f) => f.frameId)
    .sort((a, b) => a - b);
  const answered = new Map<number, MaskReport | null>();
  const outsideIds = () => [...answered].filter(([, a]) => a?.outside).map(([id]) => id);
  // Every frame's first answer is awaited, except a frame inside one that said it is outside.
  await new Promise<void>((resolve) => {
    const settle = () => {
      const skipped = new Set(planFrameWait(list, outsideIds()).skipped.map((f) => f.frameId));
      if (asked.every((id) => answered.has(id) || skipped.has(id))) resolve();
    };
    for (const id of asked)
      void (id === 0 ? topAsked : ask<MaskReport>(tabId, id, message)).then((answer) => {
        markPhase(`frame-${id}`, answer?.phases);
        answered.set(id, answer);
        settle();
      });
    settle();
  });
  let plan = planFrameWait(list, outsideIds());
  const silent = plan.awaited.filter((id) => !answered.get(id));
  if (silent.length > 0) {
    await injectInto(tabId, silent);
    const retried = await Promise.all(silent.map((id) => ask<MaskReport>(tabId, id, message)));
    silent.forEach((id, i) => answered.set(id, retried[i] ?? null));
    plan = planFrameWait(list, outsideIds());
  }
  const ids = plan.awaited;
  const answers = ids.map((id) => answered.get(id) ?? null);
  // A frame in the capture that never answered cannot have confirmed covers: the worker refuses the
  // capture rather than store what may be unmasked fields, and names the frame. One that answered
  // with its error (its covers threw) counts as unpainted, which refuses the capture too.
  const urlOf = new Map(list.map((f) => [f.frameId, f.url]));
  const report = answers.reduce<MaskReport>(
    (sum, a) =>
      a && typeof a.fields === 'number'
        ? {
            ...sum,
            frames: sum.frames + 1,
            fields: sum.fields + a.fields,
            unpainted: (sum.unpainted ?? 0) + (a.unpainted ?? 0),
            boxes: [...(sum.boxes ?? []), ...(a.boxes ?? [])],
            unplaced: (sum.unplaced ?? 0) + (a.unplaced ?? 0),
          }
        : a
          ? { ...sum, unpainted: (sum.unpainted ?? 0) + 1 }
          : sum,
    { frames: 0, fields: 0, unpainted: 0, boxes: [], unplaced: 0 },
  );
  const viewport = answered.get(0)?.viewport;
  if (viewport) report.viewport = viewport;
  const silentIds = ids.filter((_, i) => answers[i] === null);
  if (silentIds.includes(0)) report.pageSilent = true;
  const silentFrames = silentIds.filter((id) => id !== 0).map((id) => urlOf.get(id) ?? '');
  if (silentFrames.length > 0) report.silentFrames = silentFrames;
  if (plan.skipped.length > 0) report.skippedFrames = plan.skipped.map(({ url, reason }) => ({ url, reason }));
  return report;
}

export const frameMasker: Masker = {
  mask: (tabId: number, audit: Audit, frames?: number) =>
    inEveryFrame(tabId, {
      type: ToContent.Mask,
      selectors: audit.maskSelectors,
      text: audit.maskText !== false,
      // Fresh each round: a cross-origin frame trusts a placement only with this round's nonce.
      round: crypto.randomUUID(),
      ...(frames === undefined ? {} : { frames }),
    }),
  async unmask(tabId: number) {
    // The top frame was asked to mask whatever its URL (see inEveryFrame), so it is always asked to
    // unmask, and at once, beside the frame list (a Log step waits for every answer before storing).
    const top = ask<UnmaskReport>(tabId, 0, { type: ToContent.Unmask });
    const others = (await frameIds(tabId).catch(() => [])).filter((id) => id !== 0);
    const answers = await Promise.all([
      top,
      ...others.map((id) => ask<UnmaskReport>(tabId, id, { type: ToContent.Unmask })),
    ]);
    // Fields added or moved while the covers were up, in any frame (see content/masking/watch.ts).
    return { changed: answers.reduce((sum, a) => sum + (a?.changed ?? 0), 0) };
  },
};

export function previewInEveryFrame(tabId: number, audit: Audit, on: boolean): Promise<MaskReport> {
  return inEveryFrame(tabId, {
    type: ToContent.PreviewMask,
    selectors: audit.maskSelectors,
    text: audit.maskText !== false,
    on,
  });
}
