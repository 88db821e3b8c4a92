import { describe, expect, it } from 'vitest';
import { ClickTracker, detectRageClicks, type ClickEvent, type RageBurst } from '../../../src/domain/signals/clicks.ts';

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

/** A deterministic stream: clicks a few to 300 ms apart, on a handful of spots with some jitter. */
function stream(seed: number, n: number): ClickEvent[] {
  let state = seed;
  const rand = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const spots = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => ({ x: rand() * 400, y: rand() * 300 }));
  let t = 0;
  return Array.from({ length: n }, () => {
    t += Math.floor(rand() * 300);
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
});
