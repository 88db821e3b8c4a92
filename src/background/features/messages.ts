// Answers the panel's requests. Each answer is { ok, value } or { ok: false, error } with the error's
// code, so the panel can say what went wrong in its own words instead of a broken promise.
import browser from 'webextension-polyfill';
import { PeakendFailure } from '../../domain/errors.ts';
import { createAudit } from '../../domain/factories.ts';
import { isPageUrl } from '../../domain/urls.ts';
import { isWorkerRequest, ToWorker, type WorkerApi, type WorkerRequest, type WorkerResponse } from '../../protocol.ts';
import { clearActive, getActive, getAudit, openPeakendDb, patchAudit, putAudit, setActive } from '../../store/index.ts';
import { captureFullPage } from '../full-page.ts';
import { keepText } from '../keep-text.ts';
import { armProbe } from '../probe-alarms.ts';
import { notifyAuditChanged } from '../notify.ts';
import { reply } from '../reply.ts';
import { captureAgain, logStep, requireRunningAudit } from '../recorder.ts';
import { defineFeature } from '../registry.ts';
import { injectInto, syncContentScripts } from './content-scripts.ts';
import { describeTarget, resolveTab } from '../target.ts';
import { previewMask } from './masking.ts';

/** One audit records at a time: starting or resuming another pauses the one that was running. */
async function pauseOthers(auditId: string): Promise<void> {
  const db = await openPeakendDb();
  const active = await getActive(db);
  if (!active || active.auditId === auditId) return;
  const other = await getAudit(db, active.auditId);
  if (other?.status === 'running') {
    await patchAudit(db, other.id, { status: 'paused' }, new Date().toISOString());
    notifyAuditChanged(other.id);
  }
}

type Handlers = { [K in ToWorker]: (req: WorkerRequest<K>) => Promise<WorkerApi[K]['res']> };

const handlers: Handlers = {
  [ToWorker.DescribeTarget]: (req) => describeTarget(req.windowId),

  async [ToWorker.StartAudit](req) {
    const db = await openPeakendDb();
    const target = await describeTarget(req.windowId);
    const tab = await resolveTab(req.windowId);
    const audit = createAudit(
      {
        ...req.draft,
        startUrl: target.url,
        viewport: target.viewport,
        browser: target.browser,
        locale: target.locale,
        device: target.device,
      },
      new Date().toISOString(),
    );
    await pauseOthers(audit.id);
    await putAudit(db, audit);
    await setActive(db, { auditId: audit.id, tabId: tab.id, windowId: tab.windowId });
    await syncContentScripts();
    await injectInto(tab.id);
    notifyAuditChanged(audit.id);
    // The page the auditor starts on is the journey's first step (a blank or browser tab is not).
    if (isPageUrl(tab.url ?? '')) await logStep(audit.id, tab.windowId, 'start');
    return { auditId: audit.id };
  },

  async [ToWorker.ResumeAudit](req) {
    const db = await openPeakendDb();
    const tab = await resolveTab(req.windowId);
    const before = await getAudit(db, req.auditId);
    if (!before) throw new PeakendFailure({ code: 'audit-missing', auditId: req.auditId });
    await pauseOthers(req.auditId);
    const now = new Date().toISOString();
    // A plan runs from its start: it gets its start time, and the tab goes to its start URL.
    const starting = before.status === 'plan';
    await patchAudit(db, req.auditId, starting ? { status: 'running', startedAt: now } : { status: 'running' }, now);
    await setActive(db, { auditId: req.auditId, tabId: tab.id, windowId: tab.windowId });
    await syncContentScripts();
    if (starting && isPageUrl(before.startUrl)) await browser.tabs.update(tab.id, { url: before.startUrl });
    else await injectInto(tab.id);
    notifyAuditChanged(req.auditId);
    return { auditId: req.auditId };
  },

  async [ToWorker.PauseAudit](req) {
    const db = await openPeakendDb();
    const active = await getActive(db);
    if (active?.auditId === req.auditId) await clearActive(db);
    await patchAudit(db, req.auditId, { status: 'paused' }, new Date().toISOString());
    await syncContentScripts();
    notifyAuditChanged(req.auditId);
    return { auditId: req.auditId };
  },

  [ToWorker.LogStep]: (req) => logStep(req.auditId, req.windowId, 'manual'),

  [ToWorker.Capture]: (req) => captureAgain(req.auditId, req.windowId, req.stepId),

  [ToWorker.FullPage]: (req) => captureFullPage(req.auditId, req.windowId, req.stepId),

  async [ToWorker.PreviewMask](req) {
    const db = await openPeakendDb();
    const audit = await requireRunningAudit(db, req.auditId);
    const tab = await resolveTab(req.windowId);
    return previewMask(tab.id, audit, req.on);
  },

  [ToWorker.ArmProbe]: (req) => armProbe(req.probeId),

  async [ToWorker.KeepText]({ kept }) {
    const changed = await keepText(await openPeakendDb(), kept, new Date().toISOString());
    notifyAuditChanged(changed.auditId, changed.stepId);
    return null;
  },
};

function handle(request: WorkerRequest): Promise<WorkerResponse> {
  const handler = handlers[request.type] as (req: WorkerRequest) => Promise<unknown>;
  return reply(() => handler(request));
}

export default defineFeature({
  id: 'messages',
  start() {
    const listener = (message: unknown, sender: browser.Runtime.MessageSender) => {
      // Only our own pages may drive the recorder; content scripts run on page URLs.
      if (!isWorkerRequest(message) || !sender.url?.startsWith(browser.runtime.getURL(''))) return undefined;
      return handle(message);
    };
    browser.runtime.onMessage.addListener(listener);
  },
});
