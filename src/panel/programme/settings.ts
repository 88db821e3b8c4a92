// The programme this installation is connected to, kept in extension storage (storage.local): never
// in IndexedDB with the audits, so no export, report or shared document can carry the password.
// Disconnect removes it. `origin` names this installation on the revisions it writes; it is random
// and says nothing about the person.
import type { Connection } from '../../sync/connection.ts';

export interface ProgrammeSettings {
  connection: Connection | null;
  /** Audits the auditor chose to share (Share this audit). */
  shared: string[];
  /** Share every ended audit without asking each time. */
  shareFinished: boolean;
  origin: string;
}

/** storage.local as the settings use it (the extension's, or a fake in tests). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const SETTINGS_KEY = 'programme';

export async function loadSettings(area: SettingsArea): Promise<ProgrammeSettings> {
  const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY] as Partial<ProgrammeSettings> | undefined;
  const settings: ProgrammeSettings = {
    connection: stored?.connection ?? null,
    shared: Array.isArray(stored?.shared) ? stored.shared.filter((id) => typeof id === 'string') : [],
    shareFinished: stored?.shareFinished === true,
    origin: typeof stored?.origin === 'string' && stored.origin ? stored.origin : crypto.randomUUID(),
  };
  if (!stored?.origin) await area.set({ [SETTINGS_KEY]: settings });
  return settings;
}

export const saveSettings = (area: SettingsArea, settings: ProgrammeSettings): Promise<void> =>
  area.set({ [SETTINGS_KEY]: settings });

/** Disconnect: the credentials go; which audits were shared is forgotten too. */
export const disconnected = (settings: ProgrammeSettings): ProgrammeSettings => ({
  ...settings,
  connection: null,
  shared: [],
  shareFinished: false,
});
