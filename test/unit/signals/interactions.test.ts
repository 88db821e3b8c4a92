// INP: our estimator against web-vitals' own InteractionManager on random entry streams, and the
// content script's observer on a fake event-timing API.
import { afterEach, describe, expect, it } from 'vitest';
// web-vitals' own bookkeeping, imported by path (the package does not export it):
import { InteractionManager } from '../../../node_modules/web-vitals/dist/modules/lib/InteractionManager.js';
import { InteractionLatencies, type EventLatency } from '../../../src/domain/signals/interactions.ts';
import { InpObserver, type EventTimingApi } from '../../../src/content/signals/inp-observer.ts';

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** web-vitals reads the count from performance.interactionCount. */
function setInteractionCount(n: number | undefined) {
  Object.defineProperty(performance, 'interactionCount', { value: n, configurable: true, writable: true });
}

afterEach(() => {
  delete (performance as { interactionCount?: number }).interactionCount;
});

describe('INP estimate', () => {
  it("matches web-vitals' InteractionManager on 300 random streams (entries of one interaction merged, ten longest kept, p98 index)", () => {
    for (let run = 0; run < 300; run++) {
      const rand = random(run + 1);
      const reference = new InteractionManager();
      const ours = new InteractionLatencies();
      const interactions = 1 + Math.floor(rand() * (run % 3 === 0 ? 700 : 40));
      let id = 100;
      for (let k = 0; k < interactions; k++) {
        id += 7;
        // Each interaction has 1-3 event entries (pointerdown, pointerup, click), durations rounded to 8 ms,
        // plus now and then an entry that is no interaction (interactionId 0).
        const n = 1 + Math.floor(rand() * 3);
        for (let e = 0; e < n; e++) {
          const entry: EventLatency & { startTime: number; entryType: string } = {
            interactionId: rand() < 0.05 ? 0 : id,
            duration: 8 * Math.round((16 + rand() * rand() * 600) / 8),
            startTime: k * 1000 + e,
            entryType: 'event',
          };
          reference._processEntry(entry as unknown as PerformanceEventTiming);
          ours.add(entry);
        }
        const count = k + 1;
        setInteractionCount(count);
        const expected = reference._estimateP98LongestInteraction('navigate')?._latency ?? null;
        expect(ours.estimate(count), `run ${run}, after interaction ${count}`).toBe(expected);
      }
    }
  });

  it('is null before any interaction, and the slowest of few interactions', () => {
    const l = new InteractionLatencies();
    expect(l.estimate(0)).toBeNull();
    l.add({ interactionId: 0, duration: 500 });
    expect(l.estimate(1)).toBeNull();
    l.add({ interactionId: 7, duration: 48 });
    l.add({ interactionId: 14, duration: 200 });
    l.add({ interactionId: 7, duration: 96 });
    expect(l.estimate(2)).toBe(200);
    // 100 interactions: the 98th percentile skips the slowest two.
    for (let i = 3; i < 12; i++) l.add({ interactionId: 7 * i, duration: 300 + i });
    expect(l.estimate(100)).toBe(309);
  });
});

/** An event-timing API whose entries the test delivers, as the browser would, in batches. */
function fakeApi(opts: { supported?: boolean; count?: () => number | undefined } = {}) {
  let callback: PerformanceObserverCallback | null = null;
  let held: EventLatency[] = [];
  const observed: Array<{ type: string; durationThreshold?: number; buffered?: boolean }> = [];
  class Observer {
    constructor(cb: PerformanceObserverCallback) {
      callback = cb;
    }
    observe(init: { type: string; durationThreshold?: number; buffered?: boolean }) {
      observed.push(init);
    }
    takeRecords() {
      const out = held;
      held = [];
      return out as unknown as PerformanceEntryList;
    }
  }
  const api: EventTimingApi = {
    Observer: Observer as unknown as EventTimingApi['Observer'],
    interactionCount: opts.count ?? (() => undefined),
    supported: opts.supported ?? true,
  };
  return {
    api,
    observed,
    deliver(entries: EventLatency[]) {
      callback!(
        { getEntries: () => entries as unknown as PerformanceEntryList } as PerformanceObserverEntryList,
        {} as PerformanceObserver,
      );
    },
    hold(entries: EventLatency[]) {
      held.push(...entries);
    },
  };
}

describe('InpObserver', () => {
  it('observes event entries from 40 ms and the first input, buffered, on one observer', () => {
    const fake = fakeApi();
    new InpObserver(() => undefined, fake.api).start();
    expect(fake.observed).toEqual([
      { type: 'event', buffered: true, durationThreshold: 40 },
      { type: 'first-input', buffered: true },
    ]);
  });

  it('tells of each new INP once, rounded, using the browser’s interaction count', () => {
    let count = 0;
    const fake = fakeApi({ count: () => count });
    const seen: number[] = [];
    new InpObserver((ms) => seen.push(ms), fake.api).start();
    count = 1;
    fake.deliver([{ interactionId: 7, duration: 24.4 }]);
    fake.deliver([{ interactionId: 7, duration: 16 }]);
    count = 2;
    fake.deliver([{ interactionId: 14, duration: 120 }]);
    fake.deliver([{ interactionId: 0, duration: 400 }]);
    expect(seen).toEqual([24, 120]);
    // 60 interactions in all: the p98 is now the second slowest, still 120 (not told again)...
    count = 60;
    fake.deliver([
      { interactionId: 21, duration: 80 },
      { interactionId: 28, duration: 200 },
    ]);
    expect(seen).toEqual([24, 120]);
    // ...until one slower than 120 comes.
    fake.deliver([{ interactionId: 35, duration: 152 }]);
    expect(seen).toEqual([24, 120, 152]);
  });

  it('takes what the browser has not delivered yet when flushed (the page is being left)', () => {
    const fake = fakeApi({ count: () => 1 });
    const seen: number[] = [];
    const observer = new InpObserver((ms) => seen.push(ms), fake.api);
    observer.start();
    fake.hold([{ interactionId: 7, duration: 312 }]);
    expect(seen).toEqual([]);
    observer.flush();
    expect(seen).toEqual([312]);
  });

  it('without a count from the browser, reports the slowest interaction seen (never a better one)', () => {
    const fake = fakeApi({ count: () => undefined });
    const seen: number[] = [];
    new InpObserver((ms) => seen.push(ms), fake.api).start();
    fake.deliver([
      { interactionId: 7, duration: 56 },
      { interactionId: 14, duration: 504 },
      { interactionId: 21, duration: 64 },
    ]);
    expect(seen).toEqual([504]);
  });

  it('observes nothing where the browser has no interaction IDs on event timing', () => {
    const fake = fakeApi({ supported: false });
    new InpObserver(() => undefined, fake.api).start();
    expect(fake.observed).toEqual([]);
  });
});

describe('InpObserver and the first input', () => {
  it("gives a page whose interactions were all quicker than 40 ms its first input's latency", () => {
    const fake = fakeApi({ count: () => 3 });
    const seen: number[] = [];
    new InpObserver((ms) => seen.push(ms), fake.api).start();
    // Only the first input comes: the `event` observer sees nothing under 40 ms.
    fake.deliver([{ interactionId: 7, duration: 16 }]);
    expect(seen).toEqual([16]);
    // A later slow interaction takes over.
    fake.deliver([{ interactionId: 21, duration: 64 }]);
    expect(seen).toEqual([16, 64]);
  });
});
