// LCP and CLS read from the browser's performance buffer when a batch is built, instead of live
// observers on the audited page: web-vitals' onLCP and onCLS observers measured the largest part of
// the main-thread time Peakend added to the benchmark's page (docs/performance.md). The formulas are
// web-vitals' own (src/domain/signals/page-vitals.ts); INP still needs a live observer (observer.ts).
import { cumulativeLayoutShift, largestContentfulPaint, type LayoutShift } from '../../domain/signals/page-vitals.ts';

export interface LoadVitals {
  lcpMs: number | null;
  cls: number | null;
}

/**
 * The browser keeps a document's first 150 layout shifts for late observers. A page nearing that
 * (animations shift at every frame; shifts caused by input are kept too) gets a live observer from
 * then on, so later shifts still count.
 */
const LIVE_SHIFTS_FROM = 100;

/** The parts of the browser's performance API the reader uses (a fake one in unit tests). */
export interface PerformanceApi {
  Observer: {
    new (callback: PerformanceObserverCallback): PerformanceObserver;
    readonly supportedEntryTypes: readonly string[];
  };
  entries(type: 'navigation' | 'visibility-state'): PerformanceEntryList;
}

const browserApi = (): PerformanceApi => ({
  Observer: PerformanceObserver,
  entries: (type) => performance.getEntriesByType(type),
});

export class VitalsReader {
  private live: { observer: PerformanceObserver; shifts: Set<PerformanceEntry> } | null = null;

  /** `hiddenSince`: when the page was first hidden, for a browser with no `visibility-state` entries. */
  constructor(
    private readonly hiddenSince: () => number,
    private readonly api: PerformanceApi = browserApi(),
  ) {}

  read(): LoadVitals {
    try {
      const nav = this.api.entries('navigation')[0] as
        (PerformanceNavigationTiming & { activationStart?: number }) | undefined;
      const activationStart = nav?.activationStart ?? 0;
      const lcp = largestContentfulPaint(this.buffered('largest-contentful-paint'), {
        activationStart,
        firstHiddenTime: this.firstHiddenTime(activationStart),
      });
      // A browser that records no layout shifts (Firefox) has no CLS, rather than a good one.
      const cls = this.api.Observer.supportedEntryTypes.includes('layout-shift')
        ? cumulativeLayoutShift(this.shifts())
        : null;
      return { lcpMs: lcp === null ? null : Math.round(lcp), cls };
    } catch {
      // A browser without these entry types: no reading rather than a broken batch.
      return { lcpMs: null, cls: null };
    }
  }

  /**
   * The first time the page was hidden after it was shown, from the browser's record of visibility
   * changes: a tab loaded in the background or prerendered (hidden until activation) is judged like
   * web-vitals judges it, whenever this script started.
   */
  private firstHiddenTime(activationStart: number): number {
    if (!this.api.Observer.supportedEntryTypes.includes('visibility-state')) return this.hiddenSince();
    const hidden = this.api
      .entries('visibility-state')
      .find((e) => e.name === 'hidden' && e.startTime >= activationStart);
    return hidden?.startTime ?? Number.POSITIVE_INFINITY;
  }

  private shifts(): LayoutShift[] {
    const buffered = this.buffered('layout-shift');
    if (this.live === null && buffered.length >= LIVE_SHIFTS_FROM) {
      const shifts = new Set<PerformanceEntry>();
      const observer = new this.api.Observer((list) => {
        for (const entry of list.getEntries()) shifts.add(entry);
      });
      observer.observe({ type: 'layout-shift' });
      this.live = { observer, shifts };
    }
    if (this.live === null) return buffered as unknown as LayoutShift[];
    // Entries not delivered to the callback yet are taken now.
    for (const entry of this.live.observer.takeRecords()) this.live.shifts.add(entry);
    // An entry seen both ways is one shift (the same object in this world).
    const all = new Set<PerformanceEntry>([...buffered, ...this.live.shifts]);
    return [...all].sort((a, b) => a.startTime - b.startTime) as unknown as LayoutShift[];
  }

  private buffered(type: string): PerformanceEntry[] {
    if (!this.api.Observer.supportedEntryTypes.includes(type)) return [];
    const observer = new this.api.Observer(() => undefined);
    observer.observe({ type, buffered: true });
    const entries = observer.takeRecords();
    observer.disconnect();
    return entries;
  }
}
