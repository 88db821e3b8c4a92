// A touchpoint as an auditor adds one in the panel: Add touchpoint, its channel, what happened and
// its place, then an image pasted from the clipboard with a redaction box drawn over part of it.
// Shared by test/e2e/touchpoints.test.ts and the headless demo walk (scripts/start.ts).
import type { Page } from 'playwright-core';
import messages from '../../../public/_locales/en/messages.json';
import type { Step } from '../../../src/domain/model.ts';
import type { Channel } from '../../../src/domain/touchpoints.ts';
import { setMessages, t } from '../../../src/i18n/t.ts';
import type { Harness } from '../harness/index.ts';
import { eventually, steps } from './peakend.ts';

setMessages(messages);

/** A 400 x 300 PNG, white with a red band across its middle, pasted as a clipboard File. */
export const PASTE_IMAGE = String.raw`async () => {
  const canvas = new OffscreenCanvas(400, 300);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 400, 300);
  ctx.fillStyle = '#ff0000';
  ctx.fillRect(0, 120, 400, 60);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  const file = new File([blob], 'image.png', { type: 'image/png' });
  const data = new DataTransfer();
  data.items.add(file);
  const target = document.querySelector('[data-paste-target]');
  target.focus();
  target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}`;

/** Drags on the redaction canvas between two points given as fractions of its size. */
export async function dragBox(panel: Page, from: [number, number], to: [number, number]): Promise<void> {
  const box = await panel.locator('[data-redact-canvas]').boundingBox();
  if (!box) throw new Error('no redaction canvas');
  await panel.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await panel.mouse.down();
  await panel.mouse.move(box.x + box.width * ((from[0] + to[0]) / 2), box.y + box.height * ((from[1] + to[1]) / 2), {
    steps: 4,
  });
  await panel.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 4 });
  await panel.mouse.up();
}

/** Adds a touchpoint at `position` (0-based; the step now there moves down) and returns it as stored. */
export async function addTouchpoint(
  h: Harness,
  panel: Page,
  spec: { channel: Channel; title: string; position: number },
): Promise<Step> {
  const before = (await steps(h)).length;
  await panel.getByRole('button', { name: t('addTouchpoint'), exact: true }).click();
  await panel.getByLabel(t('touchpointChannel')).selectOption(spec.channel);
  await panel.getByLabel(t('touchpointTitle')).pressSequentially(spec.title, { delay: 30 });
  await panel.getByLabel(t('touchpointPosition')).selectOption({ value: String(spec.position) });
  await panel.getByRole('button', { name: t('touchpointSave'), exact: true }).click();
  const all = await eventually(
    () => steps(h),
    (list) => list.length === before + 1 && list.some((s) => s.kind === 'touchpoint' && s.title === spec.title),
  );
  return all.find((s) => s.kind === 'touchpoint' && s.title === spec.title)!;
}

/** Pastes PASTE_IMAGE into the selected touchpoint, blacks out its top-left, and attaches it. */
export async function pasteRedactedImage(panel: Page): Promise<void> {
  await panel.evaluate(`(${PASTE_IMAGE})()`);
  await panel.locator('[data-redact-canvas]').waitFor();
  await dragBox(panel, [0.1, 0.1], [0.5, 0.5]);
  await panel.getByText(t('redactBoxes', '1')).waitFor();
  await panel.getByRole('button', { name: t('redactAttach'), exact: true }).click();
  await panel.locator('[data-redact-canvas]').waitFor({ state: 'detached' });
}
