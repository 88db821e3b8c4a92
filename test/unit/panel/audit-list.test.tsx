// @vitest-environment jsdom
// The library's list of audits is read again on every worker event, import and sync pass, and those
// reads overlap: the list shown is the newest read's, even when an older read answers last (it would
// put back a list without the audit that just arrived).
import { useEffect } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Audit } from '../../../src/domain/model.ts';
import { useAuditList } from '../../../src/panel/hooks.ts';
import type * as Store from '../../../src/store/index.ts';
import { sampleAudit } from '../fixtures.ts';
import type { FakeBackend } from './fake-backend.ts';
import { freshPanelTest, mount, unmountAll, waitFor } from './harness.tsx';

type Pending = { resolve: (list: Audit[]) => void };
const reads: Pending[] = [];
vi.mock('../../../src/store/index.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof Store>()),
  listAudits: () => new Promise<Audit[]>((resolve) => reads.push({ resolve })),
}));

let backend: FakeBackend;
beforeEach(() => {
  reads.length = 0;
  backend = freshPanelTest();
});
afterEach(() => unmountAll());

const hook: { current: ReturnType<typeof useAuditList> | null } = { current: null };
function AuditCount() {
  const list = useAuditList();
  useEffect(() => {
    hook.current = list;
  });
  return <p id="count">{list.audits === null ? 'none' : String(list.audits.length)}</p>;
}

describe('useAuditList', () => {
  it('shows the newest read even when an older read answers after it', async () => {
    const { container } = mount(backend, <AuditCount />);
    await waitFor(() => expect(reads).toHaveLength(1));
    const first = reads[0]!;
    void hook.current!.reload();
    await waitFor(() => expect(reads).toHaveLength(2));
    const arrived = [sampleAudit({ id: 'aud_old' }), sampleAudit({ id: 'aud_new' })];
    reads[1]!.resolve(arrived);
    await waitFor(() => expect(container.querySelector('#count')?.textContent).toBe('2'));
    first.resolve([sampleAudit({ id: 'aud_old' })]);
    await new Promise((r) => setTimeout(r, 20));
    expect(container.querySelector('#count')?.textContent).toBe('2');
  });
});
