// The touchpoint scenario (METHOD.md "Touchpoint scenario", after Kotler et al.'s four) suggested
// from the channels a journey used. A suggestion only: the auditor sets the audit's scenario in the
// panel, and the report shows both, saying which one the scores use (the audit's).
//
// Rule (ours), over the contacts of contacts.ts (human channels; "the end" is the last page step):
// - 4 human product: the human touchpoint steps are at least as many as the page steps (and there
//   is one): the people are most of what the shopper went through.
// - 3 relationship: two or more contacts before the end: people advised along the way.
// - 2 trust gap: exactly one contact before the end: the shopper needed a person once to go on.
// - 1 transaction: no contact before the end (web only, or people only after the task: a courier's
//   call, an e-mail about the order): people at most facilitated the transaction.
// No step and no probe: no suggestion (null).
import type { Step, TouchpointScenario } from './model.ts';
import type { Probe } from './probes.ts';
import { journeyContacts } from './contacts.ts';
import type { Channel } from './touchpoints.ts';

export type ScenarioReason =
  /** No contact with people before the end, over `pages` page steps. */
  | { kind: 'web-only'; pages: number }
  /** Contacts only after the end (`count` of them). */
  | { kind: 'contacts-after-end'; count: number; channels: Channel[] }
  /** Contacts before the end, and their channels in journey order (distinct). */
  | { kind: 'contacts-before-end'; count: number; channels: Channel[] }
  /** Human touchpoint steps at least as many as pages. */
  | { kind: 'human-steps-dominate'; humanSteps: number; pages: number };

export interface ScenarioSuggestion {
  scenario: TouchpointScenario;
  reasons: ScenarioReason[];
}

const distinct = (channels: readonly Channel[]): Channel[] => [...new Set(channels)];

export function suggestScenario(steps: readonly Step[], probes: readonly Probe[]): ScenarioSuggestion | null {
  if (steps.length === 0 && probes.length === 0) return null;
  const { contacts, pages, humanSteps } = journeyContacts(steps, probes);
  const before = contacts.filter((c) => c.beforeEnd);
  const after = contacts.filter((c) => !c.beforeEnd);
  const beforeReason: ScenarioReason = {
    kind: 'contacts-before-end',
    count: before.length,
    channels: distinct(before.map((c) => c.channel)),
  };
  if (humanSteps > 0 && humanSteps >= pages) {
    return { scenario: 4, reasons: [{ kind: 'human-steps-dominate', humanSteps, pages }, beforeReason] };
  }
  if (before.length >= 2) return { scenario: 3, reasons: [beforeReason] };
  if (before.length === 1) return { scenario: 2, reasons: [beforeReason] };
  const reasons: ScenarioReason[] = [{ kind: 'web-only', pages }];
  if (after.length > 0)
    reasons.push({ kind: 'contacts-after-end', count: after.length, channels: distinct(after.map((c) => c.channel)) });
  return { scenario: 1, reasons };
}
