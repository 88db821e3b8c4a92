import { render } from 'preact';
import { applyLanguage } from '../i18n/bidi.ts';
import { uiLanguage } from '../i18n/t.ts';
import { App } from './App.tsx';
import { extensionBackend } from './backend.ts';
import { readBoot } from './boot.ts';
import { BackendContext } from './context.ts';
import './panel.css';
import './rubric.css';

applyLanguage(document.documentElement, uiLanguage());
const backend = extensionBackend();
const [boot] = await Promise.all([readBoot(backend.db()), backend.ready]);
const root = document.getElementById('app');
if (root) {
  render(
    <BackendContext.Provider value={backend}>
      <App boot={boot} />
    </BackendContext.Provider>,
    root,
  );
}
