// Every error code has its sentence: a message `error_<code>` whose placeholders are exactly the
// fields ERROR_PARAMS lists for the code, in that order, each used in the message; and describeError
// fills them from the error's fields.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_PARAMS, type PeakendError } from '../../../src/domain/errors.ts';
import { describeError, errorKey } from '../../../src/i18n/errors.ts';
import { setMessages } from '../../../src/i18n/t.ts';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, Entry>;

beforeAll(() => setMessages(messages));

describe('error messages', () => {
  it.each(ERROR_CODES)('%s has a message whose placeholders are its fields, in order', (code) => {
    const entry = messages[errorKey(code)];
    expect(entry, `no message ${errorKey(code)}`).toBeDefined();
    const fields: readonly string[] = ERROR_PARAMS[code];
    const placeholders = entry!.placeholders ?? {};
    expect(Object.keys(placeholders).sort()).toEqual(fields.map((f) => f.toLowerCase()).sort());
    fields.forEach((field, i) => {
      expect(placeholders[field.toLowerCase()]!.content).toBe(`$${i + 1}`);
      expect(entry!.message.toLowerCase()).toContain(`$${field.toLowerCase()}$`);
    });
    // No placeholder the code cannot fill.
    const used = [...entry!.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
    expect(new Set(used)).toEqual(new Set(fields.map((f) => f.toLowerCase())));
  });

  it('has no error message left over for a code that no longer exists', () => {
    const keys = new Set(ERROR_CODES.map(errorKey));
    const orphans = Object.keys(messages).filter((k) => k.startsWith('error_') && !keys.has(k as never));
    expect(orphans).toEqual([]);
  });
});

describe('describeError', () => {
  it.each([
    [{ code: 'capture-forbidden-page', url: 'chrome://settings/' }, /cannot be captured.*chrome:\/\/settings\//],
    [{ code: 'storage-full' }, /^The disk is full/],
    [{ code: 'file-too-large', size: 3 * 1024 ** 3, limit: 2 * 1024 ** 3 }, /\(3\.0 GB; the limit is 2\.0 GB\)/],
    [{ code: 'zip-unsupported', feature: 'method', name: 'shots/a.jpg' }, /\(method: shots\/a\.jpg\)/],
    [{ code: 'zip-unsupported', feature: 'zip64' }, /\(zip64\)/],
    [{ code: 'audit-exists', auditId: 'aud_1' }, /the id aud_1 already exists/],
    [
      { code: 'weight-out-of-range', criterionId: 'F1', weight: '5' },
      /^Criterion F1 has the weight 5; weights are 1, 2 or 3/,
    ],
    [{ code: 'screenshot-size-mismatch', shotId: 'sht_1', expected: 10, actual: 12 }, /sht_1 has 12 bytes, not the 10/],
  ] as Array<[PeakendError, RegExp]>)('words %j', (error, words) => {
    expect(describeError(error)).toMatch(words);
  });

  it('inserts a detail as it is, even one that looks like a placeholder', () => {
    expect(describeError({ code: 'unexpected', detail: 'costs $1 <b>' })).toBe('Something went wrong: costs $1 <b>');
  });
});
