import { describe, expect, it } from 'vitest';
import {
  ClickTracker,
  detectDeadClicks,
  detectRageClicks,
  type ClickEvent,
  type RageBurst,
} from '../../../src/domain/signals/clicks.ts';

// The rage rule as first written (every recent click tried as an anchor on every click), kept as the
// reference the faster detector must agree with.
function referenceBursts(clicks: ClickEvent[], min = 3, windowMs = 1000, radius = 30): RageBurst[] {
  const near = (a: ClickEvent, b: ClickEvent) => (a.x - b.x) ** 2 + (a.y - b.y) ** 2 <= radius * radius;
  const bursts: RageBurst[] = [];
  let recent: ClickEvent[] = [];
  let open: { anchor: ClickEvent; last: number; burst: RageBurst } | null = null;
  for (const c of clicks) {
    if (open) {
      if (c.t - open.last <= windowMs && near(c, open.anchor)) {
        open.last = c.t;
        open.burst.end = c.t;
        open.burst.clicks += 1;
        continue;
      }
      open = null;
    }
    recent = recent.filter((r) => c.t - r.t <= windowMs);
    recent.push(c);
    for (let i = 0; i < recent.length; i++) {
      const anchor = recent[i]!;
      const members = [anchor, ...recent.slice(i + 1).filter((m) => m.t - anchor.t <= windowMs && near(m, anchor))];
      if (members.length >= min) {
        const burst = { start: anchor.t, end: c.t, x: anchor.x, y: anchor.y, clicks: members.length };
        bursts.push(burst);
        open = { anchor, last: c.t, burst };
        recent = recent.filter((r) => !members.includes(r));
        break;
      }
    }
  }
  return bursts;
}

/** A deterministic stream: clicks a few to `gapMs` ms apart, on a handful of spots with some jitter. */
function stream(seed: number, n: number, gapMs = 300, maxSpots = 6): ClickEvent[] {
  let state = seed;
  const rand = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const spots = Array.from({ length: 1 + Math.floor(rand() * maxSpots) }, () => ({ x: rand() * 400, y: rand() * 300 }));
  let t = 0;
  return Array.from({ length: n }, () => {
    t += Math.floor(rand() * gapMs);
    const spot = spots[Math.floor(rand() * spots.length)]!;
    return { t, x: spot.x + (rand() - 0.5) * 70, y: spot.y + (rand() - 0.5) * 70 };
  });
}

describe('rage detection agrees with the rule as first written', () => {
  it('finds the same bursts in 400 random click streams, batch and incremental', () => {
    let total = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const clicks = stream(seed, 5 + (seed % 60));
      const expected = referenceBursts(clicks);
      total += expected.length;
      expect(detectRageClicks(clicks)).toEqual(expected);
      const tracker = new ClickTracker();
      for (const c of clicks) tracker.click(c.t, c.x, c.y);
      expect(tracker.bursts()).toEqual(expected);
    }
    // The streams are rich enough to hold bursts at all.
    expect(total).toBeGreaterThan(100);
  });

  it('finds the same bursts, and the same dead clicks, in long streams of clicks a few ms apart', () => {
    let total = 0;
    for (let seed = 1; seed <= 40; seed++) {
      // Hundreds of clicks in a busy second or two, on up to 40 spots: many recent clicks at once.
      // Strictly increasing times: a reaction in a click's millisecond that came before it is no
      // reaction to it, which the batch function, given times only, cannot tell.
      const clicks = stream(seed, 300 + seed * 5, 12, 40).map((c, i) => ({ ...c, t: c.t + i }));
      const expected = referenceBursts(clicks);
      total += expected.length;
      const tracker = new ClickTracker();
      // The page reacts at once to every third click (events reach the tracker in time order).
      const reactions: { t: number }[] = [];
      clicks.forEach((c, i) => {
        tracker.click(c.t, c.x, c.y);
        if (i % 3 === 0) {
          tracker.react(c.t, 'mutation');
          reactions.push({ t: c.t });
        }
      });
      expect(tracker.bursts()).toEqual(expected);
      const end = clicks.at(-1)!.t + 5000;
      expect(tracker.flush(end).deadClicks).toBe(detectDeadClicks(clicks, reactions, { until: end }).length);
    }
    expect(total).toBeGreaterThan(100);
  });
});
