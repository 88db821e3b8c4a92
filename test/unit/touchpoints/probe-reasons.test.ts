// The words of the probe-based suggestions (the rubric's suggestion box) and of response times.
import { beforeAll, describe, expect, it } from 'vitest';
import { responseTimeText } from '../../../src/i18n/response-time.ts';
import { probeReasonText } from '../../../src/panel/views/probe-reasons.ts';
import { reasonText } from '../../../src/panel/views/RubricView.tsx';
import { loadMessages } from '../report/fixtures.ts';

beforeAll(() => loadMessages());

const MIN = 60_000;

describe('response times', () => {
  it('read in seconds, minutes, hours and days as the time asks', () => {
    expect(responseTimeText(45_000, 'en')).toBe('45 sec');
    expect(responseTimeText(90 * MIN, 'en')).toBe('1 hr 30 min');
    expect(responseTimeText(24 * 60 * MIN, 'en')).toBe('1 day');
    expect(responseTimeText(26 * 60 * MIN + 20_000, 'en')).toBe('1 day 2 hr');
    // 1 h 59 min 40 s rounds to 2 hr, never "1 hr 60 min".
    expect(responseTimeText(2 * 60 * MIN - 20_000, 'en')).toBe('2 hr');
    expect(responseTimeText(4 * MIN, 'en')).toBe('4 min');
    expect(responseTimeText(3 * MIN + 5000, 'en')).toBe('3 min 5 sec');
    expect(responseTimeText(-1, 'en')).toBe('');
  });
});

describe('probe reasons in words', () => {
  it('say how the first reply compares with the expectation, and where', () => {
    const base = { kind: 'probe-reply', probeId: 'p', channel: 'chat', stepIndex: 2, expectationMs: 2 * MIN } as const;
    expect(probeReasonText({ ...base, outcome: 'missed', firstReplyMs: 4 * MIN })).toBe(
      'Probe (Chat) on step 3: first reply after 4 min, later than the 2 min expected',
    );
    expect(probeReasonText({ ...base, outcome: 'met', firstReplyMs: 30_000 })).toBe(
      'Probe (Chat) on step 3: first reply after 30 sec, within the 2 min expected',
    );
    expect(probeReasonText({ ...base, stepIndex: null, outcome: 'missed', firstReplyMs: null })).toBe(
      'Probe (Chat): no reply within the 2 min expected',
    );
  });
  it('count the replies that answered, and name the contacts of F7', () => {
    expect(
      reasonText({
        kind: 'probe-answers',
        probeId: 'p',
        channel: 'email',
        stepIndex: 0,
        yes: 1,
        no: 1,
        usefulMs: 3 * 60 * MIN,
      }),
    ).toBe(
      'Probe (E-mail or web form) on step 1: 1 of 2 judged replies answered the actual question, the first after 3 hr',
    );
    expect(reasonText({ kind: 'contact', channel: 'phone', stepIndex: 4, probeId: null })).toBe(
      'Phone call on step 5, before the end of the journey',
    );
    expect(reasonText({ kind: 'no-contact', pages: 6 })).toBe(
      'No call or message before the end of the journey (page steps: 6)',
    );
  });
});
