// The checks an attached file passes before anything is read into the store.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, checkAttachment, pastedName, sniffAttachment } from '../../../src/domain/attachments.ts';
import { PeakendFailure } from '../../../src/domain/errors.ts';
import { describeError } from '../../../src/i18n/errors.ts';
import { setMessages } from '../../../src/i18n/t.ts';

beforeAll(() => setMessages(JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8'))));

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(new TextEncoder().encode(p)) : p)));

const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const WEBP = bytes('RIFF', [0x24, 0, 0, 0], 'WEBP');
const GIF = bytes('GIF89a', [1, 0]);
const PDF = bytes('%PDF-1.7\n');
const TEXT = bytes('hello, world');

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof PeakendFailure) return error.error;
    throw error;
  }
  throw new Error('not refused');
}

describe('sniffAttachment', () => {
  it.each([
    [JPEG, 'image/jpeg'],
    [PNG, 'image/png'],
    [WEBP, 'image/webp'],
    [GIF, 'image/gif'],
    [PDF, 'application/pdf'],
    [TEXT, null],
    [bytes('RIFF', [0, 0, 0, 0], 'WAVE'), null],
    [new Uint8Array(0), null],
  ])('reads %j as %s', (head, mime) => {
    expect(sniffAttachment(head)).toBe(mime);
  });
});

describe('checkAttachment', () => {
  it('takes each supported type whose bytes agree with its name', () => {
    expect(checkAttachment({ name: 'a.JPG', size: 10, type: 'image/jpeg' }, JPEG)).toBe('image/jpeg');
    expect(checkAttachment({ name: 'receipt.pdf', size: 10, type: '' }, PDF)).toBe('application/pdf');
    expect(checkAttachment({ name: 'x.webp', size: 10, type: '' }, WEBP)).toBe('image/webp');
    expect(checkAttachment({ name: 'x.gif', size: 10, type: '' }, GIF)).toBe('image/gif');
    // A pasted image has no extension: its browser type is what it claims.
    expect(checkAttachment({ name: 'image', size: 10, type: 'image/png' }, PNG)).toBe('image/png');
  });

  it('refuses an empty file, saying so', () => {
    const error = refusal(() => checkAttachment({ name: 'a.jpg', size: 0, type: 'image/jpeg' }, new Uint8Array()));
    expect(error).toEqual({ code: 'attachment-empty', name: 'a.jpg' });
    expect(describeError(error)).toContain('a.jpg');
  });

  it('refuses a file over the limit, naming the limit', () => {
    const error = refusal(() =>
      checkAttachment({ name: 'huge.jpg', size: 200 * 1024 * 1024, type: 'image/jpeg' }, JPEG),
    );
    expect(error).toEqual({ code: 'attachment-too-large', name: 'huge.jpg', limit: ATTACHMENT_MAX_BYTES });
    expect(describeError(error)).toContain('20 MB');
    // At the limit itself it is taken.
    expect(checkAttachment({ name: 'edge.jpg', size: ATTACHMENT_MAX_BYTES, type: 'image/jpeg' }, JPEG)).toBe(
      'image/jpeg',
    );
  });

  it('refuses an unsupported type, naming it', () => {
    const error = refusal(() => checkAttachment({ name: 'notes.docx', size: 10, type: '' }, TEXT));
    expect(error).toEqual({ code: 'attachment-unsupported', name: 'notes.docx', type: 'docx' });
    expect(describeError(error)).toContain('docx');
    expect(refusal(() => checkAttachment({ name: 'clip', size: 10, type: 'video/mp4' }, TEXT))).toMatchObject({
      code: 'attachment-unsupported',
      type: 'video/mp4',
    });
  });

  it('refuses a file that is not what its extension says', () => {
    expect(refusal(() => checkAttachment({ name: 'photo.jpg', size: 10, type: 'image/jpeg' }, PDF))).toEqual({
      code: 'attachment-mismatch',
      name: 'photo.jpg',
      claimed: 'image/jpeg',
    });
    expect(refusal(() => checkAttachment({ name: 'scan.pdf', size: 10, type: '' }, TEXT))).toMatchObject({
      code: 'attachment-mismatch',
    });
    expect(refusal(() => checkAttachment({ name: 'x.png', size: 10, type: '' }, JPEG))).toMatchObject({
      code: 'attachment-mismatch',
    });
  });
});

describe('pastedName', () => {
  it('names a pasted image by its time and type, safe for any file system', () => {
    expect(pastedName('image/png', '2026-12-05T14:20:01.123Z')).toBe('pasted-2026-12-05T14-20-01.png');
  });
});
