// @vitest-environment jsdom
// The Programme section and the automatic passes: a failed one is shown as a failed Sync now is (the
// error in words), a good one says nothing but reloads the library when audits came in.
import { afterEach, describe, expect, it } from 'vitest';
import { PeakendFailure } from '../../../src/domain/errors.ts';
import type { AutoSync, AutoSyncOutcome } from '../../../src/panel/programme/auto-sync.ts';
import { AutoSyncContext } from '../../../src/panel/programme/auto-sync-context.ts';
import type { ProgrammePort } from '../../../src/panel/programme/port.ts';
import type { ProgrammeSettings } from '../../../src/panel/programme/settings.ts';
import { ProgrammeSection } from '../../../src/panel/views/library/ProgrammeSection.tsx';
import type { PassReport } from '../../../src/sync/engine.ts';
import { byRole, freshPanelTest, mount, unmountAll, waitFor } from '../panel/harness.tsx';

afterEach(unmountAll);

const settings: ProgrammeSettings = {
  connection: { server: 'http://127.0.0.1:5984', database: 'team', user: 'anna', password: 'x' },
  shared: [],
  shareFinished: true,
  origin: 'o',
};
const report = (imported: string[]): PassReport => ({
  written: 0,
  rebuilt: 0,
  pushed: 0,
  pulled: imported.length,
  ingest: { imported, refused: [], conflicts: [], incomplete: [], copies: [] },
});

function section() {
  let listener: ((outcome: AutoSyncOutcome) => void) | null = null;
  const auto: AutoSync = {
    start: () => undefined,
    stop: () => undefined,
    ended: () => undefined,
    subscribe(l) {
      listener = l;
      return () => (listener = null);
    },
  };
  const port: ProgrammePort = {
    load: async () => settings,
    save: async () => undefined,
    requestHost: async () => true,
    consented: async () => true,
    pass: async () => report([]),
    lastPass: () => null,
    status: async () => ({ refused: [], conflicts: [] }),
    keep: async () => ({ copy: null }),
  };
  let changed = 0;
  const { container } = mount(
    freshPanelTest(),
    <AutoSyncContext.Provider value={auto}>
      <ProgrammeSection
        port={port}
        settings={settings}
        onSettings={() => undefined}
        onChanged={async () => void (changed += 1)}
      />
    </AutoSyncContext.Provider>,
  );
  return {
    container,
    tell: (outcome: AutoSyncOutcome) => listener?.(outcome),
    changed: () => changed,
  };
}

describe('automatic passes in the Programme section', () => {
  it('show a failure in words, and say nothing when one goes well', async () => {
    const s = section();
    // The pass the section runs on opening, as today.
    await waitFor(() => byRole(s.container, 'status'));
    const status = s.container.querySelector('[role=status]')?.textContent;

    s.tell({ reason: 'periodic', ok: false, error: new PeakendFailure({ code: 'sync-unauthorized' }) });
    const alert = await waitFor(() => byRole(s.container, 'alert'));
    expect(alert.textContent).toBe('The server did not accept the user name or password.');

    s.tell({ reason: 'ended', ok: true, report: report([]) });
    await waitFor(() => {
      if (s.container.querySelector('[role=alert]')) throw new Error('the failure still shows');
    });
    expect(s.container.querySelector('[role=status]')?.textContent).toBe(status);
    expect(s.changed()).toBe(0);

    s.tell({ reason: 'periodic', ok: true, report: report(['aud_1']) });
    await waitFor(() => {
      if (s.changed() !== 1) throw new Error('the library was not reloaded');
    });
  });

  it('offers Connect again when an automatic pass met the consent withdrawn', async () => {
    const s = section();
    await waitFor(() => byRole(s.container, 'status'));
    const buttons = () => [...s.container.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons()).not.toContain('Connect');
    s.tell({ reason: 'periodic', ok: false, error: new PeakendFailure({ code: 'sync-consent-withdrawn' }) });
    await waitFor(() => byRole(s.container, 'button', 'Connect'));
    expect(byRole(s.container, 'alert').textContent).toContain('nothing was sent');
  });
});
