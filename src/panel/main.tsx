import { render } from 'preact';
import { uiDirection } from '../i18n/t.ts';
import { App } from './App.tsx';
import { extensionBackend } from './backend.ts';
import { readBoot } from './boot.ts';
import { BackendContext } from './context.ts';
import './panel.css';
import './rubric.css';

document.documentElement.dir = uiDirection();
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
