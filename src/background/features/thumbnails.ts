// The covers' checks and the thumbnails are made by an offscreen document when it is open; its
// answers come to the worker as messages, so the listener is added at start-up like every other.
import { listenForThumbnails } from '../capture/thumbnailer.ts';
import { defineFeature } from '../registry.ts';

export default defineFeature({ id: 'thumbnails', start: listenForThumbnails });
