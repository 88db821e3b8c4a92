// Local wall-clock times typed in the panel, to UTC and back, in real zones: each case runs in a
// child Node with its TZ set, since a zone cannot be changed safely inside the shared test process.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { utcToWallClock, wallClockToUtc } from '../../../src/domain/wall-clock.ts';

const MODULE = fileURLToPath(new URL('../../../src/domain/wall-clock.ts', import.meta.url));

/** wallClockToUtc of each value (as ISO, or null) and utcToWallClock of each ISO, in zone `tz`. */
function inZone(tz: string, values: string[], isos: string[] = []): { utc: (string | null)[]; wall: string[] } {
  const script = `
    const m = await import(${JSON.stringify(MODULE)});
    const utc = ${JSON.stringify(values)}.map((v) => { const ms = m.wallClockToUtc(v); return ms === null ? null : new Date(ms).toISOString(); });
    const wall = ${JSON.stringify(isos)}.map((iso) => m.utcToWallClock(Date.parse(iso)));
    console.log(JSON.stringify({ utc, wall }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { utc: (string | null)[]; wall: string[] };
}

describe('wall clock to UTC', () => {
  it('reads a local time in the zone it runs in, to the second', () => {
    const { utc, wall } = inZone(
      'Europe/Warsaw',
      ['2026-12-05T16:40:05', '2026-07-01T09:00'],
      ['2026-12-05T15:40:05Z'],
    );
    expect(utc).toEqual(['2026-12-05T15:40:05.000Z', '2026-07-01T07:00:00.000Z']);
    expect(wall).toEqual(['2026-12-05T16:40:05']);
  });

  it('takes the hour that occurs twice (clocks going back) as its first occurrence', () => {
    // Warsaw, 25 Oct 2026: 03:00 CEST becomes 02:00 CET, so 02:30 happens at 00:30 and 01:30 UTC.
    expect(inZone('Europe/Warsaw', ['2026-10-25T02:30:00']).utc).toEqual(['2026-10-25T00:30:00.000Z']);
    // New York, 1 Nov 2026: 01:30 happens at 05:30 (EDT) and 06:30 (EST) UTC.
    expect(inZone('America/New_York', ['2026-11-01T01:30:00']).utc).toEqual(['2026-11-01T05:30:00.000Z']);
  });

  it('moves a time that never occurs (clocks going forward) on by the gap', () => {
    // Warsaw, 29 Mar 2026: 02:00 CET jumps to 03:00 CEST; 02:30 is read as 03:30 CEST (01:30 UTC).
    const { utc, wall } = inZone('Europe/Warsaw', ['2026-03-29T02:30:00'], ['2026-03-29T01:30:00Z']);
    expect(utc).toEqual(['2026-03-29T01:30:00.000Z']);
    expect(wall).toEqual(['2026-03-29T03:30:00']);
  });

  it('refuses what is not a full date and time', () => {
    expect(wallClockToUtc('')).toBeNull();
    expect(wallClockToUtc('16:40')).toBeNull();
    expect(wallClockToUtc('2026-02-31T10:00')).toBeNull();
    expect(wallClockToUtc('2026-12-05 16:40')).toBeNull();
    const ms = wallClockToUtc('2026-12-05T16:40:05');
    expect(ms).not.toBeNull();
    expect(utcToWallClock(ms!)).toBe('2026-12-05T16:40:05');
  });
});
