// Click signals of ../../../shared/METHOD.md ("Signals the extension observes on its own"):
// rage clicks and dead clicks. Pure: the content script feeds timestamps (ms, one clock, e.g.
// performance.now()) and viewport coordinates (CSS px); nothing here touches the DOM.
//
// Definitions, made precise (the numbers are settings; these are the defaults):
//
// RAGE CLICKS: "3 or more clicks within 1,000 ms within a 30 px radius (one burst counts once)".
//  - A burst is anchored on its FIRST click. A later click belongs to the candidate burst when
//    its Euclidean distance from the anchor is <= 30 px (a circle of radius 30 px centred on the
//    first click; 30.0 px is inside) and it comes at most 1,000 ms after the anchor
//    (t - t0 <= 1000; exactly 1,000 ms is inside).
//  - The burst is counted at the moment its 3rd click arrives: one burst = one rage click.
//  - Once counted, the burst stays open: every further click within 30 px of the anchor and at
//    most 1,000 ms after the burst's previous click joins it and is not counted again, so ten
//    frantic clicks over three seconds on one button count once. The first click that does not
//    join (too far, or a pause of more than 1,000 ms) closes the burst.
//  - A click that is part of a counted burst never anchors or joins another burst. Clicks that
//    are not part of a counted burst can anchor one (anchors are tried oldest first), so a stray
//    click followed by three clicks on a button 40 px away still gives one burst.
//
// DEAD CLICKS: "a click after which, within 1,000 ms, the document neither mutates, navigates,
//  scrolls nor opens anything". A click at time t is reacted to when any reaction r (of any
//  kind) has t <= r.t <= t + 1000 (both ends inclusive; a reaction in the same millisecond as the
//  click counts). Otherwise it is dead. Incrementally, it is decided dead only when the clock has
//  passed t + 1000 (now > t + 1000) with no reaction, because a reaction at exactly t + 1000
//  still saves it.
//
// RAGE vs DEAD: the two are independent signals; a click can count towards both. Three clicks
//  on an unresponsive button give 1 rage click and 3 dead clicks; three clicks on a slow button
//  that finally reacts give 1 rage click and 0 dead clicks (when the reaction is within 1,000 ms
//  of each). `clicks` counts every click.
//
// The batch functions and ClickTracker share one implementation (RageDetector, settleDead), so
// they agree by construction. Events must be fed to ClickTracker in non-decreasing time order
// (as they happen); the batch functions sort their input by time (stably) first.

export type ReactionKind = 'mutation' | 'navigation' | 'scroll' | 'open';

export interface ClickEvent {
  /** Milliseconds on one monotonic clock. */
  t: number;
  /** Viewport coordinates in CSS px. */
  x: number;
  y: number;
}

export interface ReactionEvent {
  t: number;
  kind: ReactionKind;
}

export interface ClickSignalOptions {
  /** Rage: minimum clicks in a burst (default 3). */
  rageMinClicks: number;
  /** Rage: max ms from the burst's first click (default 1000). */
  rageWindowMs: number;
  /** Rage: max distance in px from the burst's first click (default 30). */
  rageRadiusPx: number;
  /** Dead: ms after a click within which a reaction must come (default 1000). */
  deadWindowMs: number;
}

export const DEFAULT_CLICK_OPTIONS: Readonly<ClickSignalOptions> = Object.freeze({
  rageMinClicks: 3,
  rageWindowMs: 1000,
  rageRadiusPx: 30,
  deadWindowMs: 1000,
});

export interface RageBurst {
  /** Time of the burst's first click (its anchor). */
  start: number;
  /** Time of the burst's last click so far. */
  end: number;
  /** The anchor's coordinates. */
  x: number;
  y: number;
  /** Clicks in the burst (>= rageMinClicks). */
  clicks: number;
}

export interface ClickCounts {
  clicks: number;
  rageClicks: number;
  deadClicks: number;
  /** Clicks not yet decided dead or reacted (their 1,000 ms are not over). */
  pending: number;
}

function withDefaults(options?: Partial<ClickSignalOptions>): ClickSignalOptions {
  return { ...DEFAULT_CLICK_OPTIONS, ...options };
}

function within(a: ClickEvent, b: ClickEvent, radius: number): boolean {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return dx * dx + dy * dy <= radius * radius;
}

/** Incremental rage-burst detection shared by detectRageClicks and ClickTracker. */
class RageDetector {
  /**
   * Recent clicks that are not part of a counted burst, oldest first, from index `first` on (older
   * ones are dropped by moving `first`, not by copying: the content script runs this for every click,
   * in a page that has just loaded, where a copy per click of a busy second's clicks measured about
   * 1 ms over the benchmark's 50).
   */
  private recent: ClickEvent[] = [];
  private first = 0;
  /** The counted burst that may still grow. */
  private open: { anchor: ClickEvent; last: number; burst: RageBurst } | null = null;
  readonly bursts: RageBurst[] = [];

  constructor(private readonly opts: ClickSignalOptions) {}

  /** Feeds one click; returns the burst it started, if it completed a new one. */
  click(c: ClickEvent): RageBurst | null {
    const { rageWindowMs, rageRadiusPx, rageMinClicks } = this.opts;
    const open = this.open;
    if (open) {
      if (c.t - open.last <= rageWindowMs && within(c, open.anchor, rageRadiusPx)) {
        open.last = c.t;
        open.burst.end = c.t;
        open.burst.clicks += 1;
        return null;
      }
      this.open = null;
    }
    // Forget clicks that can no longer anchor a burst with this or any later click.
    const recent = this.recent;
    let first = this.first;
    while (first < recent.length && c.t - recent[first]!.t > rageWindowMs) first++;
    if (first > 32 && first * 2 > recent.length) {
      recent.splice(0, first);
      first = 0;
    }
    this.first = first;
    recent.push(c);
    // The distance test is written out in the loops, which run for every click fed: in a page that
    // has just loaded this code runs cold, where each call costs.
    const r2 = rageRadiusPx * rageRadiusPx;
    for (let i = first; i < recent.length; i++) {
      const anchor = recent[i]!;
      // Only a burst that this click joins can be new: every other anchor had its members before
      // (and fell short). Skipping those keeps a click O(n), not O(n^2), in a busy second.
      let dx = c.x - anchor.x;
      let dy = c.y - anchor.y;
      if (dx * dx + dy * dy > r2) continue;
      let count = 1;
      for (let j = i + 1; j < recent.length; j++) {
        const m = recent[j]!;
        dx = m.x - anchor.x;
        dy = m.y - anchor.y;
        if (m.t - anchor.t <= rageWindowMs && dx * dx + dy * dy <= r2) count++;
      }
      if (count >= rageMinClicks) {
        const joins = (m: ClickEvent) => m.t - anchor.t <= rageWindowMs && within(m, anchor, rageRadiusPx);
        const burst: RageBurst = { start: anchor.t, end: c.t, x: anchor.x, y: anchor.y, clicks: count };
        this.bursts.push(burst);
        this.open = { anchor, last: c.t, burst };
        // The burst's members leave the recent clicks: the anchor, and the later clicks near it in time.
        this.recent = recent.filter((r, k) => k >= first && k !== i && !(k > i && joins(r)));
        this.first = 0;
        return burst;
      }
    }
    return null;
  }
}

const byTime = <T extends { t: number }>(events: readonly T[]): T[] =>
  events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.t - b.e.t || a.i - b.i)
    .map(({ e }) => e);

/** Rage bursts in a click stream; `.length` is the rage-click count. */
export function detectRageClicks(clicks: readonly ClickEvent[], options?: Partial<ClickSignalOptions>): RageBurst[] {
  const detector = new RageDetector(withDefaults(options));
  for (const c of byTime(clicks)) detector.click(c);
  return detector.bursts;
}

/**
 * Dead clicks in a stream: the clicks with no reaction r with t <= r.t <= t + deadWindowMs.
 * `until` is when observation stopped (default: never, i.e. the stream is complete); a click
 * with until <= t + deadWindowMs is undecided and not returned, matching ClickTracker.flush.
 */
export function detectDeadClicks(
  clicks: readonly ClickEvent[],
  reactions: readonly { t: number; kind?: ReactionKind }[],
  options?: Partial<ClickSignalOptions> & { until?: number },
): ClickEvent[] {
  const { deadWindowMs } = withDefaults(options);
  const until = options?.until ?? Number.POSITIVE_INFINITY;
  const times = reactions.map((r) => r.t).sort((a, b) => a - b);
  return byTime(clicks).filter((c) => {
    if (!(until > c.t + deadWindowMs)) return false;
    return !hasReactionIn(times, c.t, c.t + deadWindowMs);
  });
}

/** Whether the sorted `times` has a value in [from, to]. */
function hasReactionIn(times: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < times.length && times[lo]! <= to;
}

/**
 * Incremental click signals for the content script: feed clicks and reactions as they happen,
 * read the counts with flush(now) (e.g. when the step ends, or periodically). One tracker per
 * step. Rage clicks are counted as soon as the 3rd click of a burst arrives; a click is counted
 * dead only once now > t + 1000 with no reaction in between.
 *
 * Feeding is only a push: the events are worked through when something is read (counts, flush,
 * waiting, bursts). The content script feeds at every click of the audited page, where the work
 * done at once measured about 25 us a click in a page that had just loaded; worked through
 * together, at the next batch, it is one warm loop. Of the reactions, only the first after a click
 * is kept: a later one before the next click answers no click that the first did not.
 */
export class ClickTracker {
  private readonly opts: ClickSignalOptions;
  private readonly rage: RageDetector;
  private pending: number[] = [];
  private clicks = 0;
  private dead = 0;
  /** Events not yet worked through, in the order they came: t, x, y for a click; t, NaN, NaN for a reaction. */
  private queue: number[] = [];
  private clickSinceReaction = false;

  constructor(options?: Partial<ClickSignalOptions>) {
    this.opts = withDefaults(options);
    this.rage = new RageDetector(this.opts);
  }

  /** A click at time t (ms) at viewport point (x, y). */
  click(t: number, x: number, y: number): void {
    this.queue.push(t, x, y);
    this.clickSinceReaction = true;
  }

  /**
   * Whether a click came after the last reaction fed: only then can a reaction answer anything.
   * Cheaper than `waiting`, which works through the events fed so far.
   */
  get unanswered(): boolean {
    return this.clickSinceReaction;
  }

  /** Whether some click still waits for a reaction (or for its window to close). */
  get waiting(): boolean {
    this.drain();
    return this.pending.length > 0;
  }

  /** The document mutated, navigated, scrolled or opened something at time t. */
  react(t: number, _kind: ReactionKind): void {
    if (!this.clickSinceReaction) return;
    this.clickSinceReaction = false;
    this.queue.push(t, Number.NaN, Number.NaN);
  }

  /** Decides the clicks whose window is over at `now` and returns the counts so far. */
  flush(now: number): ClickCounts {
    this.drain();
    this.settle(now);
    return this.counts();
  }

  /** Counts so far without advancing the clock. */
  counts(): ClickCounts {
    this.drain();
    return {
      clicks: this.clicks,
      rageClicks: this.rage.bursts.length,
      deadClicks: this.dead,
      pending: this.pending.length,
    };
  }

  /** The rage bursts so far (a copy). */
  bursts(): RageBurst[] {
    this.drain();
    return this.rage.bursts.map((b) => ({ ...b }));
  }

  private drain(): void {
    const queue = this.queue;
    if (queue.length === 0) return;
    this.queue = [];
    for (let i = 0; i < queue.length; i += 3) {
      const t = queue[i]!;
      const x = queue[i + 1]!;
      this.settle(t);
      if (Number.isNaN(x)) {
        // Every pending click with click.t <= t (and, after settle, t <= click.t + window) reacted.
        let k = 0;
        while (k < this.pending.length && this.pending[k]! <= t) k++;
        if (k > 0) this.pending.splice(0, k);
      } else {
        this.clicks += 1;
        this.rage.click({ t, x, y: queue[i + 2]! });
        this.pending.push(t);
      }
    }
  }

  // Clicks come in time order, so the pending ones are sorted: what settles is always a prefix.
  private settle(now: number): void {
    const window = this.opts.deadWindowMs;
    let k = 0;
    while (k < this.pending.length && now > this.pending[k]! + window) k++;
    if (k === 0) return;
    this.dead += k;
    this.pending.splice(0, k);
  }
}
