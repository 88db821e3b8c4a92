// The element rubric of one audit (METHOD.md "Element scores"): every criterion of the audit's rubric
// version grouped by element, with the element's current score, and per criterion its mark, weight,
// evidence step, comment and, for (A) criteria, the mark the signals suggest.
//
// Writes: every change goes to IndexedDB at once (comments 150 ms after the last keystroke, and on
// blur, pagehide and unmount). Each write changes only its own criterion in the marks it reads, in
// one transaction (updateCriterionMark), and the panel's writes run one after another, so a mark and
// a comment saved close together never undo each other. A comment still unsaved when the panel
// closes is handed to the worker, which writes it the same way.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CriterionMark, Mark, Step } from '../../domain/model.ts';
import { ELEMENT_IDS, MARKS } from '../../domain/model.ts';
import {
  PROBE_CRITERIA,
  suggestionFor,
  suggestMarks,
  type Reason,
  type Suggestion,
} from '../../domain/rubric-suggest.ts';
import { DEFAULT_RUBRIC, emptyCriterionMark, rubricById, type Criterion, type Rubric } from '../../domain/rubric.ts';
import { computeScores } from '../../domain/scores/index.ts';
import { t, tp, type MessageKey } from '../../i18n/t.ts';
import { formatCount } from '../format.ts';
import { ErrorBanner } from '../components/Notice.tsx';
import { SavedStatus } from '../components/SavedStatus.tsx';
import { useActions } from '../actions.ts';
import { useDebouncedText } from '../debounced-text.ts';
import { errorText } from '../errors.ts';
import { useAuditData } from '../hooks.ts';
import { useProbes } from '../probes-data.ts';
import { isolate } from '../../i18n/bidi.ts';
import { probeReasonText } from './probe-reasons.ts';

/** Reasons shown per suggestion before "and N more". */
export const REASONS_SHOWN = 5;

export const WEIGHTS: readonly number[] = [1, 2, 3];

/** The elements the auditor left open, per audit, while the panel is open (the view remounts per tab). */
const openByAudit = new Map<string, ReadonlySet<string>>();

const elementOfCriterion = (criterionId: string): string | null =>
  DEFAULT_RUBRIC.criteria.find((c) => c.id === criterionId)?.element ?? null;

/** DOM id of a criterion's row, for "Go to" from the completeness list. */
export const criterionDomId = (criterionId: string): string => `criterion-${criterionId}`;

/** t() for a key computed from data, falling back to `fallback` when the key is unknown. */
function tData(key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === '' || text === key ? fallback : text;
}

export const markLabel = (mark: Mark): string => t(`mark_${mark}`);
export const criterionText = (criterion: Criterion): string => tData(criterion.textKey, criterion.text);
export const elementLabel = (element: string): string => tData(`element_${element}`, element);

/** "Step 3 · Checkout" (journey index + 1, and the page title). */
export const stepRefText = (step: Pick<Step, 'index' | 'title'>): string =>
  t('stepRef', String(step.index + 1), isolate(step.title || t('untitledPage')));

/** The rubric an audit was marked with; DEFAULT_RUBRIC when the version is unknown. */
export function rubricOf(version: string | undefined): { rubric: Rubric; known: boolean } {
  const rubric = version ? rubricById(version) : null;
  return rubric ? { rubric, known: true } : { rubric: DEFAULT_RUBRIC, known: false };
}

const METRIC_NAME = { lcp: 'LCP', cls: 'CLS', inp: 'INP' } as const;

function vitalValue(kind: 'lcp' | 'cls' | 'inp', value: number): string {
  if (kind === 'lcp') return `${(value / 1000).toFixed(2)} s`;
  if (kind === 'inp') return `${Math.round(value)} ms`;
  return value.toFixed(2);
}

/** A suggestion's reason in words, e.g. "3 rage clicks on step 4", "CLS 0.31 poor on step 2". */
export function reasonText(reason: Reason): string {
  switch (reason.kind) {
    case 'dead-clicks':
    case 'rage-clicks':
    case 'form-errors': {
      const base = reason.kind.replace(/-/g, '_') as 'dead_clicks' | 'rage_clicks' | 'form_errors';
      return tp(`reason_${base}`, reason.count, formatCount(reason.count), String(reason.stepIndex + 1));
    }
    case 'fields':
      return tp(
        'reason_fields',
        reason.count,
        formatCount(reason.count),
        formatCount(reason.required),
        String(reason.stepIndex + 1),
      );
    case 'lcp':
    case 'cls':
    case 'inp':
      return t(
        'reason_vital',
        METRIC_NAME[reason.kind],
        vitalValue(reason.kind, reason.value),
        t(`rating_${reason.rating.replace(/-/g, '_')}` as MessageKey),
        String(reason.stepIndex + 1),
      );
    case 'no-dead-clicks':
      return tp('reason_no_dead_clicks', reason.clicks, formatCount(reason.clicks), formatCount(reason.steps));
    case 'no-incidents':
      return tp('reason_no_incidents', reason.steps, formatCount(reason.steps));
    case 'vitals-good':
      return tp('reason_vitals_good', reason.steps, formatCount(reason.measured), formatCount(reason.steps));
    case 'check-error-messages':
      return t('reason_check_error_messages');
    default:
      return probeReasonText(reason);
  }
}

/** A criterion's comment: local while typing, saved after a pause, on blur, pagehide and unmount. */
export function CommentField(props: {
  auditId: string;
  criterionId: string;
  value: string;
  mark: Mark | null;
  onSave: (comment: string) => void;
}) {
  const { text, onInput, flush, saved } = useDebouncedText(props.value, props.criterionId, props.onSave, (comment) => ({
    kind: 'criterion-comment',
    auditId: props.auditId,
    criterionId: props.criterionId,
    text: comment,
  }));
  const missing = props.mark === 'fail' && text.trim() === '';
  const errorId = `${criterionDomId(props.criterionId)}-comment-error`;
  return (
    <div class="criterion__comment">
      <label>
        {t('rubric_comment')}
        <textarea
          dir="auto"
          rows={2}
          value={text}
          maxLength={20000}
          aria-invalid={missing ? 'true' : undefined}
          aria-describedby={missing ? errorId : undefined}
          onInput={(e) => onInput(e.currentTarget.value)}
          onBlur={flush}
        />
      </label>
      <SavedStatus saved={saved} />
      {missing && (
        <p class="field-error" id={errorId} role="alert">
          {t('rubric_failNeedsComment')}
        </p>
      )}
    </div>
  );
}

/** What the closed details hold: "weight 2 · evidence · comment". */
function detailsSummary(entry: CriterionMark): string {
  const parts = [t('rubric_weightIs', String(entry.weight))];
  if (entry.evidence) parts.push(t('rubric_hasEvidence'));
  if (entry.comment.trim()) parts.push(t('rubric_hasComment'));
  return parts.join(' · ');
}

export function SuggestionBox(props: {
  criterionId: string;
  suggestion: Suggestion | null;
  entry: CriterionMark;
  onAccept: () => void;
}) {
  const { suggestion, entry } = props;
  if (!suggestion) {
    const fromProbes = (PROBE_CRITERIA as readonly string[]).includes(props.criterionId);
    return (
      <p class="muted suggestion suggestion--none">
        {fromProbes ? t('rubric_noProbeSuggestion') : t('rubric_noSuggestion')}
      </p>
    );
  }
  const accepted = entry.fromSuggestion === true && entry.mark === suggestion.mark;
  const overridden = !accepted && entry.mark !== null && entry.mark !== suggestion.mark;
  const shown = suggestion.reasons.slice(0, REASONS_SHOWN);
  const more = suggestion.reasons.length - shown.length;
  return (
    <div
      class={`suggestion suggestion--${suggestion.mark}`}
      role="group"
      aria-label={t('rubric_suggestionFor', props.criterionId)}
    >
      <p class="suggestion__mark">{t('rubric_suggested', markLabel(suggestion.mark))}</p>
      <ul class="suggestion__reasons">
        {shown.map((reason, i) => (
          <li key={i}>{reasonText(reason)}</li>
        ))}
        {more > 0 && <li class="muted">{t('rubric_reasonsMore', String(more))}</li>}
      </ul>
      {accepted ? (
        <p class="suggestion__state" role="status">
          {t('rubric_suggestionAccepted')}
        </p>
      ) : (
        <>
          <button type="button" onClick={props.onAccept}>
            {t('rubric_acceptSuggestion')}
          </button>
          {overridden && <p class="muted suggestion__state">{t('rubric_suggestionOverridden')}</p>}
        </>
      )}
    </div>
  );
}

/** A suggestion accepted: its mark, and for a fail its reasons as the comment (none written yet). */
export function acceptSuggestion(suggestion: Suggestion): (prev: CriterionMark) => CriterionMark {
  // A fail needs a comment: the suggestion's reasons make one at once, for the auditor to edit.
  const reasons = suggestion.mark === 'fail' ? suggestion.reasons.map(reasonText).join('; ') : '';
  return (prev) => ({
    ...prev,
    mark: suggestion.mark,
    fromSuggestion: true,
    comment: reasons && !prev.comment.trim() ? reasons : prev.comment,
  });
}

/** Pass / partial / fail / N/A for one criterion, as radio buttons. */
/** A criterion's id, its text (the mark buttons are described by it) and its critical badge. */
export function CriterionHead({ criterion, textId }: { criterion: Criterion; textId: string }) {
  return (
    <div class="criterion__head">
      <span class="criterion__id">{criterion.id}</span>
      <span class="criterion__text" id={textId}>
        {criterionText(criterion)}
      </span>
      {criterion.critical && (
        <span class="badge badge--critical" title={t('rubric_criticalHint')}>
          {t('rubric_critical')}
        </span>
      )}
    </div>
  );
}

export function MarkChoice(props: {
  /** The radio group's name, unique on the page. */
  name: string;
  criterionId: string;
  describedBy: string;
  mark: Mark | null;
  onChange: (change: (prev: CriterionMark) => CriterionMark) => void;
}) {
  return (
    <fieldset class="criterion__marks" aria-describedby={props.describedBy}>
      <legend class="sr-only">{t('rubric_markFor', props.criterionId)}</legend>
      {MARKS.map((mark) => (
        <label class={`mark-option mark-option--${mark}${props.mark === mark ? ' is-on' : ''}`} key={mark}>
          <input
            type="radio"
            name={props.name}
            value={mark}
            checked={props.mark === mark}
            onChange={() => props.onChange((prev) => ({ ...prev, mark, fromSuggestion: false }))}
          />
          {markLabel(mark)}
        </label>
      ))}
    </fieldset>
  );
}

function CriterionRow(props: {
  auditId: string;
  criterion: Criterion;
  entry: CriterionMark;
  suggestion: Suggestion | null;
  steps: Step[];
  /** Weight, evidence and comment shown from the start (a "Go to" a missing comment). */
  detailsOpen?: boolean;
  onChange: (change: (prev: CriterionMark) => CriterionMark) => void;
}) {
  const { criterion, entry, onChange } = props;
  const id = criterion.id;
  const textId = `${criterionDomId(id)}-text`;
  const detailsId = `${criterionDomId(id)}-details`;
  const evidenceStep = entry.evidence?.stepId ?? '';
  const [asked, setAsked] = useState(props.detailsOpen === true);
  // A fail needs its comment: the field is there without asking (and stays while it is typed).
  const open = asked || entry.mark === 'fail';
  return (
    <li
      class={`criterion${entry.mark ? ` criterion--${entry.mark}` : ''}`}
      id={criterionDomId(id)}
      data-criterion={id}
      tabIndex={-1}
    >
      <CriterionHead criterion={criterion} textId={textId} />
      <MarkChoice
        name={`mark-${props.auditId}-${id}`}
        criterionId={id}
        describedBy={textId}
        mark={entry.mark}
        onChange={onChange}
      />
      {criterion.auto && (
        <SuggestionBox
          criterionId={id}
          suggestion={props.suggestion}
          entry={entry}
          onAccept={() => props.suggestion && onChange(acceptSuggestion(props.suggestion))}
        />
      )}
      <button
        type="button"
        class="link criterion__more"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setAsked(!open)}
      >
        {t('rubric_details')}
        {!open && <span class="muted"> · {detailsSummary(entry)}</span>}
      </button>
      <div class="criterion__details" id={detailsId} hidden={!open}>
        <div class="criterion__fields">
          <label class="criterion__weight">
            {t('rubric_weight')}
            <select
              value={String(entry.weight)}
              onChange={(e) => {
                const weight = Number(e.currentTarget.value);
                onChange((prev) => ({ ...prev, weight }));
              }}
            >
              {WEIGHTS.map((w) => (
                <option key={w} value={String(w)}>
                  {String(w)}
                </option>
              ))}
            </select>
          </label>
          <label class="criterion__evidence">
            {t('rubric_evidence')}
            <select
              value={evidenceStep}
              onChange={(e) => {
                const stepId = e.currentTarget.value;
                onChange((prev) => ({ ...prev, evidence: stepId ? { stepId } : null }));
              }}
            >
              <option value="">{t('rubric_noEvidence')}</option>
              {props.steps.map((step) => (
                <option key={step.id} value={step.id}>
                  {stepRefText(step)}
                </option>
              ))}
              {evidenceStep !== '' && !props.steps.some((s) => s.id === evidenceStep) && (
                <option value={evidenceStep}>{evidenceStep}</option>
              )}
            </select>
          </label>
        </div>
        <CommentField
          auditId={props.auditId}
          criterionId={id}
          value={entry.comment ?? ''}
          mark={entry.mark}
          onSave={(comment) => onChange((prev) => ({ ...prev, comment }))}
        />
      </div>
    </li>
  );
}

export function RubricView({
  auditId,
  focusCriterionId,
  onChanged,
}: {
  auditId: string;
  focusCriterionId?: string | null;
  /** After each stored change, so what is shown elsewhere (the completeness list) keeps up. */
  onChanged?: () => void;
}) {
  const actions = useActions();
  const { data, reload } = useAuditData(auditId);
  const [local, setLocal] = useState<Record<string, CriterionMark> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const root = useRef<HTMLElement>(null);
  // Elements start closed, so the five element names fit a 360 px panel; each opens on demand and
  // stays as the auditor left it while the panel is open.
  const [openElements, setOpenElements] = useState<ReadonlySet<string>>(() => {
    const kept = new Set(openByAudit.get(auditId));
    const target = focusCriterionId ? elementOfCriterion(focusCriterionId) : null;
    if (target) kept.add(target);
    return kept;
  });
  const toggle = (element: string) => {
    const next = new Set(openElements);
    if (!next.delete(element)) next.add(element);
    openByAudit.set(auditId, next);
    setOpenElements(next);
  };

  // The stored marks replace the local copy whenever no write of ours is still under way.
  useEffect(() => {
    if (data && inFlight.current === 0) setLocal(data.audit.rubric.marks);
  }, [data]);

  // On opening and on each jump, not on each re-read of the audit: that would take the focus back.
  const loaded = !!data;
  useEffect(() => {
    // The row's element is open: the view opens it when it mounts with a criterion to go to.
    if (!focusCriterionId || !loaded) return;
    const rows = root.current ? [...root.current.querySelectorAll<HTMLElement>('[data-criterion]')] : [];
    const row = rows.find((el) => el.dataset.criterion === focusCriterionId);
    row?.scrollIntoView?.({ block: 'center' });
    (row?.querySelector<HTMLInputElement>('input:checked') ?? row?.querySelector<HTMLInputElement>('input'))?.focus();
  }, [focusCriterionId, loaded]);

  const steps = data?.steps;
  const { evidence } = useProbes(auditId);
  const suggestions = useMemo(() => suggestMarks(steps ?? [], evidence), [steps, evidence]);

  if (data === undefined) return <p class="empty">{t('loading')}</p>;
  if (data === null) return <p class="empty">{t('auditMissing')}</p>;

  const { audit } = data;
  const marks = local ?? audit.rubric.marks;
  const { rubric, known } = rubricOf(audit.rubric.rubricVersion);
  const scores = computeScores({ ...audit, rubric: { ...audit.rubric, marks } }, data.steps, rubric);

  const change = (criterionId: string, apply: (prev: CriterionMark) => CriterionMark) => {
    setLocal((prev) => {
      const base = prev ?? audit.rubric.marks;
      return { ...base, [criterionId]: apply(base[criterionId] ?? emptyCriterionMark()) };
    });
    inFlight.current += 1;
    queue.current = queue.current
      .then(async () => {
        await actions.markCriterion(auditId, criterionId, apply);
      })
      .catch((e: unknown) => setError(errorText(e)))
      .finally(() => {
        inFlight.current -= 1;
        // Once a run of quick marks has landed, not after each: a re-read takes the whole audit.
        if (inFlight.current === 0) {
          void reload();
          onChanged?.();
        }
      });
  };

  const markedIn = (criteria: readonly Criterion[]) => criteria.filter((c) => marks[c.id]?.mark).length;
  return (
    <section class="rubric" aria-label={t('rubric_title')} ref={root}>
      <p class="rubric__count" data-count="overall">
        {t('rubric_markedCount', String(markedIn(rubric.criteria)), String(rubric.criteria.length))}
      </p>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      {!known && (
        <p class="banner banner--warn" role="note">
          {t('rubric_unknownVersion', audit.rubric.rubricVersion, rubric.version)}
        </p>
      )}
      {ELEMENT_IDS.map((element) => {
        const criteria = rubric.criteria.filter((c) => c.element === element);
        if (criteria.length === 0) return null;
        const score = scores.elements[element];
        const headingId = `rubric-element-${element}`;
        const listId = `rubric-criteria-${element}`;
        const open = openElements.has(element);
        return (
          <section
            class={`rubric__element${open ? ' is-open' : ''}`}
            key={element}
            aria-labelledby={headingId}
            data-element={element}
          >
            <h2 class="rubric__element-head" id={headingId}>
              <button
                type="button"
                class="rubric__toggle"
                aria-expanded={open}
                aria-controls={listId}
                onClick={() => toggle(element)}
              >
                <span class="rubric__element-name">{elementLabel(element)}</span>
                <span class="rubric__count" data-count={element}>
                  {t('rubric_markedCount', String(markedIn(criteria)), String(criteria.length))}
                </span>
                <span class="rubric__element-score" data-score={score.score === null ? '' : String(score.score)}>
                  {score.score === null ? t('rubric_notAssessed') : t('rubric_score', String(Math.round(score.score)))}
                </span>
                {score.capped && <span class="badge badge--capped">{t('rubric_capped')}</span>}
              </button>
            </h2>
            <ol class="criteria" id={listId} hidden={!open}>
              {criteria.map((criterion) => (
                <CriterionRow
                  key={criterion.id}
                  auditId={auditId}
                  criterion={criterion}
                  entry={marks[criterion.id] ?? emptyCriterionMark()}
                  suggestion={criterion.auto ? suggestionFor(suggestions, criterion.id) : null}
                  steps={data.steps}
                  detailsOpen={criterion.id === focusCriterionId}
                  onChange={(apply) => change(criterion.id, apply)}
                />
              ))}
            </ol>
          </section>
        );
      })}
    </section>
  );
}
