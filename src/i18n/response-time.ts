// Response times of channel probes in a given language: from seconds ("45 sec") to days
// ("1 day 2 hr"), since an e-mail's reply is measured in hours where a chat's is in minutes.
// Shared by the panel and the report. Two largest units, rounded to whole seconds.
import { durationText } from './format.ts';

type Part = 'day' | 'hour' | 'minute' | 'second';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formats = new Map<string, Intl.NumberFormat>();

function unit(n: number, part: Part, locale: string): string {
  const key = `${locale}|${part}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'unit', unit: part, unitDisplay: 'short', maximumFractionDigits: 0 });
    formats.set(key, f);
  }
  return f.format(n);
}

/** "45 sec", "3 min 5 sec", "2 min", "2 hr 10 min", "1 day 2 hr"; '' for a negative or unknown time. */
export function responseTimeText(ms: number, locale: string): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < MINUTE) return durationText(ms, locale, false);
  const sizes: Array<[Part, number]> = [
    ['day', DAY],
    ['hour', HOUR],
    ['minute', MINUTE],
    ['second', 1000],
  ];
  const first = sizes.findIndex(([, size]) => ms >= size);
  const [bigPart, bigSize] = sizes[first] as [Part, number];
  const [smallPart, smallSize] = sizes[first + 1] as [Part, number];
  let big = Math.floor(ms / bigSize);
  let small = Math.round((ms - big * bigSize) / smallSize);
  if (small * smallSize >= bigSize) {
    big += 1;
    small = 0;
  }
  const list = new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' });
  return small === 0
    ? unit(big, bigPart, locale)
    : list.format([unit(big, bigPart, locale), unit(small, smallPart, locale)]);
}
