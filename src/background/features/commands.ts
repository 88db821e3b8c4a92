// The keyboard shortcut (commands API) logs a step from the page itself, without touching the panel.
import browser, { type Tabs } from 'webextension-polyfill';
import { getActive, getAudit, openPeakendDb } from '../../store/index.ts';
import { logStep } from '../recorder.ts';
import { defineFeature } from '../registry.ts';

export const LOG_STEP_COMMAND = 'log-step';

export async function onCommand(command: string, tab?: Tabs.Tab): Promise<boolean> {
  if (command !== LOG_STEP_COMMAND) return false;
  const db = await openPeakendDb();
  const active = await getActive(db);
  const audit = active ? await getAudit(db, active.auditId) : undefined;
  if (!active || audit?.status !== 'running') return false;
  await logStep(active.auditId, tab?.windowId ?? active.windowId, 'command');
  return true;
}

export default defineFeature({
  id: 'commands',
  start() {
    const listener = (command: string, tab?: Tabs.Tab) => {
      void onCommand(command, tab).catch((error: unknown) => console.warn('[peakend] command:', error));
    };
    browser.commands.onCommand.addListener(listener);
  },
});
