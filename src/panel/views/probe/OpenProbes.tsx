// The audit's probes still waiting for their first reply, above the step list whatever step is on
// screen, so a running probe is not lost while the auditor moves on through the site.
import type { Step } from '../../../domain/model.ts';
import { isUnreplied, type Probe } from '../../../domain/probes.ts';
import { spanText } from '../../../i18n/format.ts';
import { t, uiLanguage } from '../../../i18n/t.ts';
import { channelName } from '../../components/ChannelLabel.tsx';
import { useNow } from '../../probes-data.ts';
import { outcomeLabel } from './ProbeCard.tsx';

export function OpenProbes(props: { probes: Probe[]; steps: readonly Step[]; onGo: (stepId: string) => void }) {
  const open = props.probes.filter((p) => isUnreplied(p) && p.resolvedAt === null);
  const now = useNow(open.length > 0);
  if (open.length === 0) return null;
  return (
    <section class="open-probes" aria-label={t('probe_openTitle')}>
      <strong>
        {t('probe_openTitle')} <span class="badge">{String(open.length)}</span>
      </strong>
      <ul>
        {open.map((probe) => {
          const step = props.steps.find((s) => s.id === probe.stepId);
          const outcome = outcomeLabel(probe, now);
          return (
            <li key={probe.id} data-open-probe={probe.id} data-outcome={outcome.key}>
              <span>
                {channelName(probe.channel)}
                {probe.question && (
                  <>
                    {': '}
                    <bdi>{probe.question}</bdi>
                  </>
                )}
                {' · '}
                {t('probe_waiting', spanText(Math.max(0, now - probe.sentAt), uiLanguage()))}
              </span>{' '}
              <span class={`badge probe__outcome probe__outcome--${outcome.key}`}>{outcome.text}</span>
              {step && (
                <button type="button" class="link" onClick={() => props.onGo(step.id)}>
                  {t('probe_goToStep', String(step.index + 1))}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
