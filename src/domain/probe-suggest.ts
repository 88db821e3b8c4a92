// Suggested marks for I1, I6 and F7 from the audit's channel probes and touchpoints (METHOD.md
// "Channel probe": "Probes feed criteria I1, I6 and F7 as suggestions (A)"). Called through
// rubric-suggest.ts's suggestMarks when the caller passes the probes; like every suggestion, the
// auditor confirms it. Reasons are structured; the panel and the report word them with t().
//
// Rules (ours):
// - I1 "help reachable; note how fast it answered". Each probe's outcome (probes.ts, judged at
//   `nowMs`): met, missed (a late reply, or none past the expectation), open (waiting within it),
//   or none (a channel without an expectation: a reply is only timed). Evidence: a probe that is
//   not open. pass: no probe missed (each met, or replied where nothing is expected); fail: some
//   missed and no probe got any reply (help was not reachable); partial: some missed, but replies
//   came (reachable, not as fast as expected). Reasons: every judged probe for a pass, the missed
//   ones otherwise.
// - I6 "a chat or bot answers the actual question". Evidence: a reply the auditor judged (yes or
//   no). pass: every judged reply answered it; fail: none did; partial: some did. Reasons: each
//   probe with judged replies, with the time to its first useful (yes) reply.
// - F7 "the task can be finished self-service". Contacts as contacts.ts counts them (a probe, or a
//   touchpoint of a human channel, at or before the last page step). Evidence: a page step or a
//   contact. pass: no contact before the end; fail: any, each listed, with a reminder that a
//   contact the auditor made only to test the channel does not count against the site.
import type { Mark, Step } from './model.ts';
import { journeyContacts } from './contacts.ts';
import { firstReplyMs, probeOutcome, type Probe, type ProbeOutcome } from './probes.ts';
import type { Channel } from './touchpoints.ts';

interface ProbeAt {
  probeId: string;
  channel: Channel;
  /** The probe's step (0-based Step.index), or null when it is on no step of the audit. */
  stepIndex: number | null;
}

export type ProbeReason =
  /** I1: a probe's first reply against its expectation (outcome null: no expectation). */
  | ({
      kind: 'probe-reply';
      outcome: ProbeOutcome | null;
      firstReplyMs: number | null;
      expectationMs: number | null;
    } & ProbeAt)
  /** I6: the judged replies of a probe, and the time to its first reply that answered (ms). */
  | ({ kind: 'probe-answers'; yes: number; no: number; usefulMs: number | null } & ProbeAt)
  /** F7: a contact with people before the end. */
  | { kind: 'contact'; channel: Channel; stepIndex: number | null; probeId: string | null }
  /** F7 pass: no contact before the end, over `pages` page steps. */
  | { kind: 'no-contact'; pages: number }
  /** F7: a contact made only to test the channel does not count against the site. */
  | { kind: 'check-contact-needed' };

export interface ProbeSuggestion {
  mark: Mark;
  reasons: ProbeReason[];
}

export interface ProbeEvidence {
  probes: readonly Probe[];
  /** When open probes are judged (UTC ms): now in the panel, the report's time in the report. */
  nowMs: number;
}

function placeOf(steps: readonly Step[]): (probe: Probe) => ProbeAt {
  const index = new Map(steps.map((s) => [s.id, s.index]));
  return (probe) => ({
    probeId: probe.id,
    channel: probe.channel,
    stepIndex: probe.stepId === null ? null : (index.get(probe.stepId) ?? null),
  });
}

export function suggestI1(steps: readonly Step[], ev: ProbeEvidence): ProbeSuggestion | null {
  const at = placeOf(steps);
  const judged = ev.probes
    .map((probe) => ({ probe, outcome: probeOutcome(probe, ev.nowMs) }))
    .filter((j) => j.outcome !== 'open');
  if (judged.length === 0) return null;
  const reason = ({ probe, outcome }: (typeof judged)[number]): ProbeReason => ({
    kind: 'probe-reply',
    outcome,
    firstReplyMs: firstReplyMs(probe),
    expectationMs: probe.expectationMs,
    ...at(probe),
  });
  const missed = judged.filter((j) => j.outcome === 'missed');
  if (missed.length === 0) return { mark: 'pass', reasons: judged.map(reason) };
  const anyReply = ev.probes.some((p) => p.replies.length > 0);
  return { mark: anyReply ? 'partial' : 'fail', reasons: missed.map(reason) };
}

export function suggestI6(steps: readonly Step[], ev: ProbeEvidence): ProbeSuggestion | null {
  const at = placeOf(steps);
  const reasons: ProbeReason[] = [];
  let yes = 0;
  let no = 0;
  for (const probe of ev.probes) {
    const judged = probe.replies.filter((r) => r.answered !== null);
    if (judged.length === 0) continue;
    const y = judged.filter((r) => r.answered === true).length;
    const useful = probe.replies.find((r) => r.answered === true);
    yes += y;
    no += judged.length - y;
    reasons.push({
      kind: 'probe-answers',
      yes: y,
      no: judged.length - y,
      usefulMs: useful ? useful.at - probe.sentAt : null,
      ...at(probe),
    });
  }
  if (reasons.length === 0) return null;
  return { mark: no === 0 ? 'pass' : yes === 0 ? 'fail' : 'partial', reasons };
}

export function suggestF7(steps: readonly Step[], ev: ProbeEvidence): ProbeSuggestion | null {
  const { contacts, pages } = journeyContacts(steps, ev.probes);
  const before = contacts.filter((c) => c.beforeEnd);
  if (before.length === 0) return pages > 0 ? { mark: 'pass', reasons: [{ kind: 'no-contact', pages }] } : null;
  return {
    mark: 'fail',
    reasons: [
      ...before.map((c): ProbeReason => ({
        kind: 'contact',
        channel: c.channel,
        stepIndex: c.stepIndex,
        probeId: c.probeId,
      })),
      { kind: 'check-contact-needed' },
    ],
  };
}
