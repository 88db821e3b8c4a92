// Channel probes summed up per channel, for the report's channel view: how many, how many met,
// missed or still open (judged at `nowMs`, the report's time), the median times to first reply
// and to resolution over the probes that have them, and the answers to the actual question
// (METHOD.md I6, per reply). Channels in METHOD.md's order; only channels with a probe appear.
import { firstReplyMs, probeOutcome, resolutionMs, type Probe } from './probes.ts';
import { CHANNELS, type Channel } from './touchpoints.ts';

export interface ChannelProbeSummary {
  channel: Channel;
  probes: number;
  met: number;
  missed: number;
  open: number;
  /** Replied probes of a channel without an expectation: timed, never judged. */
  untimed: number;
  /** Median t1 - t0 over the replied probes, ms; null when none replied. */
  medianFirstReplyMs: number | null;
  /** Median t2 - t0 over the resolved probes, ms; null when none was resolved. */
  medianResolutionMs: number | null;
  /** Replies the auditor judged: answered the actual question, or not. */
  answeredYes: number;
  answeredNo: number;
}

/** The median of finite numbers (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function summariseProbes(probes: readonly Probe[], nowMs: number): ChannelProbeSummary[] {
  const out: ChannelProbeSummary[] = [];
  for (const channel of CHANNELS) {
    const mine = probes.filter((p) => p.channel === channel);
    if (mine.length === 0) continue;
    const outcomes = mine.map((p) => probeOutcome(p, nowMs));
    const replies = mine.flatMap((p) => p.replies);
    out.push({
      channel,
      probes: mine.length,
      met: outcomes.filter((o) => o === 'met').length,
      missed: outcomes.filter((o) => o === 'missed').length,
      open: outcomes.filter((o) => o === 'open').length,
      untimed: outcomes.filter((o) => o === null).length,
      medianFirstReplyMs: median(mine.map(firstReplyMs).filter((ms): ms is number => ms !== null)),
      medianResolutionMs: median(mine.map(resolutionMs).filter((ms): ms is number => ms !== null)),
      answeredYes: replies.filter((r) => r.answered === true).length,
      answeredNo: replies.filter((r) => r.answered === false).length,
    });
  }
  return out;
}
