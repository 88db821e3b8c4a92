import { openPanelOnActionClick } from '../chrome/side-panel.ts';
import { defineFeature } from '../registry.ts';

// The toolbar button opens the side panel: the panel is the product's main window.
export default defineFeature({
  id: 'side-panel',
  start() {
    openPanelOnActionClick().catch(() => undefined);
  },
});
