// The JSON export (docs/audit-export.schema.json, version 3; versions 1 and 2 upgraded first) checked by hand before anything is
// written: format and version first (a newer file says so), then every field's type, range and
// enum as the schema states them, then what the schema cannot say: our size caps, id formats,
// unique ids, and that every reference (a step's audit, a screenshot's step, a finding's or a
// criterion's evidence, a probe's step) points at something in the file, and that a probe's
// replies and resolution come after it was sent, its replies in order. test/unit/import/schema-agreement.test.ts
// checks with ajv that this and the schema agree on valid and invalid samples.
import { MISSING_KINDS } from '../completeness.ts';
import type { Audit, Screenshot, Step } from '../model.ts';
import {
  AUDIT_STATUSES,
  CAPTURE_STATUSES,
  FRAME_SKIP_REASONS,
  ELEMENT_IDS,
  EMOTION_IDS,
  MARKS,
  SCREENSHOT_KINDS,
  STAGE_SOURCES,
  STEP_TRIGGERS,
  TOUCHPOINT_SCENARIOS,
} from '../model.ts';
import { SCORE_STATUSES, SCORE_WARNING_KINDS } from '../scores/index.ts';
import { CRITERION_WEIGHTS } from '../scores/elements.ts';
import { OVERALL_COMPONENTS } from '../scores/overall.ts';
import {
  ATTACHMENT_FILE_PATTERN,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  SCREENSHOT_FILE_PATTERN,
  type AuditExport,
} from '../export-format.ts';
import { REVIEW_STATES } from '../programme.ts';
import { logProblem, REVIEW_COMMENT_MAX, REVIEW_EVENTS_MAX, REVIEW_NAME_MAX } from '../review.ts';
import { MAX_EXPECTATION_MS, type Probe } from '../probes.ts';
import type { Attachment } from '../touchpoints.ts';
import { ATTACHMENT_MIMES, CHANNELS, STEP_KINDS } from '../touchpoints.ts';
import { MAX_ALSO_STAGES } from '../step-stages.ts';
import { canUpgrade, upgradeExport } from './upgrade.ts';
import { attempt, refuse, type Result } from './errors.ts';
import { IMAGE_MIMES } from './images.ts';
import { DEFAULT_LIMITS, type ImportLimits } from './limits.ts';
import {
  anyObject,
  array,
  boolean,
  integer,
  invalid,
  isPlainObject,
  literal,
  nullable,
  number,
  object,
  oneOf,
  record,
  string,
  type Check,
} from './shape.ts';

/** Ids as Peakend makes them (`aud_<uuid>`), and any other plain token up to the id limit. */
export const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.:-]*$/;
/** Criterion ids in rubric marks ("F1"). */
export const CRITERION_KEY = /^[A-Za-z0-9_-]{1,64}$/;
export const UTC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** A closed set of values, or null. */
const orNull = <T extends string | number>(values: readonly T[]) => oneOf<T | null>([...values, null]);

function shapes(L: ImportLimits) {
  const text = string({ max: L.maxTextChars });
  const id = string({ max: L.maxIdChars, pattern: ID_PATTERN, isId: true });
  const utc = string({
    max: 64,
    pattern: UTC_PATTERN,
    test: (s) => !Number.isNaN(Date.parse(s)),
    expected: 'a date and time in ISO 8601 (UTC)',
  });
  const list = <T>(item: Check<T>) => array(item, { max: L.maxListItems });
  const nn = nullable(number());
  const element = oneOf(ELEMENT_IDS);
  const weights = object({ immersion: number(), peakEnd: number(), effort: number() });
  const rect = object({ x: number(), y: number(), width: number({ min: 0 }), height: number({ min: 0 }) });

  const criterionMark = object(
    {
      mark: orNull(MARKS),
      weight: number(),
      evidence: nullable(object({ stepId: id, shotId: id }, { optional: ['shotId'] })),
      comment: text,
      fromSuggestion: boolean,
    },
    { optional: ['fromSuggestion'] },
  );

  // A programme audit arrives from another machine: its programme and review log are checked like any field.
  const name = string({ max: REVIEW_NAME_MAX, pattern: /\S/, expected: 'a name' });
  const programme = object(
    { id, name: string({ max: REVIEW_NAME_MAX }), wave: string({ max: REVIEW_NAME_MAX }) },
    { extra: 'reject' },
  );
  const reviewEvent = object(
    { state: oneOf(REVIEW_STATES), by: name, at: utc, comment: string({ max: REVIEW_COMMENT_MAX }) },
    { extra: 'reject' },
  );

  const audit = object(
    {
      id,
      site: text,
      scenario: text,
      successCriterion: text,
      auditor: text,
      startUrl: text,
      viewport: object({ width: number(), height: number() }),
      browser: text,
      locale: text,
      device: text,
      templateId: string({ max: L.maxIdChars }),
      templateVersion: integer(),
      touchpoint: orNull(TOUCHPOINT_SCENARIOS),
      status: oneOf(AUDIT_STATUSES),
      createdAt: utc,
      startedAt: nullable(utc),
      endedAt: nullable(utc),
      updatedAt: utc,
      autoSteps: boolean,
      masking: boolean,
      maskSelectors: array(text, { max: L.maxMaskSelectors }),
      maskText: boolean,
      jpegQuality: number({ min: 0, max: 100 }),
      stepCount: integer({ min: 0 }),
      endSurvey: nullable(
        object({
          taskCompleted: nullable(boolean),
          ces: nullable(integer({ min: 1, max: 7 })),
          rememberedValence: nullable(integer({ min: -4, max: 4 })),
        }),
      ),
      rubric: object({
        rubricVersion: string({ max: L.maxIdChars }),
        marks: record(criterionMark, { max: L.maxMarks, key: CRITERION_KEY }),
      }),
      weights,
      language: string({ max: L.maxIdChars }),
      summary: object(
        { remembered: text, problems: text, keep: text },
        { optional: ['remembered', 'problems', 'keep'], extra: 'reject' },
      ),
      programme,
      review: array(reviewEvent, { max: REVIEW_EVENTS_MAX }),
    },
    // Exports made before the text switch existed have none: the audit then covers text (on).
    // An audit of one's own has no programme and no review.
    { optional: ['maskText', 'language', 'summary', 'programme', 'review'] },
  );

  const finding = object(
    {
      id,
      title: text,
      severity: integer({ min: 0, max: 4 }),
      element: nullable(element),
      evidence: nullable(object({ shotId: id, rect: nullable(rect) })),
      createdAt: utc,
      recommendation: text,
    },
    { optional: ['recommendation'] },
  );

  const count = integer({ min: 0 });
  const signals = object({
    clicks: count,
    rageClicks: count,
    deadClicks: count,
    fields: count,
    requiredFields: count,
    formErrors: count,
    backNavigations: count,
    lcpMs: nn,
    cls: nn,
    inpMs: nn,
  });

  const step = object(
    {
      id,
      auditId: id,
      index: integer({ min: 0 }),
      url: text,
      title: text,
      stage: nullable(string({ max: L.maxIdChars })),
      stageSource: orNull(STAGE_SOURCES),
      alsoStages: array(string({ max: L.maxIdChars, pattern: ID_PATTERN, isId: true }), { max: MAX_ALSO_STAGES }),
      trigger: oneOf(STEP_TRIGGERS),
      startedAt: utc,
      capture: object(
        {
          status: oneOf(CAPTURE_STATUSES),
          reason: string({ max: 1000 }),
          frames: list(text),
          skippedFrames: list(object({ url: text, reason: oneOf(FRAME_SKIP_REASONS) })),
        },
        { optional: ['reason', 'frames', 'skippedFrames'] },
      ),
      ease: nullable(integer({ min: 1, max: 7 })),
      valence: nullable(integer({ min: -4, max: 4 })),
      arousal: nullable(integer({ min: 1, max: 9 })),
      emotions: array(object({ emotion: oneOf(EMOTION_IDS), intensity: integer({ min: 1, max: 5 }) }), {
        max: 3,
        maxItems: 3,
      }),
      note: text,
      findings: array(finding, { max: L.maxFindingsPerStep }),
      signals: nullable(signals),
      updatedAt: utc,
      kind: oneOf(STEP_KINDS),
      channel: oneOf(CHANNELS),
      occurredAt: nullable(integer()),
    },
    { optional: ['alsoStages', 'kind', 'channel', 'occurredAt'] },
  );

  const attachment = object({
    id,
    auditId: id,
    stepId: id,
    name: text,
    mime: oneOf(ATTACHMENT_MIMES),
    bytes: integer({ min: 1 }),
    sha256: string({ max: 64, pattern: SHA256_PATTERN, expected: '64 lower-case hex digits (SHA-256)' }),
    addedAt: utc,
    width: nullable(count),
    height: nullable(count),
    redactions: count,
    file: nullable(string({ max: 200, pattern: ATTACHMENT_FILE_PATTERN, expected: 'attachments/<name>.<ext>' })),
  });

  // UTC milliseconds since the epoch, as Date.now() gives them; Date's own range.
  const ms = integer({ min: 0, max: 8.64e15 });
  const probe = object({
    id,
    auditId: id,
    stepId: nullable(id),
    channel: oneOf(CHANNELS),
    question: text,
    sentAt: ms,
    replies: array(object({ at: ms, answered: nullable(boolean) }), { max: L.maxRepliesPerProbe }),
    resolvedAt: nullable(ms),
    expectationMs: nullable(integer({ min: 1, max: MAX_EXPECTATION_MS })),
    createdAt: utc,
    updatedAt: utc,
  });

  const screenshot = object(
    {
      id,
      auditId: id,
      stepId: id,
      takenAt: utc,
      mime: string({ max: 255 }),
      width: count,
      height: count,
      bytes: count,
      sha256: string({ max: 64, pattern: SHA256_PATTERN, expected: '64 lower-case hex digits (SHA-256)' }),
      thumbWidth: count,
      thumbHeight: count,
      thumbBytes: count,
      masked: boolean,
      maskedFields: count,
      kind: oneOf(SCREENSHOT_KINDS),
      cut: boolean,
      file: nullable(string({ max: 200, pattern: SCREENSHOT_FILE_PATTERN, expected: 'screenshots/<name>.<ext>' })),
    },
    { optional: ['kind', 'cut'] },
  );

  // Derived numbers: checked as the schema describes them, never stored (the store recomputes).
  const str = string({ max: L.maxTextChars });
  const stepRef = object({ stepId: str, index: integer(), valence: integer(), v: number() });
  const easeRef = object({ stepId: str, index: integer(), ease: integer() });
  const elementScore = object(
    {
      element,
      score: nn,
      uncappedScore: nn,
      capped: boolean,
      capLowered: boolean,
      failedCritical: list(str),
      counts: object({ pass: count, partial: count, fail: count, na: count, unmarked: count }),
      criteria: integer(),
      assessed: integer(),
      weightSum: number(),
    },
    { optional: ['capLowered'] },
  );
  const basis = object(
    {
      criteriaMarked: count,
      criteriaTotal: count,
      stepsRated: count,
      stepCount: count,
      status: oneOf(SCORE_STATUSES),
    },
    { optional: ['criteriaMarked', 'criteriaTotal', 'stepsRated', 'stepCount', 'status'] },
  );
  const scores = object(
    {
      auditId: str,
      rubricVersion: str,
      stepCount: count,
      rated: object({ valence: integer(), ease: integer() }),
      warnings: list(
        object({
          kind: oneOf(SCORE_WARNING_KINDS),
        }),
      ),
      steps: list(
        object({
          stepId: str,
          index: integer(),
          ease: nn,
          friction: nn,
          valence: nn,
          v: nn,
          arousal: nn,
          a: nn,
          vitals: anyObject,
        }),
      ),
      peakEnd: nullable(
        object({
          ratedSteps: integer(),
          peak: stepRef,
          end: stepRef,
          pe: number({ min: -1, max: 1 }),
          pe100: number({ min: 0, max: 100 }),
          mean: number(),
          memoryGap: number(),
          negativePeakEnd: number(),
          positivePeakEnd: number(),
        }),
      ),
      easePeakEnd: nullable(
        object({
          ratedSteps: integer(),
          min: easeRef,
          end: easeRef,
          value: number(),
          benchmark: number(),
          belowBenchmark: boolean,
        }),
      ),
      emotional: object({
        positive: number(),
        negative: number(),
        nev: nullable(number({ min: -100, max: 100 })),
        logged: integer(),
        intensity: anyObject,
        signature: nullable(anyObject),
      }),
      effort: nullable(
        object({
          ratedSteps: integer(),
          meanFriction: number(),
          effort100: number({ min: 0, max: 100 }),
          meanEase: number(),
        }),
      ),
      elements: object(
        {
          multisensory: elementScore,
          interactive: elementScore,
          participative: elementScore,
          frictionless: elementScore,
          storytelling: elementScore,
        },
        { extra: 'reject' },
      ),
      criticalFailures: list(object({ criterionId: str, element })),
      immersion: object({
        value: nn,
        touchpoint: orNull(TOUCHPOINT_SCENARIOS),
        weights: record(number(), { max: L.maxListItems }),
        assessed: list(element),
        notAssessed: list(element),
      }),
      overall: object({
        value: nn,
        weights,
        weightsUsed: weights,
        missing: list(oneOf(OVERALL_COMPONENTS)),
        renormalised: boolean,
      }),
      basis,
      endSurvey: nullable(
        object(
          {
            taskCompleted: nullable(boolean),
            ces: nn,
            cesPositive: nullable(boolean),
            rememberedValence: nn,
            remembered: nn,
            remembered100: nn,
            predicted: nn,
            predicted100: nn,
            difference: nn,
            difference100: nn,
          },
          { optional: ['cesPositive', 'remembered', 'predicted', 'difference'] },
        ),
      ),
      checkout: object(
        {
          steps: integer(),
          fields: number(),
          stepsWithoutSignals: integer(),
          benchmarkSteps: number(),
          benchmarkFields: number(),
          achievableFields: number(),
          moreStepsThanAverage: boolean,
          moreFieldsThanAverage: boolean,
          moreFieldsThanAchievable: boolean,
        },
        { optional: ['moreStepsThanAverage', 'moreFieldsThanAverage', 'moreFieldsThanAchievable'] },
      ),
    },
    { optional: ['basis'] },
  );
  const completeness = object({
    complete: boolean,
    missing: list(
      object(
        {
          kind: oneOf(MISSING_KINDS),
          stepId: str,
          stepIndex: integer(),
          criterionId: str,
        },
        { optional: ['stepId', 'stepIndex', 'criterionId'] },
      ),
    ),
  });

  return object(
    {
      format: literal(EXPORT_FORMAT),
      version: literal(EXPORT_FORMAT_VERSION),
      exportedAt: utc,
      generator: object({ name: literal('Peakend'), version: nullable(string({ max: 100 })) }, { extra: 'reject' }),
      audit,
      steps: array(step, { max: L.maxSteps }),
      screenshots: array(screenshot, { max: L.maxScreenshots }),
      attachments: array(attachment, { max: L.maxScreenshots }),
      probes: array(probe, { max: L.maxProbes }),
      scores,
      completeness,
    },
    { optional: ['scores', 'completeness'], extra: 'reject' },
  );
}

const cache = new WeakMap<ImportLimits, ReturnType<typeof shapes>>();

function rootShape(limits: ImportLimits) {
  let shape = cache.get(limits);
  if (!shape) {
    shape = shapes(limits);
    cache.set(limits, shape);
  }
  return shape;
}

/** Format and version, before anything else: a newer file gets its own message. */
function checkFormat(value: unknown): void {
  if (!isPlainObject(value) || value.format !== EXPORT_FORMAT) refuse({ code: 'wrong-format' });
  const version = value.version;
  if (version === EXPORT_FORMAT_VERSION || canUpgrade(version)) return;
  if (typeof version === 'number' && Number.isInteger(version) && version > EXPORT_FORMAT_VERSION) {
    refuse({ code: 'newer-version', version, supported: EXPORT_FORMAT_VERSION });
  }
  refuse({
    code: 'unsupported-version',
    version: JSON.stringify(version ?? null).slice(0, 40),
    supported: EXPORT_FORMAT_VERSION,
  });
}

/** Criterion weights are the integers 1-3 (METHOD.md); a file with any other is refused, never
 *  clamped, since a clamped weight silently changes the scores the file was made with. */
function checkWeights(exp: AuditExport): void {
  for (const [criterionId, mark] of Object.entries(exp.audit.rubric.marks)) {
    if (!(CRITERION_WEIGHTS as readonly number[]).includes(mark.weight)) {
      refuse({ code: 'weight-out-of-range', criterionId, weight: String(mark.weight) });
    }
  }
}

/** A review log follows the workflow's transitions in time order, and only on a programme's audit. */
function checkReview(exp: AuditExport): void {
  const log = exp.audit.review;
  if (!log) return;
  if (!exp.audit.programme && log.length > 0) invalid('audit.review', 'no review on an audit outside a programme');
  const problem = logProblem(log);
  if (problem) invalid(`audit.review[${problem.index}].${problem.field}`, problem.expected);
}

/**
 * A step's further stages (Step.alsoStages): only beside a stage of its own, none twice, never the
 * step's own stage again. An empty list is the same as none and is dropped.
 */
function checkAlsoStages(exp: AuditExport): AuditExport {
  const steps = exp.steps.map((step, i) => {
    const also = step.alsoStages;
    if (also === undefined) return step;
    if (also.length === 0) {
      const { alsoStages: _none, ...rest } = step;
      return rest;
    }
    const path = `steps[${i}].alsoStages`;
    if (step.stage === null) invalid(path, 'no further stages on a step without a stage');
    const seen = new Set<string>([step.stage ?? '']);
    also.forEach((stage, k) => {
      if (seen.has(stage)) refuse({ code: 'duplicate-id', path: `${path}[${k}]`, id: stage });
      seen.add(stage);
    });
    return step;
  });
  return { ...exp, steps };
}

/** Unique ids and references that resolve inside the file. */
function checkReferences(exp: AuditExport): void {
  const auditId = exp.audit.id;
  const stepIds = new Set<string>();
  const indexes = new Set<number>();
  exp.steps.forEach((step, i) => {
    if (stepIds.has(step.id)) refuse({ code: 'duplicate-id', path: `steps[${i}].id`, id: step.id });
    stepIds.add(step.id);
    if (indexes.has(step.index)) refuse({ code: 'duplicate-id', path: `steps[${i}].index`, id: String(step.index) });
    indexes.add(step.index);
    if (step.auditId !== auditId) refuse({ code: 'broken-reference', path: `steps[${i}].auditId`, id: step.auditId });
  });
  const shotIds = new Set<string>();
  const files = new Set<string>();
  exp.screenshots.forEach((shot, i) => {
    if (shotIds.has(shot.id)) refuse({ code: 'duplicate-id', path: `screenshots[${i}].id`, id: shot.id });
    shotIds.add(shot.id);
    if (shot.auditId !== auditId)
      refuse({ code: 'broken-reference', path: `screenshots[${i}].auditId`, id: shot.auditId });
    if (!stepIds.has(shot.stepId))
      refuse({ code: 'broken-reference', path: `screenshots[${i}].stepId`, id: shot.stepId });
    if (shot.file !== null) {
      if (files.has(shot.file)) refuse({ code: 'duplicate-id', path: `screenshots[${i}].file`, id: shot.file });
      files.add(shot.file);
      if (!(IMAGE_MIMES as readonly string[]).includes(shot.mime))
        refuse({ code: 'screenshot-bad-type', shotId: shot.id, mime: shot.mime });
    }
  });
  const findingIds = new Set<string>();
  exp.steps.forEach((step, i) => {
    step.findings.forEach((finding, k) => {
      const path = `steps[${i}].findings[${k}]`;
      if (findingIds.has(finding.id)) refuse({ code: 'duplicate-id', path: `${path}.id`, id: finding.id });
      findingIds.add(finding.id);
      if (finding.evidence && !shotIds.has(finding.evidence.shotId)) {
        refuse({ code: 'broken-reference', path: `${path}.evidence.shotId`, id: finding.evidence.shotId });
      }
    });
  });
  const attachmentIds = new Set<string>();
  const attachmentFiles = new Set<string>();
  exp.attachments.forEach((attachment, i) => {
    const path = `attachments[${i}]`;
    if (attachmentIds.has(attachment.id) || shotIds.has(attachment.id))
      refuse({ code: 'duplicate-id', path: `${path}.id`, id: attachment.id });
    attachmentIds.add(attachment.id);
    if (attachment.auditId !== auditId)
      refuse({ code: 'broken-reference', path: `${path}.auditId`, id: attachment.auditId });
    if (!stepIds.has(attachment.stepId))
      refuse({ code: 'broken-reference', path: `${path}.stepId`, id: attachment.stepId });
    if (attachment.file !== null) {
      if (attachmentFiles.has(attachment.file))
        refuse({ code: 'duplicate-id', path: `${path}.file`, id: attachment.file });
      attachmentFiles.add(attachment.file);
    }
  });
  checkProbes(exp, stepIds);
  for (const [criterion, mark] of Object.entries(exp.audit.rubric.marks)) {
    const path = `audit.rubric.marks.${criterion}.evidence`;
    if (!mark.evidence) continue;
    if (!stepIds.has(mark.evidence.stepId))
      refuse({ code: 'broken-reference', path: `${path}.stepId`, id: mark.evidence.stepId });
    if (mark.evidence.shotId !== undefined && !shotIds.has(mark.evidence.shotId)) {
      refuse({ code: 'broken-reference', path: `${path}.shotId`, id: mark.evidence.shotId });
    }
  }
}

/** A probe's ids and references, and its times in order: t0 <= each reply (in order), t0 <= t2. */
function checkProbes(exp: AuditExport, stepIds: ReadonlySet<string>): void {
  const probeIds = new Set<string>();
  exp.probes.forEach((probe: Probe, i) => {
    const path = `probes[${i}]`;
    if (probeIds.has(probe.id)) refuse({ code: 'duplicate-id', path: `${path}.id`, id: probe.id });
    probeIds.add(probe.id);
    if (probe.auditId !== exp.audit.id)
      refuse({ code: 'broken-reference', path: `${path}.auditId`, id: probe.auditId });
    if (probe.stepId !== null && !stepIds.has(probe.stepId))
      refuse({ code: 'broken-reference', path: `${path}.stepId`, id: probe.stepId });
    let previous = probe.sentAt;
    probe.replies.forEach((reply, k) => {
      if (reply.at < probe.sentAt) invalid(`${path}.replies[${k}].at`, 'a time not before the probe was sent (sentAt)');
      if (reply.at < previous) invalid(`${path}.replies[${k}].at`, 'a time not before the reply listed before it');
      previous = reply.at;
    });
    if (probe.resolvedAt !== null && probe.resolvedAt < probe.sentAt)
      invalid(`${path}.resolvedAt`, 'a time not before the probe was sent (sentAt)');
  });
}

/**
 * Checks a parsed export and returns a clean copy: only known properties, typed. The derived
 * `scores` and `completeness`, when present, are checked and kept as they were in the file.
 */
export function validateExportJson(value: unknown, limits: ImportLimits = DEFAULT_LIMITS): Result<AuditExport> {
  return attempt(() => {
    checkFormat(value);
    const current = upgradeExport(value, EXPORT_FORMAT_VERSION);
    const clean = checkAlsoStages(rootShape(limits)(current, '') as unknown as AuditExport);
    checkWeights(clean);
    checkReview(clean);
    checkReferences(clean);
    const raw = current as Record<string, unknown>;
    const out: AuditExport = { ...clean };
    if ('scores' in raw) out.scores = raw.scores as AuditExport['scores'];
    if ('completeness' in raw) out.completeness = raw.completeness as AuditExport['completeness'];
    return out;
  });
}

/** The store records of a checked export. */
export function recordsOf(exp: AuditExport): {
  audit: Audit;
  steps: Step[];
  screenshots: Screenshot[];
  attachments: Attachment[];
  probes: Probe[];
} {
  const screenshots = exp.screenshots.map(({ file: _file, ...shot }) => shot);
  const attachments = exp.attachments.map(({ file: _file, ...attachment }) => attachment);
  return { audit: exp.audit, steps: exp.steps, screenshots, attachments, probes: exp.probes };
}
