import type { ComponentChildren } from 'preact';
import type { Audit, Step } from '../../domain/model.ts';
import { t } from '../../i18n/t.ts';
import { lazyView } from '../lazy.tsx';

const RubricView = lazyView(() => import('./RubricView.tsx').then((m) => m.RubricView));
const SummaryView = lazyView(() => import('./SummaryView.tsx').then((m) => m.SummaryView));
const EndSurvey = lazyView(() => import('../components/EndSurvey.tsx').then((m) => m.EndSurvey));
const CompletenessList = lazyView(() => import('../components/CompletenessList.tsx').then((m) => m.CompletenessList));

export type AuditTab = 'steps' | 'rubric' | 'summary' | 'end';

/** Steps, rubric, summary and the end survey of one audit, one at a time (each remounts fresh). */
export function AuditTabs(props: {
  tab: AuditTab;
  onTab: (tab: AuditTab) => void;
  audit: Audit;
  steps: Step[];
  focusCriterionId: string | null;
  onJump: (target: { stepId?: string; criterionId?: string }) => void;
  onSaved: () => void;
  children: ComponentChildren;
}) {
  const tabs: AuditTab[] = ['steps', 'rubric', 'summary', 'end'];
  const completeness = <CompletenessList audit={props.audit} steps={props.steps} onJump={props.onJump} />;
  return (
    <>
      <nav class="tabs" aria-label={t('auditSections')}>
        {tabs.map((id) => (
          <button
            type="button"
            key={id}
            class={`tab${props.tab === id ? ' is-on' : ''}`}
            aria-pressed={props.tab === id}
            onClick={() => props.onTab(id)}
          >
            {t(`tab_${id}`)}
          </button>
        ))}
      </nav>
      {props.tab === 'steps' && props.children}
      {props.tab === 'rubric' && (
        <RubricView auditId={props.audit.id} focusCriterionId={props.focusCriterionId} onChanged={props.onSaved} />
      )}
      {props.tab === 'summary' && (
        <>
          <SummaryView auditId={props.audit.id} />
          {completeness}
        </>
      )}
      {props.tab === 'end' && (
        <>
          <EndSurvey audit={props.audit} onSaved={props.onSaved} />
          {completeness}
        </>
      )}
    </>
  );
}
