// The report tab's summary editor: the auditor rewrites any part of the drafted summary before
// exporting. Each part starts from what the report shows; a part left as drafted (or emptied)
// stays drafted, so the report keeps telling drafted text from the auditor's. Saved on the audit
// (Audit.summary); the exported files carry the text, never this editor.
import { SUMMARY_PARTS, type SummaryText } from '../domain/model.ts';
import { t } from '../i18n/t.ts';
import { patchAudit, type PeakendDb } from '../store/index.ts';
import type { ReportData } from './data.ts';
import { deriveModel } from './derive.ts';
import type { Formatter } from './format.ts';
import { summaryParts, type SummaryPartId } from './summary-draft.ts';

const TITLES: Record<SummaryPartId, () => string> = {
  remembered: () => t('report_sumRememberedTitle'),
  problems: () => t('report_sumProblemsTitle'),
  keep: () => t('report_sumKeepTitle'),
};

/** What to store: the parts the auditor changed from the draft; null when none was. */
export function writtenParts(
  values: Record<SummaryPartId, string>,
  drafts: Record<SummaryPartId, string>,
): SummaryText {
  const out: SummaryText = {};
  for (const id of SUMMARY_PARTS) {
    const value = values[id].trim();
    if (value !== '' && value !== drafts[id].trim()) out[id] = value;
  }
  return out;
}

/** Opens the editor at the top of the summary section; `saved` runs after the audit is written. */
export function openSummaryEditor(
  data: ReportData,
  db: PeakendDb,
  fmt: Formatter,
  opener: HTMLElement,
  saved: () => void,
): void {
  const section = document.getElementById('summary');
  if (!section || section.querySelector('form.summary-editor')) return;
  const parts = summaryParts(data, deriveModel(data), fmt);
  const drafts = Object.fromEntries(parts.map((p) => [p.id, p.draft.join('\n')])) as Record<SummaryPartId, string>;

  const form = document.createElement('form');
  form.className = 'summary-editor no-print';
  form.setAttribute('aria-labelledby', 'summary-editor-title');
  const title = document.createElement('h3');
  title.id = 'summary-editor-title';
  title.textContent = t('report_summaryEditorTitle');
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent = t('report_summaryEditorHint');
  form.append(title, hint);
  const fields = new Map<SummaryPartId, HTMLTextAreaElement>();
  for (const part of parts) {
    const label = document.createElement('label');
    label.textContent = TITLES[part.id]();
    const area = document.createElement('textarea');
    area.name = `summary-${part.id}`;
    area.rows = Math.min(8, Math.max(3, part.lines.length + 1));
    area.value = part.lines.join('\n');
    label.append(area);
    form.append(label);
    fields.set(part.id, area);
  }
  const save = document.createElement('button');
  save.type = 'submit';
  save.className = 'primary';
  save.textContent = t('report_saveSummary');
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = t('report_cancelEdit');
  const actions = document.createElement('div');
  actions.className = 'editor-actions';
  actions.append(save, cancel);
  form.append(actions);

  const close = (): void => {
    form.remove();
    opener.focus();
  };
  cancel.addEventListener('click', close);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save.disabled = true;
    const values = Object.fromEntries(SUMMARY_PARTS.map((id) => [id, fields.get(id)?.value ?? ''])) as Record<
      SummaryPartId,
      string
    >;
    void patchAudit(db, data.audit.id, { summary: writtenParts(values, drafts) }, new Date().toISOString())
      .then(saved)
      .catch((error: unknown) => {
        console.error(error);
        save.disabled = false;
        hint.textContent = t('report_summarySaveFailed');
      });
  });
  section.querySelector('h2')?.after(form);
  fields.get(SUMMARY_PARTS[0])?.focus();
}
