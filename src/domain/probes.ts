// Channel probes (METHOD.md "Touchpoints beyond the website"): a contact the auditor starts and
// times. Sent (or called) at t0, first reply at t1, resolved at t2. Every time is UTC milliseconds
// since the epoch, so a DST change or a flight across zones mid-probe changes no duration: zones
// only matter where the panel shows or reads a clock time.
import type { AuditId, StepId, UtcIso } from './model.ts';
import { newId } from './ids.ts';
import type { Channel } from './touchpoints.ts';

export type ProbeId = string;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * METHOD.md's default expectations, as time to first reply (phone: time on hold). Channels METHOD.md
 * gives no expectation have none: their probes are timed, never judged met or missed.
 */
export const DEFAULT_EXPECTATIONS: Readonly<Record<Channel, number | null>> = {
  phone: 2 * MINUTE,
  chat: 2 * MINUTE,
  email: 24 * HOUR,
  messaging: 15 * MINUTE,
  video: null,
  delivery: null,
  'in-store': null,
  other: null,
};

/** The auditor's settings: an expectation per channel in ms, null for none. */
export type Expectations = Record<Channel, number | null>;

/** Longest expectation a setting may hold (30 days): anything longer is a typo, not a service level. */
export const MAX_EXPECTATION_MS = 30 * 24 * HOUR;

export interface ProbeReply {
  /** When the reply came, UTC ms. */
  at: number;
  /** METHOD.md I6: did it answer the actual question? null until the auditor says. */
  answered: boolean | null;
}

export interface Probe {
  id: ProbeId;
  auditId: AuditId;
  /** The step it belongs to: a touchpoint (a call, an e-mail) or the page whose chat was used. */
  stepId: StepId | null;
  channel: Channel;
  /** What the auditor asked ("Can I return a sale item?"); plain text. */
  question: string;
  /** t0, UTC ms. */
  sentAt: number;
  /** In time order; the first is t1. */
  replies: ProbeReply[];
  /** t2, UTC ms; null while unresolved. */
  resolvedAt: number | null;
  /**
   * The channel's expectation when the probe started (ms; null: none). Kept on the probe so changing
   * a setting later never rejudges a probe already timed.
   */
  expectationMs: number | null;
  createdAt: UtcIso;
  updatedAt: UtcIso;
}

/** met: first reply within the expectation; missed: later, or still none past it; open: waiting. */
export const PROBE_OUTCOMES = ['met', 'missed', 'open'] as const;
export type ProbeOutcome = (typeof PROBE_OUTCOMES)[number];

/** t1 - t0 in ms, or null before the first reply. */
export function firstReplyMs(probe: Pick<Probe, 'sentAt' | 'replies'>): number | null {
  const first = probe.replies[0];
  return first ? first.at - probe.sentAt : null;
}

/** t2 - t0 in ms, or null while unresolved. */
export function resolutionMs(probe: Pick<Probe, 'sentAt' | 'resolvedAt'>): number | null {
  return probe.resolvedAt === null ? null : probe.resolvedAt - probe.sentAt;
}

/**
 * METHOD.md: a probe meets its expectation when t1 - t0 is at most the expectation; one still open
 * past it counts as missed. Without an expectation a replied probe has no outcome (null) and an
 * unreplied one is open.
 */
export function probeOutcome(
  probe: Pick<Probe, 'sentAt' | 'replies' | 'expectationMs'>,
  nowMs: number,
): ProbeOutcome | null {
  const reply = firstReplyMs(probe);
  const limit = probe.expectationMs;
  if (reply !== null) return limit === null ? null : reply <= limit ? 'met' : 'missed';
  if (limit !== null && nowMs - probe.sentAt > limit) return 'missed';
  return 'open';
}

/** When an unreplied probe passes its expectation (UTC ms): the alarm's time. Null: none to wait for. */
export function expectationDueAt(probe: Pick<Probe, 'sentAt' | 'replies' | 'expectationMs'>): number | null {
  if (probe.expectationMs === null || probe.replies.length > 0) return null;
  return probe.sentAt + probe.expectationMs;
}

export type ProbeTimeProblem =
  | { code: 'probe-reply-before-send' }
  | { code: 'probe-resolved-before-send' }
  | { code: 'probe-reply-before-previous' }
  | { code: 'probe-time-in-future' };

/** Future times are refused beyond this slack (clocks of two devices, a slow click). */
export const FUTURE_SLACK_MS = MINUTE;

/** Why a reply at `at` cannot be added, or null when it can. */
export function replyProblem(
  probe: Pick<Probe, 'sentAt' | 'replies'>,
  at: number,
  nowMs: number,
): ProbeTimeProblem | null {
  if (at > nowMs + FUTURE_SLACK_MS) return { code: 'probe-time-in-future' };
  if (at < probe.sentAt) return { code: 'probe-reply-before-send' };
  const last = probe.replies.at(-1);
  if (last && at < last.at) return { code: 'probe-reply-before-previous' };
  return null;
}

/** Why a resolution at `at` cannot be set, or null when it can. */
export function resolutionProblem(probe: Pick<Probe, 'sentAt'>, at: number, nowMs: number): ProbeTimeProblem | null {
  if (at > nowMs + FUTURE_SLACK_MS) return { code: 'probe-time-in-future' };
  if (at < probe.sentAt) return { code: 'probe-resolved-before-send' };
  return null;
}

/**
 * The channels a contact can be timed in: a delivery or a store visit is not a message with a reply.
 * A page step offers them too (a chat on the audited site, its e-mail form).
 */
export const PROBE_CHANNELS = [
  'chat',
  'phone',
  'email',
  'messaging',
  'video',
  'other',
] as const satisfies readonly Channel[];
export type ProbeChannel = (typeof PROBE_CHANNELS)[number];

export const isProbeChannel = (channel: unknown): channel is ProbeChannel =>
  (PROBE_CHANNELS as readonly unknown[]).includes(channel);

/** Whether a step can hold probes: any page, and a touchpoint in a channel that replies. */
export function canProbe(step: { kind?: string; channel?: Channel | null }): boolean {
  return step.kind !== 'touchpoint' || isProbeChannel(step.channel);
}

export interface ProbeInit {
  auditId: AuditId;
  stepId: StepId | null;
  channel: Channel;
  question: string;
  sentAt: number;
  /** The channel's expectation now, from the settings: kept on the probe. */
  expectationMs: number | null;
}

export function createProbe(init: ProbeInit, at: UtcIso): Probe {
  return { id: newId('prb'), ...init, replies: [], resolvedAt: null, createdAt: at, updatedAt: at };
}

/** Whether the probe is still waiting for its first reply (its alarm may still have to ring). */
export const isUnreplied = (probe: Pick<Probe, 'replies'>): boolean => probe.replies.length === 0;
