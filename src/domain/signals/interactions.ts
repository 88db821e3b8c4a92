// INP of METHOD.md ("Core Web Vitals from the page"), by the rules web-vitals applies: an
// interaction's latency is the longest duration among its event entries (one interactionId), and INP
// is the 98th percentile of the page's interactions, estimated from the ten longest kept: with n
// interactions, the one at index floor(n / 50) of the longest first (the last kept, when fewer).
// Pure: the content script feeds the browser's `event` and `first-input` entries (the former only
// from 40 ms, as web-vitals asks for them; `first-input` gives a page whose interactions were all
// quick its one interaction).

/** What INP needs of a PerformanceEventTiming entry. */
export interface EventLatency {
  /** 0 for events that are not part of an interaction (mousemove, scroll...). */
  interactionId: number;
  duration: number;
}

const KEPT = 10;

export class InteractionLatencies {
  /** The longest interactions, longest first, at most KEPT. */
  private readonly longest: { id: number; latency: number }[] = [];

  add(entry: EventLatency): void {
    const id = entry.interactionId;
    if (!id) return;
    const list = this.longest;
    const known = list.find((i) => i.id === id);
    if (known) {
      if (entry.duration <= known.latency) return;
      known.latency = entry.duration;
    } else {
      if (list.length === KEPT && entry.duration <= list[KEPT - 1]!.latency) return;
      list.push({ id, latency: entry.duration });
    }
    list.sort((a, b) => b.latency - a.latency);
    if (list.length > KEPT) list.length = KEPT;
  }

  /** INP in ms for a page with `interactionCount` interactions; null before the first one is seen. */
  estimate(interactionCount: number): number | null {
    if (this.longest.length === 0) return null;
    const index = Math.min(this.longest.length - 1, Math.floor(interactionCount / 50));
    return this.longest[index]!.latency;
  }

  /** Interactions seen (at most the ten kept): a lower bound where the browser gives no count. */
  get seen(): number {
    return this.longest.length;
  }
}
