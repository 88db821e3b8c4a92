// 1. Step capture: from the panel's Log step message to step + screenshot + thumbnail committed in
// IndexedDB (masking on), against the bare captureVisibleTab call (the floor) and a DOM-to-canvas
// capture of the same page with html-to-image (as in-page feedback widgets do). The three are
// interleaved, in a rotating order, on the same page in the same round, so they see the same machine.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { info, targeted, type BenchResult } from '../lib/result.ts';
import { paired, round, rounded, summarize } from '../lib/stats.ts';
import { sleep, waitSettled, type Session } from '../lib/session.ts';

const require = createRequire(import.meta.url);
const HTML_TO_IMAGE = require.resolve('html-to-image/dist/html-to-image.js');

/** captureVisibleTab allows 2 calls a second: every capture starts at least this long after the last op. */
const GAP_MS = 600;
const PAGES = ['/checkout.html', '/product.html?id=ridge-shell', '/products.html', '/cart.html'];

type Op = 'log' | 'bare' | 'dom';

interface Samples {
  log: number[];
  bare: number[];
  dom: number[];
  /** Diagnostics, not targets: the worker-side replica of processCapture, and one mask+unmask round trip. */
  process: number[];
  mask: number[];
  byPage: Record<string, { log: number[]; bare: number[]; dom: number[]; mask: number[] }>;
  failures: string[];
}

async function logStep(s: Session): Promise<number> {
  const r = await s.panel.evaluate(
    async ({ windowId, auditId }) => {
      const t0 = performance.now();
      const res = (await chrome.runtime.sendMessage({ type: 'worker/log-step', windowId, auditId })) as
        | { ok: boolean; value?: { capture: { status: string; reason?: string } }; error?: string }
        | undefined;
      return { ms: performance.now() - t0, res };
    },
    { windowId: s.windowId, auditId: s.auditId },
  );
  if (!r.res?.ok || r.res.value?.capture.status !== 'ok') throw new Error(`log step: ${JSON.stringify(r.res)}`);
  return r.ms;
}

/** The bare call, timed inside the worker; then (untimed for it) the diagnostics on the same pixels. */
async function bare(s: Session): Promise<{ ms: number; processMs: number; maskMs: number }> {
  const sw = await s.h.sw();
  return sw.evaluate(
    async ({ windowId, tabId }) => {
      const t0 = performance.now();
      const dataUrl = await chrome.tabs.captureVisibleTab(windowId, { format: 'jpeg', quality: 80 });
      const ms = performance.now() - t0;
      // Replica of src/background/capture/image.ts processCapture: blob, bitmap + SHA-256, 320px thumbnail.
      const t1 = performance.now();
      const comma = dataUrl.indexOf(',');
      const binary = atob(dataUrl.slice(comma + 1));
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const full = new Blob([bytes], { type: 'image/jpeg' });
      const [bitmap] = await Promise.all([createImageBitmap(full), full.arrayBuffer().then((b) => crypto.subtle.digest('SHA-256', b))]);
      const th = Math.max(1, Math.round((bitmap.height * 320) / bitmap.width));
      const canvas = new OffscreenCanvas(320, th);
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, 320, th);
      bitmap.close();
      await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
      const processMs = performance.now() - t1;
      // One mask + unmask round trip through every frame, as src/background/capture/frame-masker.ts does it.
      const t2 = performance.now();
      const frames = await chrome.webNavigation.getAllFrames({ tabId });
      const ids = (frames ?? []).filter((f) => /^https?:/.test(f.url)).map((f) => f.frameId);
      await Promise.all(ids.map((frameId) => chrome.tabs.sendMessage(tabId, { type: 'content/mask', selectors: [] }, { frameId }).catch(() => null)));
      await Promise.all(ids.map((frameId) => chrome.tabs.sendMessage(tabId, { type: 'content/unmask' }, { frameId }).catch(() => null)));
      const maskMs = performance.now() - t2;
      return { ms, processMs, maskMs };
    },
    { windowId: s.windowId, tabId: s.tabId },
  );
}

/** html-to-image in the page, viewport-sized (the same pixels captureVisibleTab returns), JPEG at 0.8. */
async function domToImage(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const lib = (window as unknown as { htmlToImage: { toJpeg(node: HTMLElement, opts: object): Promise<string> } }).htmlToImage;
    const t0 = performance.now();
    const url = await lib.toJpeg(document.body, { quality: 0.8, width: innerWidth, height: innerHeight, pixelRatio: devicePixelRatio });
    if (!url.startsWith('data:image/jpeg')) throw new Error('html-to-image returned no JPEG');
    return performance.now() - t0;
  });
}

export async function runCapture(s: Session, opts: { reps: number; warmup: number }): Promise<BenchResult[]> {
  const samples: Samples = { log: [], bare: [], dom: [], process: [], mask: [], byPage: {}, failures: [] };
  const perPage = Math.ceil(opts.reps / PAGES.length);
  let round_ = 0;
  for (const [p, path] of PAGES.entries()) {
    await s.page.goto(`${s.shop.url}${path}`);
    // The page load is an automatic step with its own capture: let it finish before timing anything.
    await waitSettled(s.panel, s.auditId, (steps) => steps.at(-1)?.url.includes(path.split('?')[0]!) ?? false);
    await sleep(GAP_MS);
    await s.page.addScriptTag({ path: HTML_TO_IMAGE });
    const bucket: { log: number[]; bare: number[]; dom: number[]; mask: number[] } = { log: [], bare: [], dom: [], mask: [] };
    samples.byPage[path] = bucket;
    const rounds = (p === 0 ? opts.warmup : 1) + perPage;
    for (let r = 0; r < rounds; r++) {
      const warm = r < (p === 0 ? opts.warmup : 1);
      const order: Op[] = (['log', 'bare', 'dom'] as Op[]).map((_, i, all) => all[(i + round_) % 3]!);
      round_++;
      const got: Partial<Record<Op, number>> = {};
      let extra: { processMs: number; maskMs: number } | null = null;
      for (const op of order) {
        try {
          if (op === 'log') got.log = await logStep(s);
          else if (op === 'bare') {
            const b = await bare(s);
            got.bare = b.ms;
            extra = b;
          } else got.dom = await domToImage(s.page);
        } catch (error) {
          samples.failures.push(`${path} ${op}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
        await sleep(GAP_MS);
      }
      if (warm || got.log === undefined || got.bare === undefined || got.dom === undefined) continue;
      samples.log.push(got.log);
      samples.bare.push(got.bare);
      samples.dom.push(got.dom);
      bucket.log.push(got.log);
      bucket.bare.push(got.bare);
      bucket.dom.push(got.dom);
      if (extra) {
        samples.process.push(extra.processMs);
        samples.mask.push(extra.maskMs);
        bucket.mask.push(extra.maskMs);
      }
    }
  }
  // Masking really happened: the screenshots of the checkout carry a count of covered fields.
  const masked = await s.panel.evaluate(
    (auditId) =>
      new Promise<Array<{ url: string; maskedFields: number; masked: boolean }>>((resolve, reject) => {
        const open = indexedDB.open('peakend');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['steps', 'screenshots']);
          const steps = tx.objectStore('steps').getAll();
          const shots = tx.objectStore('screenshots').getAll();
          tx.oncomplete = () => {
            db.close();
            const url = new Map((steps.result as Array<{ id: string; url: string }>).map((st) => [st.id, st.url]));
            resolve(
              (shots.result as Array<{ auditId: string; stepId: string; maskedFields: number; masked: boolean }>)
                .filter((sh) => sh.auditId === auditId)
                .map((sh) => ({ url: url.get(sh.stepId) ?? '', maskedFields: sh.maskedFields, masked: sh.masked })),
            );
          };
        };
      }),
    s.auditId,
  );
  const maskedByPage: Record<string, number> = {};
  for (const m of masked) {
    const key = new URL(m.url).pathname;
    maskedByPage[key] = Math.max(maskedByPage[key] ?? 0, m.maskedFields);
  }

  const log = summarize(samples.log);
  const bareS = summarize(samples.bare);
  const dom = summarize(samples.dom);
  const ratioFloor = log.median / bareS.median;
  const ratioDom = dom.median / log.median;
  const pairedFloor = summarize(paired(samples.log, samples.bare, (a, b) => a / b));
  const pairedDom = summarize(paired(samples.dom, samples.log, (a, b) => a / b));
  const perPageDetail = Object.fromEntries(
    Object.entries(samples.byPage).map(([k, v]) => [
      k,
      {
        logMedian: round(summarize(v.log).median),
        bareMedian: round(summarize(v.bare).median),
        domMedian: round(summarize(v.dom).median),
        maskRoundTripMedian: round(summarize(v.mask).median),
        n: v.log.length,
      },
    ]),
  );
  const common = {
    pages: PAGES,
    viewport: '1280x800',
    rounds: log.n,
    warmup: opts.warmup,
    logStepMs: rounded(log),
    bareCaptureMs: rounded(bareS),
    domToImageMs: rounded(dom),
    perPage: perPageDetail,
    maskedFieldsByPage: maskedByPage,
    failures: samples.failures,
  };
  return [
    targeted('capture: Log step / bare captureVisibleTab (medians)', round(ratioFloor, 2), 'x', '<=', 2, {
      ...common,
      pairedRatio: rounded(pairedFloor, 2),
      summary: `Log step ${round(log.median)} ms (p95 ${round(log.p95)}) vs bare ${round(bareS.median)} ms (p95 ${round(bareS.p95)}), n=${log.n}`,
    }),
    targeted('capture: html-to-image / Log step (medians)', round(ratioDom, 2), 'x', '>=', 5, {
      ...common,
      pairedRatio: rounded(pairedDom, 2),
      summary: `html-to-image ${round(dom.median)} ms (p95 ${round(dom.p95)}) vs Log step ${round(log.median)} ms, n=${dom.n}`,
    }),
    info('capture: Log step, message to IndexedDB commit', round(log.median), 'ms', {
      ...rounded(log),
      summary: `p95 ${round(log.p95)} ms; masked fields on checkout: ${maskedByPage['/checkout.html'] ?? 'n/a'}`,
    }),
    info('capture: bare captureVisibleTab', round(bareS.median), 'ms', { ...rounded(bareS), summary: `p95 ${round(bareS.p95)} ms` }),
    info('capture: html-to-image toJpeg (viewport)', round(dom.median), 'ms', { ...rounded(dom), summary: `p95 ${round(dom.p95)} ms` }),
    info('capture: diagnostic, image processing replica (worker)', round(summarize(samples.process).median), 'ms', {
      ...rounded(summarize(samples.process)),
      summary: 'decode + SHA-256 + 320px thumbnail, as processCapture',
    }),
    info('capture: diagnostic, mask + unmask round trip', round(summarize(samples.mask).median), 'ms', {
      ...rounded(summarize(samples.mask)),
      summary: 'every frame, 2 animation frames per mask',
    }),
  ];
}
