// The panel's writes for channel probes: start, a reply (and whether it answered the question), the
// resolution, removal and its undo, and the expectation settings. Each goes to IndexedDB at once; the
// worker is then asked to set the probe's alarm from what was stored (it owns the alarms). Part of
// PanelActions (actions.ts).
import { PeakendFailure } from '../domain/errors.ts';
import type { AuditId } from '../domain/model.ts';
import {
  createProbe,
  replyProblem,
  resolutionProblem,
  type Expectations,
  type Probe,
  type ProbeId,
  type ProbeTimeProblem,
} from '../domain/probes.ts';
import type { Channel } from '../domain/touchpoints.ts';
import { ToWorker } from '../protocol.ts';
import {
  deleteProbe,
  getExpectations,
  putProbe,
  setExpectations,
  updateProbe,
  type PeakendDb,
} from '../store/index.ts';
import type { PanelBackend } from './backend.ts';

export interface ProbeStart {
  auditId: AuditId;
  stepId: string | null;
  channel: Channel;
  question: string;
  /** t0, UTC ms: now, or the time the auditor typed. */
  sentAt: number;
}

export interface ProbeActions {
  startProbe(start: ProbeStart): Promise<Probe>;
  /** A reply at `at` (UTC ms); refused before the send time, before the previous reply, or in the future. */
  addReply(probeId: ProbeId, at: number): Promise<Probe>;
  /** Moves reply `index` to `at`, with the same checks against the other times. */
  editReply(probeId: ProbeId, index: number, at: number): Promise<Probe>;
  /** METHOD.md I6: did reply `index` answer the actual question? */
  setAnswered(probeId: ProbeId, index: number, answered: boolean): Promise<Probe>;
  /** t2 at `at` (null: not resolved after all). */
  resolveProbe(probeId: ProbeId, at: number | null): Promise<Probe>;
  removeProbe(probe: Probe): Promise<void>;
  /** Undo of a removal: the probe as it was. */
  restoreProbe(probe: Probe): Promise<Probe>;
  setExpectations(expectations: Expectations): Promise<void>;
}

const refuse = (problem: ProbeTimeProblem | null): void => {
  if (problem) throw new PeakendFailure(problem);
};
const failure = (code: ProbeTimeProblem['code']) => new PeakendFailure({ code });

export function probeActions(
  db: () => Promise<PeakendDb>,
  backend: Pick<PanelBackend, 'request'>,
  now: () => string,
): ProbeActions {
  // Best effort: a worker that cannot be reached sets the alarm again when it next starts.
  const arm = (probeId: ProbeId) =>
    backend.request(ToWorker.ArmProbe, { probeId }).then(
      () => undefined,
      () => undefined,
    );
  const change = async (probeId: ProbeId, apply: (probe: Probe, nowMs: number) => Probe) => {
    const at = now();
    const probe = await updateProbe(await db(), probeId, (p) => apply(p, Date.parse(at)), at);
    await arm(probeId);
    return probe;
  };
  return {
    async startProbe(start) {
      const at = now();
      const store = await db();
      if (start.sentAt > Date.parse(at) + 60_000) throw failure('probe-time-in-future');
      const expectations = await getExpectations(store);
      const probe = await putProbe(
        store,
        createProbe({ ...start, question: start.question.trim(), expectationMs: expectations[start.channel] }, at),
      );
      await arm(probe.id);
      return probe;
    },
    addReply: (probeId, at) =>
      change(probeId, (p, nowMs) => {
        refuse(replyProblem(p, at, nowMs));
        return { ...p, replies: [...p.replies, { at, answered: null }] };
      }),
    editReply: (probeId, index, at) =>
      change(probeId, (p, nowMs) => {
        const others = { sentAt: p.sentAt, replies: p.replies.slice(0, index) };
        refuse(replyProblem(others, at, nowMs));
        const next = p.replies[index + 1];
        if (next && at > next.at) throw failure('probe-reply-before-previous');
        return { ...p, replies: p.replies.map((r, i) => (i === index ? { ...r, at } : r)) };
      }),
    setAnswered: (probeId, index, answered) =>
      change(probeId, (p) => ({ ...p, replies: p.replies.map((r, i) => (i === index ? { ...r, answered } : r)) })),
    resolveProbe: (probeId, at) =>
      change(probeId, (p, nowMs) => {
        if (at !== null) refuse(resolutionProblem(p, at, nowMs));
        return { ...p, resolvedAt: at };
      }),
    async removeProbe(probe) {
      await deleteProbe(await db(), probe.id);
      await arm(probe.id);
    },
    async restoreProbe(probe) {
      const restored = await putProbe(await db(), { ...probe, updatedAt: now() });
      await arm(probe.id);
      return restored;
    },
    setExpectations: async (expectations) => setExpectations(await db(), expectations),
  };
}
