// The words for a touchpoint scenario and for the reasons it was suggested (src/domain/scenario-suggest.ts),
// shared by the panel, where the auditor sets the audit's scenario, and the report's channel view.
import type { TouchpointScenario } from '../domain/model.ts';
import type { ScenarioReason } from '../domain/scenario-suggest.ts';
import type { Channel } from '../domain/touchpoints.ts';
import { t, type MessageKey } from './t.ts';

export const scenarioName = (scenario: TouchpointScenario): string => t(`report_touchpoint${scenario}` as MessageKey);

const channelsText = (channels: readonly Channel[]): string =>
  channels.map((c) => t(`channel_${c.replace('-', '_')}_name` as MessageKey)).join(', ');

export function scenarioReasonText(reason: ScenarioReason): string {
  switch (reason.kind) {
    case 'web-only':
      return t('report_scenarioWebOnly', String(reason.pages));
    case 'contacts-after-end':
      return t('report_scenarioAfterEnd', String(reason.count), channelsText(reason.channels));
    case 'contacts-before-end':
      return t('report_scenarioBeforeEnd', String(reason.count), channelsText(reason.channels));
    case 'human-steps-dominate':
      return t('report_scenarioHumanSteps', String(reason.humanSteps), String(reason.pages));
  }
}
