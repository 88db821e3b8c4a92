// Channel probes' alarms. A probe's times live in IndexedDB; the worker only says when an unreplied
// probe passes its expectation. A timer would die with the worker (it is stopped after 30 idle
// seconds), so each open probe has an alarm named `probe:<id>` at its expectationDueAt, set again
// whenever the panel writes the probe and, since alarms may be lost with a browser restart, for every
// open probe whenever the worker starts.
import browser from 'webextension-polyfill';
import { expectationDueAt, type Probe } from '../domain/probes.ts';
import { spanText } from '../i18n/format.ts';
import { browserLanguageTag, languageTag, loadLanguage, resolveLanguage, t, type MessageKey } from '../i18n/t.ts';
import { allProbes, getLanguageChoice, getProbe, openPeakendDb } from '../store/index.ts';
import { notifyAuditChanged } from './notify.ts';

export const PROBE_ALARM_PREFIX = 'probe:';
export const probeAlarmName = (probeId: string): string => `${PROBE_ALARM_PREFIX}${probeId}`;

/** When the probe's alarm should ring: unreplied, unresolved and with an expectation; else null. */
function alarmTime(probe: Probe | undefined): number | null {
  if (!probe || probe.resolvedAt !== null) return null;
  return expectationDueAt(probe);
}

/** Sets (or clears) one probe's alarm from the probe as stored. */
export async function armProbe(probeId: string): Promise<{ dueAt: number | null }> {
  const probe = await getProbe(await openPeakendDb(), probeId);
  const dueAt = alarmTime(probe);
  if (dueAt === null) await browser.alarms.clear(probeAlarmName(probeId));
  else await browser.alarms.create(probeAlarmName(probeId), { when: dueAt });
  return { dueAt };
}

/**
 * Every open probe's alarm, after a start: one still due later that has none gets it again. One
 * whose time passed while the browser was closed is not rung late (the panel shows it missed), and
 * an alarm already set is kept, so a worker restarting often does not ring anything twice.
 */
export async function rearmProbes(now = Date.now()): Promise<number> {
  const probes = await allProbes(await openPeakendDb());
  const set = new Set((await browser.alarms.getAll()).map((a) => a.name));
  let armed = 0;
  for (const probe of probes) {
    const dueAt = alarmTime(probe);
    const name = probeAlarmName(probe.id);
    if (dueAt === null) {
      if (set.has(name)) await browser.alarms.clear(name);
    } else if (!set.has(name) && dueAt > now) {
      await browser.alarms.create(name, { when: dueAt });
      armed += 1;
    }
  }
  return armed;
}

/** Whether the auditor allowed notifications (an optional permission, asked from the settings). */
async function notificationsAllowed(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: ['notifications'] });
  } catch {
    return false;
  }
}

/**
 * An alarm rang: the probe is read again, and if it is still waiting for its first reply, the panel
 * is told (it shows "missed") and, when allowed, a notification says so. Returns whether it was due.
 */
export async function onProbeAlarm(name: string, now = Date.now()): Promise<boolean> {
  if (!name.startsWith(PROBE_ALARM_PREFIX)) return false;
  const db = await openPeakendDb();
  const probe = await getProbe(db, name.slice(PROBE_ALARM_PREFIX.length));
  const dueAt = alarmTime(probe);
  if (!probe || dueAt === null) return false;
  // An alarm may ring a little early (a clock change): it is set again for the time still due.
  if (now < dueAt) {
    await browser.alarms.create(name, { when: dueAt });
    return false;
  }
  notifyAuditChanged(probe.auditId);
  if (!(await notificationsAllowed())) return true;
  const language = resolveLanguage(await getLanguageChoice(db).catch(() => null), browserLanguageTag());
  await loadLanguage(language).catch(() => undefined);
  const channel = t(`channel_${probe.channel.replace('-', '_')}_name` as MessageKey);
  await browser.notifications.create(name, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: t('probe_notifyTitle'),
    message: t(
      'probe_notifyMissed',
      channel,
      spanText(probe.expectationMs ?? 0, languageTag(language)),
      probe.question,
    ),
  });
  return true;
}
