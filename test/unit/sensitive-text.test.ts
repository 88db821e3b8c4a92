// The patterns that find personal data shown as text. Each positive case names the exact part that
// must be covered (nothing more: a covered label or price hides evidence); each negative case is text
// a shop shows that must stay readable: prices, dates, times, versions, years, order numbers.
import { describe, expect, it } from 'vitest';
import { findSensitiveText, ibanValid, luhnValid, type SensitiveTextKind } from '../../src/domain/sensitive-text.ts';

const covered = (text: string): string[] => findSensitiveText(text).map((m) => text.slice(m.start, m.end));
const kinds = (text: string): SensitiveTextKind[] => findSensitiveText(text).map((m) => m.kind);

/** [text, the covered part(s), kind] */
const POSITIVE: [string, string[], SensitiveTextKind][] = [
  // e-mail
  ['Signed in as ada@example.org', ['ada@example.org'], 'email'],
  ['Contact: first.last+shop@mail.co.uk.', ['first.last+shop@mail.co.uk'], 'email'],
  ['Zalogowano jako jan.kowalski@poczta.pl', ['jan.kowalski@poczta.pl'], 'email'],
  ['Вы вошли как иван@почта.рф', ['иван@почта.рф'], 'email'],
  ['邮箱ada@example.cn获取帮助', ['ada@example.cn'], 'email'],
  ['מחובר בתור dana@example.co.il', ['dana@example.co.il'], 'email'],
  ['(ADA_99@Sub-Domain.Example.COM)', ['ADA_99@Sub-Domain.Example.COM'], 'email'],
  // cards (Luhn-valid test numbers)
  ['Card: 4111 1111 1111 1111', ['4111 1111 1111 1111'], 'card'],
  ['Paid with 5555-5555-5555-4444.', ['5555-5555-5555-4444'], 'card'],
  ['Amex 3782 822463 10005 charged', ['3782 822463 10005'], 'card'],
  ['Diners 3056 930902 5904', ['3056 930902 5904'], 'card'],
  ['Karta 4012888888881881 obciążona', ['4012888888881881'], 'card'],
  ['Карта 2200 0000 0000 0004', ['2200 0000 0000 0004'], 'card'],
  ['卡号 6200 0000 0000 0005 已支付', ['6200 0000 0000 0005'], 'card'],
  ['Card 4111 1111 1111 1111 12 May', ['4111 1111 1111 1111'], 'card'],
  ['Visa •••• •••• •••• 4242', ['•••• •••• •••• 4242'], 'card'],
  ['Mastercard **** 4444', ['**** 4444'], 'card'],
  ['XXXX-XXXX-XXXX-1234 expires soon', ['XXXX-XXXX-XXXX-1234'], 'card'],
  // IBAN
  ['IBAN: DE89 3704 0044 0532 0130 00 (Commerzbank)', ['DE89 3704 0044 0532 0130 00'], 'iban'],
  ['Nr konta PL61109010140000071219812874', ['PL61109010140000071219812874'], 'iban'],
  ['GB29 NWBK 6016 1331 9268 19 is ours', ['GB29 NWBK 6016 1331 9268 19'], 'iban'],
  // phones
  ['Call +48 123 456 789 today', ['+48 123 456 789'], 'phone'],
  ['Tel:+7 (495) 123-45-67', ['+7 (495) 123-45-67'], 'phone'],
  ['Call (555) 123-4567 for help', ['(555) 123-4567'], 'phone'],
  ['Звоните 8 (495) 123-45-67', ['8 (495) 123-45-67'], 'phone'],
  ['Звоните 8 800 555 35 35 бесплатно', ['8 800 555 35 35'], 'phone'],
  ['Горячая линия 8-800-555-35-35', ['8-800-555-35-35'], 'phone'],
  ['נא להתקשר 050-123-4567', ['050-123-4567'], 'phone'],
  ['נייד 050-1234567', ['050-1234567'], 'phone'],
  ['联系 138 0013 8000 客服', ['138 0013 8000'], 'phone'],
  ['手机13800138000', ['13800138000'], 'phone'],
  ['客服电话：400-123-4567', ['400-123-4567'], 'phone'],
  ['電話：02-2345-6789', ['02-2345-6789'], 'phone'],
  ['Call 1-800-555-0199 now', ['1-800-555-0199'], 'phone'],
  ['US office 555.123.4567', ['555.123.4567'], 'phone'],
  ['London 020 7946 0958', ['020 7946 0958'], 'phone'],
  ['Appelez le 06 12 34 56 78', ['06 12 34 56 78'], 'phone'],
  ['Appelez le 06.12.34.56.78', ['06.12.34.56.78'], 'phone'],
  ['Berlin +49 (0)30 1234567', ['+49 (0)30 1234567'], 'phone'],
  ['Fon: 030 12345678', ['030 12345678'], 'phone'],
  ['Tel. 501 234 567', ['501 234 567'], 'phone'],
  ['Телефон: 123-45-67', ['123-45-67'], 'phone'],
  ['Teléfono 912 345 678', ['912 345 678'], 'phone'],
  ['Infolinia +48 123 456 789 pn–pt 9–17', ['+48 123 456 789'], 'phone'],
  ['Tel. 501 234 567 / 600 700 800', ['501 234 567'], 'phone'],
  ['Tel. 22 123 45 67', ['22 123 45 67'], 'phone'],
  ['+972-3-123-4567', ['+972-3-123-4567'], 'phone'],
  ['Tokyo 03-1234-5678', ['03-1234-5678'], 'phone'],
];

const NEGATIVE: string[] = [
  // prices
  'Total $1,234.56',
  'Razem 1 299,00 zł',
  'Итого 12 345,67 ₽',
  'Итого 1 234 567 ₽',
  '合计 ￥13,800.00',
  'סה״כ ₪ 1,299.90',
  'Price: € 1.299,00',
  'Save +20% today',
  '+12 345 678 views',
  // dates and times
  'Delivered 2024-01-15',
  'Dostawa 15.01.2024 14:30',
  'Order date 01/15/2024 12:30:45',
  'Доставка 05.12.2024 10.30',
  '2024年1月15日 下午3:00',
  'Open 09:00–18:00, Mon–Fri',
  '2024-01-15T12:30:00Z',
  // versions, years, numbers
  'Version 10.0.19045.3930',
  'v1.2.3-beta.4',
  '© 1999–2024 Shop Ltd',
  'Server 192.168.100.200',
  'ISBN 978-3-16-148410-0',
  '1 000 000 customers served',
  '100 200 300 items',
  'Coordinates 52.2297, 21.0122',
  'Showing 1-20 of 345',
  'Kod pocztowy 00-950 Warszawa',
  // order numbers and ids
  'Order #100045678',
  'Order ORD-2024-1234-5678',
  'Zamówienie nr 4111 1111 1111 1112',
  'Tracking 1Z999AA10123456784',
  'Ref 1234567890123456',
  'EAN 5901234123457',
  'Invoice 2024/01/0001234',
  'Dostawa 12.05.2024, 3 szt. po 12,99 zł',
  'Timestamp 1700000000000',
  // not addresses or phones
  'Follow @peakend on social',
  'icon@2x.png',
  'user@localhost',
  'Call 911',
  'Tel. 112',
  'Screen 1920x1080',
  'Cart (2) items: 3',
  'Rabat 15% do 31.12',
];

describe('findSensitiveText', () => {
  it.each(POSITIVE)('covers %j', (text, parts, kind) => {
    expect(covered(text)).toEqual(parts);
    expect(kinds(text)).toEqual(parts.map(() => kind));
  });

  it.each(NEGATIVE)('leaves %j readable', (text) => {
    expect(covered(text)).toEqual([]);
  });

  it('finds every item of an order confirmation, and nothing else', () => {
    const text =
      'Order #100045678 of 15.01.2024, total $1,234.56. Ship to ada@example.org, phone +48 123 456 789; paid with 4111 1111 1111 1111.';
    expect(covered(text)).toEqual(['ada@example.org', '+48 123 456 789', '4111 1111 1111 1111']);
  });

  it('covers a phone that runs on into another number, with at most its trailing group', () => {
    const [part] = covered('Tel. +48 123 456 789 12 345 678 odwiedzin');
    expect(part?.startsWith('+48 123 456 789')).toBe(true);
    expect(part?.length).toBeLessThanOrEqual('+48 123 456 789 12'.length);
  });

  it('has enough cases on both sides to mean something', () => {
    expect(POSITIVE.length).toBeGreaterThanOrEqual(30);
    expect(NEGATIVE.length).toBeGreaterThanOrEqual(30);
  });
});

describe('checks', () => {
  it('Luhn passes test card numbers and fails one digit off', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });

  it('IBAN mod 97 passes real examples and fails a changed digit', () => {
    expect(ibanValid('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(ibanValid('GB29NWBK60161331926819')).toBe(true);
    expect(ibanValid('DE89 3704 0044 0532 0130 01')).toBe(false);
  });
});
