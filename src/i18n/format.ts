// Durations and sizes through Intl in a given language: "12,4 с", "850 毫秒", "3 min 5 s". Shared by
// the panel and the report so a step's dwell time reads alike in both.

type Unit = 'millisecond' | 'second' | 'minute' | 'hour' | 'byte' | 'kilobyte' | 'megabyte';

const formats = new Map<string, Intl.NumberFormat>();

/** `n` with its unit as `locale` writes it (short form), to `digits` decimals. */
export function unitText(n: number, unit: Unit, locale: string, digits = 0): string {
  const key = `${locale}|${unit}|${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, f);
  }
  return f.format(n);
}

interface DurationFormatLike {
  format(duration: { hours?: number; minutes: number; seconds: number }): string;
}
type DurationFormatCtor = new (locale: string, options: { style: 'short' }) => DurationFormatLike;

/** Intl.DurationFormat where the engine has it (Chrome 129+, Firefox 136+); null elsewhere. */
const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatCtor }).DurationFormat ?? null;

/**
 * A duration in ms: "850 ms" and "12.4 sec" (`fine`), or whole seconds; a minute or more as minutes
 * and seconds, through Intl.DurationFormat when the engine has it and two unit amounts otherwise.
 */
export function durationText(ms: number, locale: string, fine = true): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (fine && ms < 1000) return unitText(Math.round(ms), 'millisecond', locale);
  const digits = fine ? 1 : 0;
  const seconds = Math.round((ms / 1000) * 10 ** digits) / 10 ** digits;
  if (seconds < 60) return unitText(seconds, 'second', locale, digits);
  const total = Math.round(ms / 1000);
  const parts = { minutes: Math.floor(total / 60), seconds: total % 60 };
  if (DurationFormat) {
    try {
      return new DurationFormat(locale, { style: 'short' }).format(parts);
    } catch {
      // An engine that has the constructor but not this locale: the two amounts below.
    }
  }
  return `${unitText(parts.minutes, 'minute', locale)} ${unitText(parts.seconds, 'second', locale)}`;
}

/**
 * A span that may run to hours or days (a probe waiting for an e-mail): hours, minutes and seconds,
 * zero parts left out ("2 min", "24 hr", "1 hr 5 min 3 sec"), to the whole second.
 */
export function spanText(ms: number, locale: string): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  const total = Math.round(ms / 1000);
  if (total === 0) return unitText(0, 'second', locale);
  const parts = { hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
  if (DurationFormat) {
    try {
      return new DurationFormat(locale, { style: 'short' }).format(parts);
    } catch {
      // As in durationText: the unit amounts below.
    }
  }
  const shown: Array<[number, Unit]> = [
    [parts.hours, 'hour'],
    [parts.minutes, 'minute'],
    [parts.seconds, 'second'],
  ];
  return shown
    .filter(([n]) => n > 0)
    .map(([n, unit]) => unitText(n, unit, locale))
    .join(' ');
}

/** A byte count: "999 byte", "12.3 kB", "1.2 MB". */
export function bytesText(n: number, locale: string): string {
  if (!Number.isFinite(n) || n < 0) return '';
  if (n < 1000) return unitText(n, 'byte', locale);
  if (n < 1_000_000) return unitText(Math.round(n / 100) / 10, 'kilobyte', locale, 1);
  return unitText(Math.round(n / 100_000) / 10, 'megabyte', locale, 1);
}
