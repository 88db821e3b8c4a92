// An audit as CouchDB documents, and back. One document per audit (the export without its steps:
// the audit with its review and programme, derived scores, and whatever the export format adds, such
// as probes) and one per step (the step, its screenshots' and attachments' metadata, and their bytes
// as CouchDB attachments named by their bundle path). The export format (src/domain/export-format.ts)
// is the only serialiser: documents are cut from an export and glued back into one, so what is shared
// is exactly what Export would write, and what arrives is checked exactly as an import is.
import type { AuditExport, ExportedAttachment, ExportedScreenshot } from '../domain/export-format.ts';
import type { Step } from '../domain/model.ts';
import { fromBase64, toBase64 } from './base64.ts';

/** An export and the bytes of every file it names (`screenshots/…`, `attachments/…`). */
export interface Bundle {
  exp: AuditExport;
  files: ReadonlyMap<string, Uint8Array>;
}

/** Who wrote a revision: this installation (`origin`), and which share it belonged to. */
export interface ShareMark {
  origin: string;
  /** Same on every document written by one share; a conflict's versions are told apart by it. */
  shareId: string;
  sharedAt: string;
  /** The pseudonym of the auditor who shared, shown when a person chooses between versions. */
  by: string;
}

export const AUDIT_DOC = 'peakend-audit';
export const STEP_DOC = 'peakend-step';

export type AuditBody = Omit<AuditExport, 'steps' | 'screenshots' | 'attachments'> & { stepIds: string[] };

export interface AuditDoc {
  _id: string;
  _rev?: string;
  kind: typeof AUDIT_DOC;
  auditId: string;
  /** SHA-256 of the content (not of the share mark or export time): unchanged content is not rewritten. */
  digest: string;
  share: ShareMark;
  body: AuditBody;
}

export interface StepDoc {
  _id: string;
  _rev?: string;
  kind: typeof STEP_DOC;
  auditId: string;
  digest: string;
  share: ShareMark;
  step: Step;
  screenshots: ExportedScreenshot[];
  attachments: ExportedAttachment[];
  _attachments?: Record<string, { content_type: string; data: string }>;
}

export const auditDocId = (auditId: string): string => `audit:${auditId}`;
export const stepDocPrefix = (auditId: string): string => `step:${auditId}:`;
export const stepDocId = (auditId: string, stepId: string): string => `${stepDocPrefix(auditId)}${stepId}`;

/** The audit an incoming document belongs to, from its id; null for documents that are not Peakend's. */
export function auditIdOfDocId(id: string): string | null {
  if (id.startsWith('audit:')) return id.slice('audit:'.length) || null;
  if (id.startsWith('step:')) {
    const rest = id.slice('step:'.length);
    const cut = rest.indexOf(':');
    return cut > 0 ? rest.slice(0, cut) : null;
  }
  return null;
}

export type Sha256 = (bytes: Uint8Array) => Promise<string>;

const utf8 = new TextEncoder();

/** The documents of a bundle, each with the digest of its content. */
export async function documentsOf(
  bundle: Bundle,
  share: ShareMark,
  sha256: Sha256,
): Promise<{ audit: AuditDoc; steps: StepDoc[] }> {
  const { steps, screenshots, attachments, exportedAt: _exportedAt, ...rest } = bundle.exp;
  const auditId = bundle.exp.audit.id;
  const body: AuditBody = { ...rest, exportedAt: bundle.exp.exportedAt, stepIds: steps.map((s) => s.id) };
  const audit: AuditDoc = {
    _id: auditDocId(auditId),
    kind: AUDIT_DOC,
    auditId,
    digest: await sha256(utf8.encode(JSON.stringify({ ...rest, stepIds: body.stepIds }))),
    share,
    body,
  };
  const stepDocs: StepDoc[] = [];
  for (const step of steps) {
    const shots = screenshots.filter((s) => s.stepId === step.id);
    const files = attachments.filter((a) => a.stepId === step.id);
    const content: Record<string, { content_type: string; data: string }> = {};
    for (const item of [...shots, ...files]) {
      const bytes = item.file === null ? undefined : bundle.files.get(item.file);
      if (item.file === null || !bytes) continue;
      content[item.file] = { content_type: item.mime, data: toBase64(bytes) };
    }
    // The listed SHA-256 of every file is part of the metadata, so new bytes change the digest.
    const digest = await sha256(utf8.encode(JSON.stringify({ step, shots, files, names: Object.keys(content) })));
    const doc: StepDoc = {
      _id: stepDocId(auditId, step.id),
      kind: STEP_DOC,
      auditId,
      digest,
      share,
      step,
      screenshots: shots,
      attachments: files,
    };
    if (Object.keys(content).length > 0) doc._attachments = content;
    stepDocs.push(doc);
  }
  return { audit, steps: stepDocs };
}

/** Incoming documents as they were read: anything at all, checked only by the import's validator. */
export interface Arrived {
  audit: Record<string, unknown>;
  steps: ReadonlyMap<string, Record<string, unknown>>;
}

const asObject = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Glues arrived documents back into an export and its files. Nothing is trusted here: fields are
 * moved, not checked (the import's validator checks them next), and a step the audit lists but whose
 * document has not arrived yet makes the result 'incomplete' (it is tried again when it arrives).
 */
export function bundleOf(arrived: Arrived): { exp: unknown; files: Map<string, Uint8Array> } | 'incomplete' {
  const body = asObject(arrived.audit.body);
  const { stepIds, ...rest } = body;
  const steps: unknown[] = [];
  const screenshots: unknown[] = [];
  const attachments: unknown[] = [];
  const files = new Map<string, Uint8Array>();
  for (const stepId of asArray(stepIds)) {
    const doc = arrived.steps.get(String(stepId));
    if (!doc) return 'incomplete';
    steps.push(doc.step);
    screenshots.push(...asArray(doc.screenshots));
    attachments.push(...asArray(doc.attachments));
    for (const [name, attachment] of Object.entries(asObject(doc._attachments))) {
      const data = asObject(attachment).data;
      if (typeof data === 'string') files.set(name, fromBase64(data));
    }
  }
  return { exp: { ...rest, steps, screenshots, attachments }, files };
}
