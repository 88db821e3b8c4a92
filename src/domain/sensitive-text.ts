// Personal data a page shows as text ("Signed in as ada@example.org", an order confirmation with a
// phone and a card number): where it is in a string, so the content script can cover it before a
// capture. Precision matters as much as recall: a covered price, date or order number hides the very
// evidence an audit is for. So every pattern is anchored on what only personal data has:
//  - e-mail: local part, @, a domain with a letter top-level domain (not a file name like logo@2x.png);
//  - card: 14-19 digits in groups of spaces or dashes (15-19 unbroken), starting 2-6 (the card networks' ranges),
//    passing the Luhn check (nine in ten order numbers fail it), or a masked number (•••• 4242);
//  - IBAN: country letters, check digits, 11-30 more characters, passing the ISO 13616 mod-97 check;
//  - phone: a leading +, a bracketed area code, a trunk 0, or a known national layout (US 3-3-4,
//    Russian 8 xxx xxx-xx-xx, Chinese mobiles 1[3-9]x xxxx xxxx), or any digit run after a
//    phone word ("Tel.", "Телефон", "电话"). A bare "123 456 789" is left: it is also a number
//    written with thousands separators.
// The digit counts checked after each match keep out dates, times, prices, versions and years.
// Kept as data plus small checks, not a library: libphonenumber-js would add ~80 kB (its smallest metadata) to a
// content script that runs in every frame, and it would still need the price/date guard written here.

export type SensitiveTextKind = 'email' | 'phone' | 'card' | 'iban';

export interface TextMatch {
  start: number;
  end: number;
  kind: SensitiveTextKind;
}

// Not preceded by a letter, digit or a character that would make the match part of a longer token
// (an order id "ORD-2024-1234-5678", a decimal "3.14159265", a path "/a/123-456-7890").
const BEFORE = String.raw`(?<![\p{L}\p{N}_@./,+#-])`;
// Not followed by another digit, a letter glued to it, or a separator and a digit.
const AFTER = String.raw`(?![\p{L}\p{N}_@]|[-./,:]\p{N})`;

// Latin and Cyrillic letters and digits: an address glued to Chinese or Hebrew words ("邮箱ada@x.cn获取")
// starts and ends where those scripts do.
const E = String.raw`\p{Script=Latin}\p{Script=Cyrillic}0-9`;
const EMAIL = new RegExp(
  String.raw`(?<![${E}._%+-])[${E}][${E}._%+-]{0,63}@(?:[${E}](?:[${E}-]{0,61}[${E}])?\.)+([\p{Script=Latin}\p{Script=Cyrillic}]{2,24})(?![${E}-]|\.[${E}])`,
  'gu',
);
/** Top-level "domains" that are file types: icon@2x.png is an image, not an address. */
const FILE_SUFFIXES = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'css', 'js', 'html', 'pdf']);

// In fours (4-4-4-4, with a last group for 19 digits), American Express and Diners 4-6-5/4, or unbroken
// with 15-19 digits (13-digit barcodes, EAN-13, pass Luhn as often as anything). Not an IBAN's body.
const CARD = new RegExp(
  String.raw`${BEFORE}(?<![A-Z]{2}\d{2} ?)[2-6]\d{3}(?:([ -])\d{4}\1\d{4}\1\d{4}(\1\d{1,3})?|([ -])\d{6}\3\d{4,5}|\d{11,15})${AFTER}`,
  'gu',
);
/** Masked card numbers as confirmations print them: "•••• •••• •••• 4242", "**** 4242", "XXXX-XXXX-1234". */
const MASKED_CARD = new RegExp(String.raw`${BEFORE}(?:[*•●∙·xX]{4}[ -]?){1,3}\d{4}${AFTER}`, 'gu');

// Printed in fours (DE89 3704 0044 0532 0130 00) or unbroken.
const IBAN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])`,
  'gu',
);

/** Phone layouts; each match is then held to its digit count (see PHONE_DIGITS). */
const PHONE_LAYOUTS = [
  // International: +48 123 456 789, +7 (495) 123-45-67, +49 (0)30 1234567, +1.555.123.4567.
  String.raw`\+\d{1,3}(?:[ .-]?\(\d{1,4}\))?(?:[ .-]?\d{1,8}){1,6}`,
  // A bracketed area code: (555) 123-4567, 8 (495) 123-45-67, (02) 9876 5432.
  String.raw`(?:[178][ -]?)?\(\d{2,5}\)[ .-]?\d{2,4}(?:[ .-]?\d{2,4}){1,3}`,
  // Dash groups: 050-123-4567, 555-123-4567, 03-1234-5678, 8-800-555-35-35, 1-800-555-0199.
  String.raw`\d{1,4}(?:-\d{2,4}){2,4}`,
  // A trunk 0 and one separator throughout: 020 7946 0958, 06 12 34 56 78, 06.12.34.56.78, 030 12345678.
  String.raw`0\d{1,4}([ .])\d{2,8}(?:\1\d{2,4}){0,4}`,
  // A trunk 0, an area code and a dash: 010-12345678, 050-1234567.
  String.raw`0\d{1,3}-\d{7,8}`,
  // US and Canada with spaces or dots: 555 123 4567, 555.123.4567 (a last group of four is no thousands).
  String.raw`\d{3}([ .])\d{3}\2\d{4}`,
  // Russian long distance: 8 800 555 35 35, 8 495 123 45 67.
  String.raw`[78]([ -])\d{3}\3\d{3}\3\d{2}\3\d{2}`,
  // Chinese mobiles: 138 0013 8000, 138-0013-8000, 13800138000.
  String.raw`1[3-9]\d([ -]?)\d{4}\4\d{4}`,
];
const PHONE = new RegExp(`${BEFORE}(?:${PHONE_LAYOUTS.join('|')})${AFTER}`, 'gu');
const PHONE_DIGITS = { min: 9, max: 15 };

/**
 * Words that say "phone" in the product languages and German, French, Spanish: any digit run after
 * one counts (a Polish "Tel. 501 234 567" has no layout of its own). Matched case-insensitively as
 * whole words, except Chinese, which has no spaces ("客服电话：400-123-4567").
 */
export const PHONE_WORDS: readonly string[] = [
  'tel',
  'tel\\. ?kom',
  'phone',
  'mobile',
  'mob',
  'cell',
  'telefon',
  'telefonu',
  'komórka',
  'kom',
  'телефон',
  'тел',
  'моб',
  'сотовый',
  'טלפון',
  'טל׳',
  'טל',
  'נייד',
  'téléphone',
  'portable',
  'teléfono',
  'móvil',
  'handy',
  'fon',
];
export const PHONE_WORDS_ZH: readonly string[] = ['电话', '電話', '手机', '手機', '座机', '座機'];
const LABELLED_PHONE = new RegExp(
  String.raw`(?:(?<![\p{L}\p{N}])(?:${PHONE_WORDS.join('|')})(?![\p{L}\p{N}])|(?:${PHONE_WORDS_ZH.join('|')})(?:号码|號碼|号|號)?)[\s.:：)-]{0,3}(\+?\(?\d[\d ().-]{5,22}\d)`,
  'giu',
);
const LABELLED_DIGITS = { min: 7, max: 15 };

const digitsOf = (s: string): string => s.replace(/\D/g, '');

/**
 * A phone match that ran on into a following number ("+48 123 456 789 2024") loses its trailing
 * groups until it has at most `max` digits; its length, or 0 when nothing of the right size is left.
 */
function phoneLength(s: string, min: number, max: number): number {
  let t = s;
  for (;;) {
    const n = digitsOf(t).length;
    if (n < min) return 0;
    if (n <= max) return t.length;
    const cut = t.search(/[ ./()-]+\d*$/);
    if (cut <= 0) return 0;
    t = t.slice(0, cut);
  }
}

/** The Luhn check (ISO/IEC 7812-1) over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** The IBAN check (ISO 13616): the country and check digits moved to the end, letters as 10-35, mod 97 is 1. */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/ /g, '');
  if (s.length < 15 || s.length > 34) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const d of value) rest = (rest * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rest === 1;
}

/** Cheap test first: most text on a page has no @, no run of seven digits and no masked card. */
const MAYBE = /@|\d(?:\D{0,3}\d){6}|[*•●∙·xX]{4}[ -]?\d{4}/;

function collect(
  text: string,
  re: RegExp,
  kind: SensitiveTextKind,
  length: (m: RegExpExecArray) => number,
): TextMatch[] {
  const out: TextMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = length(m);
    if (n > 0) out.push({ start: m.index, end: m.index + n, kind });
  }
  return out;
}

const whole = (ok: (m: RegExpExecArray) => boolean) => (m: RegExpExecArray) => (ok(m) ? m[0].length : 0);

/** A card number's length when it passes Luhn; a 4-4-4-4 number followed by a short group is tried without it. */
function cardLength(m: RegExpExecArray): number {
  if (luhnValid(digitsOf(m[0]))) return m[0].length;
  const tail = m[2];
  if (tail && luhnValid(digitsOf(m[0].slice(0, -tail.length)))) return m[0].length - tail.length;
  return 0;
}

function labelledPhones(text: string): TextMatch[] {
  const out: TextMatch[] = [];
  LABELLED_PHONE.lastIndex = 0;
  for (let m = LABELLED_PHONE.exec(text); m; m = LABELLED_PHONE.exec(text)) {
    const run = m[1]!;
    const start = m.index + m[0].length - run.length;
    const n = phoneLength(run, LABELLED_DIGITS.min, LABELLED_DIGITS.max);
    if (n > 0) out.push({ start, end: start + n, kind: 'phone' });
  }
  return out;
}

/** Overlapping matches become one range, the first one's kind kept. */
function merge(matches: TextMatch[]): TextMatch[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextMatch[] = [];
  for (const m of matches) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) last.end = Math.max(last.end, m.end);
    else out.push({ ...m });
  }
  return out;
}

/** Every e-mail address, phone number, card number and IBAN in `text`, as ranges of UTF-16 indices. */
export function findSensitiveText(text: string): TextMatch[] {
  if (!MAYBE.test(text)) return [];
  const found = [
    ...collect(
      text,
      EMAIL,
      'email',
      whole((m) => !FILE_SUFFIXES.has(m[1]!.toLowerCase())),
    ),
    ...collect(text, CARD, 'card', cardLength),
    ...collect(text, MASKED_CARD, 'card', (m) => m[0].length),
    ...collect(
      text,
      IBAN,
      'iban',
      whole((m) => ibanValid(m[0])),
    ),
    ...collect(text, PHONE, 'phone', (m) => phoneLength(m[0], PHONE_DIGITS.min, PHONE_DIGITS.max)),
    ...labelledPhones(text),
  ];
  return found.length > 1 ? merge(found) : found;
}
