// Masks every frame of the tab before a capture: the top page and each iframe, cross-origin payment
// frames included, each covering its own sensitive fields. A frame that does not answer gets the
// content script injected and is asked again, so a page opened before the audit is masked too.
// Frames showing the browser's error page, and frames outside the viewport, are not waited for.
import browser from 'webextension-polyfill';
import type { Audit } from '../../domain/model.ts';
import { isPageUrl } from '../../domain/urls.ts';
import { ToContent, type ContentRequest, type MaskReport } from '../../protocol.ts';
import { injectInto } from '../features/content-scripts.ts';
import { within } from '../within.ts';
import { planFrameWait, type FrameRef } from './frames-in-view.ts';
import type { Masker } from './masking.ts';

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
  // The top frame is asked at once, beside the frame list: it is always there, and the frames to
  // await depend on its answer (measured: the list takes a round trip of about 1 ms of a Log step).
  const topAsked = ask<MaskReport>(tabId, 0, message);
  const list = await frames(tabId);
  // A frame showing the browser's error page cannot answer: it is not asked (see frames-in-view.ts).
  const asked = new Map(
    list
      .filter((f) => !f.errorOccurred || f.frameId === 0)
      .map((f) => [f.frameId, f.frameId === 0 ? topAsked : ask<MaskReport>(tabId, f.frameId, message)]),
  );
  // The top frame says which of its iframes lie outside the viewport: those (and the frames inside
  // them) are not in the capture, and are not awaited (their covers are still drawn).
  const top = await topAsked;
  const plan = planFrameWait(list, top?.offscreenFrames ?? []);
  const ids = plan.awaited;
  let answers = await Promise.all(ids.map((id) => asked.get(id) ?? ask<MaskReport>(tabId, id, message)));
  const silent = ids.filter((_, i) => answers[i] === null);
  if (silent.length > 0) {
    await injectInto(tabId, silent);
    const retried = await Promise.all(silent.map((id) => ask<MaskReport>(tabId, id, message)));
    answers = answers.map((a, i) => a ?? retried[silent.indexOf(ids[i]!)] ?? null);
  }
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
          }
        : a
          ? { ...sum, unpainted: (sum.unpainted ?? 0) + 1 }
          : sum,
    { frames: 0, fields: 0, unpainted: 0 },
  );
  const silentIds = ids.filter((_, i) => answers[i] === null);
  if (silentIds.includes(0)) report.pageSilent = true;
  const silentFrames = silentIds.filter((id) => id !== 0).map((id) => urlOf.get(id) ?? '');
  if (silentFrames.length > 0) report.silentFrames = silentFrames;
  if (plan.skipped.length > 0) report.skippedFrames = plan.skipped.map(({ url, reason }) => ({ url, reason }));
  return report;
}

export const frameMasker: Masker = {
  mask: (tabId: number, audit: Audit) =>
    inEveryFrame(tabId, { type: ToContent.Mask, selectors: audit.maskSelectors, text: audit.maskText !== false }),
  async unmask(tabId: number) {
    // The top frame was asked to mask whatever its URL (see inEveryFrame), so it is always asked to unmask.
    const ids = new Set([0, ...(await frameIds(tabId).catch(() => []))]);
    await Promise.all([...ids].map((id) => ask(tabId, id, { type: ToContent.Unmask })));
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
