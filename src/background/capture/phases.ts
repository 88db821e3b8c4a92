// Where a Log step's time goes: a performance mark in the worker at each phase of the latest capture,
// which the bench reads (scripts/bench/sections/capture.ts). The worker's own timeline, which no page
// can read; a few microseconds a mark, and only the latest Log step's marks are kept.

export const PHASE_PREFIX = 'peakend:';
/** Captures outside a Log step (Capture again) mark too: past this many marks the timeline is cleared. */
const MAX_MARKS = 200;
let marks = 0;

/** Marks a phase of the Log step under way; `detail` carries what a frame or the offscreen document timed. */
export function markPhase(name: string, detail?: unknown): void {
  if (++marks > MAX_MARKS) clearPhases();
  try {
    performance.mark(PHASE_PREFIX + name, detail === undefined ? undefined : { detail });
  } catch {
    // A timeline that refuses a mark costs the capture nothing.
  }
}

function clearPhases(): void {
  marks = 0;
  try {
    for (const entry of performance.getEntriesByType('mark'))
      if (entry.name.startsWith(PHASE_PREFIX)) performance.clearMarks(entry.name);
  } catch {
    // As above.
  }
}

/** Forgets the previous Log step's marks, so the timeline does not grow with an audit. */
export function startPhases(): void {
  clearPhases();
  markPhase('log-step');
}
