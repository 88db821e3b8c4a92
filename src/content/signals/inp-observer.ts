// INP observed live (it needs every interaction as it happens) on one PerformanceObserver, with the
// formula in domain/signals/interactions.ts. Replaces web-vitals' onINP, which costs an idle callback
// and a visibility listener per batch of entries and a second observer, and half of the content
// script's size, for the one number it reports: docs/performance.md.
import { InteractionLatencies, type EventLatency } from '../../domain/signals/interactions.ts';

/** The parts of the browser's performance API INP uses (a fake one in unit tests). */
export interface EventTimingApi {
  Observer: { new (callback: PerformanceObserverCallback): PerformanceObserver };
  /** performance.interactionCount, where the browser has it. */
  interactionCount(): number | undefined;
  supported: boolean;
}

const browserApi = (): EventTimingApi => ({
  Observer: PerformanceObserver,
  interactionCount: () => (performance as { interactionCount?: number }).interactionCount,
  supported: typeof PerformanceEventTiming !== 'undefined' && 'interactionId' in PerformanceEventTiming.prototype,
});

/**
 * web-vitals' threshold: quicker events are not delivered (fewer callbacks), at the price web-vitals
 * accepts, that a page whose 98th percentile is under 40 ms gets a longer one or its first input's.
 */
const DURATION_THRESHOLD_MS = 40;

export class InpObserver {
  private readonly latencies = new InteractionLatencies();
  private observer: PerformanceObserver | null = null;
  private value: number | null = null;

  /** `onChange` gets each new INP (ms, rounded). Nothing is observed where the API is missing. */
  constructor(
    private readonly onChange: (inpMs: number) => void,
    private readonly api: EventTimingApi = browserApi(),
  ) {}

  start(): void {
    if (!this.api.supported || this.observer) return;
    try {
      const observer = new this.api.Observer((list) => this.take(list.getEntries()));
      observer.observe({
        type: 'event',
        buffered: true,
        durationThreshold: DURATION_THRESHOLD_MS,
      });
      observer.observe({ type: 'first-input', buffered: true });
      this.observer = observer;
    } catch {
      // An engine that refuses the entry types: no INP, as where the API is missing.
    }
  }

  /** Entries the browser holds but has not delivered yet (the page is being left): taken now. */
  flush(): void {
    if (this.observer) this.take(this.observer.takeRecords());
  }

  private take(entries: PerformanceEntryList): void {
    for (const entry of entries) this.latencies.add(entry as unknown as EventLatency);
    // Without a count from the browser (Chromium has one), the interactions seen, at most ten: so the
    // slowest, never a better one. web-vitals estimates the count from interaction IDs instead, which
    // needs an observer of every event; past 50 interactions the two part ways.
    const inp = this.latencies.estimate(this.api.interactionCount() ?? this.latencies.seen);
    if (inp === null) return;
    const rounded = Math.round(inp);
    if (rounded === this.value) return;
    this.value = rounded;
    this.onChange(rounded);
  }
}
