// The worker's alarms for channel probes over the real store (fake-indexeddb) and a fake alarms,
// notifications and permissions API: which probes get an alarm after a restart, that nothing rings
// twice, and that a rung alarm notifies only for a probe still unreplied and only when allowed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_EXPECTATIONS, type Probe } from '../../../src/domain/probes.ts';
import { openPeakendDb, putAudit, putProbe, resetDbCache } from '../../../src/store/index.ts';
import { sampleAudit, T0 } from '../fixtures.ts';
import messages from '../../../public/_locales/en/messages.json';
import { setMessages } from '../../../src/i18n/t.ts';

const fake = {
  alarms: new Map<string, number>(),
  notified: [] as Array<{ id: string; message: string }>,
  allowed: false,
};

vi.mock('webextension-polyfill', () => ({
  default: {
    alarms: {
      create: async (name: string, info: { when: number }) => void fake.alarms.set(name, info.when),
      clear: async (name: string) => fake.alarms.delete(name),
      getAll: async () => [...fake.alarms].map(([name, scheduledTime]) => ({ name, scheduledTime })),
    },
    permissions: { contains: async () => fake.allowed },
    notifications: {
      create: async (id: string, options: { message: string }) => {
        fake.notified.push({ id, message: options.message });
        return id;
      },
    },
    runtime: { getURL: (path: string) => `chrome-extension://x/${path}`, sendMessage: async () => undefined },
  },
}));

const { armProbe, onProbeAlarm, rearmProbes } = await import('../../../src/background/probe-alarms.ts');

const MIN = 60_000;
const SENT = Date.parse('2026-12-05T12:00:00Z');

function probe(id: string, over: Partial<Probe> = {}): Probe {
  return {
    id,
    auditId: 'aud_1',
    stepId: null,
    channel: 'chat',
    question: 'Do you ship to Gdańsk?',
    sentAt: SENT,
    replies: [],
    resolvedAt: null,
    expectationMs: DEFAULT_EXPECTATIONS.chat,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

beforeEach(async () => {
  // The worker loads the panel's language from the extension; here that fetch fails and English stays.
  setMessages(messages);
  resetDbCache();
  fake.alarms.clear();
  fake.notified.length = 0;
  fake.allowed = false;
  await putAudit(await openPeakendDb(), sampleAudit({ id: 'aud_1' }));
});

const store = async (...probes: Probe[]) => {
  const db = await openPeakendDb();
  for (const p of probes) await putProbe(db, p);
};

describe('probe alarms', () => {
  it('are set at t0 + the expectation, and cleared once a reply or the resolution is marked', async () => {
    await store(probe('prb_a'));
    expect(await armProbe('prb_a')).toEqual({ dueAt: SENT + 2 * MIN });
    expect(fake.alarms.get('probe:prb_a')).toBe(SENT + 2 * MIN);
    await store(probe('prb_a', { replies: [{ at: SENT + MIN, answered: null }] }));
    expect(await armProbe('prb_a')).toEqual({ dueAt: null });
    expect(fake.alarms.has('probe:prb_a')).toBe(false);
  });

  it('come back after a restart for open probes still due, and for no other', async () => {
    await store(
      probe('prb_due'),
      probe('prb_past', { sentAt: SENT - 10 * MIN }),
      probe('prb_replied', { replies: [{ at: SENT + MIN, answered: true }] }),
      probe('prb_none', { channel: 'video', expectationMs: null }),
    );
    fake.alarms.set('probe:prb_replied', SENT + 2 * MIN);
    expect(await rearmProbes(SENT + MIN)).toBe(1);
    expect([...fake.alarms]).toEqual([['probe:prb_due', SENT + 2 * MIN]]);
    // A second start sets nothing again.
    expect(await rearmProbes(SENT + MIN)).toBe(0);
  });

  it('notify a probe still unreplied at its time, only when allowed', async () => {
    await store(probe('prb_a'), probe('prb_b', { replies: [{ at: SENT + MIN, answered: true }] }));
    expect(await onProbeAlarm('probe:prb_a', SENT + 2 * MIN)).toBe(true);
    expect(fake.notified).toEqual([]);
    fake.allowed = true;
    expect(await onProbeAlarm('probe:prb_a', SENT + 2 * MIN)).toBe(true);
    expect(fake.notified).toHaveLength(1);
    expect(fake.notified[0]!.id).toBe('probe:prb_a');
    expect(fake.notified[0]!.message).toMatch(/^Chat probe: no reply after 2 min/);
    expect(fake.notified[0]!.message).toContain('Do you ship to Gdańsk?');
    // Replied in time: nothing to say.
    expect(await onProbeAlarm('probe:prb_b', SENT + 2 * MIN)).toBe(false);
    expect(fake.notified).toHaveLength(1);
  });

  it('set again an alarm that rang early, without notifying', async () => {
    fake.allowed = true;
    await store(probe('prb_a'));
    expect(await onProbeAlarm('probe:prb_a', SENT + MIN)).toBe(false);
    expect(fake.alarms.get('probe:prb_a')).toBe(SENT + 2 * MIN);
    expect(fake.notified).toEqual([]);
  });
});
