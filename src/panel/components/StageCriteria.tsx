// The rubric criteria judged at the step's stage (src/domain/stage-criteria.ts), marked on the step
// itself: one click while the page is in view, where the rubric tab took the tab, the element and the
// mark. The step becomes the mark's evidence unless the criterion has some already. Loaded with the
// rubric's code (see AuditView), which it shares: the same mark buttons, suggestion and comment.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Audit, CriterionMark, Step } from '../../domain/model.ts';
import type { Probe } from '../../domain/probes.ts';
import { suggestionFor, suggestMarks } from '../../domain/rubric-suggest.ts';
import { emptyCriterionMark } from '../../domain/rubric.ts';
import { criteriaForStep } from '../../domain/stage-criteria.ts';
import { t } from '../../i18n/t.ts';
import { useActions } from '../actions.ts';
import {
  acceptSuggestion,
  CommentField,
  CriterionHead,
  MarkChoice,
  rubricOf,
  SuggestionBox,
} from '../views/RubricView.tsx';

export function StageCriteria(props: {
  audit: Audit;
  step: Step;
  /** Every step of the audit (suggestions read the whole journey), or null while some are unread. */
  steps: Step[] | null;
  /** The audit's probes: I1, I6 and F7 are suggested from them as in the rubric. */
  probes: readonly Probe[];
  onSaved: () => void;
  onError: (e: unknown) => void;
}) {
  const { audit, step } = props;
  const actions = useActions();
  // Marks show at once, before IndexedDB and the re-read confirm them.
  const [local, setLocal] = useState<Record<string, CriterionMark>>({});
  const queue = useRef<Promise<void>>(Promise.resolve());
  const inFlight = useRef(0);
  // The stored marks replace the local ones once re-read, and not before: no flicker back meanwhile.
  useEffect(() => {
    if (inFlight.current === 0) setLocal({});
  }, [audit]);
  const { rubric } = rubricOf(audit.rubric.rubricVersion);
  const criteria = criteriaForStep(step, rubric);
  const all = props.steps;
  const probes = props.probes;
  const suggestions = useMemo(() => (all ? suggestMarks(all, { probes, nowMs: Date.now() }) : null), [all, probes]);
  if (criteria.length === 0) return null;

  const markOf = (id: string): CriterionMark => local[id] ?? audit.rubric.marks[id] ?? emptyCriterionMark();
  const change = (criterionId: string, apply: (prev: CriterionMark) => CriterionMark) => {
    // Marked while this step was in view: it is the evidence, unless the auditor chose one.
    const withEvidence = (prev: CriterionMark) => {
      const next = apply(prev);
      return next.evidence ? next : { ...next, evidence: { stepId: step.id } };
    };
    setLocal((prev) => ({ ...prev, [criterionId]: withEvidence(markOf(criterionId)) }));
    inFlight.current += 1;
    // One after another, so a mark and a comment saved close together never undo each other.
    queue.current = queue.current
      .then(async () => {
        await actions.markCriterion(audit.id, criterionId, withEvidence);
      })
      .catch(props.onError)
      .finally(() => {
        inFlight.current -= 1;
        // Once a run of quick marks has landed, not after each: a re-read takes the whole audit.
        if (inFlight.current === 0) props.onSaved();
      });
  };

  const marked = criteria.filter((c) => markOf(c.id).mark).length;
  const titleId = `stage-criteria-${step.id}`;
  return (
    // Part of the step's editing: a step that arrives while a comment is typed here waits too.
    <div class="stage-criteria" role="group" aria-labelledby={titleId} data-edits-step={step.id}>
      <p class="stage-criteria__head">
        <strong id={titleId}>{t('stageCriteria_title')}</strong>{' '}
        <span class="muted">{t('rubric_markedCount', String(marked), String(criteria.length))}</span>
      </p>
      <ul class="criteria">
        {criteria.map((criterion) => {
          const id = criterion.id;
          const entry = markOf(id);
          const textId = `${titleId}-${id}`;
          // Offered while the criterion is unmarked; the rubric keeps it beside any mark.
          const suggestion = criterion.auto && suggestions ? suggestionFor(suggestions, id) : null;
          return (
            <li
              key={id}
              class={`criterion criterion--compact${entry.mark ? ` criterion--${entry.mark}` : ''}`}
              data-criterion={id}
            >
              <CriterionHead criterion={criterion} textId={textId} />
              <MarkChoice
                name={`stage-mark-${step.id}-${id}`}
                criterionId={id}
                describedBy={textId}
                mark={entry.mark}
                onChange={(apply) => change(id, apply)}
              />
              {suggestion && entry.mark === null && (
                <SuggestionBox
                  criterionId={id}
                  suggestion={suggestion}
                  entry={entry}
                  onAccept={() => change(id, acceptSuggestion(suggestion))}
                />
              )}
              {entry.mark === 'fail' && (
                <CommentField
                  auditId={audit.id}
                  criterionId={id}
                  value={entry.comment}
                  mark={entry.mark}
                  onSave={(comment) => change(id, (prev) => ({ ...prev, comment }))}
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
