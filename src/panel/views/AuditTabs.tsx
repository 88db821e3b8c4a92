import type { ComponentChildren } from 'preact';
import type { Audit, Step } from '../../domain/model.ts';
import { t } from '../../i18n/t.ts';

export type AuditTab = 'steps' | 'rubric' | 'summary' | 'end';

/** Steps, rubric, summary and the end survey of one audit, one at a time. */
export function AuditTabs(props: {
  tab: AuditTab;
  onTab: (tab: AuditTab) => void;
  audit: Audit;
  steps: Step[];
  onJump: (target: { stepId?: string; criterionId?: string }) => void;
  children: ComponentChildren;
}) {
  const tabs: AuditTab[] = ['steps', 'rubric', 'summary', 'end'];
  return (
    <>
      <nav class="tabs" aria-label={t('auditSections')}>
        {tabs.map((id) => (
          <button type="button" key={id} class={`tab${props.tab === id ? ' is-on' : ''}`} aria-pressed={props.tab === id} onClick={() => props.onTab(id)}>
            {t(`tab_${id}`)}
          </button>
        ))}
      </nav>
      {props.tab === 'steps' && props.children}
    </>
  );
}
