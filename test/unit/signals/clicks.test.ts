import { describe, expect, it } from 'vitest';
import {
  ClickTracker,
  detectDeadClicks,
  detectRageClicks,
  type ClickEvent,
  type ReactionKind,
} from '../../../src/domain/signals/clicks.ts';

const c = (t: number, x = 100, y = 100): ClickEvent => ({ t, x, y });

/** Feeds the same stream to a tracker and returns its counts after `now`. */
function track(clicks: ClickEvent[], reactions: { t: number; kind: ReactionKind }[], now: number) {
  const tracker = new ClickTracker();
  const events = [
    ...clicks.map((e) => ({ t: e.t, run: () => tracker.click(e.t, e.x, e.y) })),
    ...reactions.map((r) => ({ t: r.t, run: () => tracker.react(r.t, r.kind) })),
  ].sort((a, b) => a.t - b.t);
  for (const e of events) e.run();
  return tracker.flush(now);
}

describe('rage clicks', () => {
  it('2 clicks are not a burst, 3 are', () => {
    expect(detectRageClicks([c(0), c(100)])).toHaveLength(0);
    expect(detectRageClicks([c(0), c(100), c(200)])).toHaveLength(1);
  });

  it('3 clicks within 999 ms are a burst, spread over 1001 ms they are not', () => {
    expect(detectRageClicks([c(0), c(500), c(999)])).toHaveLength(1);
    expect(detectRageClicks([c(0), c(500), c(1001)])).toHaveLength(0);
  });

  it('exactly 1000 ms is still within the window (inclusive)', () => {
    expect(detectRageClicks([c(0), c(500), c(1000)])).toHaveLength(1);
  });

  it('radius is measured from the first click: 29 px inside, 31 px outside', () => {
    expect(detectRageClicks([c(0, 100, 100), c(100, 100, 100), c(200, 129, 100)])).toHaveLength(1);
    expect(detectRageClicks([c(0, 100, 100), c(100, 100, 100), c(200, 131, 100)])).toHaveLength(0);
    // Diagonal: 20,20 is 28.3 px away (inside); 22,22 is 31.1 px (outside).
    expect(detectRageClicks([c(0, 0, 0), c(100, 20, 20), c(200, 0, 0)])).toHaveLength(1);
    expect(detectRageClicks([c(0, 0, 0), c(100, 22, 22), c(200, 0, 0)])).toHaveLength(0);
  });

  it('the radius is a circle around the first click, not a chain', () => {
    // Each click is 20 px from the previous one, but the third is 40 px from the first.
    expect(detectRageClicks([c(0, 0, 0), c(100, 20, 0), c(200, 40, 0)])).toHaveLength(0);
  });

  it('one burst counts once however long it goes on', () => {
    const clicks = Array.from({ length: 12 }, (_, i) => c(i * 250));
    const bursts = detectRageClicks(clicks);
    expect(bursts).toHaveLength(1);
    expect(bursts[0]).toMatchObject({ start: 0, end: 11 * 250, clicks: 12 });
  });

  it('two bursts separated by a pause count twice', () => {
    const first = [c(0), c(100), c(200)];
    const second = [c(1300), c(1400), c(1500)];
    expect(detectRageClicks([...first, ...second])).toHaveLength(2);
  });

  it('two bursts at different places count twice', () => {
    const a = [c(0, 10, 10), c(100, 10, 10), c(200, 10, 10)];
    const b = [c(300, 300, 300), c(400, 300, 300), c(500, 300, 300)];
    const bursts = detectRageClicks([...a, ...b]);
    expect(bursts.map((x) => [x.x, x.y])).toEqual([
      [10, 10],
      [300, 300],
    ]);
  });

  it('a stray click does not prevent a burst anchored on a later click', () => {
    const clicks = [c(0, 0, 0), c(100, 40, 0), c(200, 40, 0), c(300, 40, 0)];
    const bursts = detectRageClicks(clicks);
    expect(bursts).toHaveLength(1);
    expect(bursts[0]).toMatchObject({ x: 40, start: 100, clicks: 3 });
  });

  it('clicks from a counted burst do not help build another', () => {
    // A far click closes the burst; the next two clicks at the old spot are only 2 fresh clicks,
    // even though the burst's last click (200) is within 1000 ms of them.
    expect(detectRageClicks([c(0), c(100), c(200), c(900, 400, 400), c(950), c(1000)])).toHaveLength(1);
    // After a pause > 1000 ms, 2 more clicks are not a new burst; 3 are.
    expect(detectRageClicks([c(0), c(100), c(200), c(1300), c(1400)])).toHaveLength(1);
    expect(detectRageClicks([c(0), c(100), c(200), c(1300), c(1400), c(1500)])).toHaveLength(2);
  });

  it('sorts unsorted input by time', () => {
    expect(detectRageClicks([c(200), c(0), c(100)])).toHaveLength(1);
  });

  it('honours custom thresholds', () => {
    expect(detectRageClicks([c(0), c(100)], { rageMinClicks: 2 })).toHaveLength(1);
    expect(detectRageClicks([c(0), c(100), c(200, 145, 100)], { rageRadiusPx: 50 })).toHaveLength(1);
  });

  it('the tracker counts the same bursts as the batch function', () => {
    const clicks = [c(0), c(100), c(200), c(1300, 0, 0), c(1400, 0, 0), c(1500, 5, 5), c(4000), c(4100)];
    expect(track(clicks, [], 10_000).rageClicks).toBe(detectRageClicks(clicks).length);
    expect(track(clicks, [], 10_000).rageClicks).toBe(2);
  });

  it('the tracker counts a burst as soon as its third click arrives', () => {
    const t = new ClickTracker();
    t.click(0, 5, 5);
    t.click(100, 5, 5);
    expect(t.counts().rageClicks).toBe(0);
    t.click(200, 5, 5);
    expect(t.counts().rageClicks).toBe(1);
    t.click(300, 5, 5);
    expect(t.counts()).toMatchObject({ clicks: 4, rageClicks: 1 });
  });
});

describe('dead clicks', () => {
  const kinds: ReactionKind[] = ['mutation', 'navigation', 'scroll', 'open'];

  it('a click with no reaction at all is dead', () => {
    expect(detectDeadClicks([c(0)], [])).toHaveLength(1);
  });

  it.each(kinds)('a %s reaction at 999 ms saves the click, one at 1001 ms does not', (kind) => {
    expect(detectDeadClicks([c(0)], [{ t: 999, kind }])).toHaveLength(0);
    expect(detectDeadClicks([c(0)], [{ t: 1001, kind }])).toHaveLength(1);
  });

  it('a reaction exactly 1000 ms later or in the same millisecond counts', () => {
    expect(detectDeadClicks([c(0)], [{ t: 1000, kind: 'mutation' }])).toHaveLength(0);
    expect(detectDeadClicks([c(50)], [{ t: 50, kind: 'mutation' }])).toHaveLength(0);
  });

  it('a reaction before the click does not save it', () => {
    expect(detectDeadClicks([c(500)], [{ t: 499, kind: 'scroll' }])).toHaveLength(1);
  });

  it('one reaction saves every click in the 1000 ms before it', () => {
    const dead = detectDeadClicks([c(0), c(300), c(2000)], [{ t: 900, kind: 'open' }]);
    expect(dead.map((d) => d.t)).toEqual([2000]);
  });

  it('with `until`, clicks whose window is not over are undecided', () => {
    expect(detectDeadClicks([c(0), c(500)], [], { until: 1200 }).map((d) => d.t)).toEqual([0]);
    expect(detectDeadClicks([c(0)], [], { until: 1000 })).toHaveLength(0);
  });

  it.each(kinds)('the tracker: %s at 999 ms reacted, at 1001 ms dead', (kind) => {
    expect(track([c(0)], [{ t: 999, kind }], 5000).deadClicks).toBe(0);
    expect(track([c(0)], [{ t: 1001, kind }], 5000).deadClicks).toBe(1);
  });

  it('the tracker decides a click dead only after 1000 ms have passed', () => {
    const t = new ClickTracker();
    t.click(0, 1, 1);
    expect(t.flush(999)).toMatchObject({ clicks: 1, deadClicks: 0, pending: 1 });
    expect(t.flush(1000)).toMatchObject({ deadClicks: 0, pending: 1 });
    expect(t.flush(1001)).toMatchObject({ deadClicks: 1, pending: 0 });
    // A late reaction does not undo the decision.
    t.react(1002, 'mutation');
    expect(t.flush(3000).deadClicks).toBe(1);
  });

  it('the tracker: a reaction at exactly 1000 ms after flush(1000) still saves the click', () => {
    const t = new ClickTracker();
    t.click(0, 1, 1);
    t.flush(1000);
    t.react(1000, 'navigation');
    expect(t.flush(5000)).toMatchObject({ deadClicks: 0, pending: 0 });
  });

  it('the tracker agrees with the batch function on a mixed stream', () => {
    const clicks = [c(0), c(100, 300, 300), c(2500), c(2600), c(2700), c(6000, 10, 10)];
    const reactions: { t: number; kind: ReactionKind }[] = [
      { t: 1050, kind: 'mutation' },
      { t: 2650, kind: 'scroll' },
    ];
    const batch = detectDeadClicks(clicks, reactions);
    expect(batch.map((d) => d.t)).toEqual([0, 2700, 6000]);
    expect(track(clicks, reactions, 20_000)).toMatchObject({ clicks: 6, deadClicks: 3, pending: 0 });
  });

  it('clicks in a rage burst count as dead clicks too when nothing reacts', () => {
    const counts = track([c(0), c(100), c(200)], [], 5000);
    expect(counts).toEqual({ clicks: 3, rageClicks: 1, deadClicks: 3, pending: 0 });
  });

  it('a rage burst on an element that does react has no dead clicks', () => {
    const counts = track([c(0), c(100), c(200)], [{ t: 900, kind: 'mutation' }], 5000);
    expect(counts).toEqual({ clicks: 3, rageClicks: 1, deadClicks: 0, pending: 0 });
  });
});

describe('the tracker works through what it is fed when it is read', () => {
  /** A small deterministic generator, so a failing stream can be replayed. */
  function rng(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }

  /** The reads a batch, a capture or the content script's checks make; each says whether its answer was sound. */
  const READS: Array<(tracker: ClickTracker, t: number, clicks: number) => boolean> = [
    (tracker, t, clicks) => tracker.flush(t).clicks === clicks,
    (tracker, _t, clicks) => tracker.counts().clicks === clicks,
    (tracker) => typeof tracker.waiting === 'boolean',
    (tracker, _t, clicks) => tracker.bursts().length <= clicks,
  ];

  it('agrees with the batch functions on random streams, however often it is read in between', () => {
    const wrongReads: string[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const clicks: ClickEvent[] = [];
      const reactions: { t: number; kind: ReactionKind }[] = [];
      const tracker = new ClickTracker();
      let t = 0;
      for (let i = 0; i < 60; i++) {
        // No two events in one millisecond: fed a reaction and then a click at the same time, the
        // tracker knows the reaction came first, the batch function (times only) counts it as an answer.
        t += 1 + Math.floor(r() * 400);
        const roll = r();
        if (roll < 0.55) {
          const e = c(t, 100 + Math.floor(r() * 50), 100 + Math.floor(r() * 50));
          clicks.push(e);
          tracker.click(e.t, e.x, e.y);
        } else if (roll < 0.9) {
          reactions.push({ t, kind: 'mutation' });
          tracker.react(t, 'mutation');
        } else {
          // A read between events, as a batch, a capture or the content script's checks do.
          const read = Math.floor(r() * READS.length);
          if (!READS[read]!(tracker, t, clicks.length)) wrongReads.push(`seed ${seed}, read ${read} at ${t}`);
        }
      }
      const end = t + 5000;
      expect(tracker.flush(end), `seed ${seed}`).toEqual({
        clicks: clicks.length,
        rageClicks: detectRageClicks(clicks).length,
        deadClicks: detectDeadClicks(clicks, reactions).length,
        pending: 0,
      });
    }
    expect(wrongReads).toEqual([]);
  });

  it('tells whether a click came after the last reaction, and keeps only the first reaction after a click', () => {
    const t = new ClickTracker();
    expect(t.unanswered).toBe(false);
    t.click(0, 1, 1);
    expect(t.unanswered).toBe(true);
    expect(t.waiting).toBe(true);
    t.react(10, 'mutation');
    expect(t.unanswered).toBe(false);
    expect(t.waiting).toBe(false);
    // Nothing waits: a reaction now answers nothing.
    t.react(20, 'scroll');
    t.click(30, 1, 1);
    // The reaction at 20 came before this click, so it does not save it.
    expect(t.flush(2000)).toEqual({ clicks: 2, rageClicks: 0, deadClicks: 1, pending: 0 });
  });
});
