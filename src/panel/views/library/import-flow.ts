// Importing one audit file: check it (nothing is written), ask about a clash with a stored audit,
// then write it with its thumbnails. The library shows the phase and the sentences this reports.
import { useState } from 'preact/hooks';
import type { ImportPlan } from '../../../domain/import/index.ts';
import type { Audit } from '../../../domain/model.ts';
import { t, tp } from '../../../i18n/t.ts';
import { useActions, type ClashChoice } from '../../actions.ts';
import { checkImportFile, makeThumbs } from '../../components/ImportDrop.tsx';
import { useBackend } from '../../context.ts';
import { errorText } from '../../errors.ts';
import { formatCount } from '../../format.ts';
import { readClash } from '../../library-data.ts';
import { isolate } from '../../../i18n/bidi.ts';

export type ImportPhase =
  | { phase: 'idle' }
  | { phase: 'checking'; name: string }
  | { phase: 'clash'; plan: ImportPlan; existing: Audit }
  | { phase: 'writing' };

export interface ImportReports {
  /** A refusal or failure to show (null clears the last one). */
  error(message: string | null): void;
  /** What was imported (null clears the last notice). */
  notice(message: string | null): void;
  /** Called after a write, so the list shows the audit. */
  imported(): Promise<void>;
}

export function useImportFlow(report: ImportReports) {
  const backend = useBackend();
  const actions = useActions();
  const [importing, setImporting] = useState<ImportPhase>({ phase: 'idle' });

  const write = async (plan: ImportPlan, onClash?: ClashChoice, existing?: Audit) => {
    setImporting({ phase: 'writing' });
    try {
      const thumbs = await makeThumbs(plan);
      const outcome = await actions.importPlan(plan, { onClash, existing, thumbs });
      const site = isolate(plan.audit.site || t('untitledSite'));
      const steps = tp('stepCount', outcome.steps, formatCount(outcome.steps));
      report.notice(
        plan.withoutPixels > 0
          ? tp('import_doneWithoutPixels', plan.withoutPixels, site, steps, formatCount(plan.withoutPixels))
          : t('import_done', site, steps, tp('screenshotCount', outcome.screenshots, formatCount(outcome.screenshots))),
      );
      await report.imported();
    } catch (e) {
      report.error(t('import_failed', errorText(e)));
    } finally {
      setImporting({ phase: 'idle' });
    }
  };
  const importFile = async (file: File) => {
    report.error(null);
    report.notice(null);
    setImporting({ phase: 'checking', name: file.name });
    try {
      const checked = await checkImportFile(file);
      if (!checked.ok) {
        setImporting({ phase: 'idle' });
        report.error(errorText(checked.error));
        return;
      }
      const existing = await readClash(await backend.db(), checked.value.audit.id);
      if (existing) {
        setImporting({ phase: 'clash', plan: checked.value, existing });
        return;
      }
      await write(checked.value);
    } catch (e) {
      setImporting({ phase: 'idle' });
      report.error(t('import_failed', errorText(e)));
    }
  };

  return {
    importing,
    busy: importing.phase !== 'idle',
    importFile,
    /** Files dropped on the library: exactly one is imported. */
    importFiles: (files: File[]) => {
      if (files.length !== 1) {
        report.error(t('import_oneFile'));
        return;
      }
      void importFile(files[0] as File);
    },
    /** The clash dialog's answer. */
    choose: (choice: ClashChoice | 'cancel') => {
      if (importing.phase !== 'clash') return;
      if (choice === 'cancel') setImporting({ phase: 'idle' });
      else void write(importing.plan, choice, importing.existing);
    },
  };
}
