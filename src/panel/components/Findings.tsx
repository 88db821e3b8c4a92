import { useState } from 'preact/hooks';
import { newId } from '../../domain/ids.ts';
import { ELEMENT_IDS, type ElementId, type Finding, type Rect, type Screenshot } from '../../domain/model.ts';
import { t, type MessageKey } from '../../i18n/t.ts';
import { RegionDrawer } from './RegionDrawer.tsx';
import { UserText } from './UserText.tsx';

export const severityLabel = (severity: number) => t(`severity_${severity}` as MessageKey);
export const elementLabel = (element: ElementId) => t(`element_${element}` as MessageKey);

export function Findings(props: { findings: Finding[]; shots: Screenshot[]; onChange: (next: Finding[]) => void }) {
  const [adding, setAdding] = useState(false);
  const sorted = [...props.findings].sort((a, b) => b.severity - a.severity);
  return (
    <div class="findings">
      <div class="findings__head">
        <strong>{t('findings')}</strong>
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            {t('addFinding')}
          </button>
        )}
      </div>
      {sorted.length > 0 && (
        <ul class="findings__list">
          {sorted.map((f, i) => (
            <li key={f.id} class={`finding finding--sev${f.severity}`}>
              <span class="finding__sev">{severityLabel(f.severity)}</span>
              <span class="finding__title">
                {i + 1}. <UserText>{f.title}</UserText>
              </span>
              {f.element && <span class="muted">{elementLabel(f.element)}</span>}
              {f.evidence?.rect && <span class="muted">{t('areaMarked')}</span>}
              <button
                type="button"
                class="link"
                onClick={() => props.onChange(props.findings.filter((x) => x.id !== f.id))}
              >
                {t('removeFinding')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <FindingForm
          shots={props.shots}
          onCancel={() => setAdding(false)}
          onSave={(finding) => {
            props.onChange([...props.findings, finding]);
            setAdding(false);
          }}
        />
      )}
    </div>
  );
}

function FindingForm(props: { shots: Screenshot[]; onSave: (f: Finding) => void; onCancel: () => void }) {
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState(2);
  const [element, setElement] = useState<ElementId | ''>('');
  const [rect, setRect] = useState<Rect | null>(null);
  const [drawing, setDrawing] = useState(false);
  const shot = props.shots[props.shots.length - 1];

  const save = (event: Event) => {
    event.preventDefault();
    if (!title.trim()) return;
    props.onSave({
      id: newId('fnd'),
      title: title.trim(),
      severity,
      element: element || null,
      evidence: shot ? { shotId: shot.id, rect } : null,
      createdAt: new Date().toISOString(),
    });
  };

  if (drawing && shot) {
    return (
      <RegionDrawer
        shot={shot}
        onCancel={() => setDrawing(false)}
        onDone={(r) => {
          setRect(r);
          setDrawing(false);
        }}
      />
    );
  }
  return (
    <form class="form finding-form" onSubmit={save}>
      <label>
        {t('findingTitle')}
        <input dir="auto" value={title} required maxLength={300} onInput={(e) => setTitle(e.currentTarget.value)} />
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
      {shot && (
        <div class="actions">
          <button type="button" onClick={() => setDrawing(true)}>
            {rect ? t('redrawArea') : t('markArea')}
          </button>
          {rect && <span class="muted">{t('areaSize', String(rect.width), String(rect.height))}</span>}
        </div>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          {t('saveFinding')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
