// Reading what a stored screenshot really shows: capture a step again through the worker, then
// measure boxes of the stored JPEG (decoded in an extension page, never in the audited page, whose
// scripts may be watching).
import type { Page } from 'playwright-core';
import type { Screenshot, Step } from '../../../src/domain/model.ts';
import type { Harness } from '../harness/index.ts';
import { jpegSize } from './jpeg.ts';
import { blobs, eventually, screenshots } from './peakend.ts';

export interface CaptureContext {
  h: Harness;
  panel: Page;
  windowId: number;
}

/** Captures the step again (the panel's Capture) and returns the new screenshot. */
export async function captureStep({ h, panel, windowId }: CaptureContext, step: Step): Promise<Screenshot> {
  const before = (await screenshots(h)).length;
  await panel.evaluate((m) => chrome.runtime.sendMessage(m), {
    type: 'worker/capture',
    windowId,
    auditId: step.auditId,
    stepId: step.id,
  });
  const list = await eventually(
    () => screenshots(h),
    (all) => all.length > before,
  );
  return list.sort((a, b) => a.takenAt.localeCompare(b.takenAt)).at(-1)!;
}

/** A box of the image, in image pixels: x, y, width, height. */
export type Box = [number, number, number, number];

export interface BoxStats {
  /** Mean, standard deviation, minimum and maximum of the luminance (0-255). */
  mean: number;
  sd: number;
  min: number;
  max: number;
  /** Longest run of adjacent columns whose brightest pixel is dark (luminance under 60). */
  darkRun: number;
}

const STATS_SCRIPT = String.raw`async ({ base64, boxes }) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(bitmap, 0, 0);
  return boxes.map(([x, y, w, h]) => {
    // Outside the image getImageData reads transparent black, which would pass for a cover.
    if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > bitmap.width || y + h > bitmap.height)
      throw new Error('box ' + [x, y, w, h] + ' is not inside the ' + bitmap.width + 'x' + bitmap.height + ' image');
    const data = ctx.getImageData(x, y, w, h).data;
    const colMax = new Array(w).fill(0);
    let sum = 0, sum2 = 0, min = 255, max = 0;
    for (let i = 0; i < data.length; i += 4) {
      const l = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
      sum += l; sum2 += l * l; min = Math.min(min, l); max = Math.max(max, l);
      const col = (i / 4) % w;
      colMax[col] = Math.max(colMax[col], l);
    }
    const n = data.length / 4;
    let run = 0, darkRun = 0;
    for (const m of colMax) { run = m < 60 ? run + 1 : 0; darkRun = Math.max(darkRun, run); }
    const mean = sum / n;
    return { mean, sd: Math.sqrt(Math.max(0, sum2 / n - mean * mean)), min, max, darkRun };
  });
}`;

/** The stored full-size JPEG of a screenshot, with its pixel size. */
export async function storedJpeg(
  h: Harness,
  shot: Screenshot,
): Promise<{ base64: string; width: number; height: number }> {
  const full = (await blobs(h, true)).find((b) => b.kind === 'full' && b.shotId === shot.id);
  if (!full?.blob.base64) throw new Error(`no stored JPEG for screenshot ${shot.id}`);
  const size = jpegSize(Uint8Array.from(Buffer.from(full.blob.base64, 'base64')));
  return { base64: full.blob.base64, ...size };
}

/** Luminance statistics of each box of the stored JPEG, decoded in `decoder` (an extension page). */
export async function boxStats(decoder: Page, jpeg: { base64: string }, boxes: readonly Box[]): Promise<BoxStats[]> {
  return decoder.evaluate<BoxStats[]>(`(${STATS_SCRIPT})(${JSON.stringify({ base64: jpeg.base64, boxes })})`);
}

/** A CSS-pixel rectangle of the page scaled to image pixels and shrunk by `inset` CSS pixels (JPEG edges bleed). */
export function toImageBox(
  r: { left: number; top: number; width: number; height: number },
  scale: number,
  inset = 3,
): Box {
  return [
    Math.round((r.left + inset) * scale),
    Math.round((r.top + inset) * scale),
    Math.round((r.width - 2 * inset) * scale),
    Math.round((r.height - 2 * inset) * scale),
  ];
}
