import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { onLanguageChange, uiLanguage } from '../i18n/t.ts';
import { App } from './App.tsx';
import { extensionBackend } from './backend.ts';
import { readBoot, type Boot } from './boot.ts';
import { BackendContext } from './context.ts';
import { createAutoSync } from './programme/auto-sync.ts';
import { AutoSyncContext } from './programme/auto-sync-context.ts';
import { startLanguage } from './language.ts';
import './panel.css';
import './rubric.css';

/** Re-renders the whole panel when its language changes: every t() runs again, no state is lost. */
function Root({ boot }: { boot: Boot }) {
  const [, setLanguage] = useState(uiLanguage());
  useEffect(() => onLanguageChange(setLanguage), []);
  return <App boot={boot} />;
}

const backend = extensionBackend();
const [boot] = await Promise.all([readBoot(backend.db()), backend.ready, startLanguage(backend.db())]);
// Sharing runs on its own while the panel is open, once a programme is connected (auto-sync.ts).
const autoSync = createAutoSync({ port: async () => backend.programme?.(), doc: document });
const root = document.getElementById('app');
if (root) {
  render(
    <BackendContext.Provider value={backend}>
      <AutoSyncContext.Provider value={autoSync}>
        <Root boot={boot} />
      </AutoSyncContext.Provider>
    </BackendContext.Provider>,
    root,
  );
  autoSync.start();
}
