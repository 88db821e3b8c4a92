// Journey templates as the panel lists and names them; shared by the library, New audit and the
// step editor without loading the template editor.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n/t.ts';
import { listTemplates, type TemplateEntry } from '../store/index.ts';
import { useBackend } from './context.ts';

export type { TemplateEntry };

/** A template's or stage's name: its translation for built-ins, the auditor's own text otherwise. */
export function labelOf(item: { nameKey: string; name: string }): string {
  if (!item.nameKey) return item.name;
  const text = t(item.nameKey as MessageKey);
  return text && text !== item.nameKey ? text : item.name;
}

export function useTemplates(): { entries: TemplateEntry[] | null; reload: () => Promise<void> } {
  const backend = useBackend();
  const [entries, setEntries] = useState<TemplateEntry[] | null>(null);
  const reload = useCallback(async () => setEntries(await listTemplates(await backend.db())), [backend]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { entries, reload };
}
