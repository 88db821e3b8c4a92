// The panel's language, as the auditor chose it in the panel. In IndexedDB beside the active audit
// (no storage permission needed, and the panel reads both before its first render).
import type { PeakendDb } from './db.ts';
import { guarded } from './errors.ts';

const KEY = 'language';

/** The chosen language, or null when the panel follows the browser's. */
export async function getLanguageChoice(db: PeakendDb): Promise<string | null> {
  const record = await db.get('meta', KEY);
  return record && 'language' in record && typeof record.language === 'string' ? record.language : null;
}

/** null: follow the browser's language again. */
export function setLanguageChoice(db: PeakendDb, language: string | null): Promise<void> {
  return guarded(async () => {
    await db.put('meta', { language }, KEY);
  });
}
