// The panel's probe writes through src/panel/actions.ts over the real store (fake-indexeddb): what is
// stored, what is refused with which code (and that a refusal stores nothing), that a probe keeps the
// expectation it started with, and that the worker is asked to set the alarm after every write.
import { beforeEach, describe, expect, it } from 'vitest';
import { asPeakendError } from '../../../src/domain/errors.ts';
import { DEFAULT_EXPECTATIONS, type Probe } from '../../../src/domain/probes.ts';
import { panelActions, type PanelActions } from '../../../src/panel/actions.ts';
import { ToWorker } from '../../../src/protocol.ts';
import { getExpectations, getProbe, listProbes, openPeakendDb } from '../../../src/store/index.ts';
import { sampleAudit } from '../fixtures.ts';
import type { FakeBackend } from '../panel/fake-backend.ts';
import { freshPanelTest, seed } from '../panel/harness.tsx';

const NOW = '2026-12-05T12:00:00.000Z';
const NOW_MS = Date.parse(NOW);
const MIN = 60_000;
const AUDIT = 'aud_1';

let backend: FakeBackend;
let actions: PanelActions;

beforeEach(async () => {
  backend = freshPanelTest();
  actions = panelActions(backend, () => NOW);
  await seed(sampleAudit({ id: AUDIT }), []);
});

const start = (over: Partial<Parameters<PanelActions['startProbe']>[0]> = {}) =>
  actions.startProbe({
    auditId: AUDIT,
    stepId: 'stp_0',
    channel: 'chat',
    question: '  Do you ship to Gdańsk?  ',
    sentAt: NOW_MS - 5 * MIN,
    ...over,
  });

const stored = async (id: string): Promise<Probe | undefined> => getProbe(await openPeakendDb(), id);

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return asPeakendError(error).code;
  }
  throw new Error('not refused');
}

describe('probe actions', () => {
  it('starts a probe with the channel expectation of the moment, and asks the worker to arm it', async () => {
    const probe = await start();
    expect(await stored(probe.id)).toEqual(probe);
    expect(probe).toMatchObject({
      question: 'Do you ship to Gdańsk?',
      sentAt: NOW_MS - 5 * MIN,
      expectationMs: DEFAULT_EXPECTATIONS.chat,
      replies: [],
      resolvedAt: null,
    });
    expect(backend.requests).toEqual([{ type: ToWorker.ArmProbe, req: { probeId: probe.id } }]);

    // A changed setting applies to the next probe only.
    await actions.setExpectations({ ...(await getExpectations(await openPeakendDb())), chat: 5 * MIN });
    const later = await start();
    expect(later.expectationMs).toBe(5 * MIN);
    expect((await stored(probe.id))?.expectationMs).toBe(DEFAULT_EXPECTATIONS.chat);
  });

  it('marks a reply and whether it answered; t1 - t0 is what was marked', async () => {
    const probe = await start();
    await actions.addReply(probe.id, NOW_MS - 3 * MIN);
    await actions.setAnswered(probe.id, 0, true);
    const after = await stored(probe.id);
    expect(after?.replies).toEqual([{ at: NOW_MS - 3 * MIN, answered: true }]);
    expect(after!.replies[0]!.at - after!.sentAt).toBe(2 * MIN);
    expect(backend.requests.filter((r) => r.type === ToWorker.ArmProbe)).toHaveLength(3);
  });

  it('refuses a reply before the send time, in the future, or out of order, storing nothing', async () => {
    const probe = await start();
    expect(await refusal(actions.addReply(probe.id, probe.sentAt - 1000))).toBe('probe-reply-before-send');
    expect(await refusal(actions.addReply(probe.id, NOW_MS + 10 * MIN))).toBe('probe-time-in-future');
    expect((await stored(probe.id))?.replies).toEqual([]);

    await actions.addReply(probe.id, NOW_MS - 3 * MIN);
    await actions.addReply(probe.id, NOW_MS - 1 * MIN);
    expect(await refusal(actions.addReply(probe.id, NOW_MS - 4 * MIN))).toBe('probe-reply-before-previous');
    // Editing a reply: not before the send, not past the next reply.
    expect(await refusal(actions.editReply(probe.id, 0, probe.sentAt - MIN))).toBe('probe-reply-before-send');
    expect(await refusal(actions.editReply(probe.id, 0, NOW_MS))).toBe('probe-reply-before-previous');
    expect((await stored(probe.id))?.replies.map((r) => r.at)).toEqual([NOW_MS - 3 * MIN, NOW_MS - MIN]);
    await actions.editReply(probe.id, 0, NOW_MS - 4 * MIN);
    expect((await stored(probe.id))?.replies[0]?.at).toBe(NOW_MS - 4 * MIN);
  });

  it('resolves (not before the send time) and refuses a start in the future', async () => {
    const probe = await start();
    expect(await refusal(actions.resolveProbe(probe.id, probe.sentAt - 1))).toBe('probe-resolved-before-send');
    expect((await stored(probe.id))?.resolvedAt).toBeNull();
    await actions.resolveProbe(probe.id, NOW_MS);
    expect((await stored(probe.id))?.resolvedAt).toBe(NOW_MS);
    expect(await refusal(start({ sentAt: NOW_MS + 2 * MIN }))).toBe('probe-time-in-future');
    expect(await listProbes(await openPeakendDb(), AUDIT)).toHaveLength(1);
  });

  it('removes a probe and brings it back as it was', async () => {
    const probe = await start();
    await actions.addReply(probe.id, NOW_MS - MIN);
    const before = await stored(probe.id);
    await actions.removeProbe(before!);
    expect(await stored(probe.id)).toBeUndefined();
    expect(await refusal(actions.addReply(probe.id, NOW_MS))).toBe('probe-missing');
    await actions.restoreProbe(before!);
    expect(await stored(probe.id)).toEqual(before);
  });
});
