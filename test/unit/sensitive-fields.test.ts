import { describe, expect, it } from 'vitest';
import {
  isSensitiveIdentifier,
  isSensitiveLabel,
  splitIdentifier,
  type LabelLanguage,
  type SensitiveCategory,
} from '../../src/domain/sensitive-fields.ts';

describe('splitIdentifier', () => {
  it('splits at camelCase, digits and separators, lower-cased', () => {
    expect(splitIdentifier('billingZip')).toBe('billing zip');
    expect(splitIdentifier('addressLine1')).toBe('address line 1');
    expect(splitIdentifier('shipping_address')).toBe('shipping address');
    expect(splitIdentifier('CCNumber')).toBe('cc number');
    expect(splitIdentifier('user[e-mail]')).toBe('user e mail');
  });
});

describe('names and ids', () => {
  const positives: Record<SensitiveCategory, string[]> = {
    cardNumber: ['cardNumber', 'cc-number', 'card_no', 'kartennummer'],
    cardHolder: ['cc-name', 'cardholderName', 'name_on_card'],
    expiry: ['cc-exp', 'expiryDate', 'exp_month', 'mmyy'],
    cvc: ['cvc', 'card-cvv2', 'securityCode', 'csc'],
    iban: ['iban', 'bankAccount', 'account_number'],
    password: ['password', 'new_passwd', 'userPwd', 'passwort', 'contrasena'],
    pin: ['pin', 'pinCode', 'otp'],
    email: ['email', 'e-mail', 'customerEmailAddress', 'correo'],
    phone: ['phone', 'tel', 'mobileNumber', 'telefon'],
    name: ['firstName', 'lastname', 'username', 'fname', 'vorname', 'nazwisko', 'billing-name'],
    address: ['shipping_address', 'addressLine1', 'address2', 'street', 'strasse'],
    postcode: ['zip', 'billingZip', 'postalCode', 'plz', 'postcode'],
    city: ['city', 'billing_city', 'stadt', 'ville'],
    birthDate: ['dob', 'birthDate', 'date_of_birth', 'geburtsdatum'],
    nationalId: ['ssn', 'nationalId', 'passportNumber', 'pesel', 'dni'],
  };
  for (const [category, names] of Object.entries(positives)) {
    it(`finds ${category}`, () => {
      for (const name of names) expect(isSensitiveIdentifier(name), name).toBe(true);
    });
  }
  it('leaves words that only contain a keyword', () => {
    for (const name of [
      'tip',
      'zipper',
      'spinner',
      'pinterest',
      'expand',
      'typewriter',
      'search',
      'coupon-note',
      'quantity',
      'shippingMethod',
      'ident',
      'pantry',
      'citywalk',
      '',
    ])
      expect(isSensitiveIdentifier(name), name).toBe(false);
  });
});

// One label per category and language, then text in the same language that must stay readable.
const LABELS: Record<LabelLanguage, { yes: Record<SensitiveCategory, string>; no: string[] }> = {
  en: {
    yes: {
      cardNumber: 'Card number',
      cardHolder: 'Name on card',
      expiry: 'Expiration date',
      cvc: 'Security code',
      iban: 'IBAN',
      password: 'Password',
      pin: 'PIN',
      email: 'E-mail address',
      phone: 'Phone number',
      name: 'First name',
      address: 'Address line 2',
      postcode: 'ZIP code',
      city: 'City',
      birthDate: 'Date of birth',
      nationalId: 'Social security number',
    },
    no: ['Search', 'Coupon note', 'Quantity', 'Gift message', 'Spinner speed'],
  },
  de: {
    yes: {
      cardNumber: 'Kartennummer',
      cardHolder: 'Karteninhaber',
      expiry: 'Gültig bis',
      cvc: 'Prüfnummer',
      iban: 'IBAN',
      password: 'Passwort wiederholen',
      pin: 'PIN',
      email: 'E-Mail-Adresse',
      phone: 'Telefonnummer',
      name: 'Nachname',
      address: 'Rechnungsadresse',
      postcode: 'PLZ',
      city: 'Ort',
      birthDate: 'Geburtsdatum',
      nationalId: 'Steuer-ID',
    },
    no: ['Suche', 'Menge', 'Gutscheincode', 'Bemerkung'],
  },
  fr: {
    yes: {
      cardNumber: 'Numéro de carte',
      cardHolder: 'Titulaire de la carte',
      expiry: "Date d'expiration",
      cvc: 'Cryptogramme visuel',
      iban: 'IBAN',
      password: 'Mot de passe',
      pin: 'Code PIN',
      email: 'Courriel',
      phone: 'Téléphone',
      name: 'Prénom',
      address: 'Adresse',
      postcode: 'Code postal',
      city: 'Ville',
      birthDate: 'Date de naissance',
      nationalId: 'Numéro de sécurité sociale',
    },
    no: ['Recherche', 'Quantité', 'Code promo', 'Commentaire'],
  },
  es: {
    yes: {
      cardNumber: 'Número de tarjeta',
      cardHolder: 'Titular de la tarjeta',
      expiry: 'Fecha de caducidad',
      cvc: 'Código de seguridad',
      iban: 'IBAN',
      password: 'Contraseña',
      pin: 'PIN',
      email: 'Correo electrónico',
      phone: 'Teléfono',
      name: 'Apellidos',
      address: 'Dirección',
      postcode: 'Código postal',
      city: 'Ciudad',
      birthDate: 'Fecha de nacimiento',
      nationalId: 'DNI',
    },
    no: ['Buscar', 'Cantidad', 'Código promocional', 'Comentario'],
  },
  pl: {
    yes: {
      cardNumber: 'Numer karty',
      cardHolder: 'Posiadacz karty',
      expiry: 'Data ważności',
      cvc: 'Kod CVV',
      iban: 'Numer konta',
      password: 'Hasło',
      pin: 'Kod PIN',
      email: 'Adres e-mail',
      phone: 'Numer telefonu',
      name: 'Imię',
      address: 'Adres dostawy',
      postcode: 'Kod pocztowy',
      city: 'Miejscowość',
      birthDate: 'Data urodzenia',
      nationalId: 'PESEL',
    },
    no: ['Szukaj', 'Ilość', 'Kod rabatowy', 'Uwagi'],
  },
  ru: {
    yes: {
      cardNumber: 'Номер карты',
      cardHolder: 'Владелец карты',
      expiry: 'Срок действия',
      cvc: 'Код безопасности',
      iban: 'Номер счёта',
      password: 'Пароль',
      pin: 'ПИН-код',
      email: 'Электронная почта',
      phone: 'Телефон',
      name: 'Фамилия',
      address: 'Адрес доставки',
      postcode: 'Почтовый индекс',
      city: 'Город',
      birthDate: 'Дата рождения',
      nationalId: 'Серия и номер паспорта',
    },
    no: ['Поиск', 'Количество', 'Промокод', 'Комментарий'],
  },
  he: {
    yes: {
      cardNumber: 'מספר כרטיס',
      cardHolder: 'שם בעל הכרטיס',
      expiry: 'תוקף',
      cvc: 'קוד אבטחה',
      iban: 'מספר חשבון',
      password: 'סיסמה',
      pin: 'קוד אימות',
      email: 'דוא"ל',
      phone: 'טלפון נייד',
      name: 'שם פרטי',
      address: 'כתובת',
      postcode: 'מיקוד',
      city: 'עיר',
      birthDate: 'תאריך לידה',
      nationalId: 'תעודת זהות',
    },
    no: ['חיפוש', 'כמות', 'קוד קופון', 'הערות'],
  },
  zh: {
    yes: {
      cardNumber: '银行卡号',
      cardHolder: '持卡人',
      expiry: '有效期',
      cvc: '安全码',
      iban: '银行账号',
      password: '请输入密码',
      pin: '短信验证码',
      email: '电子邮件',
      phone: '手机号码',
      name: '姓名',
      address: '收货地址',
      postcode: '邮政编码',
      city: '城市',
      birthDate: '出生日期',
      nationalId: '身份证号',
    },
    no: ['搜索', '数量', '优惠码', '备注'],
  },
};

describe('labels, placeholders and aria-labels', () => {
  for (const [lang, { yes, no }] of Object.entries(LABELS)) {
    it(`finds every category in ${lang}`, () => {
      for (const [category, text] of Object.entries(yes))
        expect(isSensitiveLabel(text), `${category}: ${text}`).toBe(true);
    });
    it(`leaves neutral ${lang} labels readable`, () => {
      for (const text of no) expect(isSensitiveLabel(text), text).toBe(false);
    });
  }
  it('ignores a long paragraph that merely mentions an address', () => {
    expect(isSensitiveLabel(`I agree that my address may be used for ${'marketing purposes, '.repeat(8)}`)).toBe(false);
  });
});
