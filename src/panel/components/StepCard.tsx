import type { ComponentChildren } from 'preact';
import type { CaptureState, Screenshot, Step, Viewport } from '../../domain/model.ts';
import { captureError } from '../../domain/errors.ts';
import { describeError } from '../../i18n/errors.ts';
import { t, tp } from '../../i18n/t.ts';
import { formatCount, formatDateTime, formatTime } from '../format.ts';
import { ChannelLabel, channelName } from './ChannelLabel.tsx';
import { RectBox } from './RegionDrawer.tsx';
import { SignalsRow } from './SignalsRow.tsx';
import { Thumbnail } from './Thumbnail.tsx';
import { UserText } from './UserText.tsx';
import { isolateLtr } from '../../i18n/bidi.ts';

export function captureNotice(capture: CaptureState, url: string): string | null {
  if (capture.status === 'pending') return t('capturePending');
  const error = captureError(capture, url);
  return error && describeError(error);
}

function ratingSummary(step: Step): string {
  const parts: string[] = [];
  if (step.ease !== null) parts.push(t('easeShort', String(step.ease)));
  if (step.valence !== null)
    parts.push(t('valenceShort', isolateLtr(step.valence > 0 ? `+${step.valence}` : String(step.valence))));
  if (step.findings.length > 0)
    parts.push(tp('findingsShort', step.findings.length, formatCount(step.findings.length)));
  return parts.join(' · ');
}

export function StepCard(props: {
  step: Step;
  shots: Screenshot[];
  selected: boolean;
  /** Time until the next step started; null for the step still in progress. */
  dwellMs: number | null;
  /** The audited tab's viewport: the shape of a screenshot still being taken. */
  frame: Viewport;
  onSelect: () => void;
  /** A touchpoint's attachments, in the place a page's screenshots take. */
  evidence?: ComponentChildren;
  children?: ComponentChildren;
}) {
  const { step, shots } = props;
  const notice = captureNotice(step.capture, step.url);
  const summary = ratingSummary(step);
  // The screenshot's place is kept while it is taken, so the ratings below do not move when it comes.
  const waiting = shots.length === 0 && step.capture.status === 'pending';
  return (
    <li
      class={`step${props.selected ? ' step--current' : ''}`}
      data-step-id={step.id}
      data-step-index={step.index}
      id={`step-${step.id}`}
    >
      <div class="step__head">
        <span class="step__index">{step.index + 1}</span>
        <span class="step__title">
          {step.title ? (
            <UserText>{step.title}</UserText>
          ) : step.channel ? (
            channelName(step.channel)
          ) : (
            t('untitledPage')
          )}
        </span>
        <time class="step__time" dateTime={step.startedAt} dir="auto">
          {formatTime(step.startedAt)}
        </time>
      </div>
      {step.kind === 'touchpoint' ? (
        <div class="step__channel">
          {step.channel && <ChannelLabel channel={step.channel} />}
          {typeof step.occurredAt === 'number' && (
            <span class="muted">
              {' · '}
              {t('touchpointOccurred', formatDateTime(new Date(step.occurredAt).toISOString()))}
            </span>
          )}
        </div>
      ) : (
        <div class="step__url" title={step.url}>
          <UserText>{step.url}</UserText>
        </div>
      )}
      {props.evidence}
      {waiting && (
        <div class="step__shots">
          <span class="shot shot--waiting" style={ratio(props.frame)} role="status">
            {notice}
          </span>
        </div>
      )}
      {shots.length > 0 && (
        <div class="step__shots">
          {shots.map((shot) => (
            <span
              class={shot.kind === 'full-page' ? 'shot shot--full-page' : 'shot'}
              key={shot.id}
              style={shot.kind === 'full-page' ? undefined : ratio(shot)}
            >
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
      {notice && !waiting && (
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

const ratio = (size: Viewport) =>
  size.width > 0 && size.height > 0 ? { aspectRatio: `${size.width} / ${size.height}` } : {};
