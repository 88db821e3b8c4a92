// Automatic steps: while an audit runs, each new page of the audited tab (a load, or a pushState view
// of a single-page app) becomes a step, captured once the page has settled. New tabs opened from the
// audited tab (a payment provider in a new tab) are followed too.
import browser, { type Tabs, type WebNavigation } from 'webextension-polyfill';
import type { Audit, Step, StepTrigger } from '../../domain/model.ts';
import { withoutHash } from '../../domain/urls.ts';
import type { PeakendDb } from '../../store/index.ts';
import { suggestStageFor } from '../stages.ts';
import {
  addStep,
  getActive,
  getStep,
  listSteps,
  openPeakendDb,
  patchStepSuggestingStage,
  setActive,
  setStepCapture,
} from '../../store/index.ts';
import { notifyAuditChanged } from '../notify.ts';
import { captureStep, stepInitFor } from '../recorder.ts';
import { defineFeature } from '../registry.ts';
import { runningAuditIn } from '../running-audit.ts';
import { uncapturableReason } from '../capture/capturable.ts';
import { ownOrigin, type AuditedTab } from '../target.ts';

/** Quiet time after load (or after a pushState) before the screenshot, so late layout is in it. */
export const SETTLE_MS = 400;
/** A page that never finishes loading is captured anyway after this long. */
const LOAD_TIMEOUT_MS = 10_000;

// Events of one tab are handled in order; the chain holds no audit state, only sequencing.
let chain: Promise<unknown> = Promise.resolve();
function serial(work: () => Promise<unknown>): void {
  chain = chain.then(work).catch((error: unknown) => console.warn('[peakend] auto step:', error));
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();

/** The running audit of this tab, when it takes its steps by itself. */
async function auditFor(tabId: number) {
  const found = await runningAuditIn(tabId);
  return found?.audit.autoSteps ? found : null;
}

async function newStep(tabId: number, url: string, trigger: StepTrigger, settleAfterMs: number | null) {
  const found = await auditFor(tabId);
  if (!found) return;
  const { db, audit } = found;
  const last = (await listSteps(db, audit.id)).at(-1);
  if (last && withoutHash(last.url) === withoutHash(url)) return;
  // A page left before it could be captured says so; no step stays "pending" for ever.
  if (last?.capture.status === 'pending') {
    await setStepCapture(db, last.id, { status: 'failed', reason: 'left-page' }, new Date().toISOString());
    notifyAuditChanged(audit.id, last.id);
  }
  const tab = await browser.tabs.get(tabId);
  const step = await addStep(
    db,
    audit.id,
    await stepInitFor(db, audit, url, tab.title ?? '', trigger),
    new Date().toISOString(),
  );
  notifyAuditChanged(audit.id, step.id);
  const reason = uncapturableReason(url, ownOrigin());
  if (reason) {
    await setStepCapture(db, step.id, { status: 'uncapturable', reason }, new Date().toISOString());
    notifyAuditChanged(audit.id, step.id);
    return;
  }
  scheduleCapture(tabId, step.id, settleAfterMs ?? LOAD_TIMEOUT_MS);
}

/** A step's title arrived or changed: store it, and let it refine a stage the auditor has not chosen. */
async function retitle(db: PeakendDb, audit: Audit, step: Step, title: string): Promise<Step> {
  let stage: string | null = null;
  if (step.stageSource !== 'auditor') {
    const previous = (await listSteps(db, audit.id))[step.index - 1]?.stage ?? null;
    const suggested = await suggestStageFor(db, audit, step.url, title, previous);
    if (suggested && suggested !== step.stage) stage = suggested;
  }
  return patchStepSuggestingStage(db, step.id, { title }, stage, new Date().toISOString());
}

/** Titles arrive on their own schedule (and single-page apps change them): follow the tab's title. */
async function onTitle(tabId: number, title: string, url: string | undefined): Promise<void> {
  const found = await auditFor(tabId);
  if (!found || !title) return;
  const last = (await listSteps(found.db, found.audit.id)).at(-1);
  const tabUrl = url ?? (await browser.tabs.get(tabId)).url ?? '';
  if (!last || last.title === title || withoutHash(tabUrl) !== withoutHash(last.url)) return;
  await retitle(found.db, found.audit, last, title);
  notifyAuditChanged(found.audit.id, last.id);
}

/** The auditor is leaving a page whose screenshot is still waiting: take it now, while it shows. */
async function beforeLeaving(tabId: number): Promise<void> {
  const found = await auditFor(tabId);
  if (!found) return;
  const last = (await listSteps(found.db, found.audit.id)).at(-1);
  if (!last || last.capture.status !== 'pending') return;
  const timer = timers.get(`${tabId}`);
  if (timer) clearTimeout(timer);
  timers.delete(`${tabId}`);
  await settledCapture(tabId, last.id);
}

function scheduleCapture(tabId: number, stepId: string, delay: number): void {
  const key = `${tabId}`;
  const previous = timers.get(key);
  if (previous) clearTimeout(previous);
  timers.set(
    key,
    setTimeout(() => {
      timers.delete(key);
      serial(() => settledCapture(tabId, stepId));
    }, delay),
  );
}

async function settledCapture(tabId: number, stepId: string): Promise<void> {
  const found = await auditFor(tabId);
  if (!found) return;
  const { db, audit } = found;
  const step = await getStep(db, stepId);
  if (!step || step.capture.status !== 'pending') return;
  const tab = (await browser.tabs.get(tabId)) as AuditedTab;
  if (withoutHash(tab.url ?? '') !== withoutHash(step.url)) {
    await setStepCapture(db, step.id, { status: 'failed', reason: 'left-page' }, new Date().toISOString());
    notifyAuditChanged(audit.id, step.id);
    return;
  }
  // The title is final once the page has settled (single-page apps set it after pushState).
  let current = step;
  if (tab.title && tab.title !== step.title) {
    current = await retitle(db, audit, step, tab.title);
  }
  await captureStep(db, audit, current, tab);
}

/** After a load completes, the newest pending step of that tab is captured once settled. */
async function onLoaded(tabId: number): Promise<void> {
  const found = await auditFor(tabId);
  if (!found) return;
  const last = (await listSteps(found.db, found.audit.id)).at(-1);
  if (!last) return;
  // The title is known once the page has loaded, whether or not a screenshot follows.
  const tab = await browser.tabs.get(tabId);
  if (tab.title && tab.title !== last.title && withoutHash(tab.url ?? '') === withoutHash(last.url)) {
    await retitle(found.db, found.audit, last, tab.title);
    notifyAuditChanged(found.audit.id, last.id);
  }
  if (last.capture.status === 'pending') scheduleCapture(tabId, last.id, SETTLE_MS);
}

/** A worker stopped between a page load and its screenshot finishes the job when it wakes. */
async function recoverPending(): Promise<void> {
  const db = await openPeakendDb();
  const active = await getActive(db);
  if (active?.tabId == null) return;
  const last = (await listSteps(db, active.auditId)).at(-1);
  if (!last || last.capture.status !== 'pending') return;
  const tab = await browser.tabs.get(active.tabId).catch(() => null);
  if (tab?.status === 'complete') scheduleCapture(active.tabId, last.id, SETTLE_MS);
}

export default defineFeature({
  id: 'auto-steps',
  start() {
    serial(recoverPending);
    const committed = (d: WebNavigation.OnCommittedDetailsType) => {
      if (d.frameId !== 0 || d.transitionType === 'reload') return;
      serial(() => newStep(d.tabId, d.url, 'navigation', null));
    };
    const history = (d: WebNavigation.OnHistoryStateUpdatedDetailsType) => {
      if (d.frameId !== 0) return;
      serial(() => newStep(d.tabId, d.url, 'history', SETTLE_MS));
    };
    const leaving = (d: WebNavigation.OnBeforeNavigateDetailsType) => {
      if (d.frameId !== 0) return;
      serial(() => beforeLeaving(d.tabId));
    };
    const completed = (d: WebNavigation.OnCompletedDetailsType) => {
      if (d.frameId !== 0) return;
      serial(() => onLoaded(d.tabId));
    };
    const created = (d: WebNavigation.OnCreatedNavigationTargetDetailsType) => {
      serial(async () => {
        const db = await openPeakendDb();
        const active = await getActive(db);
        if (active && active.tabId === d.sourceTabId) await setActive(db, { ...active, tabId: d.tabId });
      });
    };
    const updated = (tabId: number, change: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab) => {
      if (change.title) serial(() => onTitle(tabId, change.title!, tab.url));
    };
    browser.tabs.onUpdated.addListener(updated);
    browser.webNavigation.onBeforeNavigate.addListener(leaving);
    browser.webNavigation.onCommitted.addListener(committed);
    browser.webNavigation.onHistoryStateUpdated.addListener(history);
    browser.webNavigation.onCompleted.addListener(completed);
    browser.webNavigation.onCreatedNavigationTarget.addListener(created);
  },
});
