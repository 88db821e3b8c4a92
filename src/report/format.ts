// Display formatting of the report. Numbers are rounded here and nowhere else (the scores are
// never rounded); every export that shows a number goes through one Formatter so the HTML, the
// Markdown and the tests agree on what "PE100 = 63" means. Numbers, dates, durations and sizes are
// written by Intl in the report's language.
import { bytesText, durationText } from '../i18n/format.ts';

export interface Formatter {
  locale: string;
  /** Rounded to an integer: 62.5 -> "63". */
  int(n: number): string;
  /** Rounded to an integer with a sign: "+25", "-40", "0". */
  signedInt(n: number): string;
  /** `digits` decimals: 0.125 -> "0.13". */
  fixed(n: number, digits: number): string;
  /** `digits` decimals with a sign: "-0.13". */
  signedFixed(n: number, digits: number): string;
  /** A share 0..1 as a whole percentage: "40%". */
  percent(share: number): string;
  /** Date and time in UTC, e.g. "23 Nov 2026, 10:00 UTC". Unparseable input is returned as is. */
  dateTime(iso: string | null | undefined): string;
  /** Date only, UTC. */
  date(iso: string | null | undefined): string;
  /** A duration in ms, in the locale's units: "850 ms", "12.4 sec", "3 min, 5 sec". */
  duration(ms: number): string;
  /** Byte counts in the locale's units: "12.3 kB". */
  bytes(n: number): string;
  /** A list in the locale's words: "Checkout details, Delivery and Payment". */
  list(items: readonly string[]): string;
}

/** Integer rounding for display: half away from zero, and never "-0". */
export function roundInt(n: number): number {
  const r = Math.sign(n) * Math.round(Math.abs(n));
  return r === 0 ? 0 : r;
}

/** Rounding to `digits` decimals for display, never "-0". */
export function roundTo(n: number, digits: number): number {
  const f = 10 ** digits;
  const r = (Math.sign(n) * Math.round(Math.abs(n) * f)) / f;
  return r === 0 ? 0 : r;
}

function safeLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en';
  } catch {
    return 'en';
  }
}

export function makeFormatter(requested = 'en'): Formatter {
  const locale = safeLocale(requested);
  const intFmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: true });
  const signedFmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  // One Intl.NumberFormat per precision and sign, made on first use: making one costs more than
  // formatting hundreds of numbers, and a programme view formats thousands.
  const fixedFmts = new Map<string, Intl.NumberFormat>();
  const fixedFmt = (digits: number, signed: boolean): Intl.NumberFormat => {
    const key = `${digits}:${signed}`;
    let made = fixedFmts.get(key);
    if (!made) {
      made = new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        signDisplay: signed ? 'exceptZero' : 'auto',
      });
      fixedFmts.set(key, made);
    }
    return made;
  };
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const percentFmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const listFmt = new Intl.ListFormat(locale, { type: 'conjunction' });
  const parse = (iso: string | null | undefined): Date | null => {
    if (typeof iso !== 'string' || iso === '') return null;
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? null : d;
  };
  return {
    locale,
    int: (n) => intFmt.format(roundInt(n)),
    signedInt: (n) => signedFmt.format(roundInt(n)),
    fixed: (n, digits) => fixedFmt(digits, false).format(roundTo(n, digits)),
    signedFixed: (n, digits) => fixedFmt(digits, true).format(roundTo(n, digits)),
    percent: (share) => percentFmt.format(roundInt(share * 100) / 100),
    dateTime: (iso) => {
      const d = parse(iso);
      return d ? `${dateTimeFmt.format(d)} UTC` : String(iso ?? '');
    },
    date: (iso) => {
      const d = parse(iso);
      return d ? dateFmt.format(d) : String(iso ?? '');
    },
    duration: (ms) => durationText(ms, locale),
    bytes: (n) => bytesText(n, locale),
    list: (items) => listFmt.format(items),
  };
}
