// When a touchpoint happened is typed as the auditor's local wall time and stored as UTC
// milliseconds, so the same moment typed in two zones, or across a DST change, is the same instant.
import { afterEach, describe, expect, it } from 'vitest';
import { occurredAtOf } from '../../../src/panel/views/touchpoint/AddTouchpoint.tsx';

const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

function inZone<T>(zone: string, run: () => T): T {
  process.env.TZ = zone;
  return run();
}

describe('occurredAtOf', () => {
  it('turns the local time of the auditor’s zone into the UTC instant', () => {
    const instant = Date.UTC(2026, 11, 5, 14, 30);
    expect(inZone('Europe/Warsaw', () => occurredAtOf('2026-12-05T15:30'))).toBe(instant);
    expect(inZone('Asia/Tokyo', () => occurredAtOf('2026-12-05T23:30'))).toBe(instant);
    expect(inZone('America/New_York', () => occurredAtOf('2026-12-05T09:30'))).toBe(instant);
  });

  it('keeps an hour an hour across a DST change', () => {
    // London moves from GMT to BST at 01:00 UTC on 29 March 2026.
    const before = inZone('Europe/London', () => occurredAtOf('2026-03-29T00:30'));
    const after = inZone('Europe/London', () => occurredAtOf('2026-03-29T02:30'));
    expect(after! - before!).toBe(60 * 60 * 1000);
  });

  it('leaves an empty or unreadable time unset', () => {
    expect(occurredAtOf('')).toBeNull();
    expect(occurredAtOf('not a time')).toBeNull();
  });
});
