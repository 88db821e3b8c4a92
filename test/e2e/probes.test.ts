// Issue 21's channel probes in a real Chromium: a chat probe started on a page step of the demo shop
// (typed at a person's pace), the service worker stopped and the panel closed, the reply marked after
// reopening (answered: yes) and its time to first reply as stored and as shown; a reply moved before
// the send time refused with a message and nothing stored; the alarm set at the expectation's time,
// and an unreplied probe past it shown missed, with a notification only once notifications are allowed.
import { describe, expect, it } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import type { Probe } from '../../src/domain/probes.ts';
import { setMessages, t } from '../../src/i18n/t.ts';
import type { Harness } from './harness/index.ts';
import { demoShopFixture, eventually, openPanel, settled, startAudit, steps } from './support/peakend.ts';
import { markReply, startProbe, wallClock } from './support/probe-walk.ts';

setMessages(messages);

const demo = demoShopFixture();
const MIN = 60_000;

const probes = (h: Harness) => h.readIndexedDb<Probe>('peakend', 'probes');

async function alarm(h: Harness, probeId: string): Promise<{ scheduledTime: number } | null> {
  const sw = await h.sw();
  return sw.evaluate(async (name) => (await chrome.alarms.get(name)) ?? null, `probe:${probeId}`);
}

/**
 * A fresh worker whose notifications are recorded instead of shown (headless Chromium cannot answer
 * the permission prompt), with the permission reported as `allowed` or, when false, as the browser
 * reports it.
 */
async function recordNotifications(h: Harness, allowed: boolean): Promise<void> {
  await h.stopServiceWorker();
  const sw = await h.sw();
  await sw.evaluate((granted) => {
    const seen: unknown[] = [];
    (globalThis as unknown as { seen: unknown[] }).seen = seen;
    const api = { create: async (id: string, options: unknown) => (seen.push({ id, options }), id) };
    // The native `browser` namespace (Chromium 137+) and `chrome` alike, whichever the polyfill wraps.
    const spaces = [chrome, (globalThis as unknown as { browser?: typeof chrome }).browser];
    for (const ns of spaces) {
      if (!ns) continue;
      Object.defineProperty(ns, 'notifications', { value: api, configurable: true });
      if (granted) Object.defineProperty(ns.permissions, 'contains', { value: async () => true, configurable: true });
    }
  }, allowed);
}

const seen = async (h: Harness) => (await h.sw()).evaluate(() => (globalThis as unknown as { seen: unknown[] }).seen);

describe('channel probes', () => {
  it('keeps a chat probe across a worker stop and a closed panel; the reply marked after is timed', async () => {
    const s = await demo.launch();
    const { h, page, shop } = s;
    const panel = await openPanel(s);
    await startAudit(panel);
    await page.goto(`${shop.url}/product.html`);
    const [, product] = await eventually(
      () => steps(h),
      (list) => list.length === 2 && settled(list),
    );
    await panel.locator(`[data-probes-for="${product!.id}"]`).waitFor();

    // Sent half a minute ago (typed into the form); chat's expectation is 2 min, so it is due in 90 s.
    const sent = await wallClock(panel, Date.now() - 30_000);
    await startProbe(panel, product!.id, { question: 'Do you ship to Gdańsk?', sent: sent.value });
    const [probe] = await eventually(
      () => probes(h),
      (rows) => rows.length === 1,
    );
    expect(probe).toMatchObject({
      stepId: product!.id,
      channel: 'chat',
      question: 'Do you ship to Gdańsk?',
      sentAt: sent.ms,
      expectationMs: 2 * MIN,
      replies: [],
      resolvedAt: null,
    });
    // The worker owns the alarm: set at t0 + the expectation.
    await expect.poll(async () => (await alarm(h, probe!.id))?.scheduledTime).toBe(sent.ms + 2 * MIN);
    // Visible above the steps while it waits.
    await panel.locator(`[data-open-probe="${probe!.id}"]`).waitFor();

    // The browser stops the idle worker; the auditor closes the panel.
    await (
      await h.sw()
    ).evaluate(() => {
      (globalThis as unknown as { beforeStop?: number }).beforeStop = 1;
    });
    await h.stopServiceWorker();
    await panel.close();

    const reopened = await openPanel(s);
    const card = reopened.locator(`[data-probe-id="${probe!.id}"]`);
    await card.waitFor();
    // A new worker (nothing of the old one's memory), and the alarm still set for the same time.
    expect(await (await h.sw()).evaluate(() => (globalThis as unknown as { beforeStop?: number }).beforeStop)).toBe(
      undefined,
    );
    await expect.poll(async () => (await alarm(h, probe!.id))?.scheduledTime).toBe(sent.ms + 2 * MIN);

    // The reply came 20 s after the message: marked at that time, then "answered: yes".
    const replied = await wallClock(reopened, sent.ms + 20_000);
    await markReply(reopened, probe!.id, replied.value, true);
    const [after] = await eventually(
      () => probes(h),
      (rows) => rows[0]?.replies[0]?.answered === true,
    );
    expect(after!.replies).toEqual([{ at: replied.ms, answered: true }]);
    expect(after!.replies[0]!.at - after!.sentAt).toBe(20_000);
    await expect.poll(() => card.locator('.probe__first-duration').textContent()).toMatch(/^20\s*sec$/);
    await expect.poll(() => card.getAttribute('data-outcome')).toBe('met');
    // Replied: no alarm left, and it left the open list.
    await expect.poll(() => alarm(h, probe!.id)).toBeNull();
    await reopened.locator(`[data-open-probe="${probe!.id}"]`).waitFor({ state: 'detached' });

    // Moved to before the send time: refused in words, nothing stored.
    await card.getByRole('button', { name: t('probe_changeTime', '1'), exact: true }).click();
    const before = await wallClock(reopened, sent.ms - 60_000);
    await card.getByLabel(t('probe_replyTime', '1')).fill(before.value);
    await card.getByRole('button', { name: t('probe_saveTime'), exact: true }).click();
    await expect.poll(() => card.getByRole('alert').textContent()).toBe(t('error_probe_reply_before_send'));
    expect((await probes(h))[0]!.replies).toEqual([{ at: replied.ms, answered: true }]);
  });

  it('shows a probe past its expectation missed, and notifies only once notifications are allowed', async () => {
    const s = await demo.launch();
    const { h } = s;
    const panel = await openPanel(s);
    await startAudit(panel);
    const [first] = await eventually(
      () => steps(h),
      (list) => list.length === 1 && settled(list),
    );
    // The notifications the worker creates are recorded; whether they are allowed is first the
    // browser's real answer (not granted: the optional permission was never asked for).
    await recordNotifications(h, false);
    const sent = await wallClock(panel, Date.now() - 10 * MIN);
    await startProbe(panel, first!.id, { question: 'Is the parka waterproof?', sent: sent.value });
    const card = panel.locator('[data-probe-id]').first();
    await expect.poll(() => card.getAttribute('data-outcome')).toBe('missed');
    const [missed] = await probes(h);
    // The alarm was due at once and rang: it is gone, and nothing was shown.
    await expect.poll(() => alarm(h, missed!.id)).toBeNull();
    // (Its handler reads the probe and the permission after the alarm goes: a second is ample.)
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await seen(h)).toEqual([]);

    // Allowed now (a fresh worker, as the browser's permission answer is read once per worker):
    // the next probe past its expectation is notified, in the panel's words.
    await recordNotifications(h, true);
    await startProbe(panel, first!.id, { question: 'Can I pay on delivery?', sent: sent.value });
    const rows = await eventually(
      () => probes(h),
      (list) => list.length === 2,
    );
    const second = rows.find((p) => p.question === 'Can I pay on delivery?')!;
    await expect
      .poll(() => seen(h))
      .toEqual([
        {
          id: `probe:${second.id}`,
          options: expect.objectContaining({
            type: 'basic',
            title: t('probe_notifyTitle'),
            message: 'Chat probe: no reply after 2 min. Can I pay on delivery?',
          }),
        },
      ]);
  });
});
