// Where the audit's touchpoint scenario (METHOD.md) is set: it decides which elements weigh double in
// the Immersion index. Beside it, the scenario suggested from the channels the journey used
// (src/domain/scenario-suggest.ts) with its reasons; the auditor uses it or chooses another, and the
// report shows both.
import { useMemo, useRef, useState } from 'preact/hooks';
import { TOUCHPOINT_SCENARIOS, type Audit, type Step, type TouchpointScenario } from '../../domain/model.ts';
import { suggestScenario } from '../../domain/scenario-suggest.ts';
import { scenarioName, scenarioReasonText } from '../../i18n/scenario.ts';
import { t } from '../../i18n/t.ts';
import { useActions } from '../actions.ts';
import { ErrorBanner } from '../components/Notice.tsx';
import { errorText } from '../errors.ts';
import { useProbes } from '../probes-data.ts';

export function ScenarioChoice({ audit, steps, onChanged }: { audit: Audit; steps: Step[]; onChanged: () => void }) {
  const actions = useActions();
  const { probes } = useProbes(audit.id);
  const suggestion = useMemo(() => suggestScenario(steps, probes), [steps, probes]);
  const [error, setError] = useState<string | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  const set = audit.touchpoint ?? null;

  const save = (scenario: TouchpointScenario | null) =>
    actions.setTouchpointScenario(audit.id, scenario).then(onChanged, (e: unknown) => setError(errorText(e)));

  return (
    <section class="scenario-choice" aria-labelledby="scenario-choice-title" data-scenario-set={set ?? 'none'}>
      <h2 class="summary__heading" id="scenario-choice-title">
        {t('report_touchpoint')}
      </h2>
      <p class="muted">{t('summary_scenarioHelp')}</p>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      {suggestion ? (
        <div class="scenario-choice__suggestion" data-role="scenario-suggestion" data-scenario={suggestion.scenario}>
          <p>
            {t('report_scenarioSuggestedLabel')}
            <br />
            <strong>{scenarioName(suggestion.scenario)}</strong>
          </p>
          <ul class="scenario-choice__reasons">
            {suggestion.reasons.map((reason) => (
              <li key={reason.kind} data-reason={reason.kind}>
                {scenarioReasonText(reason)}
              </li>
            ))}
          </ul>
          {set !== suggestion.scenario && (
            <button
              type="button"
              onClick={() =>
                // The button goes once the suggestion is in use: the focus goes to the choice it set.
                void save(suggestion.scenario).then(() => select.current?.focus())
              }
            >
              {t('summary_scenarioUse')}
            </button>
          )}
        </div>
      ) : (
        <p class="muted">{t('report_scenarioNoSuggestion')}</p>
      )}
      <label class="scenario-choice__set">
        {t('report_scenarioSetLabel')}
        <select
          ref={select}
          value={set === null ? '' : String(set)}
          onChange={(e) => {
            const value = e.currentTarget.value;
            void save(value === '' ? null : (Number(value) as TouchpointScenario));
          }}
        >
          <option value="">{t('report_touchpointNone')}</option>
          {TOUCHPOINT_SCENARIOS.map((s) => (
            <option key={s} value={String(s)}>
              {scenarioName(s)}
            </option>
          ))}
        </select>
      </label>
      {set !== null && suggestion && (
        <p class="muted" data-role="scenario-state">
          {set === suggestion.scenario ? t('report_scenarioConfirmed') : t('report_scenarioChanged')}
        </p>
      )}
    </section>
  );
}
