import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/t.ts';
import { getActive } from '../store/index.ts';
import type { AuditData } from './audit-data.ts';
import type { Boot } from './boot.ts';
import { useBackend } from './context.ts';
import { AuditView } from './views/AuditView.tsx';
import { Library } from './views/Library.tsx';
import { NewAudit } from './views/NewAudit.tsx';

type Route = { view: 'loading' } | { view: 'library' } | { view: 'new' } | { view: 'audit'; auditId: string };

/** `boot` is what the panel read before its first render; without it, the panel finds out itself. */
export function App({ boot }: { boot?: Boot }) {
  const backend = useBackend();
  const [route, setRoute] = useState<Route>(
    boot ? (boot.view === 'audit' ? { view: 'audit', auditId: boot.auditId } : boot) : { view: 'loading' },
  );
  // The data read at boot serves the first showing of that audit only, never a later reopening.
  const [bootData, setBootData] = useState<{ auditId: string; data: AuditData | null } | null>(
    boot?.view === 'audit' ? boot : null,
  );

  // Reopening the panel mid-audit lands on that audit, not on the library.
  useEffect(() => {
    if (boot) return;
    void backend.db().then(async (db) => {
      const active = await getActive(db);
      setRoute(active ? { view: 'audit', auditId: active.auditId } : { view: 'library' });
    });
  }, [boot, backend]);
  const bootAuditId = bootData?.auditId;
  useEffect(() => {
    if (route.view !== 'audit' || route.auditId !== bootAuditId) setBootData(null);
  }, [route, bootAuditId]);

  // A view the auditor went to takes the focus (its heading or first field); the first view at
  // boot does not, as the panel opening is not a move within it.
  const [moved, setMoved] = useState(false);
  const go = (next: Route) => {
    setMoved(true);
    setRoute(next);
  };
  const library = () => go({ view: 'library' });
  const open = (auditId: string) => go({ view: 'audit', auditId });

  return (
    <main class="panel">
      {route.view === 'loading' && <p class="empty">{t('loading')}</p>}
      {route.view === 'library' && <Library onOpen={open} onNew={() => go({ view: 'new' })} focusOnOpen={moved} />}
      {route.view === 'new' && <NewAudit onStarted={open} onCancel={library} />}
      {route.view === 'audit' && (
        <AuditView
          key={route.auditId}
          auditId={route.auditId}
          initial={bootData?.auditId === route.auditId ? bootData.data : undefined}
          onBack={library}
          focusOnOpen={moved}
        />
      )}
    </main>
  );
}
