// The panel's one automatic sync (auto-sync.ts), started by the App while the panel is open: the
// survey tells it an audit ended, the Programme section listens to its outcomes. Absent (null)
// where the panel runs without a programme port, as in UI tests of other views.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AutoSync } from './auto-sync.ts';

export const AutoSyncContext = createContext<AutoSync | null>(null);

export const useAutoSync = (): AutoSync | null => useContext(AutoSyncContext);
