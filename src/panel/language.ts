// The panel's language: the one chosen in the panel (kept in the store), else the browser's nearest.
// Loaded before the first render, and again whenever the auditor picks another; <html lang dir>
// follows, and the panel re-renders at once (main.tsx listens), with no reload.
import {
  browserLanguageTag,
  isLanguage,
  loadLanguage,
  resolveLanguage,
  uiDirection,
  uiLanguage,
  type Language,
} from '../i18n/t.ts';
import { getLanguageChoice, setLanguageChoice, type PeakendDb } from '../store/index.ts';

// The choice the panel runs in, known from before the first render, so the picker never shows a
// blank, disabled select while it asks the store again.
let current: Language | null | undefined;

/** The choice the panel was started or last switched with; undefined before startLanguage ran. */
export function languageChoice(): Language | null | undefined {
  return current;
}

function applyToDocument(): void {
  document.documentElement.lang = uiLanguage();
  document.documentElement.dir = uiDirection();
}

/** The stored choice, or null (follow the browser) when none is stored or the store cannot be read. */
export async function readLanguageChoice(db: Promise<PeakendDb>): Promise<Language | null> {
  try {
    const chosen = await getLanguageChoice(await db);
    return isLanguage(chosen) ? chosen : null;
  } catch {
    return null;
  }
}

/** Loads the panel's language; a file that cannot be read leaves English (or the browser's own i18n). */
export async function startLanguage(db: Promise<PeakendDb>): Promise<void> {
  const chosen = await readLanguageChoice(db);
  current = chosen;
  try {
    await loadLanguage(resolveLanguage(chosen, browserLanguageTag()));
  } catch (error) {
    console.error(error);
  }
  applyToDocument();
}

/** Stores the choice (null: the browser's language) and switches to it. */
export async function chooseLanguage(db: PeakendDb, chosen: Language | null): Promise<void> {
  await setLanguageChoice(db, chosen);
  current = chosen;
  await loadLanguage(resolveLanguage(chosen, browserLanguageTag()));
  applyToDocument();
}
