// I1, I6 and F7 suggested from channel probes and touchpoints, the touchpoint scenario suggested
// from the channels used, and the probe summary per channel.
import { describe, expect, it } from 'vitest';
import type { Step } from '../../../src/domain/model.ts';
import { median, summariseProbes } from '../../../src/domain/probe-summary.ts';
import { DEFAULT_EXPECTATIONS, type Probe } from '../../../src/domain/probes.ts';
import { suggestMarks } from '../../../src/domain/rubric-suggest.ts';
import { suggestScenario } from '../../../src/domain/scenario-suggest.ts';
import type { Channel } from '../../../src/domain/touchpoints.ts';
import { makeSignals, makeStep } from '../scores/factory.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 5, 10, 0);

function probe(id: string, over: Partial<Probe> = {}): Probe {
  return {
    id,
    auditId: 'aud_1',
    stepId: null,
    channel: 'chat',
    question: 'Can I return a sale item?',
    sentAt: T0,
    replies: [],
    resolvedAt: null,
    expectationMs: DEFAULT_EXPECTATIONS.chat,
    createdAt: '2026-12-05T10:00:00.000Z',
    updatedAt: '2026-12-05T10:00:00.000Z',
    ...over,
  };
}

const page = (index: number): Step =>
  makeStep({ id: `stp_${index}`, index, startedAt: new Date(T0 + index * MIN).toISOString() });
const touch = (index: number, channel: Channel): Step =>
  makeStep({ id: `stp_${index}`, index, url: '', kind: 'touchpoint', channel, startedAt: new Date(T0).toISOString() });
const reply = (afterMs: number, answered: boolean | null = null) => ({ at: T0 + afterMs, answered });

const LATER = T0 + 10 * 24 * 60 * MIN;

describe('suggestMarks stays as it was without probes', () => {
  it('makes no probe-based suggestion when no probes are passed', () => {
    const steps = [page(0), touch(1, 'phone')];
    expect(suggestMarks(steps)).toEqual({});
    const observed = [makeStep({ index: 0, signals: makeSignals({ clicks: 2 }) })];
    expect(Object.keys(suggestMarks(observed)).sort()).toEqual(['F4', 'I3']);
  });
  it('adds I1, I6 and F7 next to the signal-based ones when probes are passed', () => {
    const steps = [makeStep({ id: 'stp_0', index: 0, signals: makeSignals({ clicks: 2 }) })];
    const probes = [probe('p', { stepId: 'stp_0', replies: [reply(MIN, true)] })];
    expect(Object.keys(suggestMarks(steps, { probes, nowMs: LATER })).sort()).toEqual(['F4', 'F7', 'I1', 'I3', 'I6']);
  });
});

describe('I1: help reachable, and how fast it answered', () => {
  const i1 = (probes: Probe[], nowMs = LATER) => suggestMarks([page(0)], { probes, nowMs }).I1;

  it('passes when every probe’s first reply met its expectation', () => {
    const s = i1([probe('a', { replies: [reply(MIN)] }), probe('b', { replies: [reply(2 * MIN)] })]);
    expect(s?.mark).toBe('pass');
    expect(s?.reasons).toEqual([
      expect.objectContaining({ kind: 'probe-reply', probeId: 'a', outcome: 'met', firstReplyMs: MIN }),
      expect.objectContaining({ kind: 'probe-reply', probeId: 'b', outcome: 'met', expectationMs: 2 * MIN }),
    ]);
  });
  it('is partial when one missed but replies came, listing the missed one', () => {
    const s = i1([probe('a', { replies: [reply(MIN)] }), probe('b', { replies: [reply(30 * MIN)] })]);
    expect(s?.mark).toBe('partial');
    expect(s?.reasons).toEqual([expect.objectContaining({ probeId: 'b', outcome: 'missed', firstReplyMs: 30 * MIN })]);
  });
  it('fails when no probe got a reply and they are past their expectation', () => {
    const s = i1([probe('a'), probe('b', { channel: 'email', expectationMs: DEFAULT_EXPECTATIONS.email })]);
    expect(s?.mark).toBe('fail');
    expect(s?.reasons.map((r) => 'probeId' in r && r.probeId)).toEqual(['a', 'b']);
  });
  it('waits while the only probe is open within its expectation', () => {
    expect(i1([probe('a')], T0 + MIN)).toBeUndefined();
    expect(i1([probe('a')], T0 + 3 * MIN)?.mark).toBe('fail');
  });
  it('passes a replied probe of a channel without an expectation, judged by nothing', () => {
    const s = i1([probe('v', { channel: 'video', expectationMs: null, replies: [reply(90 * MIN)] })]);
    expect(s).toEqual({
      mark: 'pass',
      reasons: [expect.objectContaining({ outcome: null, firstReplyMs: 90 * MIN, expectationMs: null })],
    });
  });
  it('names the probe’s step', () => {
    const steps = [page(0), page(1)];
    const s = suggestMarks(steps, { probes: [probe('a', { stepId: 'stp_1', replies: [reply(MIN)] })], nowMs: LATER });
    expect(s.I1?.reasons[0]).toMatchObject({ stepIndex: 1, channel: 'chat' });
  });
});

describe('I6: answered the actual question (per reply)', () => {
  const i6 = (probes: Probe[]) => suggestMarks([page(0)], { probes, nowMs: LATER }).I6;
  it('has no evidence until a reply is judged', () => {
    expect(i6([probe('a', { replies: [reply(MIN, null)] })])).toBeUndefined();
  });
  it('passes when every judged reply answered, with the time to the first useful one', () => {
    const s = i6([probe('a', { replies: [reply(MIN, null), reply(3 * MIN, true)] })]);
    expect(s).toEqual({
      mark: 'pass',
      reasons: [expect.objectContaining({ kind: 'probe-answers', yes: 1, no: 0, usefulMs: 3 * MIN })],
    });
  });
  it('is partial for a generic reply followed by a useful one, and fails when none answered', () => {
    expect(i6([probe('a', { replies: [reply(MIN, false), reply(5 * MIN, true)] })])?.mark).toBe('partial');
    const s = i6([probe('a', { replies: [reply(MIN, false)] }), probe('b', { replies: [reply(MIN, false)] })]);
    expect(s?.mark).toBe('fail');
    expect(s?.reasons).toEqual([
      expect.objectContaining({ probeId: 'a', yes: 0, no: 1, usefulMs: null }),
      expect.objectContaining({ probeId: 'b', yes: 0, no: 1, usefulMs: null }),
    ]);
  });
});

describe('F7: finished self-service', () => {
  const f7 = (steps: Step[], probes: Probe[] = []) => suggestMarks(steps, { probes, nowMs: LATER }).F7;
  it('passes a web-only journey, and one whose only people came after the end', () => {
    expect(f7([page(0), page(1)])).toEqual({ mark: 'pass', reasons: [{ kind: 'no-contact', pages: 2 }] });
    expect(f7([page(0), page(1), touch(2, 'phone'), touch(3, 'delivery')])?.mark).toBe('pass');
  });
  it('fails a journey with a human touchpoint or a probe before the end, each listed', () => {
    const s = f7([page(0), touch(1, 'phone'), page(2)], [probe('p', { stepId: 'stp_0' })]);
    expect(s?.mark).toBe('fail');
    expect(s?.reasons).toEqual([
      { kind: 'contact', channel: 'chat', stepIndex: 0, probeId: 'p' },
      { kind: 'contact', channel: 'phone', stepIndex: 1, probeId: null },
      { kind: 'check-contact-needed' },
    ]);
  });
  it('counts a probe on a touchpoint once, and places a probe on no step by its time', () => {
    const steps = [page(0), touch(1, 'email'), page(2)];
    const s = f7(steps, [probe('m', { stepId: 'stp_1', channel: 'email' })]);
    expect(s?.reasons.filter((r) => r.kind === 'contact')).toEqual([
      { kind: 'contact', channel: 'email', stepIndex: 1, probeId: 'm' },
    ]);
    // The last page started at T0 + 2 min: a loose probe sent later came after the end.
    expect(f7([page(0), page(2)], [probe('late', { sentAt: T0 + 5 * MIN })])?.mark).toBe('pass');
    expect(f7([page(0), page(2)], [probe('early', { sentAt: T0 + MIN })])?.mark).toBe('fail');
  });
  it('has no evidence without pages or contacts', () => {
    expect(f7([])).toBeUndefined();
  });
});

describe('the touchpoint scenario suggested from the channels', () => {
  it('1 transaction for web only, with the pages counted', () => {
    expect(suggestScenario([page(0), page(1)], [])).toEqual({ scenario: 1, reasons: [{ kind: 'web-only', pages: 2 }] });
  });
  it('1 transaction when people came only after the end (the courier’s call)', () => {
    expect(suggestScenario([page(0), page(1), touch(2, 'phone')], [])).toEqual({
      scenario: 1,
      reasons: [
        { kind: 'web-only', pages: 2 },
        { kind: 'contacts-after-end', count: 1, channels: ['phone'] },
      ],
    });
  });
  it('2 trust gap for one contact before the end', () => {
    const s = suggestScenario([page(0), page(1), page(2)], [probe('p', { stepId: 'stp_1' })]);
    expect(s).toEqual({ scenario: 2, reasons: [{ kind: 'contacts-before-end', count: 1, channels: ['chat'] }] });
  });
  it('3 relationship for two or more contacts before the end', () => {
    const s = suggestScenario([page(0), touch(1, 'video'), page(2), page(3)], [probe('p', { stepId: 'stp_0' })]);
    expect(s?.scenario).toBe(3);
    expect(s?.reasons).toEqual([{ kind: 'contacts-before-end', count: 2, channels: ['chat', 'video'] }]);
  });
  it('4 human product when human touchpoints are at least as many as pages', () => {
    const s = suggestScenario([touch(0, 'in-store'), page(1), touch(2, 'phone')], []);
    expect(s?.scenario).toBe(4);
    expect(s?.reasons[0]).toEqual({ kind: 'human-steps-dominate', humanSteps: 2, pages: 1 });
  });
  it('deliveries are not people: web plus delivery is a transaction', () => {
    expect(suggestScenario([page(0), touch(1, 'delivery'), page(2)], [])?.scenario).toBe(1);
  });
  it('suggests nothing for an empty audit', () => {
    expect(suggestScenario([], [])).toBeNull();
  });
});

describe('probe summary per channel', () => {
  it('counts outcomes at the report time and takes medians, in METHOD.md’s channel order', () => {
    const probes = [
      probe('a', { replies: [reply(MIN, true)], resolvedAt: T0 + 10 * MIN }),
      probe('b', { replies: [reply(5 * MIN, false), reply(6 * MIN, true)] }),
      probe('c', { sentAt: T0 + 60 * MIN }),
      probe('d', { channel: 'phone', expectationMs: 2 * MIN, replies: [reply(30_000)] }),
      probe('e', { channel: 'other', expectationMs: null, replies: [reply(MIN)] }),
    ];
    const summary = summariseProbes(probes, T0 + 61 * MIN);
    expect(summary.map((s) => s.channel)).toEqual(['phone', 'chat', 'other']);
    expect(summary[1]).toEqual({
      channel: 'chat',
      probes: 3,
      met: 1,
      missed: 1,
      open: 1,
      untimed: 0,
      medianFirstReplyMs: 3 * MIN,
      medianResolutionMs: 10 * MIN,
      answeredYes: 2,
      answeredNo: 1,
    });
    expect(summary[2]).toMatchObject({ untimed: 1, met: 0, open: 0 });
    // The open chat probe, judged later, has missed.
    expect(summariseProbes(probes, T0 + 63 * MIN)[1]).toMatchObject({ missed: 2, open: 0 });
  });
  it('median of an odd and an even count, none for no values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
