import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPECTATIONS,
  expectationDueAt,
  firstReplyMs,
  probeOutcome,
  replyProblem,
  resolutionMs,
  resolutionProblem,
  type Probe,
} from '../../../src/domain/probes.ts';

const MIN = 60_000;
const at = (iso: string): number => Date.parse(iso);

function probe(over: Partial<Probe> = {}): Probe {
  return {
    id: 'prb_1',
    auditId: 'aud_1',
    stepId: null,
    channel: 'chat',
    question: 'Can I return a sale item?',
    sentAt: at('2026-03-29T00:59:00Z'),
    replies: [],
    resolvedAt: null,
    expectationMs: DEFAULT_EXPECTATIONS.chat,
    createdAt: '2026-03-29T00:59:00.000Z',
    updatedAt: '2026-03-29T00:59:00.000Z',
    ...over,
  };
}

describe('probe durations', () => {
  it('are UTC differences, so the EU spring-forward hour at 01:00 UTC is not counted', () => {
    // 00:59 UTC is 01:59 CET; 01:01 UTC is 03:01 CEST: on the wall clock 62 minutes, really 2.
    const p = probe({ replies: [{ at: at('2026-03-29T01:01:00Z'), answered: true }] });
    expect(firstReplyMs(p)).toBe(2 * MIN);
    expect(probeOutcome(p, Date.now())).toBe('met');
  });

  it('stay right when the auditor flies across zones: a reply logged in another zone', () => {
    // Sent in New York at 09:00 EST (14:00 UTC), the reply read in Warsaw at 21:30 CET (20:30 UTC).
    const p = probe({
      channel: 'email',
      expectationMs: DEFAULT_EXPECTATIONS.email,
      sentAt: at('2026-01-10T09:00:00-05:00'),
      replies: [{ at: at('2026-01-10T21:30:00+01:00'), answered: false }],
      resolvedAt: at('2026-01-11T10:00:00+01:00'),
    });
    expect(firstReplyMs(p)).toBe(6.5 * 60 * MIN);
    expect(resolutionMs(p)).toBe(19 * 60 * MIN);
    expect(probeOutcome(p, Date.now())).toBe('met');
  });

  it('are null before the reply and the resolution', () => {
    expect(firstReplyMs(probe())).toBeNull();
    expect(resolutionMs(probe())).toBeNull();
  });
});

describe('probe outcome (METHOD.md: met when t1 - t0 <= expectation; open past it is missed)', () => {
  const sent = at('2026-06-01T10:00:00Z');
  it('is met at exactly the expectation and missed one ms later', () => {
    expect(probeOutcome(probe({ sentAt: sent, replies: [{ at: sent + 2 * MIN, answered: null }] }), 0)).toBe('met');
    expect(probeOutcome(probe({ sentAt: sent, replies: [{ at: sent + 2 * MIN + 1, answered: null }] }), 0)).toBe(
      'missed',
    );
  });
  it('is open while waiting within the expectation and missed once past it', () => {
    expect(probeOutcome(probe({ sentAt: sent }), sent + 2 * MIN)).toBe('open');
    expect(probeOutcome(probe({ sentAt: sent }), sent + 2 * MIN + 1)).toBe('missed');
  });
  it('judges only the first reply, not later ones or the resolution', () => {
    const p = probe({
      sentAt: sent,
      replies: [
        { at: sent + MIN, answered: false },
        { at: sent + 90 * MIN, answered: true },
      ],
      resolvedAt: sent + 100 * MIN,
    });
    expect(probeOutcome(p, sent + 200 * MIN)).toBe('met');
  });
  it('has no outcome without an expectation once replied, and is open before', () => {
    const p = probe({ channel: 'delivery', expectationMs: DEFAULT_EXPECTATIONS.delivery, sentAt: sent });
    expect(probeOutcome(p, sent + 1000 * MIN)).toBe('open');
    expect(probeOutcome({ ...p, replies: [{ at: sent + 5 * MIN, answered: null }] }, sent)).toBeNull();
  });
  it('keeps METHOD.md defaults: chat 2 min, messaging 15 min, e-mail 24 h, phone hold 2 min', () => {
    expect(DEFAULT_EXPECTATIONS).toMatchObject({
      chat: 2 * MIN,
      messaging: 15 * MIN,
      email: 1440 * MIN,
      phone: 2 * MIN,
    });
  });
});

describe('expectationDueAt', () => {
  it('is t0 + expectation while unreplied, null once replied or without expectation', () => {
    const p = probe({ sentAt: 1_000 });
    expect(expectationDueAt(p)).toBe(1_000 + 2 * MIN);
    expect(expectationDueAt({ ...p, replies: [{ at: 2_000, answered: null }] })).toBeNull();
    expect(expectationDueAt({ ...p, expectationMs: null })).toBeNull();
  });
});

describe('times the auditor marks', () => {
  const sent = at('2026-06-01T10:00:00Z');
  const now = sent + 10 * MIN;
  it('refuses a reply before the send time', () => {
    expect(replyProblem(probe({ sentAt: sent }), sent - 1, now)).toEqual({ code: 'probe-reply-before-send' });
    expect(replyProblem(probe({ sentAt: sent }), sent, now)).toBeNull();
  });
  it('refuses a reply before the previous reply and one far in the future', () => {
    const p = probe({ sentAt: sent, replies: [{ at: sent + 5 * MIN, answered: null }] });
    expect(replyProblem(p, sent + 4 * MIN, now)).toEqual({ code: 'probe-reply-before-previous' });
    expect(replyProblem(p, now + 2 * MIN, now)).toEqual({ code: 'probe-time-in-future' });
  });
  it('refuses a resolution before the send time', () => {
    expect(resolutionProblem(probe({ sentAt: sent }), sent - MIN, now)).toEqual({ code: 'probe-resolved-before-send' });
    expect(resolutionProblem(probe({ sentAt: sent }), sent + MIN, now)).toBeNull();
  });
});
