// Signals from the audited tab's content script, stored on the step whose page they describe.
import browser from 'webextension-polyfill';
import {
  FromContent,
  isContentEvent,
  type ContentEvent,
  type HelloAnswer,
  type SignalsAnswer,
} from '../../protocol.ts';
import { listSteps, patchStepSuggestingStage, setStepSignals } from '../../store/index.ts';
import { withoutHash } from '../../domain/urls.ts';
import { suggestStageFor } from '../stages.ts';
import { notifyAuditChanged } from '../notify.ts';
import { defineFeature } from '../registry.ts';
import { runningAuditIn } from '../running-audit.ts';

async function store(
  event: Extract<ContentEvent, { type: FromContent.Signals }>,
  tabId: number | undefined,
): Promise<boolean> {
  const found = await runningAuditIn(tabId);
  if (!found) return false;
  const steps = await listSteps(found.db, found.audit.id);
  // The newest step of that page: a page logged twice gets the signals on its latest visit.
  const step = steps.findLast((s) => withoutHash(s.url) === withoutHash(event.url));
  if (!step) return false;
  const now = new Date().toISOString();
  await setStepSignals(found.db, step.id, event.signals, now);
  // The page's headings refine a suggested stage; a stage the auditor chose is never touched.
  if (step.stageSource !== 'auditor' && event.headings) {
    const previous = steps[step.index - 1]?.stage ?? null;
    const stage = await suggestStageFor(found.db, found.audit, step.url, step.title, previous, event.headings);
    if (stage && stage !== step.stage) await patchStepSuggestingStage(found.db, step.id, {}, stage, now);
  }
  notifyAuditChanged(found.audit.id, step.id);
  return true;
}

export default defineFeature({
  id: 'signals',
  start() {
    const listener = (message: unknown, sender: browser.Runtime.MessageSender) => {
      if (!isContentEvent(message) || sender.frameId !== 0) return undefined;
      if (message.type === FromContent.Hello) {
        return runningAuditIn(sender.tab?.id).then((found): HelloAnswer => ({ observe: found !== null }));
      }
      // The page sends again when it is left unless this batch was filed.
      return store(message, sender.tab?.id).then(
        (filed): SignalsAnswer => ({ filed }),
        (error: unknown): SignalsAnswer => {
          console.warn('[peakend] signals:', error);
          return { filed: false };
        },
      );
    };
    browser.runtime.onMessage.addListener(listener);
  },
});
