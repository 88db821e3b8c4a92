// The parts of one piece of work timed from its start, in ms to two decimals: the page's frames and
// the offscreen document send these with their answers, and the bench reads them
// (docs/performance.md). The clock is given, so the domain stays free of browser APIs.

export interface PhaseTimer {
  /** Each part's end, by name, in ms from the start. */
  readonly timing: Record<string, number>;
  /** Notes that the part named ended now (a plain function: it may be passed on unbound). */
  mark: (name: string) => void;
  /** Ms since the start. */
  elapsed: () => number;
}

export function phaseTimer(now: () => number): PhaseTimer {
  const start = now();
  const timing: Record<string, number> = {};
  const elapsed = () => Math.round((now() - start) * 100) / 100;
  return {
    timing,
    elapsed,
    mark: (name) => {
      timing[name] = elapsed();
    },
  };
}
