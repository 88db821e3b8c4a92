import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/t.ts';
import { getActive } from '../store/index.ts';
import { useBackend } from './context.ts';
import { AuditView } from './views/AuditView.tsx';
import { Library } from './views/Library.tsx';
import { NewAudit } from './views/NewAudit.tsx';

type Route = { view: 'loading' } | { view: 'library' } | { view: 'new' } | { view: 'audit'; auditId: string };

export function App() {
  const backend = useBackend();
  const [route, setRoute] = useState<Route>({ view: 'loading' });

  // Reopening the panel mid-audit lands on that audit, not on the library.
  useEffect(() => {
    void backend.db().then(async (db) => {
      const active = await getActive(db);
      setRoute(active ? { view: 'audit', auditId: active.auditId } : { view: 'library' });
    });
  }, []);

  const library = () => setRoute({ view: 'library' });
  const open = (auditId: string) => setRoute({ view: 'audit', auditId });

  return (
    <main class="panel">
      {route.view === 'loading' && <p class="empty">{t('loading')}</p>}
      {route.view === 'library' && <Library onOpen={open} onNew={() => setRoute({ view: 'new' })} />}
      {route.view === 'new' && <NewAudit onStarted={open} onCancel={library} />}
      {route.view === 'audit' && <AuditView key={route.auditId} auditId={route.auditId} onBack={library} />}
    </main>
  );
}
