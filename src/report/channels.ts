// The report's channel view, as data: the journey on one timeline with a lane per channel (web
// pages first, then the channels in METHOD.md's order), each step at its time (a touchpoint's
// occurredAt when the auditor gave one, else when it was logged), each probe with its times and its
// outcome judged at the report's time, the probe summary per channel, and the touchpoint scenario
// suggested from the channels beside the one set on the audit. Shared by the HTML and Markdown.
import type { StepId, TouchpointScenario } from '../domain/model.ts';
import { summariseProbes, type ChannelProbeSummary } from '../domain/probe-summary.ts';
import { firstReplyMs, probeOutcome, resolutionMs, type Probe, type ProbeOutcome } from '../domain/probes.ts';
import { suggestScenario, type ScenarioSuggestion } from '../domain/scenario-suggest.ts';
import { CHANNELS, isTouchpoint, type Channel } from '../domain/touchpoints.ts';
import type { ReportData } from './data.ts';

export type LaneKey = 'web' | Channel;

export interface LaneStep {
  stepId: StepId;
  /** 1-based, as the report numbers steps. */
  stepNo: number;
  at: number;
}

export interface ProbeRow {
  probe: Probe;
  /** "P1", "P2" … in the order sent. */
  code: string;
  stepNo: number | null;
  outcome: ProbeOutcome | null;
  firstReplyMs: number | null;
  resolutionMs: number | null;
}

export interface Lane {
  key: LaneKey;
  steps: LaneStep[];
  probes: ProbeRow[];
}

/** Whether the scenario the scores use is the suggested one, another one, or none. */
export type ScenarioState = 'confirmed' | 'changed' | 'not-set';

export interface ChannelView {
  lanes: Lane[];
  probes: ProbeRow[];
  summary: ChannelProbeSummary[];
  suggested: ScenarioSuggestion | null;
  set: TouchpointScenario | null;
  state: ScenarioState;
  /** The report's time (UTC ms): open probes are judged at it. */
  nowMs: number;
  /** The timeline's span (UTC ms); equal when everything happened at one instant. */
  startMs: number;
  endMs: number;
}

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

export function channelView(data: ReportData, stepNo: ReadonlyMap<StepId, number>): ChannelView {
  const parsedNow = Date.parse(data.generatedAt);
  const nowMs = Number.isFinite(parsedNow) ? parsedNow : Date.now();
  const lanes = new Map<LaneKey, Lane>();
  const lane = (key: LaneKey): Lane => {
    let found = lanes.get(key);
    if (!found) {
      found = { key, steps: [], probes: [] };
      lanes.set(key, found);
    }
    return found;
  };
  const times: number[] = [];
  for (const step of data.steps) {
    const at = isTouchpoint(step) && finite(step.occurredAt) ? step.occurredAt : Date.parse(step.startedAt);
    if (!Number.isFinite(at)) continue;
    times.push(at);
    const key: LaneKey = isTouchpoint(step) ? (step.channel ?? 'other') : 'web';
    lane(key).steps.push({ stepId: step.id, stepNo: stepNo.get(step.id) ?? step.index + 1, at });
  }
  const probes: ProbeRow[] = data.probes.map((probe, i) => ({
    probe,
    code: `P${i + 1}`,
    stepNo: probe.stepId === null ? null : (stepNo.get(probe.stepId) ?? null),
    outcome: probeOutcome(probe, nowMs),
    firstReplyMs: firstReplyMs(probe),
    resolutionMs: resolutionMs(probe),
  }));
  for (const row of probes) {
    const p = row.probe;
    lane(p.channel).probes.push(row);
    times.push(p.sentAt, ...p.replies.map((r) => r.at));
    if (p.resolvedAt !== null) times.push(p.resolvedAt);
    // Not the report's time for a probe still waiting: a report made weeks later would squeeze the
    // journey into a corner. The drawing runs it on to the timeline's end instead.
    if (p.expectationMs !== null) times.push(p.sentAt + p.expectationMs);
  }
  const order: LaneKey[] = ['web', ...CHANNELS];
  const sorted = order.flatMap((key) => {
    const l = lanes.get(key);
    return l ? [{ ...l, steps: [...l.steps].sort((a, b) => a.at - b.at || a.stepNo - b.stepNo) }] : [];
  });
  const finiteTimes = times.filter(Number.isFinite);
  const startMs = finiteTimes.length > 0 ? Math.min(...finiteTimes) : nowMs;
  const endMs = finiteTimes.length > 0 ? Math.max(...finiteTimes) : nowMs;
  const suggested = suggestScenario(data.steps, data.probes);
  const set = data.audit.touchpoint ?? null;
  const state: ScenarioState = set === null ? 'not-set' : suggested?.scenario === set ? 'confirmed' : 'changed';
  return {
    lanes: sorted,
    probes,
    summary: summariseProbes(data.probes, nowMs),
    suggested,
    set,
    state,
    nowMs,
    startMs,
    endMs,
  };
}
