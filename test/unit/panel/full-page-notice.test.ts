import { beforeAll, describe, expect, it } from 'vitest';
import messages from '../../../public/_locales/en/messages.json';
import { setMessages } from '../../../src/i18n/t.ts';
import { fullPageNotice } from '../../../src/panel/full-page.ts';
import type { FullPageFailure } from '../../../src/protocol.ts';
import type { PeakendError } from '../../../src/domain/errors.ts';

const CODES: FullPageFailure[] = [
  'no-step',
  'other-page',
  'uncapturable',
  'not-visible',
  'not-scrollable',
  'height-changed',
  'left-page',
  'tab-closed',
  'mask-not-painted',
  'failed',
];

const failure = (reason: FullPageFailure, detail = ''): PeakendError =>
  reason === 'failed' ? { code: 'full-page-failed', detail } : { code: `full-page-${reason}` };

beforeAll(() => setMessages(messages as Parameters<typeof setMessages>[0]));

describe('fullPageNotice', () => {
  it('says nothing when the full page was stored', () => {
    expect(
      fullPageNotice({ ok: true, stepId: 'stp_1', shotId: 'sht_1', width: 1280, height: 4000, cut: false, slices: 5 }),
    ).toBeNull();
  });

  it('has a plain sentence for every failure, saying nothing was stored where something was under way', () => {
    const notices = CODES.map((reason) => fullPageNotice({ ok: false, error: failure(reason, 'JPEG encode failed') })!);
    for (const [i, notice] of notices.entries()) {
      expect(notice, CODES[i]).toMatch(/^(No full page|Full page needs)/);
    }
    expect(new Set(notices).size).toBe(CODES.length);
    expect(fullPageNotice({ ok: false, error: failure('tab-closed') })).toContain('Nothing was stored');
    expect(fullPageNotice({ ok: false, error: failure('failed', 'JPEG encode failed') })).toContain(
      'JPEG encode failed',
    );
  });
});
