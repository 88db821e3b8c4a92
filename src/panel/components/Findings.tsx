// A step's findings: added in two actions (click the title field, type, Enter; by keys, type and
// Enter where Tab lands), severity beside it (default 2), element, area and recommendation through
// Edit; each editable after; a removal undone for a while.
import type { RefObject } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { newId } from '../../domain/ids.ts';
import { ELEMENT_IDS, type ElementId, type Finding, type Rect, type Screenshot } from '../../domain/model.ts';
import { t, type MessageKey } from '../../i18n/t.ts';
import { FormActions } from './FormActions.tsx';
import { RegionDrawer } from './RegionDrawer.tsx';

export const severityLabel = (severity: number) => t(`severity_${severity}` as MessageKey);
export const elementLabel = (element: ElementId) => t(`element_${element}` as MessageKey);

/** How long a removed finding can be brought back. */
export const UNDO_MS = 8000;

/** The default severity of a new finding: Nielsen's "minor", changed only when it matters. */
const DEFAULT_SEVERITY = 2;

interface Removed {
  finding: Finding;
  at: number;
}

export function Findings(props: { findings: Finding[]; shots: Screenshot[]; onChange: (next: Finding[]) => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [removed, setRemoved] = useState<Removed | null>(null);
  const addField = useRef<HTMLInputElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  // Where focus goes once the form or the list item it was in is gone: back where the auditor was.
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const sorted = [...props.findings].sort((a, b) => b.severity - a.severity);

  useEffect(() => {
    if (!focusAfter) return;
    setFocusAfter(null);
    if (focusAfter === 'add') addField.current?.focus();
    else if (focusAfter === 'undo') undoButton.current?.focus();
    else document.getElementById(`finding-edit-${focusAfter}`)?.focus();
  }, [focusAfter]);

  useEffect(() => {
    if (!removed) return;
    const timer = setTimeout(() => {
      // The Undo button goes: focus on it would drop to the page.
      if (document.activeElement === undoButton.current) setFocusAfter('add');
      setRemoved(null);
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [removed]);

  const remove = (finding: Finding) => {
    props.onChange(props.findings.filter((x) => x.id !== finding.id));
    setRemoved({ finding, at: props.findings.indexOf(finding) });
    setFocusAfter('undo');
  };
  const undo = () => {
    if (!removed) return;
    const next = [...props.findings];
    next.splice(Math.min(removed.at, next.length), 0, removed.finding);
    props.onChange(next);
    setRemoved(null);
    setFocusAfter(removed.finding.id);
  };

  return (
    <div class="findings">
      <div class="findings__head">
        <strong>{t('findings')}</strong>
      </div>
      {sorted.length > 0 && (
        <ul class="findings__list">
          {sorted.map((f) =>
            editing === f.id ? (
              <li key={f.id} class="finding finding--editing">
                <FindingForm
                  shots={props.shots}
                  initial={f}
                  onCancel={() => {
                    setEditing(null);
                    setFocusAfter(f.id);
                  }}
                  onSave={(changed) => {
                    props.onChange(props.findings.map((x) => (x.id === f.id ? changed : x)));
                    setEditing(null);
                    setFocusAfter(f.id);
                  }}
                />
              </li>
            ) : (
              <li key={f.id} class={`finding finding--sev${f.severity}`} data-finding={f.id}>
                <span class="finding__sev">{severityLabel(f.severity)}</span>
                <bdi class="finding__title" id={`finding-title-${f.id}`}>
                  {f.title}
                </bdi>
                {f.element && <span class="muted">{elementLabel(f.element)}</span>}
                {f.evidence?.rect && <span class="muted">{t('areaMarked')}</span>}
                {f.recommendation && (
                  <bdi class="finding__recommendation" dir="auto">
                    {f.recommendation}
                  </bdi>
                )}
                <span class="finding__actions">
                  <button
                    type="button"
                    class="link"
                    id={`finding-edit-${f.id}`}
                    aria-describedby={`finding-title-${f.id}`}
                    onClick={() => setEditing(f.id)}
                  >
                    {t('editFinding')}
                  </button>
                  <button
                    type="button"
                    class="link"
                    aria-describedby={`finding-title-${f.id}`}
                    onClick={() => remove(f)}
                  >
                    {t('removeFinding')}
                  </button>
                </span>
              </li>
            ),
          )}
        </ul>
      )}
      {/* Always present, so the removal is announced (a live region must exist before it speaks). */}
      <p class="findings__removed" role="status">
        {removed && (
          <>
            <span class="muted">{t('findingRemoved')}</span> <bdi>{removed.finding.title}</bdi>{' '}
            <button type="button" ref={undoButton} onClick={undo}>
              {t('undo')}
            </button>
          </>
        )}
      </p>
      <NewFinding
        shots={props.shots}
        field={addField}
        onAdd={(finding) => props.onChange([...props.findings, finding])}
      />
    </div>
  );
}

/**
 * The title field, always there: type and press Enter. The caret stays for the next finding; the
 * severity resets to the default. Element, area and recommendation come through Edit, later.
 */
function NewFinding(props: {
  shots: Screenshot[];
  field: RefObject<HTMLInputElement | null>;
  onAdd: (finding: Finding) => void;
}) {
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState(DEFAULT_SEVERITY);
  const id = useId();
  const add = (event: Event) => {
    event.preventDefault();
    if (!title.trim()) return;
    const shot = props.shots[props.shots.length - 1];
    props.onAdd({
      id: newId('fnd'),
      title: title.trim(),
      severity,
      element: null,
      // The step's latest screenshot, as the full form would have it.
      evidence: shot ? { shotId: shot.id, rect: null } : null,
      createdAt: new Date().toISOString(),
    });
    setTitle('');
    setSeverity(DEFAULT_SEVERITY);
  };
  return (
    <form class="finding-add" onSubmit={add}>
      <label for={`${id}-title`}>{t('newFinding')}</label>
      <label for={`${id}-severity`}>{t('newFindingSeverity')}</label>
      <input
        ref={props.field}
        id={`${id}-title`}
        dir="auto"
        value={title}
        maxLength={300}
        placeholder={t('newFindingPlaceholder')}
        onInput={(e) => setTitle(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setTitle('');
        }}
      />
      <select
        id={`${id}-severity`}
        value={String(severity)}
        onChange={(e) => setSeverity(Number(e.currentTarget.value))}
      >
        {[0, 1, 2, 3, 4].map((s) => (
          <option value={s} key={s}>
            {s} · {severityLabel(s)}
          </option>
        ))}
      </select>
      <button type="submit">{t('newFindingAdd')}</button>
    </form>
  );
}

function FindingForm(props: {
  shots: Screenshot[];
  initial: Finding;
  onSave: (f: Finding) => void;
  onCancel: () => void;
}) {
  const initial = props.initial;
  const [title, setTitle] = useState(initial.title);
  const [severity, setSeverity] = useState(initial.severity);
  const [element, setElement] = useState<ElementId | ''>(initial.element ?? '');
  const [rect, setRect] = useState<Rect | null>(initial.evidence?.rect ?? null);
  const [recommendation, setRecommendation] = useState(initial.recommendation ?? '');
  const [drawing, setDrawing] = useState(false);
  const titleField = useRef<HTMLInputElement>(null);
  const areaButton = useRef<HTMLButtonElement>(null);
  // The screenshot the area was drawn on, or the step's latest.
  const shot = props.shots.find((s) => s.id === initial.evidence?.shotId) ?? props.shots[props.shots.length - 1];

  // The auditor's next keys are the finding's title.
  useEffect(() => titleField.current?.focus(), []);

  const save = (event: Event) => {
    event.preventDefault();
    if (!title.trim()) return;
    const next: Finding = {
      ...initial,
      title: title.trim(),
      severity,
      element: element || null,
      evidence: shot ? { shotId: shot.id, rect } : initial.evidence,
    };
    // Absent rather than empty, as in findings made before recommendations existed.
    const rec = recommendation.trim();
    if (rec) next.recommendation = rec;
    else delete next.recommendation;
    props.onSave(next);
  };

  return (
    <form class="form finding-form" onSubmit={save}>
      <label>
        {t('findingTitle')}
        <input
          ref={titleField}
          dir="auto"
          value={title}
          required
          maxLength={300}
          onInput={(e) => setTitle(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') props.onCancel();
          }}
        />
      </label>
      <label>
        {t('severity')}
        <select value={String(severity)} onChange={(e) => setSeverity(Number(e.currentTarget.value))}>
          {[0, 1, 2, 3, 4].map((s) => (
            <option value={s} key={s}>
              {s} · {severityLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('element')}
        <select value={element} onChange={(e) => setElement(e.currentTarget.value as ElementId | '')}>
          <option value="">{t('noElement')}</option>
          {ELEMENT_IDS.map((id) => (
            <option value={id} key={id}>
              {elementLabel(id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('findingRecommendation')}
        <textarea
          rows={2}
          maxLength={2000}
          dir="auto"
          value={recommendation}
          onInput={(e) => setRecommendation(e.currentTarget.value)}
        />
      </label>
      {shot && (
        <div class="actions">
          <button type="button" ref={areaButton} onClick={() => setDrawing(true)}>
            {rect ? t('redrawArea') : t('markArea')}
          </button>
          {rect && <span class="muted">{t('areaSize', String(rect.width), String(rect.height))}</span>}
        </div>
      )}
      {drawing && shot && (
        <RegionDrawer
          shot={shot}
          initial={rect}
          onCancel={() => {
            setDrawing(false);
            setTimeout(() => areaButton.current?.focus());
          }}
          onDone={(r) => {
            setRect(r);
            setDrawing(false);
            setTimeout(() => areaButton.current?.focus());
          }}
        />
      )}
      <FormActions submit={t('saveChanges')} onCancel={props.onCancel} />
    </form>
  );
}
