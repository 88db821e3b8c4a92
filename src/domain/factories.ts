// Constructors for fresh records, so every layer creates them with the same defaults.
import { newId } from './ids.ts';
import { DEFAULT_TEMPLATE_ID } from './templates.ts';
import type { Attachment, TouchpointInit } from './touchpoints.ts';
import {
  DEFAULT_SCORE_WEIGHTS,
  type Audit,
  type AuditId,
  type Screenshot,
  type Step,
  type StepTrigger,
  type Viewport,
} from './model.ts';

export interface AuditInit {
  site: string;
  scenario: string;
  auditor: string;
  successCriterion?: string;
  startUrl: string;
  viewport: Viewport;
  browser: string;
  locale: string;
  device?: string;
  templateId?: string;
  templateVersion?: number;
  rubricVersion?: string;
  /** The panel's language at creation (Audit.language). */
  language?: string;
}

export const DEFAULT_JPEG_QUALITY = 80;

/** The host of a page's address, the site name an audit gets when the auditor gives none. */
export function siteNameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function createAudit(init: AuditInit, now: string): Audit {
  return {
    id: newId('aud'),
    // An empty name is the start page's host: Start audit need not wait for the form's pre-fill.
    site: init.site.trim() || siteNameOf(init.startUrl),
    scenario: init.scenario.trim(),
    successCriterion: (init.successCriterion ?? '').trim(),
    auditor: init.auditor.trim(),
    startUrl: init.startUrl,
    viewport: init.viewport,
    browser: init.browser,
    locale: init.locale,
    device: init.device ?? 'desktop',
    templateId: init.templateId ?? DEFAULT_TEMPLATE_ID,
    templateVersion: init.templateVersion ?? 1,
    touchpoint: null,
    status: 'running',
    createdAt: now,
    startedAt: now,
    endedAt: null,
    updatedAt: now,
    autoSteps: true,
    masking: true,
    maskSelectors: [],
    maskText: true,
    jpegQuality: DEFAULT_JPEG_QUALITY,
    stepCount: 0,
    endSurvey: null,
    rubric: { rubricVersion: init.rubricVersion ?? 'v1', marks: {} },
    weights: { ...DEFAULT_SCORE_WEIGHTS },
    ...(init.language ? { language: init.language } : {}),
  };
}

export interface StepInit {
  url: string;
  title: string;
  trigger: StepTrigger;
  stage?: string | null;
}

/** The step's index is given by the store, which counts steps inside the same transaction. */
export function createStep(auditId: AuditId, index: number, init: StepInit, now: string): Step {
  return {
    id: newId('stp'),
    auditId,
    index,
    url: init.url,
    title: init.title,
    stage: init.stage ?? null,
    stageSource: init.stage ? 'suggested' : null,
    trigger: init.trigger,
    startedAt: now,
    capture: { status: 'pending' },
    ease: null,
    valence: null,
    arousal: null,
    emotions: [],
    note: '',
    findings: [],
    signals: null,
    updatedAt: now,
  };
}

export type ScreenshotInit = Omit<Screenshot, 'id'>;

export function createScreenshot(init: ScreenshotInit): Screenshot {
  return { id: newId('sht'), ...init };
}

/** A touchpoint step (src/domain/touchpoints.ts): no address, nothing to capture, no signals. */
export function createTouchpointStep(auditId: AuditId, index: number, init: TouchpointInit, now: string): Step {
  return {
    ...createStep(auditId, index, { url: '', title: init.title.trim(), trigger: 'manual', stage: null }, now),
    stage: init.stage ?? null,
    stageSource: init.stage ? 'auditor' : null,
    capture: { status: 'ok' },
    kind: 'touchpoint',
    channel: init.channel,
    occurredAt: init.occurredAt,
  };
}

export type AttachmentInit = Omit<Attachment, 'id'>;

export function createAttachment(init: AttachmentInit): Attachment {
  return { id: newId('att'), ...init };
}
