// Where the shopper dealt with people in a journey: the touchpoint steps of a human channel and the
// channel probes, each placed in the journey. Shared by the F7 suggestion (rubric-suggest.ts) and
// the touchpoint scenario's (scenario-suggest.ts), so both count a contact the same way.
//
// Rules (ours):
// - Human channels are those where a person (or a bot standing in for one) answers: phone, chat,
//   e-mail, messaging, video, in store. A delivery is logistics and "other" says nothing, so
//   neither counts as a contact.
// - A probe placed on a touchpoint step is that touchpoint's contact, counted once. A probe on a
//   page step (a chat on the site) or on no step is a contact of its own.
// - "The end" is the journey's last page step (the confirmation of an e-commerce journey): a
//   contact at or before it happened while the task was being done; one after it (the courier's
//   call, an e-mail about the order) came after the task. A probe's place is its step's; a probe on
//   no step is placed by time (sent before the last page step started: before the end). A journey
//   without a page step has no end to come after: every contact is before it.
import type { Step, StepId } from './model.ts';
import type { Probe } from './probes.ts';
import { inJourneyOrder } from './scores/normalise.ts';
import { isTouchpoint, type Channel } from './touchpoints.ts';

export const HUMAN_CHANNELS: readonly Channel[] = ['phone', 'chat', 'email', 'messaging', 'video', 'in-store'];

export const isHumanChannel = (channel: Channel | undefined): boolean =>
  channel !== undefined && HUMAN_CHANNELS.includes(channel);

export interface Contact {
  channel: Channel;
  /** The step it happened on (0-based Step.index), or null for a probe on no step. */
  stepIndex: number | null;
  stepId: StepId | null;
  /** The probe that timed it, when there is one. */
  probeId: string | null;
  /** At or before the journey's last page step. */
  beforeEnd: boolean;
}

export interface JourneyContacts {
  contacts: Contact[];
  pages: number;
  /** Touchpoint steps of a human channel. */
  humanSteps: number;
}

const parseMs = (iso: string): number => {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : Number.NaN;
};

/** The journey's contacts with people, in journey order (probes on no step last, by time). */
export function journeyContacts(steps: readonly Step[], probes: readonly Probe[]): JourneyContacts {
  const ordered = inJourneyOrder(steps);
  const pages = ordered.filter((s) => !isTouchpoint(s));
  const lastPage = pages.at(-1);
  const endIndex = lastPage ? lastPage.index : Number.POSITIVE_INFINITY;
  const endMs = lastPage ? parseMs(lastPage.startedAt) : Number.NaN;
  const byId = new Map(ordered.map((s) => [s.id, s]));
  const contacts: Contact[] = [];
  const probesByStep = new Map<StepId, Probe[]>();
  for (const probe of probes) {
    if (probe.stepId !== null && byId.has(probe.stepId)) {
      probesByStep.set(probe.stepId, [...(probesByStep.get(probe.stepId) ?? []), probe]);
    }
  }
  for (const step of ordered) {
    const stepProbes = probesByStep.get(step.id) ?? [];
    const touchpoint = isTouchpoint(step);
    if (touchpoint && isHumanChannel(step.channel)) {
      contacts.push({
        channel: step.channel ?? 'other',
        stepIndex: step.index,
        stepId: step.id,
        probeId: stepProbes[0]?.id ?? null,
        beforeEnd: step.index <= endIndex,
      });
      continue;
    }
    // A probe on a page step, or on a touchpoint of a channel that is not a contact by itself.
    for (const probe of stepProbes) {
      contacts.push({
        channel: probe.channel,
        stepIndex: step.index,
        stepId: step.id,
        probeId: probe.id,
        beforeEnd: step.index <= endIndex,
      });
    }
  }
  const loose = probes.filter((p) => p.stepId === null || !byId.has(p.stepId)).sort((a, b) => a.sentAt - b.sentAt);
  for (const probe of loose) {
    contacts.push({
      channel: probe.channel,
      stepIndex: null,
      stepId: null,
      probeId: probe.id,
      beforeEnd: !Number.isFinite(endMs) || probe.sentAt <= endMs,
    });
  }
  return {
    contacts,
    pages: pages.length,
    humanSteps: ordered.filter((s) => isTouchpoint(s) && isHumanChannel(s.channel)).length,
  };
}
