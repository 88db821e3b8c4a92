// The library's "Programme" section: connect to a team's CouchDB (server, database, user, password),
// share finished audits automatically or one by one (the audit rows' "Share this audit"), sync, and
// see what the server sent that was refused and which audits were edited on two computers, choosing
// the version to keep with what each version holds in view (the one not kept is removed everywhere). Nothing is sent before the auditor connects and shares.
import { useEffect, useRef, useState } from 'preact/hooks';
import { PeakendFailure } from '../../../domain/errors.ts';
import { t } from '../../../i18n/t.ts';
import { checkConnection } from '../../../sync/connection.ts';
import { Ltr, Message } from '../../components/UserText.tsx';
import { describeError } from '../../../i18n/errors.ts';
import { errorText } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { useAutoSync } from '../../programme/auto-sync-context.ts';
import type { ProgrammePort, SyncStatus } from '../../programme/port.ts';
import { disconnected, type ProgrammeSettings } from '../../programme/settings.ts';

export function ProgrammeSection(props: {
  port: ProgrammePort;
  settings: ProgrammeSettings;
  onSettings: (settings: ProgrammeSettings) => void;
  /** Audits were written into the library (taken in from the server, or a version kept). */
  onChanged: () => Promise<void>;
}) {
  const { port, settings } = props;
  const [form, setForm] = useState({ server: '', database: '', user: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Firefox: the person withdrew the data collection sharing needs; Connect asks for it again.
  const [askAgain, setAskAgain] = useState(false);
  const [found, setFound] = useState<SyncStatus>({ refused: [], conflicts: [] });

  const sync = async (next: ProgrammeSettings) => {
    setBusy(true);
    setError(null);
    setAskAgain(false);
    setStatus(t('programme_syncing'));
    try {
      const report = await port.pass(next);
      const synced = t(
        'programme_synced',
        String(report.pushed),
        String(report.pulled),
        String(report.ingest.imported.length),
      );
      setStatus(report.ingest.copies.length > 0 ? `${synced} ${t('programme_keptCopy')}` : synced);
      if (report.ingest.imported.length > 0) await props.onChanged();
    } catch (e) {
      setStatus(null);
      setError(errorText(e));
      setAskAgain(e instanceof PeakendFailure && e.error.code === 'sync-consent-withdrawn');
    }
    try {
      setFound(await port.status(next));
    } catch {
      // The list stays as it was; the error above already says why.
    }
    setBusy(false);
  };

  // Connected: a pass when the library opens, so what stopped half-way (the panel closed, the
  // server gone) resumes from its checkpoints; again only when the connection itself changes.
  const latest = useRef({ sync, settings });
  latest.current = { sync, settings };
  const connectionKey = settings.connection ? `${settings.connection.server}/${settings.connection.database}` : '';
  useEffect(() => {
    if (connectionKey) void latest.current.sync(latest.current.settings);
  }, [connectionKey]);

  // Automatic passes (auto-sync.ts) stay quiet: a failure is shown as a failed Sync now is, and
  // audits that came in reload the library.
  const autoSync = useAutoSync();
  const onChanged = useRef(props.onChanged);
  onChanged.current = props.onChanged;
  useEffect(
    () =>
      autoSync?.subscribe((outcome) => {
        if (!outcome.ok) {
          setError(errorText(outcome.error));
          const error = outcome.error;
          if (error instanceof PeakendFailure && error.error.code === 'sync-consent-withdrawn') setAskAgain(true);
          return;
        }
        setError(null);
        if (outcome.report.ingest.copies.length > 0) setStatus(t('programme_keptCopy'));
        if (outcome.report.ingest.imported.length > 0) void onChanged.current();
        void port.status(latest.current.settings).then(setFound, () => undefined);
      }),
    [autoSync, port],
  );

  // A share from an audit's row (the library runs that pass) may meet the consent withdrawn too:
  // whenever the settings change, Connect is offered if it is.
  useEffect(() => {
    if (!settings.connection) return;
    let current = true;
    void port.consented().then((ok) => {
      if (current && !ok) setAskAgain(true);
    });
    return () => {
      current = false;
    };
  }, [port, settings]);

  const connect = (event: Event) => {
    event.preventDefault();
    // Read from the form itself: a click right after typing may come before the state has rendered.
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const entered = {
      server: field('server').trim(),
      database: field('database').trim(),
      user: field('user').trim(),
      password: field('password'),
    };
    const checked = checkConnection(entered);
    if (!checked.ok) {
      setError(describeError(checked.problem));
      return;
    }
    // Asked for at once, inside the click: the browser grants it only from a person's gesture.
    const asked = port.requestHost(checked.origin);
    void (async () => {
      try {
        if (!(await asked)) throw new PeakendFailure({ code: 'sync-permission-refused', origin: checked.origin });
        const next = { ...settings, connection: { ...entered, server: checked.origin } };
        await port.save(next);
        setForm({ server: '', database: '', user: '', password: '' });
        props.onSettings(next);
      } catch (e) {
        setError(errorText(e));
      }
    })();
  };

  const askAgainNow = (origin: string) => {
    // Inside the click, as at Connect: the browser asks only from a person's gesture.
    const asked = port.requestHost(origin);
    void (async () => {
      if (!(await asked)) {
        setError(describeError({ code: 'sync-permission-refused', origin }));
        return;
      }
      setAskAgain(false);
      await sync(settings);
    })();
  };

  const update = async (next: ProgrammeSettings, thenSync: boolean) => {
    try {
      await port.save(next);
      props.onSettings(next);
      if (thenSync) await sync(next);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const keep = async (auditId: string, shareId: string) => {
    setBusy(true);
    try {
      const { copy } = await port.keep(settings, auditId, shareId);
      if (copy) setStatus(t('programme_keptCopy'));
      setFound(await port.status(settings));
      await props.onChanged();
    } catch (e) {
      setError(errorText(e));
    }
    setBusy(false);
  };

  const conn = settings.connection;
  return (
    <section class="programme" aria-labelledby="programme-title">
      <h2 id="programme-title">{t('programmeSync_title')}</h2>
      {error && (
        <p class="banner banner--error" role="alert">
          {error}
        </p>
      )}
      {!conn ? (
        <form class="programme__form" onSubmit={connect}>
          <p class="muted">{t('programme_intro')}</p>
          {(['server', 'database', 'user'] as const).map((field) => (
            <label key={field}>
              {t(`programme_${field}`)}
              <input
                dir="ltr"
                name={field}
                type="text"
                inputMode={field === 'server' ? 'url' : 'text'}
                autoComplete="off"
                required
                value={form[field]}
                onInput={(e) => {
                  const value = e.currentTarget.value;
                  setForm((f) => ({ ...f, [field]: value }));
                }}
              />
            </label>
          ))}
          <label>
            {t('programme_password')}
            <input
              dir="ltr"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={form.password}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setForm((f) => ({ ...f, password: value }));
              }}
            />
          </label>
          <button type="submit">{t('programme_connect')}</button>
        </form>
      ) : (
        <div class="programme__connected">
          <p>
            <Message k="programme_connected" values={[conn.server, conn.database, conn.user]} />
          </p>
          <label>
            <input
              type="checkbox"
              checked={settings.shareFinished}
              onChange={(e) => void update({ ...settings, shareFinished: e.currentTarget.checked }, true)}
            />
            {t('programme_shareFinished')}
          </label>
          <div class="actions">
            {askAgain && (
              <button type="button" disabled={busy} onClick={() => askAgainNow(conn.server)}>
                {t('programme_connect')}
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => void sync(settings)}>
              {t('programme_syncNow')}
            </button>
            <button type="button" onClick={() => void update(disconnected(settings), false)}>
              {t('programme_disconnect')}
            </button>
          </div>
          {status && (
            <p class="muted" role="status">
              {status}
            </p>
          )}
          {found.refused.length > 0 && (
            <>
              <h3>{t('programme_refusedTitle')}</h3>
              <ul class="programme__refused">
                {found.refused.map((r) => (
                  <li key={r.docId}>
                    <Message k="programme_refused" values={[r.docId, describeError(r.problem)]} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {found.conflicts.length > 0 && (
            <>
              <h3>{t('programme_conflictTitle')}</h3>
              <ul class="programme__conflicts">
                {found.conflicts.map((c) => (
                  <li key={c.auditId} data-audit-id={c.auditId}>
                    <Message k="programme_conflict" values={[c.site ?? c.auditId]} />
                    {c.versions.map((v) => (
                      <div key={v.shareId} class="programme__version" data-share-id={v.shareId}>
                        <ul>
                          {v.differs.length === 0 ? (
                            <li>{t('programme_conflictAudit')}</li>
                          ) : (
                            v.differs.map((d) => (
                              <li key={d.step}>
                                {d.note === null ? (
                                  <Message k="programme_conflictStep" values={[<Ltr key="step">{d.step}</Ltr>]} />
                                ) : (
                                  <Message
                                    k="programme_conflictNote"
                                    values={[<Ltr key="step">{d.step}</Ltr>, d.note]}
                                  />
                                )}
                              </li>
                            ))
                          )}
                        </ul>
                        <button type="button" disabled={busy} onClick={() => void keep(c.auditId, v.shareId)}>
                          <Message k="programme_keepVersion" values={[v.by || '?', formatDateTime(v.sharedAt)]} />
                        </button>
                      </div>
                    ))}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
