// Listeners for channel probes' alarms, added at start-up so an alarm that wakes the stopped worker
// finds its listener; the alarms themselves are set again at each start (src/background/probe-alarms.ts).
import browser from 'webextension-polyfill';
import { onProbeAlarm, rearmProbes } from '../probe-alarms.ts';
import { defineFeature } from '../registry.ts';

const warn = (error: unknown) => console.warn('[peakend] probe alarms:', error);

export default defineFeature({
  id: 'probe-alarms',
  start() {
    browser.alarms.onAlarm.addListener((alarm) => void onProbeAlarm(alarm.name).catch(warn));
    browser.runtime.onStartup.addListener(() => void rearmProbes().catch(warn));
    browser.runtime.onInstalled.addListener(() => void rearmProbes().catch(warn));
    void rearmProbes().catch(warn);
  },
});
