// @vitest-environment jsdom
// The one hook that reads an audit's probes for the steps list, the rubric and the scenario choice:
// read on mounting, again on a worker event for the whole audit (an alarm passing an expectation),
// not on a step's own event nor another audit's, and judged at the time of that read.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Probe } from '../../../src/domain/probes.ts';
import { BackendContext } from '../../../src/panel/context.ts';
import { useProbes } from '../../../src/panel/probes-data.ts';
import { openPeakendDb, putProbe } from '../../../src/store/index.ts';
import { sampleAudit } from '../fixtures.ts';
import type { FakeBackend } from './fake-backend.ts';
import { freshPanelTest, mount, seed, sleep, unmountAll, waitFor } from './harness.tsx';

const AUDIT = 'aud_1';
let backend: FakeBackend;
beforeEach(async () => {
  backend = freshPanelTest();
  await seed(sampleAudit({ id: AUDIT }));
  await seed(sampleAudit({ id: 'aud_2' }));
});
afterEach(() => unmountAll());

function probe(id: string, auditId = AUDIT): Probe {
  const sent = Date.UTC(2026, 0, 5, 10);
  return {
    id,
    auditId,
    stepId: 'st1',
    channel: 'chat',
    question: 'Is there a size guide?',
    sentAt: sent,
    replies: [],
    resolvedAt: null,
    expectationMs: 2 * 60_000,
    createdAt: new Date(sent).toISOString(),
    updatedAt: new Date(sent).toISOString(),
  };
}

/** What the hook gives, on the page: the probe ids and when they were read ("-" before the first read). */
function Shown({ auditId }: { auditId: string }) {
  const { probes, evidence } = useProbes(auditId);
  return (
    <p data-ids={probes.map((p) => p.id).join(',')} data-read={evidence ? String(evidence.nowMs) : '-'}>
      {evidence?.probes.length ?? '-'}
    </p>
  );
}

const shown = (root: HTMLElement) => {
  const p = root.querySelector('p')!;
  return { ids: p.dataset.ids, read: p.dataset.read, text: p.textContent };
};

describe('useProbes', () => {
  it('reads the probes on mounting, with the time they were read', async () => {
    await putProbe(await openPeakendDb(), probe('prb_1'));
    const before = Date.now();
    const { container } = mount(backend, <Shown auditId={AUDIT} />);
    expect(shown(container).read).toBe('-');
    await waitFor(() => expect(shown(container).ids).toBe('prb_1'));
    expect(Number(shown(container).read)).toBeGreaterThanOrEqual(before);
    expect(shown(container).text).toBe('1');
  });

  it('reads again on a worker event for the whole audit, and then only', async () => {
    const { container } = mount(backend, <Shown auditId={AUDIT} />);
    await waitFor(() => expect(shown(container).read).not.toBe('-'));
    const first = Number(shown(container).read);
    await putProbe(await openPeakendDb(), probe('prb_1'));

    backend.changed(AUDIT, 'st1');
    backend.changed('aud_other');
    await sleep(50);
    expect(shown(container).ids).toBe('');

    backend.changed(AUDIT);
    await waitFor(() => expect(shown(container).ids).toBe('prb_1'));
    expect(Number(shown(container).read)).toBeGreaterThan(first);
  });

  it("shows another audit's probes once switched to it, never the first one's read landing late", async () => {
    const db = await openPeakendDb();
    await putProbe(db, probe('prb_1'));
    await putProbe(db, probe('prb_2', 'aud_2'));
    // The first audit's read is slow (a busy store), so it ends after the second audit's.
    const db0 = backend.db.bind(backend);
    let calls = 0;
    backend.db = () => (++calls === 1 ? sleep(80).then(db0) : db0());
    const { container } = mount(backend, <Shown auditId={AUDIT} />);
    render(
      <BackendContext.Provider value={backend}>
        <Shown auditId="aud_2" />
      </BackendContext.Provider>,
      container,
    );
    await waitFor(() => expect(shown(container).ids).toBe('prb_2'));
    await sleep(120);
    expect(calls).toBe(2);
    expect(shown(container).ids).toBe('prb_2');
  });

  it('stops listening once unmounted', async () => {
    const m = mount(backend, <Shown auditId={AUDIT} />);
    await waitFor(() => expect(shown(m.container).read).not.toBe('-'));
    expect(backend.listenerCount()).toBe(1);
    m.unmount();
    await waitFor(() => expect(backend.listenerCount()).toBe(0));
  });
});
