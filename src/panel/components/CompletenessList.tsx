// What keeps the audit from being "complete" (METHOD.md conduct, domain/completeness.ts): every step
// needs ease and valence, every criterion a mark, every fail and every ease of 1-2 a comment. Each
// item has a "Go to" button that hands its step or criterion to the caller. Below them, the
// touchpoints the template expects and the audit lacks (advice only).
import type { Audit, Step } from '../../domain/model.ts';
import { completeness, unmetExpectations, type MissingItem } from '../../domain/completeness.ts';
import { easeOf } from '../../domain/scores/normalise.ts';
import { t } from '../../i18n/t.ts';
import { isolate } from '../../i18n/bidi.ts';
import { rubricOf } from '../views/RubricView.tsx';
import { useTemplate } from '../hooks.ts';
import { labelOf } from '../templates.ts';
import { channelName } from './ChannelLabel.tsx';

export interface JumpTarget {
  stepId?: string;
  criterionId?: string;
}

/** "Step 3: ease missing", "F1: no mark", "F4: a fail needs a comment", "Step 2: ease 2 needs a note". */
export function missingText(item: MissingItem, steps: readonly Step[]): string {
  const n = String((item.stepIndex ?? 0) + 1);
  const id = item.criterionId ?? '';
  switch (item.kind) {
    case 'no-steps':
      return t('missing_no_steps');
    case 'step-ease':
      return t('missing_step_ease', n);
    case 'step-valence':
      return t('missing_step_valence', n);
    case 'step-comment': {
      const step = steps.find((s) => s.id === item.stepId);
      return t('missing_step_comment', n, String(step ? (easeOf(step) ?? '') : ''));
    }
    case 'criterion-mark':
      return t('missing_criterion_mark', id);
    case 'criterion-comment':
      return t('missing_criterion_comment', id);
  }
}

function targetOf(item: MissingItem): JumpTarget | null {
  if (item.stepId !== undefined) return { stepId: item.stepId };
  if (item.criterionId !== undefined) return { criterionId: item.criterionId };
  return null;
}

/**
 * The touchpoints the audit's template expects and the audit has not recorded ("Stage Post-purchase
 * expects a touchpoint: Delivery"): advice beside the list, never a reason the audit is incomplete.
 */
function ExpectedTouchpoints(props: { audit: Audit; steps: Step[] }) {
  const template = useTemplate(props.audit.templateId, props.audit.templateVersion);
  const unmet = unmetExpectations(template, props.steps);
  if (!template || unmet.length === 0) return null;
  const stageName = (id: string): string => {
    const stage = template.stages.find((s) => s.id === id);
    return stage ? labelOf(stage) : id;
  };
  return (
    <ul class="completeness__items completeness__expected">
      {unmet.map((item) => (
        <li
          class="completeness__item completeness__item--expected-touchpoint"
          key={`${item.stage}:${item.channel}`}
          data-kind="expected-touchpoint"
          data-stage={item.stage}
          data-channel={item.channel}
        >
          <span class="completeness__advice">
            {t('missing_expectedTouchpoint', isolate(stageName(item.stage)), channelName(item.channel))}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function CompletenessList(props: { audit: Audit; steps: Step[]; onJump: (target: JumpTarget) => void }) {
  const { rubric } = rubricOf(props.audit.rubric?.rubricVersion);
  const result = completeness(props.audit, props.steps, rubric);
  if (result.complete) {
    return (
      <section class="completeness completeness--complete" aria-label={t('missing_title')}>
        <p role="status">
          <strong>{t('missing_complete')}</strong> <span class="muted">{t('missing_completeHint')}</span>
        </p>
        <ExpectedTouchpoints audit={props.audit} steps={props.steps} />
      </section>
    );
  }
  return (
    <section class="completeness" aria-labelledby="completeness-title">
      <h2 id="completeness-title" class="completeness__title">
        {t('missing_title')} <span class="muted">{t('missing_count', String(result.missing.length))}</span>
      </h2>
      <ul class="completeness__items">
        {result.missing.map((item) => {
          const text = missingText(item, props.steps);
          const target = targetOf(item);
          return (
            <li
              class={`completeness__item completeness__item--${item.kind}`}
              key={`${item.kind}:${item.stepId ?? ''}:${item.criterionId ?? ''}`}
              data-kind={item.kind}
            >
              <span class="completeness__text">{text}</span>
              {target && (
                <button
                  type="button"
                  class="link"
                  aria-label={t('missing_goToItem', text)}
                  onClick={() => props.onJump(target)}
                >
                  {t('missing_goTo')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <ExpectedTouchpoints audit={props.audit} steps={props.steps} />
    </section>
  );
}
