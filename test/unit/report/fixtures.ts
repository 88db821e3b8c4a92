// Report fixtures: a six-step guest checkout with ratings, emotions, signals, findings with
// rectangles, a failed critical criterion, an end survey, and one screenshot per captured step
// whose bytes and SHA-256 are real. Hostile text goes where untrusted text goes.
import { createHash } from 'node:crypto';
import { setMessages } from '../../../src/i18n/t.ts';
import type { Audit, EmotionId, FeltEmotion, Finding, Rect, Screenshot, Step } from '../../../src/domain/model.ts';
import { buildReportData, type ReportData } from '../../../src/report/data.ts';
import messages from '../../../public/_locales/en/messages.json';
import { makeAudit, makeSignals, makeStep, mark, marksWith } from '../scores/factory.ts';

export const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
export const HOSTILE_NOTE = 'Total jumped </script><script>alert(1)</script> at payment';
export const HOSTILE_FINDING = '"><img src=x onerror=alert(2)> coupon field';
export const HOSTILE_SITE = 'Northwind <b>Outfitters</b> & "Co"';
export const HOSTILE_COMMENT = 'Account forced <svg onload=alert(3)>';

export function loadMessages(): void {
  setMessages(messages);
}

const e = (emotion: EmotionId, intensity: number): FeltEmotion => ({ emotion, intensity });

export function finding(
  id: string,
  title: string,
  severity: number,
  shotId: string | null,
  rect: Rect | null,
): Finding {
  return {
    id,
    title,
    severity,
    element: 'frictionless',
    evidence: shotId ? { shotId, rect } : null,
    createdAt: '2026-11-23T10:05:00.000Z',
  };
}

/** Deterministic pseudo-JPEG bytes (SOI marker, then a pattern). */
export function imageBytes(size: number, seed: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes[0] = 0xff;
  bytes[1] = 0xd8;
  for (let i = 2; i < size; i++) bytes[i] = (i * 31 + seed * 17) & 0xff;
  return bytes;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function shotFor(step: Step, bytes: Uint8Array, n = 0): Screenshot {
  return {
    id: `sht_${step.id}_${n}`,
    auditId: step.auditId,
    stepId: step.id,
    takenAt: `2026-11-23T10:0${step.index}:0${n}.000Z`,
    mime: 'image/jpeg',
    width: 1280,
    height: 800,
    bytes: bytes.length,
    sha256: sha256(bytes),
    thumbWidth: 320,
    thumbHeight: 200,
    thumbBytes: 100,
    masked: true,
    maskedFields: step.index,
  };
}

export function journeySteps(): Step[] {
  const at = (i: number) => `2026-11-23T10:0${i}:00.000Z`;
  return [
    makeStep({
      id: 's0',
      index: 0,
      startedAt: at(0),
      stage: 'landing',
      title: 'Home',
      ease: 6,
      valence: 2,
      emotions: [e('interested', 3)],
      signals: makeSignals({ clicks: 3, lcpMs: 1800, cls: 0.02, inpMs: 120 }),
    }),
    makeStep({
      id: 's1',
      index: 1,
      startedAt: at(1),
      stage: 'product',
      title: 'Jacket, size M',
      ease: 6,
      valence: 3,
      emotions: [e('happy', 4), e('trusting', 2)],
      signals: makeSignals({ clicks: 5, lcpMs: 3100, cls: 0.3, inpMs: 640 }),
    }),
    makeStep({
      id: 's2',
      index: 2,
      startedAt: at(2),
      stage: 'checkout-details',
      title: HOSTILE_TITLE,
      url: 'javascript:alert(1)',
      ease: 2,
      valence: -3,
      note: HOSTILE_NOTE,
      emotions: [e('frustrated', 4), e('stressed', 3)],
      signals: makeSignals({
        clicks: 14,
        rageClicks: 2,
        deadClicks: 1,
        fields: 9,
        requiredFields: 7,
        formErrors: 3,
        lcpMs: 4200,
      }),
      findings: [
        finding('f1', HOSTILE_FINDING, 3, 'sht_s2_0', { x: 100, y: 200, width: 300, height: 120 }),
        finding('f2', 'Account creation forced', 4, 'sht_s2_0', { x: 640, y: 400, width: 500, height: 200 }),
      ],
    }),
    makeStep({
      id: 's3',
      index: 3,
      startedAt: at(3),
      stage: 'payment',
      title: 'Payment',
      signals: makeSignals({ fields: 4 }),
    }),
    makeStep({
      id: 's4',
      index: 4,
      startedAt: at(4),
      stage: 'confirmation',
      title: 'Thank you, order NW-1042',
      ease: 6,
      valence: 1,
      emotions: [e('pleased', 2)],
      findings: [finding('f3', 'Delivery date missing', 1, null, null)],
    }),
    makeStep({
      id: 's5',
      index: 5,
      startedAt: at(5),
      stage: 'post-purchase',
      title: 'Order e-mail (not rated)',
      capture: { status: 'uncapturable', reason: 'browser-page' },
    }),
  ];
}

export function journeyAudit(overrides: Partial<Audit> = {}): Audit {
  return makeAudit({
    site: HOSTILE_SITE,
    touchpoint: 1,
    endSurvey: { taskCompleted: true, ces: 5, rememberedValence: -1 },
    endedAt: '2026-11-23T10:07:30.000Z',
    rubric: {
      rubricVersion: 'v1',
      marks: marksWith({
        M1: mark('pass'),
        M2: mark('partial'),
        I1: mark('partial'),
        I3: { ...mark('fail', 2, 'Apply button did nothing'), evidence: { stepId: 's2' } },
        P1: mark('pass'),
        P5: mark('na'),
        F1: { ...mark('fail', 3, HOSTILE_COMMENT), evidence: { stepId: 's2', shotId: 'sht_s2_0' } },
        F2: mark('pass'),
        S4: mark('pass', 2),
      }),
    },
    ...overrides,
  });
}

export interface Journey {
  data: ReportData;
  blobs: Map<string, Uint8Array>;
}

/** The journey's report data, with screenshots of steps 0-4 and their bytes. */
export function journey(overrides: Partial<Audit> = {}): Journey {
  const steps = journeySteps();
  const blobs = new Map<string, Uint8Array>();
  const shots: Screenshot[] = [];
  for (const step of steps.slice(0, 5)) {
    const bytes = imageBytes(2000 + step.index * 100, step.index + 1);
    const shot = shotFor(step, bytes);
    shots.push(shot);
    blobs.set(shot.id, bytes);
  }
  const data = buildReportData(journeyAudit(overrides), [...steps].reverse(), shots, '2026-11-23T12:00:00.000Z');
  return { data, blobs };
}
