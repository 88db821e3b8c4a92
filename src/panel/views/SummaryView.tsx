// The headline numbers of computeScores (METHOD.md "Scores") in a panel-sized layout, the warnings a
// report would carry (unrated steps, unmarked criteria, failed critical criteria), and the way to
// the full report. Numbers are rounded here for display only; the report shows the same rounding.
import type { Step } from '../../domain/model.ts';
import { ELEMENT_IDS } from '../../domain/model.ts';
import { computeScores, type AuditScores, type ScoreWarning } from '../../domain/scores/index.ts';
import { t } from '../../i18n/t.ts';
import { useBackend } from '../context.ts';
import { useAuditData } from '../hooks.ts';
import { criterionText, elementLabel, rubricOf } from './RubricView.tsx';
import { Ltr, Message } from '../components/UserText.tsx';
import { ScenarioChoice } from './ScenarioChoice.tsx';

/** A 0-100 score as shown: rounded to a whole number, or "—" when it cannot be computed. */
export const formatScore = (value: number | null | undefined): string =>
  typeof value === 'number' && Number.isFinite(value) ? String(Math.round(value)) : t('summary_none');

/** "+0.25", "-3", "0.00": a sign on everything that does not round to zero. */
export const signed = (value: number, digits: number): string => {
  const text = value.toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return value > 0 ? `+${text}` : text;
};

export const reportPath = (auditId: string): string => `src/report/report.html?audit=${encodeURIComponent(auditId)}`;

function warningText(warning: ScoreWarning): string | null {
  switch (warning.kind) {
    case 'no-steps':
      return t('summary_warnNoSteps');
    case 'steps-without-valence':
      return t('summary_warnNoValence', String(warning.count));
    case 'steps-without-ease':
      return t('summary_warnNoEase', String(warning.count));
    case 'criteria-unmarked':
      return t('summary_warnUnmarked', String(warning.count));
    case 'rubric-version-mismatch':
      return t('summary_warnRubricVersion', warning.auditVersion, warning.rubricVersion);
  }
}

function StepMoment(props: { label: string; metric: string; stepId: string; valence: number; steps: Step[] }) {
  const step = props.steps.find((s) => s.id === props.stepId);
  return (
    <div class="summary__metric summary__metric--wide" data-metric={props.metric}>
      <dt>{props.label}</dt>
      <dd>
        {step ? (
          <Message k="stepRef" values={[String(step.index + 1), step.title || t('untitledPage')]} />
        ) : (
          props.stepId
        )}{' '}
        <span class="muted">
          <Message k="summary_valenceOf" values={[<Ltr key="valence">{signed(props.valence, 0)}</Ltr>]} />
        </span>
      </dd>
    </div>
  );
}

function Metric(props: { label: string; metric: string; value: string; note?: string | null }) {
  return (
    <div class="summary__metric" data-metric={props.metric}>
      <dt>{props.label}</dt>
      <dd>
        <span class="summary__value">{/\p{L}/u.test(props.value) ? props.value : <Ltr>{props.value}</Ltr>}</span>
        {props.note && ' '}
        {props.note && <span class="muted summary__note">{props.note}</span>}
      </dd>
    </div>
  );
}

export function SummaryBody({ scores, steps, auditId }: { scores: AuditScores; steps: Step[]; auditId: string }) {
  const backend = useBackend();
  const { rubric } = rubricOf(scores.rubricVersion);
  const pe = scores.peakEnd;
  const survey = scores.endSurvey;
  const nev = scores.emotional.nev;
  const gap = pe?.memoryGap ?? null;
  const completion =
    survey?.taskCompleted === true
      ? t('summary_yes')
      : survey?.taskCompleted === false
        ? t('summary_no')
        : t('summary_notAnswered');
  const warnings = scores.warnings.map(warningText).filter((w): w is string => w !== null);

  return (
    <>
      <dl class="summary__metrics">
        <Metric label={t('summary_overall')} metric="overall" value={formatScore(scores.overall.value)} />
        <Metric label={t('summary_immersion')} metric="immersion" value={formatScore(scores.immersion.value)} />
        <Metric label={t('summary_pe100')} metric="pe100" value={formatScore(pe?.pe100)} />
        <Metric label={t('summary_effort100')} metric="effort100" value={formatScore(scores.effort?.effort100)} />
        <Metric
          label={t('summary_nev')}
          metric="nev"
          value={nev === null ? t('summary_noEmotions') : signed(Math.round(nev), 0)}
        />
        <Metric
          label={t('summary_ces')}
          metric="ces"
          value={survey?.ces != null ? t('summary_cesValue', String(survey.ces)) : t('summary_notAnswered')}
        />
        <Metric label={t('summary_completion')} metric="completion" value={completion} />
        <Metric
          label={t('summary_memoryGap')}
          metric="memory-gap"
          value={gap === null ? t('summary_none') : signed(gap, 2)}
          note={gap === null || Math.abs(gap) < 0.005 ? null : gap < 0 ? t('summary_gapWorse') : t('summary_gapBetter')}
        />
        {pe && (
          <StepMoment
            label={t('summary_peakStep')}
            metric="peak"
            stepId={pe.peak.stepId}
            valence={pe.peak.valence}
            steps={steps}
          />
        )}
        {pe && (
          <StepMoment
            label={t('summary_endStep')}
            metric="end"
            stepId={pe.end.stepId}
            valence={pe.end.valence}
            steps={steps}
          />
        )}
      </dl>

      <h2 class="summary__heading">{t('summary_elements')}</h2>
      <ul class="summary__elements">
        {ELEMENT_IDS.map((element) => {
          const score = scores.elements[element];
          const pct = score.score === null ? 0 : Math.max(0, Math.min(100, score.score));
          return (
            <li class="summary__element" key={element} data-element={element}>
              <span class="summary__element-name">{elementLabel(element)}</span>
              <span class="summary__bar" aria-hidden="true">
                <span class={`summary__bar-fill${score.capped ? ' is-capped' : ''}`} style={`inline-size: ${pct}%`} />
              </span>
              <span class="summary__element-score">
                {score.score === null ? t('rubric_notAssessed') : formatScore(score.score)}
                {score.capped && <span class="badge badge--capped">{t('rubric_capped')}</span>}
              </span>
            </li>
          );
        })}
      </ul>

      {(warnings.length > 0 || scores.criticalFailures.length > 0) && (
        <>
          <h2 class="summary__heading">{t('summary_warnings')}</h2>
          <ul class="summary__warnings">
            {scores.criticalFailures.map((failure) => {
              const criterion = rubric.criteria.find((c) => c.id === failure.criterionId);
              return (
                <li class="warning warning--critical" key={`crit-${failure.criterionId}`} data-warning="critical">
                  {t(
                    'summary_warnCritical',
                    failure.criterionId,
                    criterion ? criterionText(criterion) : '',
                    elementLabel(failure.element),
                  )}
                </li>
              );
            })}
            {warnings.map((text) => (
              <li class="warning" key={text}>
                {text}
              </li>
            ))}
          </ul>
        </>
      )}

      <div class="actions summary__actions">
        <button type="button" class="primary" onClick={() => backend.openPage(reportPath(auditId))}>
          {t('summary_openReport')}
        </button>
      </div>
    </>
  );
}

export function SummaryView({ auditId }: { auditId: string }) {
  const { data, reload } = useAuditData(auditId);
  if (data === undefined) return <p class="empty">{t('loading')}</p>;
  if (data === null) return <p class="empty">{t('auditMissing')}</p>;
  const { rubric } = rubricOf(data.audit.rubric.rubricVersion);
  const scores = computeScores(data.audit, data.steps, rubric);
  return (
    <section class="summary" aria-label={t('summary_title')}>
      <SummaryBody scores={scores} steps={data.steps} auditId={auditId} />
      <ScenarioChoice audit={data.audit} steps={data.steps} onChanged={() => void reload()} />
    </section>
  );
}
