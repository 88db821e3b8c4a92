// Touchpoints through every export and back: the JSON (format version 2, now 3) and the zip carry the
// touchpoint steps and their attachments byte for byte; an import checks each attached file and
// writes it; a version-1 export still imports; the report, Markdown and CSV show the channel.
import { strToU8, unzipSync } from 'fflate';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_VERSION } from '../../../src/domain/export-format.ts';
import { prepareImportBytes, validateExportJson } from '../../../src/domain/import/index.ts';
import { upgradeExportV1toV2 } from '../../../src/domain/import/upgrade.ts';
import type { Step } from '../../../src/domain/model.ts';
import type { Attachment } from '../../../src/domain/touchpoints.ts';
import { stepsCsv } from '../../../src/report/csv.ts';
import { buildReportData } from '../../../src/report/data.ts';
import { renderReportHtml } from '../../../src/report/html/render.ts';
import { buildExport, exportJsonText } from '../../../src/report/json.ts';
import { renderMarkdown } from '../../../src/report/markdown.ts';
import { buildZip } from '../../../src/report/zip.ts';
import {
  getAttachmentBlob,
  importAudit,
  listAttachments,
  listSteps,
  openPeakendDb,
  resetDbCache,
} from '../../../src/store/index.ts';
import { clone, fixture, png, sha256, sha256hex } from '../import/helpers.ts';
import { loadMessages } from '../report/fixtures.ts';
import { makeStep } from '../scores/factory.ts';

beforeAll(() => loadMessages());
beforeEach(() => resetDbCache());

const PDF = new Uint8Array([...strToU8('%PDF-1.7\n'), ...new Uint8Array(300).fill(65)]);

function withTouchpoint() {
  const f = fixture();
  const call: Step = makeStep({
    id: 'stp_call',
    auditId: f.audit.id,
    index: 3,
    url: '',
    title: 'Courier <b>phoned</b> ahead',
    kind: 'touchpoint',
    channel: 'phone',
    occurredAt: Date.UTC(2026, 10, 23, 11, 30),
    ease: 7,
    valence: 4,
    stage: 'delivery',
    stageSource: 'auditor',
  });
  const photo = png(700, 9);
  const attachments: Attachment[] = [
    {
      id: 'att_photo',
      auditId: f.audit.id,
      stepId: call.id,
      name: 'call <screen>.png',
      mime: 'image/png',
      bytes: photo.length,
      sha256: sha256hex(photo),
      addedAt: '2026-11-23T11:31:00.000Z',
      width: 40,
      height: 30,
      redactions: 2,
    },
    {
      id: 'att_receipt',
      auditId: f.audit.id,
      stepId: call.id,
      name: 'receipt.pdf',
      mime: 'application/pdf',
      bytes: PDF.length,
      sha256: sha256hex(PDF),
      addedAt: '2026-11-23T11:32:00.000Z',
      width: null,
      height: null,
      redactions: 0,
    },
  ];
  const steps = [...f.steps, call];
  const audit = { ...f.audit, stepCount: 4 };
  const data = buildReportData(audit, steps, f.shots, '2026-11-23T12:00:00.000Z', undefined, attachments);
  const bytes = new Map<string, Uint8Array>([
    ['att_photo', photo],
    ['att_receipt', PDF],
  ]);
  const exp = buildExport(data, { generatorVersion: '0.2.0' });
  const zip = buildZip(exp, f.blobs, bytes);
  return { f, call, attachments, data, exp, zip, bytes, steps, audit };
}

describe('the export, version 3', () => {
  it('carries touchpoint steps and attachments, with the attached files in the zip as stored', () => {
    const { exp, zip, bytes, call } = withTouchpoint();
    expect(EXPORT_FORMAT_VERSION).toBe(3);
    expect(exp.version).toBe(3);
    expect(exp.steps.at(-1)).toMatchObject({ kind: 'touchpoint', channel: 'phone', occurredAt: call.occurredAt });
    expect(exp.attachments.map((a) => a.file)).toEqual(['attachments/att_photo.png', 'attachments/att_receipt.pdf']);
    const files = unzipSync(zip);
    expect(files['attachments/att_photo.png']).toEqual(bytes.get('att_photo'));
    expect(files['attachments/att_receipt.pdf']).toEqual(bytes.get('att_receipt'));
    expect(validateExportJson(JSON.parse(exportJsonText(exp))).ok).toBe(true);
  });

  it('round-trips through import into the store without loss', async () => {
    const { zip, exp, bytes, steps, attachments, audit } = withTouchpoint();
    const result = await prepareImportBytes(zip, 'a.zip', { sha256 });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const plan = result.value;
    expect(plan.steps).toEqual(steps);
    expect(plan.attachments).toEqual(attachments);
    const db = await openPeakendDb();
    const outcome = await importAudit(db, plan);
    expect(outcome).toMatchObject({ steps: 4, attachments: 2 });
    expect(await listSteps(db, audit.id)).toEqual(steps);
    expect(await listAttachments(db, audit.id)).toEqual(attachments);
    for (const attachment of attachments) {
      const blob = await getAttachmentBlob(db, attachment.id, 'full');
      expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(bytes.get(attachment.id));
      expect(blob!.type).toBe(attachment.mime);
    }
    // And out again: the same records.
    const again = buildExport(
      buildReportData(audit, await listSteps(db, audit.id), plan.screenshots, exp.exportedAt, undefined, attachments),
    );
    expect(again.steps).toEqual(exp.steps);
    expect(again.attachments).toEqual(exp.attachments);
  });

  it('keeps both: the attachments get new ids and follow their step', async () => {
    const { zip } = withTouchpoint();
    const result = await prepareImportBytes(zip, 'a.zip', { sha256 });
    if (!result.ok) throw new Error('refused');
    const db = await openPeakendDb();
    await importAudit(db, result.value);
    const copy = await importAudit(db, result.value, { onClash: 'keep-both' });
    const copied = await listAttachments(db, copy.auditId);
    const copySteps = await listSteps(db, copy.auditId);
    expect(copied).toHaveLength(2);
    expect(copied.every((a) => a.id !== 'att_photo' && a.id !== 'att_receipt')).toBe(true);
    expect(new Set(copied.map((a) => a.stepId))).toEqual(new Set([copySteps.at(-1)!.id]));
    expect(await db.count('attachmentBlobs')).toBe(4);
  });

  it('refuses an attached file that was altered, is of another type, or is missing; nothing written', async () => {
    const { exp, f, bytes } = withTouchpoint();
    const altered = new Uint8Array(bytes.get('att_photo')!);
    altered[100] = altered[100]! ^ 0xff;
    const cases: Array<[Map<string, Uint8Array>, string]> = [
      [new Map([...bytes, ['att_photo', altered]]), 'attachment-file-altered'],
      [new Map([...bytes, ['att_receipt', png(PDF.length, 1)]]), 'attachment-file-mismatch'],
    ];
    for (const [files, code] of cases) {
      const result = await prepareImportBytes(buildZip(exp, f.blobs, files), 'a.zip', { sha256 });
      expect(result.ok ? null : result.error.code).toBe(code);
    }
    const zipped = unzipSync(buildZip(exp, f.blobs, bytes));
    delete zipped['attachments/att_receipt.pdf'];
    const { zipSync } = await import('fflate');
    const missing = await prepareImportBytes(zipSync(zipped), 'a.zip', { sha256 });
    expect(missing.ok ? null : missing.error).toEqual({
      code: 'attachment-file-missing',
      file: 'attachments/att_receipt.pdf',
    });
  });

  it('refuses an attachment of a step that is not in the file, and an unknown channel', () => {
    const { exp } = withTouchpoint();
    const orphan = clone(exp);
    orphan.attachments[0].stepId = 'stp_gone';
    expect(validateExportJson(orphan)).toMatchObject({ ok: false, error: { code: 'broken-reference' } });
    const channel = clone(exp);
    channel.steps[3].channel = 'pigeon';
    expect(validateExportJson(channel)).toMatchObject({ ok: false, error: { code: 'invalid-field' } });
  });
});

describe('a version-1 export', () => {
  it('still imports: its steps are pages and it has no attachments', async () => {
    const v1 = clone(fixture().exp);
    v1.version = 1;
    delete v1.attachments;
    const result = await prepareImportBytes(strToU8(JSON.stringify(v1)), 'old.json', { sha256 });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.attachments).toEqual([]);
    expect(result.value.steps).toEqual(fixture().steps);
    expect(result.value.steps.every((s) => s.kind === undefined)).toBe(true);
    const db = await openPeakendDb();
    expect((await importAudit(db, result.value)).steps).toBe(3);
  });

  it('is upgraded by a function of its own', () => {
    expect(upgradeExportV1toV2({ format: 'peakend-audit', version: 1, steps: [] })).toEqual({
      format: 'peakend-audit',
      version: 2,
      steps: [],
      attachments: [],
    });
  });
});

describe('the report and the text exports', () => {
  it('show the touchpoint with its channel and its evidence, escaped', () => {
    const { data } = withTouchpoint();
    const htmlText = renderReportHtml(data, (id) => (id === 'att_photo' ? 'data:image/png;base64,AAAA' : null));
    expect(htmlText).toContain('data-channel="phone"');
    expect(htmlText).toContain('Phone call');
    expect(htmlText).toContain('data-attachment-id="att_photo"');
    expect(htmlText).toContain('data-attachment-id="att_receipt"');
    expect(htmlText).toContain('call &lt;screen&gt;.png');
    expect(htmlText).not.toContain('Courier <b>phoned</b>');
    expect(renderMarkdown(data)).toContain('\\[Phone call\\] Courier \\<b\\>phoned');
    const csv = stepsCsv(data, { bom: false }).split('\r\n');
    const header = csv[0]!.split(',');
    const last = csv[4]!;
    const kindAt = header.indexOf('step_kind');
    expect(header.slice(kindAt, kindAt + 5)).toEqual([
      'step_kind',
      'channel',
      'occurred_at',
      'attachment_ids',
      'attachment_sha256',
    ]);
    expect(last).toContain('touchpoint,phone,2026-11-23T11:30:00.000Z,att_photo att_receipt');
  });
});
