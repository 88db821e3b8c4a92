// The panel's numbers, dates and times, through Intl in the panel's language (not the browser's).
import { uiLanguage } from '../i18n/t.ts';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

export function formatTime(iso: string, locale = uiLanguage()): string {
  const f = cached(
    `time:${locale}`,
    () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  );
  return f.format(new Date(iso));
}

export function formatDateTime(iso: string, locale = uiLanguage()): string {
  const f = cached(
    `datetime:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  );
  return f.format(new Date(iso));
}

/** A count as the panel's language writes it: "1,234" in English, "1 234" in Polish. */
export function formatCount(n: number, locale = uiLanguage()): string {
  return cached(`count:${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(n);
}

const lists = new Map<string, Intl.ListFormat>();

/** A short list as the panel's language writes it: "Delivery and Payment", "配送和付款". */
export function formatList(items: readonly string[], locale = uiLanguage()): string {
  let f = lists.get(locale);
  if (!f) {
    f = new Intl.ListFormat(locale, { type: 'conjunction' });
    lists.set(locale, f);
  }
  return f.format(items);
}

/** A probe's time in the auditor's zone, the zone named: "5 Dec, 16:40:05 CET". */
export function formatZonedTime(ms: number, locale = uiLanguage()): string {
  const f = cached(
    `zoned:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZoneName: 'short',
      }),
  );
  return f.format(new Date(ms));
}

/** The zone the panel shows and reads clock times in (an IANA name such as "Europe/Warsaw"). */
export function zoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
