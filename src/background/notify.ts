import browser from 'webextension-polyfill';
import { ToPanel, type PanelEvent } from '../protocol.ts';

/** Tells any open panel to re-read an audit. No panel open is the normal case, not an error. */
export function notifyAuditChanged(auditId: string, stepId: string | null = null): void {
  const event: PanelEvent = { type: ToPanel.AuditChanged, auditId, stepId };
  browser.runtime.sendMessage(event).catch(() => undefined);
}

/**
 * The same notice, sent once the request under way has been answered (its answer goes out within the
 * current task): the panel that asked is usually the one that re-reads, and on two cores its re-read
 * would otherwise delay the answer it waits for.
 */
export function notifyAfterAnswer(auditId: string, stepId: string | null = null): void {
  setTimeout(() => notifyAuditChanged(auditId, stepId), 0);
}
