// Import test fixtures: a real export (the colleague's buildExport + buildZip) of a three-step
// audit whose screenshots are real JPEG/PNG byte streams with their true SHA-256, hostile text in
// every free-text field, and helpers to damage a zip the ways the issue lists.
import { createHash } from 'node:crypto';
import type { Audit, Screenshot, Step } from '../../../src/domain/model.ts';
import type { Probe } from '../../../src/domain/probes.ts';
import { prepareImportBytes, type ImportPlan, type Sha256 } from '../../../src/domain/import/index.ts';
import { buildReportData } from '../../../src/report/data.ts';
import type { AuditExport } from '../../../src/domain/export-format.ts';
import { buildExport } from '../../../src/report/json.ts';
import { buildZip } from '../../../src/report/zip.ts';
import { makeAudit, makeSignals, makeStep, mark, marksWith } from '../scores/factory.ts';

export const sha256hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
export const sha256: Sha256 = async (bytes) => sha256hex(bytes);

export const HOSTILE = `<img src=x onerror=alert(1)>"'&amp;</script><script>alert(2)</script>\u202e\u0000 {{x}} \${y}`;

/** Bytes that start like a JPEG (FF D8 FF E0) and end like one, deterministic. */
export function jpeg(size: number, seed: number): Uint8Array {
  const b = new Uint8Array(size);
  b.set([0xff, 0xd8, 0xff, 0xe0]);
  for (let i = 4; i < size - 2; i++) b[i] = (i * 31 + seed * 17) & 0xff;
  b[size - 2] = 0xff;
  b[size - 1] = 0xd9;
  return b;
}

export function png(size: number, seed: number): Uint8Array {
  const b = new Uint8Array(size);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i++) b[i] = (i * 7 + seed) & 0xff;
  return b;
}

export const AUDIT_ID = 'aud_0b7c1f0e-1111-4222-8333-944455556666';

export function shot(step: Step, bytes: Uint8Array, mime = 'image/jpeg', n = 0): Screenshot {
  return {
    id: `sht_${step.id}_${n}`,
    auditId: step.auditId,
    stepId: step.id,
    takenAt: `2026-11-23T10:0${step.index}:0${n}.000Z`,
    mime,
    width: 1280,
    height: 800,
    bytes: bytes.length,
    sha256: sha256hex(bytes),
    thumbWidth: 320,
    thumbHeight: 200,
    thumbBytes: 100,
    masked: true,
    maskedFields: step.index,
  };
}

export interface Fixture {
  audit: Audit;
  steps: Step[];
  shots: Screenshot[];
  probes: Probe[];
  blobs: Map<string, Uint8Array>;
  exp: AuditExport;
  zip: Uint8Array;
  json: Uint8Array;
}

export function fixture(overrides: Partial<Audit> = {}): Fixture {
  const auditId = overrides.id ?? AUDIT_ID;
  const steps: Step[] = [
    makeStep({
      id: 'stp_a',
      auditId,
      index: 0,
      title: 'Home',
      url: 'https://shop.example/',
      ease: 6,
      valence: 2,
      emotions: [{ emotion: 'interested', intensity: 3 }],
      signals: makeSignals({ clicks: 2, lcpMs: 1200 }),
    }),
    makeStep({
      id: 'stp_b',
      auditId,
      index: 1,
      title: HOSTILE,
      url: 'javascript:alert(1)',
      note: HOSTILE,
      ease: 2,
      valence: -3,
      stage: 'cart',
      stageSource: 'auditor',
      emotions: [
        { emotion: 'frustrated', intensity: 4 },
        { emotion: 'stressed', intensity: 2 },
      ],
      findings: [
        {
          id: 'fnd_1',
          title: HOSTILE,
          severity: 3,
          element: 'frictionless',
          evidence: { shotId: 'sht_stp_b_0', rect: { x: 1, y: 2, width: 30, height: 40 } },
          createdAt: '2026-11-23T10:01:30.000Z',
          recommendation: 'Accept the card number with spaces',
        },
        {
          id: 'fnd_2',
          title: 'No delivery date',
          severity: 1,
          element: null,
          evidence: null,
          createdAt: '2026-11-23T10:01:40.000Z',
        },
      ],
    }),
    makeStep({
      id: 'stp_c',
      auditId,
      index: 2,
      title: 'Thanks',
      ease: 7,
      valence: 1,
      emotions: [{ emotion: 'pleased', intensity: 2 }],
    }),
  ];
  const blobs = new Map<string, Uint8Array>();
  const shots: Screenshot[] = [];
  for (const step of steps) {
    const bytes = step.index === 2 ? png(900, 5) : jpeg(1500 + step.index * 100, step.index + 1);
    const s = shot(step, bytes, step.index === 2 ? 'image/png' : 'image/jpeg');
    shots.push(s);
    blobs.set(s.id, bytes);
  }
  const audit = makeAudit({
    id: auditId,
    site: HOSTILE,
    scenario: HOSTILE,
    successCriterion: HOSTILE,
    auditor: HOSTILE,
    status: 'ended',
    stepCount: 3,
    maskSelectors: ['#card', HOSTILE],
    maskText: false,
    endSurvey: { taskCompleted: true, ces: 5, rememberedValence: -1 },
    rubric: {
      rubricVersion: 'v1',
      marks: marksWith({
        M1: mark('pass'),
        F1: { ...mark('fail', 3, HOSTILE), evidence: { stepId: 'stp_b', shotId: 'sht_stp_b_0' } },
        I3: { ...mark('partial'), evidence: { stepId: 'stp_a' } },
      }),
    },
    ...overrides,
  });
  const sent = Date.UTC(2026, 10, 23, 10, 1, 5);
  const probes: Probe[] = [
    {
      id: 'prb_chat',
      auditId,
      stepId: 'stp_b',
      channel: 'chat',
      question: HOSTILE,
      sentAt: sent,
      replies: [
        { at: sent + 200_000, answered: false },
        { at: sent + 260_000, answered: true },
      ],
      resolvedAt: sent + 300_000,
      expectationMs: 120_000,
      createdAt: '2026-11-23T10:01:05.000Z',
      updatedAt: '2026-11-23T10:06:05.000Z',
    },
    {
      id: 'prb_mail',
      auditId,
      stepId: null,
      channel: 'email',
      question: 'Where is my order?',
      sentAt: sent + 1000,
      replies: [],
      resolvedAt: null,
      expectationMs: null,
      createdAt: '2026-11-23T10:01:06.000Z',
      updatedAt: '2026-11-23T10:01:06.000Z',
    },
  ];
  const data = buildReportData(audit, steps, shots, '2026-11-23T12:00:00.000Z', undefined, [], probes);
  const exp = buildExport(data, { generatorVersion: '0.1.0' });
  const zip = buildZip(exp, blobs);
  const json = new TextEncoder().encode(JSON.stringify(exp));
  return { audit, steps, shots, probes, blobs, exp, zip, json };
}

/**
 * An export as parsed JSON, for tests that break it field by field: any path may be read and any value
 * written. A precise type would refuse exactly the corruptions these tests exist to make.
 */
// oxlint-disable-next-line typescript/no-explicit-any -- the one loose type the import tests corrupt exports through
export type BrokenExport = any;

/** A deep copy of the export as plain JSON, to break. */
export const clone = (exp: AuditExport): BrokenExport => JSON.parse(JSON.stringify(exp));

export const encode = (value: unknown): Uint8Array =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

export async function prepare(bytes: Uint8Array, name = 'audit.zip') {
  return prepareImportBytes(bytes, name, { sha256 });
}

export async function plan(bytes: Uint8Array, name = 'audit.zip'): Promise<ImportPlan> {
  const result = await prepare(bytes, name);
  if (!result.ok) throw new Error(`expected a valid import, got ${JSON.stringify(result.error)}`);
  return result.value;
}

// ---- zip surgery -------------------------------------------------------------------------------

const u32 = (b: Uint8Array, i: number) =>
  ((b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) >>> 0) + b[i + 3]! * 0x1000000;
const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const put32 = (b: Uint8Array, i: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(i, v, true);

export interface CentralEntry {
  name: string;
  /** Offset of the central directory header. */
  at: number;
  local: number;
}

export function centralEntries(zip: Uint8Array): CentralEntry[] {
  let end = zip.length - 22;
  while (u32(zip, end) !== 0x06054b50) end--;
  const count = u16(zip, end + 10);
  let p = u32(zip, end + 16);
  const out: CentralEntry[] = [];
  for (let n = 0; n < count; n++) {
    const nameLen = u16(zip, p + 28);
    const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen));
    out.push({ name, at: p, local: u32(zip, p + 42) });
    p += 46 + nameLen + u16(zip, p + 30) + u16(zip, p + 32);
  }
  return out;
}

/** Sets an entry's declared uncompressed size (central directory and local header). */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const entry = centralEntries(out).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  put32(out, entry.at + 24, size);
  put32(out, entry.local + 22, size);
  return out;
}

/** Overwrites the bytes of an entry's name in both headers (same length). */
export function renameEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  if (from.length !== to.length) throw new Error('same length only');
  const out = zip.slice();
  const entry = centralEntries(out).find((e) => e.name === from);
  if (!entry) throw new Error(`no ${from}`);
  const bytes = new TextEncoder().encode(to);
  out.set(bytes, entry.at + 46);
  out.set(bytes, entry.local + 30);
  return out;
}

export function setFlag(zip: Uint8Array, name: string, flag: number): Uint8Array {
  const out = zip.slice();
  const entry = centralEntries(out).find((e) => e.name === name)!;
  out[entry.at + 8] = out[entry.at + 8]! | flag;
  return out;
}
