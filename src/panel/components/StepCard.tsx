import type { ComponentChildren } from 'preact';
import type { CaptureState, Screenshot, Step } from '../../domain/model.ts';
import { t, type MessageKey } from '../../i18n/t.ts';
import { formatTime } from '../format.ts';
import { RectBox } from './RegionDrawer.tsx';
import { SignalsRow } from './SignalsRow.tsx';
import { Thumbnail } from './Thumbnail.tsx';

const KNOWN_REASONS = [
  'browser-page',
  'extension-page',
  'web-store',
  'no-url',
  'refused',
  'not-visible',
  'left-page',
  'mask-not-painted',
];

// Message names allow only [A-Za-z0-9_@], so reason codes map dashes to underscores.
const reasonKey = (reason: string) => `capture_${reason.replace(/-/g, '_')}` as MessageKey;

export function captureNotice(capture: CaptureState): string | null {
  if (capture.status === 'ok') return null;
  if (capture.status === 'pending') return t('capturePending');
  const known = KNOWN_REASONS.includes(capture.reason);
  if (capture.status === 'uncapturable') {
    return known ? t(reasonKey(capture.reason)) : t('capture_refused');
  }
  return known ? t(reasonKey(capture.reason)) : t('captureFailed', capture.reason);
}

function ratingSummary(step: Step): string {
  const parts: string[] = [];
  if (step.ease !== null) parts.push(t('easeShort', String(step.ease)));
  if (step.valence !== null)
    parts.push(t('valenceShort', step.valence > 0 ? `+${step.valence}` : String(step.valence)));
  if (step.findings.length > 0) parts.push(t('findingsShort', String(step.findings.length)));
  return parts.join(' · ');
}

export function StepCard(props: {
  step: Step;
  shots: Screenshot[];
  selected: boolean;
  /** Time until the next step started; null for the step still in progress. */
  dwellMs: number | null;
  onSelect: () => void;
  children?: ComponentChildren;
}) {
  const { step, shots } = props;
  const notice = captureNotice(step.capture);
  const summary = ratingSummary(step);
  return (
    <li
      class={`step${props.selected ? ' step--current' : ''}`}
      data-step-id={step.id}
      data-step-index={step.index}
      id={`step-${step.id}`}
    >
      <div class="step__head">
        <span class="step__index">{step.index + 1}</span>
        <span class="step__title">{step.title || t('untitledPage')}</span>
        <time class="step__time" dateTime={step.startedAt}>
          {formatTime(step.startedAt)}
        </time>
      </div>
      <div class="step__url" title={step.url}>
        {step.url}
      </div>
      {shots.length > 0 && (
        <div class="step__shots">
          {shots.map((shot) => (
            <span class={shot.kind === 'full-page' ? 'shot shot--full-page' : 'shot'} key={shot.id}>
              <Thumbnail shot={shot} />
              {shot.kind === 'full-page' && (
                <span class="shot__label">{shot.cut ? t('fullPageCut', String(shot.height)) : t('fullPageLabel')}</span>
              )}
              {step.findings
                .filter((f) => f.evidence?.shotId === shot.id && f.evidence.rect)
                .map((f) => (
                  <RectBox key={f.id} rect={f.evidence!.rect!} shot={shot} label={String(f.severity)} />
                ))}
            </span>
          ))}
        </div>
      )}
      {notice && (
        <p class={`step__notice step__notice--${step.capture.status}`} role="status">
          {notice}
        </p>
      )}
      <SignalsRow signals={step.signals} dwellMs={props.dwellMs} />
      {props.selected ? (
        props.children
      ) : (
        <div class="step__foot">
          {summary && <span class="muted">{summary}</span>}
          <button type="button" onClick={props.onSelect}>
            {t('rateStep', String(step.index + 1))}
          </button>
        </div>
      )}
    </li>
  );
}
