import type { CaptureState, Screenshot, Step } from '../../domain/model.ts';
import { t, type MessageKey } from '../../i18n/t.ts';
import { formatTime } from '../format.ts';
import { Thumbnail } from './Thumbnail.tsx';

const KNOWN_REASONS = ['browser-page', 'extension-page', 'web-store', 'no-url', 'refused', 'not-visible', 'left-page'];

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

export function StepCard({ step, shots, current }: { step: Step; shots: Screenshot[]; current: boolean }) {
  const notice = captureNotice(step.capture);
  return (
    <li class={`step${current ? ' step--current' : ''}`} data-step-id={step.id} data-step-index={step.index}>
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
            <Thumbnail key={shot.id} shot={shot} />
          ))}
        </div>
      )}
      {notice && (
        <p class={`step__notice step__notice--${step.capture.status}`} role="status">
          {notice}
        </p>
      )}
    </li>
  );
}
