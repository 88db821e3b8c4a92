// Full page on a step: the whole page as one more screenshot of the step, stored in one transaction
// once it is stitched, or not at all. A failure leaves the step as it was and tells the panel why,
// as a typed code: the audit goes on.
import { createScreenshot } from '../domain/factories.ts';
import { withoutHash } from '../domain/urls.ts';
import type { FullPageResult } from '../protocol.ts';
import { addScreenshot, getStep, lastStep, openPeakendDb } from '../store/index.ts';
import { uncapturableReason } from './capture/capturable.ts';
import { FullPageError, takeFullPage } from './capture/full-page.ts';
import { notifyAfterAnswer } from './notify.ts';
import { captureQueue, requireRunningAudit } from './recorder.ts';
import { ownOrigin, resolveTab } from './target.ts';

export async function captureFullPage(
  auditId: string,
  windowId: number | null,
  stepId: string | null,
): Promise<FullPageResult> {
  const db = await openPeakendDb();
  const audit = await requireRunningAudit(db, auditId);
  const step = stepId ? await getStep(db, stepId) : await lastStep(db, auditId);
  if (!step || step.auditId !== auditId) return { ok: false, error: { code: 'full-page-no-step' } };
  const tab = await resolveTab(windowId);
  const url = tab.url ?? '';
  if (uncapturableReason(url, ownOrigin())) return { ok: false, error: { code: 'full-page-uncapturable' } };
  // The evidence belongs to the step's page: another page is not filed under it.
  if (withoutHash(url) !== withoutHash(step.url)) return { ok: false, error: { code: 'full-page-other-page' } };
  try {
    const taken = await captureQueue.run((pace) => takeFullPage(audit, tab, step.url, pace));
    const shot = createScreenshot({
      auditId: audit.id,
      stepId: step.id,
      takenAt: new Date().toISOString(),
      mime: taken.jpeg.type,
      width: taken.width,
      height: taken.height,
      bytes: taken.jpeg.size,
      sha256: taken.sha256,
      thumbWidth: taken.thumbWidth,
      thumbHeight: taken.thumbHeight,
      thumbBytes: 0,
      masked: audit.masking,
      maskedFields: taken.maskedFields,
      kind: 'full-page',
      ...(taken.cut ? { cut: true } : {}),
    });
    await addScreenshot(db, shot, taken.jpeg, taken.thumb, new Date().toISOString());
    notifyAfterAnswer(audit.id, step.id);
    return {
      ok: true,
      stepId: step.id,
      shotId: shot.id,
      width: taken.width,
      height: taken.height,
      cut: taken.cut,
      slices: taken.slices,
    };
  } catch (error) {
    if (error instanceof FullPageError) return { ok: false, error: error.asError() };
    throw error;
  }
}
