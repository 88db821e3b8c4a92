// A failure in the worker reaches the panel as a code, never as the worker's or the browser's text:
// the worker's reply carries { ok: false, error: { code, … } }, the panel's backend throws it as a
// PeakendFailure, and errorText words it with t() over en/messages.json.
import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PeakendFailure } from '../../../src/domain/errors.ts';
import { setMessages } from '../../../src/i18n/t.ts';
import { ToWorker, type WorkerResponse } from '../../../src/protocol.ts';

const runtime = vi.hoisted(() => ({ answer: (): Promise<unknown> => Promise.resolve(undefined) }));
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { sendMessage: () => runtime.answer() },
    windows: { getCurrent: () => Promise.resolve({ id: 1 }) },
  },
}));
vi.stubGlobal('location', { search: '?window=1' });

const { reply } = await import('../../../src/background/reply.ts');
const { extensionBackend } = await import('../../../src/panel/backend.ts');
const { errorText } = await import('../../../src/panel/errors.ts');
const { openPeakendDb, putAudit, updateCriterionMark, resetDbCache } = await import('../../../src/store/index.ts');
const { sampleAudit, T0 } = await import('../fixtures.ts');

beforeAll(() => setMessages(JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8'))));
beforeEach(() => resetDbCache());

/** What the panel shows when the worker answers `response` to a request. */
async function shown(response: WorkerResponse | undefined | Error): Promise<string> {
  runtime.answer = () => (response instanceof Error ? Promise.reject(response) : Promise.resolve(response));
  const error = await extensionBackend()
    .request(ToWorker.LogStep, { windowId: 1, auditId: 'aud_1' })
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(PeakendFailure);
  return errorText(error);
}

describe('a worker failure, from reply to words', () => {
  it('a page the browser refuses to capture', async () => {
    const response = await reply(() =>
      Promise.reject(
        new Error(
          'Cannot access contents of url "chrome://settings/". Extension manifest must request permission to access this host.',
        ),
      ),
    );
    expect(response).toEqual({ ok: false, error: { code: 'capture-forbidden-page', url: 'chrome://settings/' } });
    expect(await shown(response)).toBe(
      'This page cannot be captured: the browser refused to capture chrome://settings/ (a PDF viewer or a protected page). The step is recorded without a screenshot.',
    );
  });

  it('a full disk met by a store write', async () => {
    const db = await openPeakendDb();
    const audit = sampleAudit();
    await putAudit(db, audit);
    const full = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const response = await reply(() =>
      updateCriterionMark(
        db,
        audit.id,
        'F1',
        () => {
          throw full;
        },
        T0,
      ),
    );
    expect(response).toEqual({ ok: false, error: { code: 'storage-full' } });
    expect(await shown(response)).toBe(
      'The disk is full: Peakend could not save. Free some disk space; nothing already saved was lost.',
    );
  });

  it('an audit that is gone, and one that is not running', async () => {
    const gone = await reply(() => Promise.reject(new PeakendFailure({ code: 'audit-missing', auditId: 'aud_1' })));
    expect(gone).toEqual({ ok: false, error: { code: 'audit-missing', auditId: 'aud_1' } });
    expect(await shown(gone)).toBe('This audit no longer exists.');
    const paused = await reply(() =>
      Promise.reject(new PeakendFailure({ code: 'audit-not-running', auditId: 'aud_1' })),
    );
    expect(await shown(paused)).toBe('This audit is not running: resume it first.');
  });

  it('no worker listening, or no answer at all', async () => {
    const expected = 'Peakend’s background did not answer. Try again in a moment.';
    expect(await shown(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(expected);
    expect(await shown(undefined)).toBe(expected);
  });

  it('a fault with no code keeps its text, inside a worded message', async () => {
    const response = await reply(() => Promise.reject(new TypeError('x is undefined')));
    expect(response).toEqual({ ok: false, error: { code: 'unexpected', detail: 'x is undefined' } });
    expect(await shown(response)).toBe('Something went wrong: x is undefined');
  });

  it('a value when nothing failed', async () => {
    expect(await reply(() => Promise.resolve({ auditId: 'aud_1' }))).toEqual({ ok: true, value: { auditId: 'aud_1' } });
  });
});
