// The LCP and CLS readings the content script sends, from a fake performance API: what the
// browser has buffered, when the page was hidden, and shifts beyond the browser's buffer.
import { describe, expect, it } from 'vitest';
import { VitalsReader, type PerformanceApi } from '../../../src/content/signals/vitals-reader.ts';

type Entry = { entryType: string; name?: string; startTime: number; value?: number; hadRecentInput?: boolean };

/** A browser whose buffer holds `entries` (at most 150 a type, like Chromium's) and tells live observers of later ones. */
function fakeBrowser(supported = ['largest-contentful-paint', 'layout-shift', 'visibility-state', 'navigation']) {
  const entries: Entry[] = [];
  const live = new Set<{ type: string; pending: Entry[] }>();
  let observersMade = 0;
  class Observer {
    static readonly supportedEntryTypes = supported;
    private sub: { type: string; pending: Entry[] } | null = null;
    constructor(_callback: PerformanceObserverCallback) {
      observersMade += 1;
    }
    observe(init: { type: string; buffered?: boolean }) {
      this.sub = {
        type: init.type,
        pending: init.buffered ? entries.filter((e) => e.entryType === init.type).slice(0, 150) : [],
      };
      live.add(this.sub);
    }
    takeRecords() {
      const out = this.sub!.pending;
      this.sub!.pending = [];
      return out as unknown as PerformanceEntry[];
    }
    disconnect() {
      live.delete(this.sub!);
    }
  }
  let navigation: Entry = { entryType: 'navigation', startTime: 0 };
  const api: PerformanceApi = {
    Observer: Observer,
    entries: (type) =>
      (type === 'navigation'
        ? [navigation]
        : entries.filter((e) => e.entryType === type)) as unknown as PerformanceEntryList,
  };
  return {
    api,
    add(entry: Entry) {
      entries.push(entry);
      for (const sub of live) if (sub.type === entry.entryType) sub.pending.push(entry);
    },
    activateAt(ms: number) {
      navigation = { ...navigation, activationStart: ms } as Entry;
    },
    get liveObservers() {
      return live.size;
    },
    get observersMade() {
      return observersMade;
    },
  };
}

const paint = (startTime: number): Entry => ({ entryType: 'largest-contentful-paint', startTime });
const shift = (startTime: number, value: number): Entry => ({
  entryType: 'layout-shift',
  startTime,
  value,
  hadRecentInput: false,
});
const visibility = (name: 'visible' | 'hidden', startTime: number): Entry => ({
  entryType: 'visibility-state',
  name,
  startTime,
});

describe('VitalsReader', () => {
  it('reads the last LCP candidate and the CLS of the buffer, leaving no observer behind', () => {
    const browser = fakeBrowser();
    browser.add(visibility('visible', 0));
    browser.add(paint(420.4));
    browser.add(paint(1210.6));
    browser.add(shift(1500, 0.04));
    browser.add(shift(1800, 0.03));
    const reader = new VitalsReader(() => Number.POSITIVE_INFINITY, browser.api);
    expect(reader.read()).toEqual({ lcpMs: 1211, cls: expect.closeTo(0.07, 10) });
    expect(browser.liveObservers).toBe(0);
  });

  it('does not take paints after the page was first hidden, nor a page loaded in the background', () => {
    const browser = fakeBrowser();
    browser.add(visibility('visible', 0));
    browser.add(paint(400));
    browser.add(visibility('hidden', 900));
    browser.add(paint(2500));
    expect(new VitalsReader(() => Number.POSITIVE_INFINITY, browser.api).read().lcpMs).toBe(400);

    const background = fakeBrowser();
    background.add(visibility('hidden', 0));
    background.add(paint(300));
    background.add(visibility('visible', 5000));
    expect(new VitalsReader(() => Number.POSITIVE_INFINITY, background.api).read().lcpMs).toBeNull();
  });

  it('measures a prerendered page from its activation, its hidden time before activation set aside', () => {
    const browser = fakeBrowser();
    browser.add(visibility('hidden', 0));
    browser.add(paint(300));
    browser.add(visibility('visible', 2000));
    browser.add(paint(2600));
    browser.activateAt(2000);
    expect(new VitalsReader(() => 0, browser.api).read().lcpMs).toBe(600);
  });

  it('falls back to the hidden time the script saw where the browser keeps no record of visibility', () => {
    const browser = fakeBrowser(['largest-contentful-paint', 'layout-shift']);
    browser.add(paint(400));
    browser.add(paint(2500));
    expect(new VitalsReader(() => 900, browser.api).read().lcpMs).toBe(400);
  });

  it('has no CLS, rather than a good one, where the browser records no layout shift', () => {
    const browser = fakeBrowser(['largest-contentful-paint']);
    browser.add(paint(400));
    expect(new VitalsReader(() => Number.POSITIVE_INFINITY, browser.api).read()).toEqual({ lcpMs: 400, cls: null });
  });

  it('keeps counting shifts past the browser buffer once a page nears it, each shift once', () => {
    const browser = fakeBrowser();
    const reader = new VitalsReader(() => Number.POSITIVE_INFINITY, browser.api);
    // 99 shifts 2 s apart (each its own window of 0.01): no live observer yet.
    for (let i = 0; i < 99; i++) browser.add(shift(i * 2000, 0.01));
    expect(reader.read().cls).toBeCloseTo(0.01, 10);
    expect(browser.liveObservers).toBe(0);
    browser.add(shift(99 * 2000, 0.01));
    expect(reader.read().cls).toBeCloseTo(0.01, 10);
    expect(browser.liveObservers).toBe(1);
    // 60 more: the buffer and the live observer both hold those up to the 150th, the largest of them
    // counted once (0.1, not 0.2); past the buffer, the live observer alone sees a burst.
    for (let i = 100; i < 160; i++) browser.add(shift(i * 2000, i === 120 ? 0.1 : 0.01));
    expect(reader.read().cls).toBeCloseTo(0.1, 10);
    browser.add(shift(400_000, 0.2));
    browser.add(shift(400_300, 0.15));
    expect(reader.read().cls).toBeCloseTo(0.35, 10);
    // Read again: the same shifts, not counted twice; one live observer in all.
    expect(reader.read().cls).toBeCloseTo(0.35, 10);
    expect(browser.liveObservers).toBe(1);
  });
});
