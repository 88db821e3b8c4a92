// A step's channel probes: on a page (a chat on the audited site) or a touchpoint that replies (a
// call, a chat, an e-mail). Start one, then mark its replies and resolution; a removed probe can be
// brought back for a while.
import { useEffect, useState } from 'preact/hooks';
import type { Step } from '../../../domain/model.ts';
import { canProbe, isUnreplied, type Probe } from '../../../domain/probes.ts';
import { t } from '../../../i18n/t.ts';
import { useActions } from '../../actions.ts';
import { UNDO_MS } from '../../components/Findings.tsx';
import { useNow } from '../../probes-data.ts';
import { ProbeCard } from './ProbeCard.tsx';
import { StartProbe } from './StartProbe.tsx';

export function StepProbes(props: {
  step: Step;
  /** This step's probes, as stored. */
  probes: Probe[];
  onChanged: () => void;
  onError: (error: unknown) => void;
}) {
  const { step, probes } = props;
  const actions = useActions();
  const [starting, setStarting] = useState(false);
  const [removed, setRemoved] = useState<Probe | null>(null);
  const now = useNow(probes.some((p) => isUnreplied(p) && p.resolvedAt === null));
  useEffect(() => {
    if (!removed) return;
    const timer = setTimeout(() => setRemoved(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [removed]);
  if (!canProbe(step)) return null;
  const remove = (probe: Probe) =>
    void actions
      .removeProbe(probe)
      .then(() => {
        setRemoved(probe);
        props.onChanged();
      })
      .catch(props.onError);
  const undo = (probe: Probe) =>
    void actions
      .restoreProbe(probe)
      .then(() => {
        setRemoved(null);
        props.onChanged();
      })
      .catch(props.onError);
  return (
    <section class="probes" data-probes-for={step.id}>
      <div class="probes__head">
        <strong>{t('probe_title')}</strong>
        {!starting && (
          <button type="button" onClick={() => setStarting(true)}>
            {t('probe_start')}
          </button>
        )}
      </div>
      {starting && (
        <StartProbe
          step={step}
          onStarted={() => {
            setStarting(false);
            props.onChanged();
          }}
          onCancel={() => setStarting(false)}
          onError={props.onError}
        />
      )}
      {probes.length > 0 && (
        <ul class="probes__list">
          {probes.map((probe) => (
            <ProbeCard key={probe.id} probe={probe} now={now} onChanged={props.onChanged} onRemove={remove} />
          ))}
        </ul>
      )}
      {removed && (
        <p class="probes__removed" role="status">
          {t('probe_removedNotice')}{' '}
          <button type="button" onClick={() => undo(removed)}>
            {t('undo')}
          </button>
        </p>
      )}
    </section>
  );
}
