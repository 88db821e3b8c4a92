// The reasons of the suggestions made from channel probes (I1, I6, F7: src/domain/probe-suggest.ts)
// in words, for the rubric's suggestion box: "Chat probe on step 3: first reply after 4 min, later
// than the 2 min expected".
import type { ProbeReason } from '../../domain/probe-suggest.ts';
import type { Channel } from '../../domain/touchpoints.ts';
import { responseTimeText } from '../../i18n/response-time.ts';
import { t, uiLanguage } from '../../i18n/t.ts';
import { channelName } from '../components/ChannelLabel.tsx';

const time = (ms: number): string => responseTimeText(ms, uiLanguage());

function probeRef(channel: Channel, stepIndex: number | null): string {
  return stepIndex === null
    ? t('reason_probe', channelName(channel))
    : t('reason_probe_on_step', channelName(channel), String(stepIndex + 1));
}

export function probeReasonText(reason: ProbeReason): string {
  switch (reason.kind) {
    case 'probe-reply': {
      const ref = probeRef(reason.channel, reason.stepIndex);
      const expected = reason.expectationMs === null ? '' : time(reason.expectationMs);
      if (reason.firstReplyMs === null) return t('reason_probe_silent', ref, expected);
      const replied = time(reason.firstReplyMs);
      if (reason.outcome === 'met') return t('reason_probe_met', ref, replied, expected);
      if (reason.outcome === 'missed') return t('reason_probe_late', ref, replied, expected);
      return t('reason_probe_untimed', ref, replied);
    }
    case 'probe-answers': {
      const ref = probeRef(reason.channel, reason.stepIndex);
      const total = String(reason.yes + reason.no);
      return reason.usefulMs === null
        ? t('reason_probe_not_answered', ref, total)
        : t('reason_probe_answered', ref, String(reason.yes), total, time(reason.usefulMs));
    }
    case 'contact':
      return reason.stepIndex === null
        ? t('reason_contact', channelName(reason.channel))
        : t('reason_contact_on_step', channelName(reason.channel), String(reason.stepIndex + 1));
    case 'no-contact':
      return t('reason_no_contact', String(reason.pages));
    case 'check-contact-needed':
      return t('reason_check_contact_needed');
  }
}
