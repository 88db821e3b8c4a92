// @vitest-environment jsdom
// The panel's evidence box refuses bad files with the problem named and stores nothing of them; a
// PDF is stored as chosen (images go through the redaction editor: see test/e2e/touchpoints.test.ts).
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PeakendFailure, type PeakendError } from '../../../src/domain/errors.ts';
import { Attachments } from '../../../src/panel/views/touchpoint/Attachments.tsx';
import { describeError } from '../../../src/i18n/errors.ts';
import { insertTouchpoint, openPeakendDb, putAudit } from '../../../src/store/index.ts';
import { sampleAudit, T0 } from '../fixtures.ts';
import type { FakeBackend } from '../panel/fake-backend.ts';
import { freshPanelTest, mount, unmountAll, waitFor } from '../panel/harness.tsx';

let backend: FakeBackend;
beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

const MiB = 1024 * 1024;
const PDF = new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

async function setUp() {
  const db = await openPeakendDb();
  const audit = sampleAudit();
  await putAudit(db, audit);
  const step = await insertTouchpoint(db, audit.id, { channel: 'email', title: 'Reply', occurredAt: null }, 0, T0);
  const errors: PeakendError[] = [];
  const { container } = mount(
    backend,
    <Attachments
      step={step}
      onError={(e) => errors.push(e instanceof PeakendFailure ? e.error : { code: 'unexpected', detail: String(e) })}
    />,
  );
  const choose = (...files: unknown[]) => {
    const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };
  return { db, container, errors, choose };
}

/** A file as large as the browser says, without holding its bytes (only its head is read). */
const hugeFile = (name: string, size: number, head: Uint8Array) => ({
  name,
  size,
  type: 'image/jpeg',
  slice: (start: number, end: number) => new Blob([head.slice(start, end)]),
});

describe('the evidence box', () => {
  it('refuses an empty file, a 200 MB one and one that is not what its name says; nothing stored', async () => {
    const { db, errors, choose } = await setUp();
    choose(new File([], 'empty.jpg', { type: 'image/jpeg' }));
    await waitFor(() => expect(errors).toHaveLength(1), 3000);
    choose(hugeFile('holiday.jpg', 200 * MiB, new Uint8Array([0xff, 0xd8, 0xff, 0xe0])));
    await waitFor(() => expect(errors).toHaveLength(2), 3000);
    choose(new File([PDF], 'photo.jpg', { type: 'image/jpeg' }));
    await waitFor(() => expect(errors).toHaveLength(3), 3000);
    choose(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    await waitFor(() => expect(errors).toHaveLength(4), 3000);
    expect(errors.map((e) => e.code)).toEqual([
      'attachment-empty',
      'attachment-too-large',
      'attachment-mismatch',
      'attachment-unsupported',
    ]);
    expect(describeError(errors[1]!)).toContain('20 MB');
    expect(describeError(errors[3]!)).toContain('txt');
    expect(await db.count('attachments')).toBe(0);
    expect(await db.count('attachmentBlobs')).toBe(0);
  });

  it('takes a file dropped on it', async () => {
    const { db, container, errors } = await setUp();
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', {
      value: { files: [new File([PDF], 'dropped.pdf', { type: 'application/pdf' })] },
    });
    container.querySelector('[data-paste-target]')!.dispatchEvent(drop);
    await waitFor(
      () => expect([errors, container.textContent]).toEqual([[], expect.stringContaining('dropped.pdf')]),
      3000,
    );
    expect(drop.defaultPrevented).toBe(true);
    expect((await db.getAll('attachments')).map((a) => a.name)).toEqual(['dropped.pdf']);
  });

  it('stores a PDF as chosen and lists it', async () => {
    const { db, container, errors, choose } = await setUp();
    choose(new File([PDF], 'receipt.pdf', { type: 'application/pdf' }));
    await waitFor(
      () => expect([errors, container.textContent]).toEqual([[], expect.stringContaining('receipt.pdf')]),
      3000,
    );
    expect(errors).toEqual([]);
    const [stored] = await db.getAll('attachments');
    expect(stored).toMatchObject({ name: 'receipt.pdf', mime: 'application/pdf', bytes: PDF.length, redactions: 0 });
    // The SHA-256 was taken of the bytes as stored: the PDF's own.
    expect(stored!.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(await db.count('attachmentBlobs')).toBe(1);
  });
});
