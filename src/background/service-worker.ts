// The service worker. Features add their listeners synchronously here, at the top level, so an event
// that wakes a stopped worker finds its listener.
import './features/side-panel.ts';
import './features/messages.ts';
import './features/auto-steps.ts';
import './features/content-scripts.ts';
import './features/masking.ts';
import './features/signals.ts';
import './features/commands.ts';
import './features/thumbnails.ts';
import './features/probe-alarms.ts';
import { startFeatures } from './registry.ts';

startFeatures();
