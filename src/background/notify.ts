import browser from 'webextension-polyfill';
import { ToPanel, type PanelEvent } from '../protocol.ts';

/** Tells any open panel to re-read an audit. No panel open is the normal case, not an error. */
export function notifyAuditChanged(auditId: string, stepId: string | null = null): void {
  const event: PanelEvent = { type: ToPanel.AuditChanged, auditId, stepId };
  browser.runtime.sendMessage(event).catch(() => undefined);
}
