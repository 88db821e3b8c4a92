// Bench-only extension page (never shipped: built by scripts/bench/lib/build.ts into the bench's own
// copy of the extension). It runs in the extension's origin, so it sees the same IndexedDB as the
// panel and the worker, and it writes and exports through the product's own modules: the store's
// addStep/addScreenshot (same stores, same record shapes) and the report's export functions.
import { createAudit, createScreenshot } from '../../../src/domain/factories.ts';
import {
  ELEMENT_IDS,
  type CriterionMark,
  type EmotionId,
  type Finding,
  type Mark,
  type Screenshot,
} from '../../../src/domain/model.ts';
import { RUBRIC_V1 } from '../../../src/domain/rubric.ts';
import { ECOMMERCE_TEMPLATE } from '../../../src/domain/templates.ts';
import { loadReportData } from '../../../src/report/data.ts';
import { exportBlob, htmlExport, zipExport } from '../../../src/report/exports.ts';
import { dataUrlImages } from '../../../src/report/images.ts';
import { collectBlobs } from '../../../src/report/zip.ts';
import {
  addScreenshot,
  addStep,
  getAudit,
  getBlob,
  listAudits,
  listScreenshots,
  listSteps,
  openPeakendDb,
  patchAudit,
  patchStep,
  putAudit,
  setActive,
} from '../../../src/store/index.ts';

/** An audit of the bench's one scenario: a guest buying a jacket, on a 1280x800 desktop Chromium. */
function benchAudit(site: string, auditor: string, startUrl: string, at: string) {
  return createAudit(
    {
      site,
      scenario: 'Buy a size-M jacket as a guest',
      auditor,
      successCriterion: 'Order confirmed',
      startUrl,
      viewport: { width: 1280, height: 800 },
      browser: 'Chromium',
      locale: 'en-GB',
      device: 'desktop',
    },
    at,
  );
}

interface Source {
  full: ArrayBuffer;
  thumb: ArrayBuffer;
  meta: Omit<Screenshot, 'id' | 'auditId' | 'stepId' | 'takenAt'>;
}

const sources: Source[] = [];
let sourceKind: 'captured' | 'synthetic' = 'captured';

/** Deterministic pseudo-random numbers, so every run seeds the same audit. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Real screenshots taken earlier in the run (distinct pixels), reused as the synthetic audit's images. */
async function loadSources(
  max = 48,
): Promise<{ count: number; kind: string; meanFullBytes: number; meanThumbBytes: number }> {
  sources.length = 0;
  const db = await openPeakendDb();
  const shots = await db.getAll('screenshots');
  const seen = new Set<string>();
  for (const s of shots) {
    if (seen.has(s.sha256) || s.mime !== 'image/jpeg') continue;
    const [full, thumb] = await Promise.all([getBlob(db, s.id, 'full'), getBlob(db, s.id, 'thumb')]);
    if (!full || !thumb) continue;
    seen.add(s.sha256);
    const { id: _id, auditId: _a, stepId: _s, takenAt: _t, ...meta } = s;
    sources.push({ full: await full.arrayBuffer(), thumb: await thumb.arrayBuffer(), meta });
    if (sources.length >= max) break;
  }
  sourceKind = 'captured';
  if (sources.length === 0) await syntheticSources(8);
  const mean = (f: (s: Source) => number) => sources.reduce((sum, s) => sum + f(s), 0) / sources.length;
  return {
    count: sources.length,
    kind: sourceKind,
    meanFullBytes: mean((s) => s.full.byteLength),
    meanThumbBytes: mean((s) => s.thumb.byteLength),
  };
}

/** Fallback when no capture is available: busy 1280x800 JPEGs drawn on a canvas. */
async function syntheticSources(count: number): Promise<void> {
  sourceKind = 'synthetic';
  const rand = rng(7);
  for (let k = 0; k < count; k++) {
    const canvas = new OffscreenCanvas(1280, 800);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#f6f4ef';
    ctx.fillRect(0, 0, 1280, 800);
    for (let i = 0; i < 160; i++) {
      ctx.fillStyle = `hsl(${Math.floor(rand() * 360)} 40% ${30 + Math.floor(rand() * 50)}%)`;
      ctx.fillRect(rand() * 1280, rand() * 800, 20 + rand() * 300, 10 + rand() * 120);
      ctx.fillStyle = '#222';
      ctx.font = `${12 + Math.floor(rand() * 20)}px sans-serif`;
      ctx.fillText(`Northwind Outfitters ${k}-${i}`, rand() * 1200, rand() * 800);
    }
    const full = await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 })).arrayBuffer();
    const small = new OffscreenCanvas(320, 200);
    small.getContext('2d')!.drawImage(canvas, 0, 0, 320, 200);
    const thumb = await (await small.convertToBlob({ type: 'image/jpeg', quality: 0.7 })).arrayBuffer();
    sources.push({
      full,
      thumb,
      meta: {
        mime: 'image/jpeg',
        width: 1280,
        height: 800,
        bytes: full.byteLength,
        sha256: await sha256Hex(full),
        thumbWidth: 320,
        thumbHeight: 200,
        thumbBytes: thumb.byteLength,
        masked: true,
        maskedFields: 0,
      },
    });
  }
}

/**
 * Small real JPEGs (400x250, drawn and encoded by the browser, 8 distinct images) for the sync
 * bench: 6,000 screenshots of full-size captures would make a 200-audit programme gigabytes.
 */
async function smallSources(count = 8): Promise<Source[]> {
  const rand = rng(11);
  const out: Source[] = [];
  for (let k = 0; k < count; k++) {
    const canvas = new OffscreenCanvas(400, 250);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#f6f4ef';
    ctx.fillRect(0, 0, 400, 250);
    for (let i = 0; i < 40; i++) {
      ctx.fillStyle = `hsl(${Math.floor(rand() * 360)} 40% ${30 + Math.floor(rand() * 50)}%)`;
      ctx.fillRect(rand() * 400, rand() * 250, 10 + rand() * 100, 5 + rand() * 40);
      ctx.fillStyle = '#222';
      ctx.font = `${10 + Math.floor(rand() * 8)}px sans-serif`;
      ctx.fillText(`Northwind ${k}-${i}`, rand() * 360, rand() * 250);
    }
    const full = await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 })).arrayBuffer();
    const small = new OffscreenCanvas(160, 100);
    small.getContext('2d')!.drawImage(canvas, 0, 0, 160, 100);
    const thumb = await (await small.convertToBlob({ type: 'image/jpeg', quality: 0.7 })).arrayBuffer();
    out.push({
      full,
      thumb,
      meta: {
        mime: 'image/jpeg',
        width: 400,
        height: 250,
        bytes: full.byteLength,
        sha256: await sha256Hex(full),
        thumbWidth: 160,
        thumbHeight: 100,
        thumbBytes: thumb.byteLength,
        masked: true,
        maskedFields: 0,
      },
    });
  }
  return out;
}

const EMOTIONS: EmotionId[] = [
  'happy',
  'pleased',
  'trusting',
  'focused',
  'interested',
  'irritated',
  'hurried',
  'frustrated',
  'stressed',
  'safe',
];
const NOTES = [
  'Clear layout, the size chart answered my question quickly.',
  'Had to look for the delivery costs; they only show up late.',
  'Coupon field gave no feedback when I pressed Apply.',
  'Card form is long but the inline validation helps.',
  '',
];

export interface SeedResult {
  auditId: string;
  steps: number;
  /** Time spent in the store's addStep + addScreenshot calls (the capture path's writes). */
  writeMs: number;
  wallMs: number;
  fullBytes: number;
  thumbBytes: number;
  usageBefore: number | null;
  usageAfter: number | null;
  sourceKind: string;
}

async function usage(): Promise<number | null> {
  try {
    return (await navigator.storage.estimate()).usage ?? null;
  } catch {
    return null;
  }
}

/**
 * A rated audit of n steps, each with a screenshot (full JPEG + thumbnail), written through the store
 * exactly as the recorder writes it (addStep, then addScreenshot), then rated as the panel does
 * (patchStep), with rubric marks and an end survey.
 */
async function seedAudit(n: number, opts: { site: string; active: boolean; origin: string }): Promise<SeedResult> {
  if (sources.length === 0) await loadSources();
  const db = await openPeakendDb();
  const rand = rng(n * 31 + 5);
  const start = Date.UTC(2026, 10, 2, 9, 0, 0) + n * 1000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const usageBefore = await usage();
  const audit = benchAudit(opts.site, 'bench', `${opts.origin}/index.html`, iso(start));
  await putAudit(db, audit);
  const stages = ECOMMERCE_TEMPLATE.stages;
  const wall0 = performance.now();
  let writeMs = 0;
  let fullBytes = 0;
  let thumbBytes = 0;
  const made: Array<{ stepId: string; shotId: string; at: string }> = [];
  for (let i = 0; i < n; i++) {
    const src = sources[i % sources.length]!;
    const full = new Blob([src.full], { type: 'image/jpeg' });
    const thumb = new Blob([src.thumb], { type: 'image/jpeg' });
    const at = iso(start + i * 45_000);
    const stage = stages[Math.min(stages.length - 1, Math.floor((i * stages.length) / n))]!.id;
    const t0 = performance.now();
    const step = await addStep(
      db,
      audit.id,
      {
        url: `${opts.origin}/page-${i}.html?step=${i}`,
        title: `Page ${i + 1} – Northwind Outfitters`,
        trigger: 'navigation',
        stage,
      },
      at,
    );
    const shot = createScreenshot({ ...src.meta, auditId: audit.id, stepId: step.id, takenAt: at });
    await addScreenshot(db, shot, full, thumb, at);
    writeMs += performance.now() - t0;
    fullBytes += full.size;
    thumbBytes += thumb.size;
    made.push({ stepId: step.id, shotId: shot.id, at });
  }
  const wallMs = performance.now() - wall0;
  // Ratings, notes and findings, as the auditor adds them in the panel (not part of the write timing).
  for (const [i, m] of made.entries()) {
    const findings: Finding[] =
      i % 7 === 3
        ? [
            {
              id: `fnd_${crypto.randomUUID()}`,
              title: `Finding on step ${i + 1}: unclear delivery cost`,
              severity: 1 + (i % 4),
              element: ELEMENT_IDS[i % ELEMENT_IDS.length]!,
              evidence: { shotId: m.shotId, rect: { x: 80 + (i % 5) * 40, y: 120, width: 420, height: 180 } },
              createdAt: m.at,
            },
          ]
        : [];
    await patchStep(
      db,
      m.stepId,
      {
        ease: 1 + Math.floor(rand() * 7),
        valence: Math.floor(rand() * 9) - 4,
        arousal: 1 + Math.floor(rand() * 9),
        emotions: [{ emotion: EMOTIONS[Math.floor(rand() * EMOTIONS.length)]!, intensity: 1 + Math.floor(rand() * 5) }],
        note: NOTES[i % NOTES.length]!,
        findings,
      },
      m.at,
    );
  }
  const marks: Record<string, CriterionMark> = {};
  const MARKS: Mark[] = ['pass', 'partial', 'fail', 'pass', 'na'];
  for (const [k, c] of RUBRIC_V1.criteria.entries()) {
    const m = made[(k * 13) % made.length]!;
    marks[c.id] = {
      mark: MARKS[k % MARKS.length]!,
      weight: 1 + (k % 3),
      evidence: { stepId: m.stepId, shotId: m.shotId },
      comment: `Seen on step ${((k * 13) % made.length) + 1}`,
    };
  }
  await patchAudit(
    db,
    audit.id,
    {
      rubric: { rubricVersion: RUBRIC_V1.version, marks },
      endSurvey: { taskCompleted: true, ces: 5, rememberedValence: 2 },
      touchpoint: 2,
      status: opts.active ? 'running' : 'ended',
      endedAt: opts.active ? null : iso(start + n * 45_000),
    },
    iso(start + n * 45_000),
  );
  if (opts.active) await setActive(db, { auditId: audit.id, tabId: null, windowId: null });
  return {
    auditId: audit.id,
    steps: n,
    writeMs,
    wallMs,
    fullBytes,
    thumbBytes,
    usageBefore,
    usageAfter: await usage(),
    sourceKind,
  };
}

export interface ExportTiming {
  totalMs: number;
  loadMs: number;
  collectMs: number;
  renderMs: number;
  blobMs: number;
  bytes: number;
  steps: number;
}

/**
 * One export as the report tab's buttons make it: report data from the store, the screenshots' bytes
 * (collectBlobs), the export function, and the Blob the download link is made from.
 */
async function exportOnce(auditId: string, format: 'html' | 'zip'): Promise<ExportTiming> {
  const t0 = performance.now();
  const db = await openPeakendDb();
  const data = await loadReportData(db, auditId);
  if (!data) throw new Error(`no audit ${auditId}`);
  const t1 = performance.now();
  const blobs = await collectBlobs(db, data.screenshots, 'full');
  const t2 = performance.now();
  const file =
    format === 'html'
      ? htmlExport(data, dataUrlImages(data.screenshots, blobs), { locale: 'en', lang: 'en', dir: 'ltr' })
      : zipExport(data, blobs, { generatorVersion: chrome.runtime.getManifest().version });
  const t3 = performance.now();
  const blob = exportBlob(file);
  const t4 = performance.now();
  return {
    totalMs: t4 - t0,
    loadMs: t1 - t0,
    collectMs: t2 - t1,
    renderMs: t3 - t2,
    blobMs: t4 - t3,
    bytes: blob.size,
    steps: data.steps.length,
  };
}

/**
 * Reading a whole audit back: listSteps alone (what the recorder's stepInitFor reads on every step)
 * and audit + steps + screenshots together (what the panel reads on every change event).
 */
async function timeReads(auditId: string, reps: number): Promise<{ listStepsMs: number[]; wholeAuditMs: number[] }> {
  const db = await openPeakendDb();
  const listStepsMs: number[] = [];
  const wholeAuditMs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await listSteps(db, auditId);
    const t1 = performance.now();
    await Promise.all([getAudit(db, auditId), listSteps(db, auditId), listScreenshots(db, auditId)]);
    const t2 = performance.now();
    listStepsMs.push(t1 - t0);
    wholeAuditMs.push(t2 - t1);
  }
  return { listStepsMs, wholeAuditMs };
}

/** Makes `auditId` the active audit, the one the panel opens on (the scale section alternates two). */
async function activate(auditId: string): Promise<void> {
  await setActive(await openPeakendDb(), { auditId, tabId: null, windowId: null });
}

export interface ProgrammeSeed {
  programmeId: string;
  audits: number;
  steps: number;
  wallMs: number;
  /** Screenshot bytes written (0 without screenshots). */
  imageBytes: number;
}

/**
 * A programme of `count` ended, complete audits of `steps` rated steps each, written through the
 * store as the recorder and the panel write them (putAudit, addStep, patchStep, patchAudit), spread
 * over 10 sites, 4 waves and 5 auditors. No screenshot unless `withShots` (one small JPEG a step, for
 * the sync bench): the programme view reads none.
 */
async function seedProgramme(
  count: number,
  steps: number,
  programme: { id: string; name: string },
  withShots = false,
): Promise<ProgrammeSeed> {
  const db = await openPeakendDb();
  const images = withShots ? await smallSources() : [];
  let imageBytes = 0;
  const rand = rng(count * 17 + steps);
  const wall0 = performance.now();
  const stages = ECOMMERCE_TEMPLATE.stages;
  const perWave = Math.ceil(count / 4);
  for (let a = 0; a < count; a++) {
    const wave = Math.floor(a / perWave);
    const start = Date.UTC(2026, 2 + wave * 2, 1 + (a % 20), 9, 0, 0);
    const iso = (ms: number) => new Date(ms).toISOString();
    const audit = benchAudit(`Site ${1 + (a % 10)}`, `auditor-${1 + (a % 5)}`, 'https://shop.example/', iso(start));
    await putAudit(db, { ...audit, programme: { id: programme.id, name: programme.name, wave: `Wave ${wave + 1}` } });
    for (let i = 0; i < steps; i++) {
      const at = iso(start + i * 45_000);
      const step = await addStep(
        db,
        audit.id,
        {
          url: `https://shop.example/page-${i}.html`,
          title: `Page ${i + 1}`,
          trigger: 'navigation',
          stage: stages[Math.min(stages.length - 1, Math.floor((i * stages.length) / steps))]!.id,
        },
        at,
      );
      const image = images[(a + i) % Math.max(1, images.length)];
      if (image) {
        const shot = createScreenshot({ ...image.meta, auditId: audit.id, stepId: step.id, takenAt: at });
        const blob = (bytes: ArrayBuffer) => new Blob([bytes], { type: 'image/jpeg' });
        await addScreenshot(db, shot, blob(image.full), blob(image.thumb), at);
        imageBytes += image.full.byteLength;
      }
      await patchStep(
        db,
        step.id,
        {
          ease: 1 + Math.floor(rand() * 7),
          valence: Math.floor(rand() * 9) - 4,
          emotions: [
            { emotion: EMOTIONS[Math.floor(rand() * EMOTIONS.length)]!, intensity: 1 + Math.floor(rand() * 5) },
          ],
          findings:
            i % 10 === 4
              ? [
                  {
                    id: `fnd_${crypto.randomUUID()}`,
                    title: `Delivery cost unclear on page ${i + 1}`,
                    severity: 2,
                    element: null,
                    evidence: null,
                    createdAt: at,
                  },
                ]
              : [],
        },
        at,
      );
    }
    const marks: Record<string, CriterionMark> = {};
    for (const c of RUBRIC_V1.criteria) {
      const r = rand();
      marks[c.id] = { mark: r < 0.6 ? 'pass' : r < 0.8 ? 'partial' : 'fail', weight: 1, evidence: null, comment: '' };
    }
    const end = iso(start + steps * 45_000);
    await patchAudit(
      db,
      audit.id,
      {
        rubric: { rubricVersion: RUBRIC_V1.version, marks },
        endSurvey: { taskCompleted: true, ces: 5, rememberedValence: 1 },
        status: 'ended',
        startedAt: iso(start),
        endedAt: end,
      },
      end,
    );
  }
  return { programmeId: programme.id, audits: count, steps, wallMs: performance.now() - wall0, imageBytes };
}

/**
 * Edits every audit of the programme once through the store, as a person does in the panel: a new
 * note on its first step (patchStep). An ended audit's summary is computed again in that write's
 * transaction (src/store/score-cache.ts), so the next programme view scores none from its steps.
 */
async function editProgramme(programmeId: string): Promise<number> {
  const db = await openPeakendDb();
  const members = (await listAudits(db)).filter((a) => a.programme?.id === programmeId);
  for (const audit of members) {
    const [first] = await listSteps(db, audit.id);
    if (first) await patchStep(db, first.id, { note: `Edited ${new Date().toISOString()}` }, new Date().toISOString());
  }
  return members.length;
}

/**
 * Marks every stored summary of the programme as computed by another build of the scoring code, as
 * on the first opening after an update that changed it: the view then scores every audit from its
 * steps (a truly cold opening). Written into IndexedDB directly: no store write path does this.
 */
async function staleProgramme(programmeId: string): Promise<number> {
  const db = await openPeakendDb();
  const members = new Set((await listAudits(db)).filter((a) => a.programme?.id === programmeId).map((a) => a.id));
  const tx = db.transaction('scoreCache', 'readwrite');
  let n = 0;
  for (const record of await tx.store.getAll()) {
    if (!members.has(record.auditId) || !record.summary) continue;
    await tx.store.put({ ...record, summary: { ...record.summary, scoring: 'an-older-build' } });
    n += 1;
  }
  await tx.done;
  return n;
}

export interface WriteTimes {
  /** patchStep (a note) on ended audits: the summary is computed again in the write. */
  endedMs: number[];
  /** The same write on the same audits in progress: the summary is only dropped (as before). */
  runningMs: number[];
  steps: number;
}

/**
 * The cost of a write to an ended audit against the same write to one in progress: `count` audits of
 * the programme, each set running (not timed), written, set ended again (not timed), written, in turn.
 */
async function timeAuditWrites(programmeId: string, count: number): Promise<WriteTimes> {
  const db = await openPeakendDb();
  const members = (await listAudits(db)).filter((a) => a.programme?.id === programmeId && a.status === 'ended');
  const times: WriteTimes = { endedMs: [], runningMs: [], steps: 0 };
  for (let i = 0; i < count; i++) {
    const audit = members[i % members.length];
    if (!audit) break;
    const steps = await listSteps(db, audit.id);
    const step = steps[i % steps.length];
    if (!step) continue;
    times.steps = steps.length;
    const now = () => new Date().toISOString();
    await patchAudit(db, audit.id, { status: 'running' }, now());
    let t0 = performance.now();
    await patchStep(db, step.id, { note: `Running ${i}` }, now());
    times.runningMs.push(performance.now() - t0);
    await patchAudit(db, audit.id, { status: 'ended' }, now());
    t0 = performance.now();
    await patchStep(db, step.id, { note: `Ended ${i}` }, now());
    times.endedMs.push(performance.now() - t0);
  }
  return times;
}

/**
 * The recorder's writes on a running audit, as a Log step makes them: `addStep`, then `addScreenshot`
 * (a small JPEG and its thumbnail), each timed, `count` times on one new audit. A running audit's
 * summary is only dropped, so these must cost what they cost before summaries were recomputed.
 */
async function timeRecorderWrites(count: number): Promise<{ addStepMs: number[]; addScreenshotMs: number[] }> {
  const db = await openPeakendDb();
  const images = await smallSources();
  const start = Date.now();
  const audit = benchAudit('Recorder writes', 'auditor-1', 'https://shop.example/', new Date(start).toISOString());
  await putAudit(db, audit);
  const out = { addStepMs: [] as number[], addScreenshotMs: [] as number[] };
  for (let i = 0; i < count; i++) {
    const at = new Date(start + i * 1000).toISOString();
    const t0 = performance.now();
    const step = await addStep(
      db,
      audit.id,
      { url: `https://shop.example/p${i}`, title: `P${i}`, trigger: 'navigation' },
      at,
    );
    const t1 = performance.now();
    const image = images[i % images.length]!;
    const shot = createScreenshot({ ...image.meta, auditId: audit.id, stepId: step.id, takenAt: at });
    const blob = (bytes: ArrayBuffer) => new Blob([bytes], { type: 'image/jpeg' });
    const full = blob(image.full);
    const thumb = blob(image.thumb);
    const t2 = performance.now();
    await addScreenshot(db, shot, full, thumb, at);
    out.addStepMs.push(t1 - t0);
    out.addScreenshotMs.push(performance.now() - t2);
  }
  return out;
}

const api = {
  loadSources,
  seedAudit,
  seedProgramme,
  editProgramme,
  staleProgramme,
  timeAuditWrites,
  timeRecorderWrites,
  exportOnce,
  timeReads,
  activate,
};
export type BenchApi = typeof api;
(globalThis as unknown as { peakendBench: BenchApi }).peakendBench = api;
document.title = 'bench ready';
