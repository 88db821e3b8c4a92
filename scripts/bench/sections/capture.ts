// 1. Step capture: from the panel's Log step message to step + checked screenshot committed in
// IndexedDB (masking on; the thumbnail follows the answer), against the bare captureVisibleTab call
// (the floor) and a DOM-to-canvas capture of the same page with html-to-image (as in-page feedback
// widgets do). The three are interleaved, in a rotating order, on the same page in the same round,
// so they see the same machine.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { info, judged, type BenchResult } from '../lib/result.ts';
import { TARGETS } from '../lib/targets.ts';
import { at, bootstrapCI, fmtCI, median, paired, round, rounded, summarize } from '../lib/stats.ts';
import { sleep, waitSettled, type Session } from '../lib/session.ts';

/**
 * The offscreen document's page, as OFFSCREEN_PATH in src/background/capture/thumbnailer.ts (not
 * imported: that module loads webextension-polyfill, which throws outside an extension).
 */
const OFFSCREEN_PATH = 'src/offscreen/offscreen.html';

const require = createRequire(import.meta.url);
const HTML_TO_IMAGE = require.resolve('html-to-image/dist/html-to-image.js');

/** captureVisibleTab allows 2 calls a second: a capture starts at least this long after the previous one ended. */
const GAP_MS = 600;
/** Quiet time between any two operations. */
const IDLE_MS = 150;
const PAGES = ['/checkout.html', '/product.html?id=ridge-shell', '/products.html', '/cart.html'];

type Op = 'log' | 'bare' | 'dom';

interface Samples {
  log: number[];
  bare: number[];
  dom: number[];
  /** Diagnostics, not targets: replicas of the image processing (thumbnail by the offscreen document, and by the worker), and one mask+unmask round trip. */
  process: number[];
  /** The cover check's own work on a decoded image the worker's way: draw it at full size, read each cover's box, luma mean and spread. */
  check: number[];
  /** What the cover check adds to the offscreen document's processing: the same request with and without the covers' boxes. */
  checkOffscreen: number[];
  workerProcess: number[];
  /** What a Log step does with the image before storing it where there is nothing to check: base64 decode and SHA-256. */
  hash: number[];
  idb: number[];
  message: number[];
  mask: number[];
  byPage: Record<
    string,
    { log: number[]; bare: number[]; dom: number[]; mask: number[]; attempts: number[]; phases: Phases[] }
  >;
  failures: string[];
}

/**
 * One Log step's timeline, in ms from the panel's send: the worker's marks (src/background/capture/
 * phases.ts), each frame's answer, and, nested, what the frames and the offscreen document timed
 * themselves (their own clocks, from their own start). Read after the Log step, untimed.
 */
type Phases = Record<string, number>;

/** Reads the worker's marks of the Log step just taken and places them on the panel's clock (wall time). */
async function readPhases(s: Session, sentAt: number, answeredAt: number): Promise<Phases> {
  const sw = await s.h.sw();
  // The thumbnail is stored after the answer: its mark is waited for (a second at most), untimed.
  // (No named function inside: this one is serialised, and a named one would call a bundler helper.)
  const marks = await sw.evaluate(async () => {
    for (let waited = 0; waited < 1000; waited += 20) {
      if (performance.getEntriesByName('peakend:thumbnail-stored', 'mark').length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('peakend:'))
      .map((m) => ({
        name: m.name.slice('peakend:'.length),
        at: performance.timeOrigin + m.startTime,
        detail: (m as PerformanceMark).detail as Record<string, number> | null,
      }));
  });
  const out: Phases = { answer: answeredAt - sentAt };
  for (const m of marks) {
    // Frames by role, not id: the top frame, and the last child frame to answer.
    const name =
      m.name === 'frame-0'
        ? 'frame-top'
        : m.name.startsWith('frame-') && m.name !== 'frame-list'
          ? 'frame-child'
          : m.name;
    // The first of each mark: a retried capture's second round is not this timeline's.
    if (name !== 'frame-child' && out[`w:${name}`] !== undefined) continue;
    out[`w:${name}`] = m.at - sentAt;
    if (m.detail && typeof m.detail === 'object')
      for (const [k, v] of Object.entries(m.detail)) if (typeof v === 'number') out[`${name}:${k}`] = v;
  }
  return out;
}

/** Per phase, the median over the Log steps that have it, in the timeline's order. */
function phaseMedians(list: readonly Phases[]): Record<string, number> {
  const keys = [...new Set(list.flatMap((p) => Object.keys(p)))];
  const med = keys.map((k) => [k, median(list.map((p) => p[k]).filter((v): v is number => v !== undefined))] as const);
  const worker = med.filter(([k]) => k.startsWith('w:') || k === 'answer').sort((a, b) => a[1] - b[1]);
  const nested = med
    .filter(([k]) => !k.startsWith('w:') && k !== 'answer')
    .sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
  return Object.fromEntries([...worker, ...nested].map(([k, v]) => [k, round(v, 1)]));
}

/**
 * Counts, in the audited page, the cover layers put on <html> (a page can see them: README,
 * Permissions): on a page with covers, each capture attempt of a Log step puts one there, so a Log
 * step whose first image failed its check shows two.
 */
async function countLayers(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = window as unknown as { __benchLayers?: number };
    if (g.__benchLayers !== undefined) return;
    g.__benchLayers = 0;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes) if (n.nodeName === 'PEAKEND-MASK-LAYER') g.__benchLayers! += 1;
    }).observe(document.documentElement, { childList: true });
  });
}

const layersSoFar = (page: Page) =>
  page.evaluate(() => (window as unknown as { __benchLayers?: number }).__benchLayers ?? 0);

async function logStep(s: Session): Promise<{ ms: number; sentAt: number; answeredAt: number }> {
  const r = await s.panel.evaluate(
    async ({ windowId, auditId }) => {
      const t0 = performance.now();
      const res = await chrome.runtime.sendMessage<
        object,
        { ok: boolean; value?: { capture: { status: string; reason?: string } }; error?: string } | undefined
      >({ type: 'worker/log-step', windowId, auditId });
      const t1 = performance.now();
      return { ms: t1 - t0, sentAt: performance.timeOrigin + t0, answeredAt: performance.timeOrigin + t1, res };
    },
    { windowId: s.windowId, auditId: s.auditId },
  );
  if (!r.res?.ok || r.res.value?.capture.status !== 'ok') throw new Error(`log step: ${JSON.stringify(r.res)}`);
  return r;
}

/** The bare call's time and, untimed for it, the diagnostics on its pixels (see bare()). */
interface BareSample {
  ms: number;
  processMs: number;
  workerProcessMs: number;
  idbMs: number;
  maskMs: number;
  checkMs: number;
  checkOffscreenMs: number;
  hashMs: number;
}

/**
 * The bare call, timed inside the worker; then, untimed for it, the diagnostics on the same pixels:
 * replicas of the image processing as of this writing (keep them in step with
 * src/background/capture/image.ts, thumbnailer.ts and src/offscreen/): base64 decoded with
 * Uint8Array.fromBase64 and the SHA-256 of the bytes (all a Log step does with the image before the
 * store on a page with nothing to cover); the thumbnail, drawn either by the offscreen document (the
 * request the worker sends it after the store, answered with a 320px JPEG) or, the fallback, in the
 * worker (a full decode drawn at 320px, JPEG encode); one IndexedDB transaction writing a record and
 * the full JPEG, as the Log step's (into a scratch database, over a kept connection, as the store
 * keeps one); one mask + unmask round trip through every frame (as
 * src/background/capture/frame-masker.ts); and the cover check with the boxes the top frame's covers
 * reported: the offscreen document's check request, timed alone, and the check's own work the
 * worker's way (as checkBitmap in src/background/capture/image.ts and src/domain/cover-check.ts),
 * read from the bare image (decoded again, untimed).
 */
async function bare(s: Session): Promise<BareSample> {
  const sw = await s.h.sw();
  return sw.evaluate(
    async ({ windowId, tabId, offscreenPath }) => {
      const t0 = performance.now();
      const dataUrl = await chrome.tabs.captureVisibleTab(windowId, { format: 'jpeg', quality: 80 });
      const ms = performance.now() - t0;
      // Decoded twice, once for each way (no named function here: this function is serialised).
      const [forOffscreen, forWorker] = [0, 1].map(() => {
        const b64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
        const fromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> })
          .fromBase64;
        const bytes = fromBase64 ? fromBase64(b64) : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const full = new Blob([bytes], { type: 'image/jpeg' });
        // Pixel size from the JPEG's start-of-frame marker (inline: this function is serialised).
        let width = 0;
        let height = 0;
        for (let i = 2; i + 9 < bytes.length && bytes[i] === 0xff;) {
          const marker = bytes[i + 1]!;
          if (marker >= 0xc0 && marker <= 0xc3) {
            height = (bytes[i + 5]! << 8) | bytes[i + 6]!;
            width = (bytes[i + 7]! << 8) | bytes[i + 8]!;
            break;
          }
          i += 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
        }
        return {
          bytes,
          full,
          width,
          imageHeight: height,
          height: Math.max(1, Math.round((height * 320) / (width || 1))),
        };
      }) as [
        { bytes: Uint8Array<ArrayBuffer>; full: Blob; width: number; imageHeight: number; height: number },
        { bytes: Uint8Array<ArrayBuffer>; full: Blob; width: number; imageHeight: number; height: number },
      ];
      // The offscreen document's way (the worker opens the document after its first capture).
      const scope = globalThis as unknown as ServiceWorkerGlobalScope;
      const url = chrome.runtime.getURL(offscreenPath);
      const client = (await scope.clients.matchAll({ type: 'window', includeUncontrolled: true })).find(
        (c) => c.url === url,
      );
      let processMs = Number.NaN;
      // One request to the document, as the worker sends it (boxes: the covers' boxes in image pixels).
      // Taken out of an array so that it has no name of its own: this function is serialised, and a
      // named one would call a helper the bundler adds, which the worker does not have.
      const [ask] = [
        (
          target: Client,
          { bytes, full, height }: { bytes: Uint8Array<ArrayBuffer>; full: Blob; height: number },
          boxes: Array<{ x: number; y: number; width: number; height: number }>,
        ) => {
          const id = `bench-${crypto.randomUUID()}`;
          const answer = new Promise<Blob | object | null>((resolve) => {
            const done = new AbortController();
            scope.addEventListener(
              'message',
              (event: ExtendableMessageEvent) => {
                const data = event.data as { id?: string; thumb?: Blob | null; verdict?: object | null } | null;
                if (data?.id !== id) return;
                done.abort();
                resolve(data.thumb ?? data.verdict ?? null);
              },
              { signal: done.signal },
            );
            setTimeout(() => {
              done.abort();
              resolve(null);
            }, 2000);
          });
          // With boxes, the covers' check the worker asks for before storing; without, the thumbnail
          // it asks for after.
          target.postMessage(
            boxes.length > 0
              ? { type: 'offscreen/check-covers', id, bytes, mime: full.type, boxes }
              : { type: 'offscreen/make-thumbnail', id, bytes, mime: full.type, width: 320, height },
          );
          return answer;
        },
      ];
      // What a Log step does with the image before storing it on a page without covers: the bytes
      // decoded from base64, the size read from the header (above) and hashed.
      const tHash = performance.now();
      const b64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
      const fromB64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;
      const hashed = fromB64 ? fromB64(b64) : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      await crypto.subtle.digest('SHA-256', hashed);
      const hashMs = performance.now() - tHash;
      if (client) {
        const t1 = performance.now();
        const drawn = await ask(client, forOffscreen, []);
        if (drawn instanceof Blob) processMs = performance.now() - t1;
      }
      // The worker's own way.
      const t1w = performance.now();
      const { bytes, full, height: th } = forWorker;
      const [bitmap] = await Promise.all([createImageBitmap(full), crypto.subtle.digest('SHA-256', bytes)]);
      const canvas = new OffscreenCanvas(320, th);
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, 320, th);
      bitmap.close();
      await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
      const workerProcessMs = performance.now() - t1w;
      const g = globalThis as unknown as { __benchScratch?: Promise<IDBDatabase> };
      g.__benchScratch ??= new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('peakend-bench-scratch', 1);
        req.onupgradeneeded = () => {
          req.result.createObjectStore('blobs');
          req.result.createObjectStore('records');
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const db = await g.__benchScratch;
      const key = `${Date.now()}-${Math.random()}`;
      const t2 = performance.now();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['blobs', 'records'], 'readwrite');
        // As the Log step's commit: the record and the full JPEG (the thumbnail follows in its own).
        tx.objectStore('records').put(
          { id: key, bytes: full.size, thumbBytes: 0, takenAt: new Date().toISOString() },
          key,
        );
        tx.objectStore('blobs').put({ kind: 'full', blob: full }, `${key}/full`);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      const idbMs = performance.now() - t2;
      const t3 = performance.now();
      const frames = (await chrome.webNavigation.getAllFrames({ tabId })) ?? [];
      const listed = frames.filter((f) => /^https?:/.test(f.url));
      const ids = listed.map((f) => f.frameId);
      type Answer = {
        outside?: boolean;
        boxes?: Array<{ x: number; y: number; width: number; height: number }>;
        viewport?: { width: number };
      };
      // As frame-masker.ts: every frame answers; one outside the viewport says so at once.
      const answers = await Promise.all(
        ids.map((frameId) =>
          chrome.tabs
            .sendMessage<object, Answer>(tabId, { type: 'content/mask', selectors: [] }, { frameId })
            .catch(() => null),
        ),
      );
      const maskMs = performance.now() - t3;
      await Promise.all(
        ids.map((frameId) => chrome.tabs.sendMessage(tabId, { type: 'content/unmask' }, { frameId }).catch(() => null)),
      );
      const top = answers[ids.indexOf(0)];
      let checkMs = Number.NaN;
      let checkOffscreenMs = Number.NaN;
      if (client && top?.boxes?.length && top.viewport && Number.isFinite(processMs)) {
        // The same request with the covers' boxes (as imageBoxes in src/domain/cover-check.ts): the
        // document then decodes at full size too and reads each box. The bare image has no covers, so
        // its verdict fails; the document still draws the thumbnail beside the check, and answers
        // without it (src/offscreen/draw-thumbnail.ts). Builds before 6aad89f stopped before scaling
        // the thumbnail from the full bitmap on a failed check: for them this leaves that part out.
        const { width, imageHeight } = forOffscreen;
        const scale = width / top.viewport.width;
        const pixelBoxes = top.boxes
          .map((b) => {
            const x = Math.max(0, Math.ceil(b.x * scale) + 2);
            const y = Math.max(0, Math.ceil(b.y * scale) + 2);
            const right = Math.min(width, Math.floor((b.x + b.width) * scale) - 2);
            const bottom = Math.min(imageHeight, Math.floor((b.y + b.height) * scale) - 2);
            return { x, y, width: right - x, height: bottom - y };
          })
          .filter((b) => b.width > 0 && b.height > 0);
        const t5 = performance.now();
        if ((await ask(client, forOffscreen, pixelBoxes)) !== null) checkOffscreenMs = performance.now() - t5;
      }
      if (top?.boxes?.length && top.viewport) {
        const decoded = await createImageBitmap(forWorker.full);
        const t4 = performance.now();
        const scale = decoded.width / top.viewport.width;
        const ctx = new OffscreenCanvas(decoded.width, decoded.height).getContext('2d', { willReadFrequently: true })!;
        ctx.drawImage(decoded, 0, 0);
        let covered = 0;
        for (const b of top.boxes) {
          const x = Math.ceil(b.x * scale) + 2;
          const y = Math.ceil(b.y * scale) + 2;
          const w = Math.min(decoded.width, Math.floor((b.x + b.width) * scale) - 2) - x;
          const h = Math.min(decoded.height, Math.floor((b.y + b.height) * scale) - 2) - y;
          if (w <= 0 || h <= 0 || x < 0 || y < 0) continue;
          const data = ctx.getImageData(x, y, w, h).data;
          let sum = 0;
          let sumSq = 0;
          for (let i = 0; i < data.length; i += 4) {
            const luma = (77 * data[i]! + 150 * data[i + 1]! + 29 * data[i + 2]!) >> 8;
            sum += luma;
            sumSq += luma * luma;
          }
          const n = data.length / 4;
          if (sum / n <= 40 && Math.sqrt(Math.max(0, sumSq / n - (sum / n) ** 2)) <= 14) covered++;
        }
        checkMs = performance.now() - t4;
        decoded.close();
        // The bare image has no covers: `covered` only keeps the work from being optimised away.
        if (covered < 0) throw new Error('unreachable');
      }
      return { ms, processMs, workerProcessMs, idbMs, maskMs, checkMs, checkOffscreenMs, hashMs };
    },
    { windowId: s.windowId, tabId: s.tabId, offscreenPath: OFFSCREEN_PATH },
  );
}

/**
 * A panel -> worker -> panel round trip of a message no handler answers (the worker's listeners run
 * and decline): the messaging a Log step pays, without any work of its own.
 */
async function messageRoundTrip(s: Session): Promise<number> {
  return s.panel.evaluate(async () => {
    const t0 = performance.now();
    await chrome.runtime.sendMessage({ type: 'bench/ping' }).catch(() => undefined);
    return performance.now() - t0;
  });
}

/** html-to-image in the page, viewport-sized (the same pixels captureVisibleTab returns), JPEG at 0.8. */
async function domToImage(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const lib = (window as unknown as { htmlToImage: { toJpeg(node: HTMLElement, opts: object): Promise<string> } })
      .htmlToImage;
    const t0 = performance.now();
    const url = await lib.toJpeg(document.body, {
      quality: 0.8,
      width: innerWidth,
      height: innerHeight,
      pixelRatio: devicePixelRatio,
    });
    if (!url.startsWith('data:image/jpeg')) throw new Error('html-to-image returned no JPEG');
    return performance.now() - t0;
  });
}

function perPageDetailOf(samples: Samples) {
  return Object.fromEntries(
    Object.entries(samples.byPage).map(([k, v]) => [
      k,
      {
        logMedian: round(summarize(v.log).median),
        bareMedian: round(summarize(v.bare).median),
        domMedian: round(summarize(v.dom).median),
        maskRoundTripMedian: round(summarize(v.mask).median),
        n: v.log.length,
        phases: phaseMedians(v.phases),
        // Log steps (warm-up included) whose page showed covers, and those taken twice (first image refused).
        withCovers: v.attempts.filter((a) => a > 0).length,
        retried: v.attempts.filter((a) => a > 1).length,
      },
    ]),
  );
}

export async function runCapture(s: Session, opts: { reps: number; warmup: number }): Promise<BenchResult[]> {
  const samples: Samples = {
    log: [],
    bare: [],
    dom: [],
    process: [],
    check: [],
    checkOffscreen: [],
    workerProcess: [],
    hash: [],
    idb: [],
    message: [],
    mask: [],
    byPage: {},
    failures: [],
  };
  const perPage = Math.ceil(opts.reps / PAGES.length);
  let round_ = 0;
  let lastCaptureEnd = performance.now();
  for (const [p, path] of PAGES.entries()) {
    await s.page.goto(`${s.shop.url}${path}`);
    // The page load is an automatic step with its own capture: let it finish before timing anything.
    await waitSettled(s.panel, s.auditId, (steps) => steps.at(-1)?.url.includes(path.split('?')[0]!) ?? false);
    await sleep(GAP_MS);
    lastCaptureEnd = performance.now();
    await s.page.addScriptTag({ path: HTML_TO_IMAGE });
    await countLayers(s.page);
    const bucket: Samples['byPage'][string] = { log: [], bare: [], dom: [], mask: [], attempts: [], phases: [] };
    samples.byPage[path] = bucket;
    const rounds = (p === 0 ? opts.warmup : 1) + perPage;
    for (let r = 0; r < rounds; r++) {
      const warm = r < (p === 0 ? opts.warmup : 1);
      const order: Op[] = (['log', 'bare', 'dom'] as Op[]).map((_, i, all) => all[(i + round_) % 3]!);
      round_++;
      const got: Partial<Record<Op, number>> = {};
      let extra: BareSample | null = null;
      let message: number | null = null;
      let phases: Phases | null = null;
      for (const op of order) {
        if (op !== 'dom') await sleep(Math.max(0, lastCaptureEnd + GAP_MS - performance.now()));
        try {
          if (op === 'log') {
            const layers = await layersSoFar(s.page);
            const timed = await logStep(s);
            got.log = timed.ms;
            bucket.attempts.push((await layersSoFar(s.page)) - layers);
            phases = await readPhases(s, timed.sentAt, timed.answeredAt).catch(() => null);
            message = await messageRoundTrip(s);
          } else if (op === 'bare') {
            const b = await bare(s);
            got.bare = b.ms;
            extra = b;
          } else got.dom = await domToImage(s.page);
        } catch (error) {
          samples.failures.push(
            `${path} ${op}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
          );
        }
        if (op !== 'dom') lastCaptureEnd = performance.now();
        await sleep(IDLE_MS);
      }
      if (warm || got.log === undefined || got.bare === undefined || got.dom === undefined) continue;
      samples.log.push(got.log);
      samples.bare.push(got.bare);
      samples.dom.push(got.dom);
      bucket.log.push(got.log);
      bucket.bare.push(got.bare);
      bucket.dom.push(got.dom);
      if (phases) bucket.phases.push(phases);
      if (message !== null) samples.message.push(message);
      if (extra) {
        if (Number.isFinite(extra.processMs)) samples.process.push(extra.processMs);
        if (Number.isFinite(extra.checkMs)) samples.check.push(extra.checkMs);
        if (Number.isFinite(extra.checkOffscreenMs)) samples.checkOffscreen.push(extra.checkOffscreenMs);
        samples.hash.push(extra.hashMs);
        samples.workerProcess.push(extra.workerProcessMs);
        samples.idb.push(extra.idbMs);
        samples.mask.push(extra.maskMs);
        bucket.mask.push(extra.maskMs);
      }
    }
  }
  await (
    await s.h.sw()
  )
    .evaluate(async () => {
      const g = globalThis as unknown as { __benchScratch?: Promise<IDBDatabase> };
      (await g.__benchScratch)?.close();
      delete g.__benchScratch;
      indexedDB.deleteDatabase('peakend-bench-scratch');
    })
    .catch(() => undefined);
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
  const proc = summarize(samples.process);
  const check = summarize(samples.check);
  const checkOffscreen = summarize(samples.checkOffscreen);
  const workerProc = summarize(samples.workerProcess);
  const idb = summarize(samples.idb);
  const msg = summarize(samples.message);
  const mask = summarize(samples.mask);
  // Pages where no Log step put covers up (the cart has its footer's phone and e-mail covered).
  const noFieldPages = Object.entries(samples.byPage).filter(([, v]) => v.attempts.every((a) => a === 0));
  const maskNoFields = median(noFieldPages.flatMap(([, v]) => v.mask));
  const hash = summarize(samples.hash);
  // On pages with covers, from the mask request to the end of the capture that holds them: the part
  // of a Log step the covers' own frame sets, before any check or store.
  const coveredPages = Object.entries(samples.byPage).filter(([, v]) => v.attempts.some((a) => a > 0));
  const coversToImage = coveredPages.map(([page, v]) => {
    const spans = v.phases.flatMap((p) =>
      p['w:mask'] !== undefined && p['w:captured'] !== undefined ? [p['w:captured'] - p['w:mask']] : [],
    );
    return { page, ms: median(spans), log: median(v.log), n: spans.length };
  });
  const coversAll = summarize(
    coveredPages.flatMap(([, v]) =>
      v.phases.flatMap((p) =>
        p['w:mask'] !== undefined && p['w:captured'] !== undefined ? [p['w:captured'] - p['w:mask']] : [],
      ),
    ),
  );
  // Before a screenshot is stored, on a page with nothing to cover, the image is only decoded from
  // base64 and hashed: its thumbnail follows the store.
  const floor = bareS.median + hash.median + idb.median + msg.median + maskNoFields;
  const ciFloor = bootstrapCI(samples.log.length, (i) => median(at(samples.log, i)) / median(at(samples.bare, i)));
  const ciDom = bootstrapCI(samples.log.length, (i) => median(at(samples.dom, i)) / median(at(samples.log, i)));
  const pageLine = Object.entries(perPageDetailOf(samples))
    .map(([k, v]) => `${k.split('?')[0]!.replace(/^\/|\.html$/g, '')} ${v.logMedian}`)
    .join(', ');
  const perPageDetail = perPageDetailOf(samples);
  const covered = Object.entries(perPageDetail).filter(([, v]) => v.withCovers > 0);
  const retryLine = `first image refused and taken again: ${covered
    .map(([k, v]) => `${k.split('?')[0]!.replace(/^\/|\.html$/g, '')} ${v.retried} of ${v.withCovers}`)
    .join(', ')} Log steps with covers`;
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
    judged(TARGETS.logStep, round(ratioFloor, 2), {
      ...common,
      pairedRatio: rounded(pairedFloor, 2),
      ci95: ciFloor.map((v) => round(v, 2)),
      summary: `Log step ${round(log.median)} ms (p95 ${round(log.p95)}) vs bare ${round(bareS.median)} ms (p95 ${round(bareS.p95)}), n=${log.n}; ${fmtCI(ciFloor)}`,
    }),
    judged(TARGETS.domCapture, round(ratioDom, 2), {
      ...common,
      pairedRatio: rounded(pairedDom, 2),
      ci95: ciDom.map((v) => round(v, 2)),
      summary: `html-to-image ${round(dom.median)} ms (p95 ${round(dom.p95)}) vs Log step ${round(log.median)} ms, n=${dom.n}; ${fmtCI(ciDom)}`,
    }),
    info('capture: Log step, message to IndexedDB commit', round(log.median), 'ms', {
      ...rounded(log),
      perPage: perPageDetail,
      summary: `p95 ${round(log.p95)} ms; by page: ${pageLine}; ${maskedByPage['/checkout.html'] ?? 'n/a'} fields masked on checkout; ${retryLine}`,
    }),
    info('capture: diagnostic, Log step phases', round(log.median), 'ms', {
      byPage: Object.fromEntries(Object.entries(perPageDetail).map(([k, v]) => [k, v.phases])),
      note: "Medians per page, in ms. 'w:<mark>' and 'answer': when the worker's mark was made (src/background/capture/phases.ts), from the panel's send, on the wall clock of both; 'frame-top:<part>' and 'frame-child:<part>': when that part of a frame's covering ended, from the frame's receipt of the mask message (src/content/masking/covers.ts); 'offscreen:<part>': the same in the offscreen document, from its receipt of the request.",
      summary: Object.entries(perPageDetail)
        .map(([k, v]) => {
          const p = v.phases;
          const at = (key: string) => (p[key] === undefined ? '-' : String(p[key]));
          return `${k.split('?')[0]!.replace(/^\/|\.html$/g, '')}: masked ${at('w:masked')} (top frame: fields ${at('frame-top:fields')}, text ${at('frame-top:text')}, layer ${at('frame-top:layer')}, painted ${at('frame-top:painted')}, placed ${at('frame-top:placed')}), captured ${at('w:capture')}-${at('w:captured')}, checked ${at('w:checked')} (offscreen ${at('offscreen:verified')}), unmasked ${at('w:unmasked')}, stored ${at('w:store')}-${at('w:stored')}, answer ${at('answer')}, thumbnail stored ${at('w:thumbnail-stored')}`;
        })
        .join('; '),
    }),
    info('capture: bare captureVisibleTab', round(bareS.median), 'ms', {
      ...rounded(bareS),
      summary: `p95 ${round(bareS.p95)} ms`,
    }),
    info('capture: html-to-image toJpeg (viewport)', round(dom.median), 'ms', {
      ...rounded(dom),
      summary: `p95 ${round(dom.p95)} ms`,
    }),
    info('capture: diagnostic, base64 decode + SHA-256 of the capture', round(hash.median, 2), 'ms', {
      ...rounded(hash, 2),
      summary: `what a Log step does with the image before storing it on a page with nothing to cover; p95 ${round(hash.p95, 2)} ms, n=${hash.n}`,
    }),
    info('capture: diagnostic, thumbnail by the offscreen document (after the store)', round(proc.median), 'ms', {
      ...rounded(proc),
      summary: `the request the worker sends once the screenshot is stored (ImageDecoder at thumbnail size, JPEG encode, both messages): not part of the Log step; n=${proc.n}`,
    }),
    info('capture: diagnostic, cover check in the offscreen document', round(checkOffscreen.median, 2), 'ms', {
      ...rounded(checkOffscreen, 2),
      summary: `the check request the worker sends before storing, with the covers' boxes (the top frame's, on the pages with covers): the document decodes at full size and reads each box, both messages; p95 ${round(checkOffscreen.p95, 2)} ms, n=${checkOffscreen.n}`,
    }),
    info("capture: diagnostic, cover check on a decoded image, the worker's way", round(check.median, 2), 'ms', {
      ...rounded(check, 2),
      summary: `as checkBitmap (the worker's fallback, Firefox and Full page): the image drawn at full size, each cover's box read and its luma mean and spread computed (the top frame's boxes); p95 ${round(check.p95, 2)} ms, n=${check.n}`,
    }),
    info('capture: diagnostic, image processing replica (worker, the fallback)', round(workerProc.median), 'ms', {
      ...rounded(workerProc),
      summary:
        'base64 decode + JPEG header + SHA-256 beside a full decode drawn at 320px + JPEG encode, as drawThumbnailHere when the offscreen document is not open',
    }),
    info('capture: diagnostic, IndexedDB commit of a screenshot', round(idb.median), 'ms', {
      ...rounded(idb),
      summary: `one readwrite transaction: record + full JPEG, as the Log step's (the thumbnail follows in its own); p95 ${round(idb.p95)} ms`,
    }),
    info('capture: diagnostic, panel-worker message round trip', round(msg.median), 'ms', {
      ...rounded(msg),
      summary: `a message the worker's listeners decline (no work); p95 ${round(msg.p95)} ms`,
    }),
    info('capture: diagnostic, mask round trip', round(mask.median), 'ms', {
      ...rounded(mask),
      perPage: Object.fromEntries(Object.entries(perPageDetail).map(([k, v]) => [k, v.maskRoundTripMedian])),
      summary: `every frame; by page: ${Object.entries(perPageDetail)
        .map(([k, v]) => `${k.split('?')[0]!.replace(/^\/|\.html$/g, '')} ${v.maskRoundTripMedian}`)
        .join(', ')}`,
    }),
    info('capture: diagnostic, covers up to captured (pages with covers)', round(coversAll.median), 'ms', {
      ...rounded(coversAll),
      byPage: coversToImage,
      ratioToBare: round(coversAll.median / bareS.median, 2),
      summary: `${round(coversAll.median / bareS.median, 2)}x the bare call before any check or store: the covers put up in every frame, their frame drawn, and the capture that holds them; by page: ${coversToImage
        .map(
          ({ page, ms, log: l }) =>
            `${page.split('?')[0]!.replace(/^\/|\.html$/g, '')} ${round(ms)} of a ${round(l)} ms Log step (${round(l / bareS.median, 2)}x)`,
        )
        .join(', ')}`,
    }),
    info('capture: diagnostic, floor of a Log step', round(floor), 'ms', {
      parts: {
        bare: round(bareS.median),
        decodeAndHash: round(hash.median, 2),
        idbCommit: round(idb.median),
        messageRoundTrip: round(msg.median),
        maskOnPageWithoutFields: round(maskNoFields),
      },
      ratioToBare: round(floor / bareS.median, 2),
      note: 'The work a Log step cannot skip on a page with nothing to cover, done one after the other: capture, base64 decode and hash, one commit, the message hops, asking every frame to mask. The covers, their frame and the pixel check on pages with covers come on top.',
      summary: `${round(floor / bareS.median, 2)}x the bare call: bare ${round(bareS.median)} + decode and hash ${round(hash.median, 1)} + commit ${round(idb.median)} + messages ${round(msg.median)} + mask ${round(maskNoFields)}`,
    }),
  ];
}
