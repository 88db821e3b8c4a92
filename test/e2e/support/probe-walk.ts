// A channel probe as an auditor runs one in the panel: Start probe on the step on screen, the channel,
// the question typed at a person's pace and the send time; later the reply's time and "answered the
// actual question". Shared by test/e2e/probes.test.ts and the headless demo walk (scripts/start.ts).
import type { Page } from 'playwright-core';
import messages from '../../../public/_locales/en/messages.json';
import type { Probe, ProbeChannel } from '../../../src/domain/probes.ts';
import { setMessages, t } from '../../../src/i18n/t.ts';
import type { Harness } from '../harness/index.ts';
import { eventually } from './peakend.ts';

setMessages(messages);

/** A `datetime-local` value for `ms` in the panel's own zone, and `ms` rounded down to that second. */
export async function wallClock(panel: Page, ms: number): Promise<{ value: string; ms: number }> {
  // A string, not a function: tsx (scripts/start.ts) would wrap a function's inner helpers in a
  // __name() the page does not have.
  return panel.evaluate<{ value: string; ms: number }>(`(() => {
    const d = new Date(${Math.floor(ms / 1000) * 1000});
    const p = (n) => String(n).padStart(2, '0');
    const value = d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds());
    return { value, ms: d.getTime() };
  })()`);
}

/** Starts a probe on a page step on screen: channel, the question typed, the send time typed. */
export async function startProbe(
  panel: Page,
  stepId: string,
  spec: { channel?: ProbeChannel; question: string; sent: string },
): Promise<void> {
  const section = panel.locator(`[data-probes-for="${stepId}"]`);
  await section.getByRole('button', { name: t('probe_start'), exact: true }).click();
  const form = section.getByRole('form', { name: t('probe_start') });
  await form.getByLabel(t('probe_channel')).selectOption(spec.channel ?? 'chat');
  await form.getByLabel(t('probe_question')).pressSequentially(spec.question, { delay: 35 });
  await form.getByLabel(t('probe_sentAt')).fill(spec.sent);
  await form.getByRole('button', { name: t('probe_startSubmit'), exact: true }).click();
  await form.waitFor({ state: 'detached' });
}

/** Marks a reply on a probe's card at a typed time, and whether it answered the actual question. */
export async function markReply(panel: Page, probeId: string, at: string, answered: boolean): Promise<void> {
  const card = panel.locator(`[data-probe-id="${probeId}"]`);
  const before = await card.locator('[data-reply-index]').count();
  await card.getByLabel(t('probe_markAt')).fill(at);
  await card.getByRole('button', { name: t('probe_replyCame'), exact: true }).click();
  const reply = card.locator(`[data-reply-index="${before}"]`);
  await reply.getByRole('radio', { name: t(answered ? 'probe_yes' : 'probe_no'), exact: true }).check();
}

/**
 * The demo journey's chat probe on a page step: asked three minutes ago, a reply marked 95 s after it
 * that answered the question; returns the probe once the reply is stored.
 */
export async function answeredChatProbe(h: Harness, panel: Page, stepId: string, question: string): Promise<Probe> {
  const sent = await wallClock(panel, Date.now() - 3 * 60_000);
  await startProbe(panel, stepId, { question, sent: sent.value });
  const [probe] = await eventually(
    () => h.readIndexedDb<Probe>('peakend', 'probes'),
    (rows) => rows.length === 1,
  );
  await markReply(panel, probe!.id, (await wallClock(panel, sent.ms + 95_000)).value, true);
  const [answered] = await eventually(
    () => h.readIndexedDb<Probe>('peakend', 'probes'),
    (rows) => rows[0]?.replies[0]?.answered === true,
  );
  return answered!;
}
