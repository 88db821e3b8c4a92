// The auditor's wall clock and UTC. A probe's times are stored as UTC ms (src/domain/probes.ts); the
// panel shows them, and reads edited ones, as local wall-clock times in the zone the browser runs in.
// The conversion is the engine's (ECMA-262 LocalTime/UTC), which settles the two hours a DST change
// makes unclear: a wall time that occurs twice (clocks going back) is taken as its FIRST occurrence,
// the one still in summer time; a wall time that never occurs (clocks going forward) is moved forward
// by the gap (02:30 on a spring-forward night in Warsaw is 03:30 CEST).

/** `YYYY-MM-DDTHH:mm` or with seconds: what an `<input type="datetime-local">` holds. */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/** A wall-clock value in the zone this runs in, as UTC ms; null when it is not one. */
export function wallClockToUtc(value: string): number | null {
  const m = WALL_CLOCK.exec(value.trim());
  if (!m) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  // Field by field, so a date such as 31 February is refused rather than rolled into March.
  const date = new Date(year, month - 1, day, hour, minute, second);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  const ms = date.getTime();
  return Number.isFinite(ms) ? ms : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** UTC ms as a `datetime-local` value (to the second) in the zone this runs in. */
export function utcToWallClock(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}
