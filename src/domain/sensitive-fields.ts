// Words that make a form field sensitive (METHOD.md conduct: what a shopper types there must never
// reach a screenshot). Kept as data so each language can be read and tested on its own; compiled once,
// at module load, into one RegExp per kind of text, because the content script asks for every field
// of every frame before each capture.
//
// Two kinds of text are matched:
//  - identifiers (name, id): written by developers, mostly English, split into words at camelCase,
//    digits and - _ . [ ] so that "billingZip", "addressLine1" and "shipping_address" match while
//    "zipper", "tip" and "spinner" do not;
//  - human text (label, placeholder, aria-label, title) in the five product languages (en, he, pl,
//    ru, zh) plus de, fr and es, matched as whole words (Chinese, which has no spaces, as substrings).
// Keywords are regular-expression fragments; \p{L}* lets a stem take its endings (Polish, Russian,
// German compounds). Both text and keywords are lower-cased and stripped of accents before matching,
// so "Straße", "Prénom" and "Contraseña" need no second spelling.

export type SensitiveCategory =
  | 'cardNumber'
  | 'cardHolder'
  | 'expiry'
  | 'cvc'
  | 'iban'
  | 'password'
  | 'pin'
  | 'email'
  | 'phone'
  | 'name'
  | 'address'
  | 'postcode'
  | 'city'
  | 'birthDate'
  | 'nationalId';

export type LabelLanguage = 'en' | 'he' | 'pl' | 'ru' | 'zh' | 'de' | 'fr' | 'es';

type Keywords = Readonly<Record<SensitiveCategory, readonly string[]>>;

/** Words of names and ids, already split (a space stands for any separator or none). */
export const IDENTIFIER_KEYWORDS: Keywords = {
  cardNumber: [
    'card ?(?:num(?:ber)?|no|nr)',
    'cc',
    'cc ?(?:num(?:ber)?|no)',
    'credit ?card',
    'kartennummer',
    'numero ?(?:de ?)?(?:tarjeta|carte)',
    'tarjeta',
    'pan',
  ],
  cardHolder: [
    'cc ?name',
    'card ?holder(?: ?name)?',
    'card ?name',
    'name ?on ?card',
    'holder ?name',
    'karteninhaber',
    'titular',
    'titulaire',
  ],
  expiry: [
    'exp(?:iry|iration|ires)?(?: ?(?:date|month|year|mm|yy|yyyy))?',
    'cc ?exp(?: ?(?:month|year))?',
    'mm ?yy',
    'valid ?(?:thru|until)',
    'ablauf(?:datum)?',
    'caducidad',
    'vencimiento',
  ],
  cvc: ['cvc2?', 'cvv2?', 'cvn', 'csc', 'cid', 'security ?code', 'card ?code', '(?:karten)?pruef(?:nummer|ziffer)'],
  iban: [
    'iban',
    'bic',
    'swift',
    'account ?(?:number|no|nr)',
    'bank ?account',
    'kontonummer',
    'routing ?number',
    'sort ?code',
  ],
  password: [
    'pass(?:word|wd|wort|phrase|code)?',
    'pwd',
    'pw',
    'kennwort',
    'mot ?de ?passe',
    'mdp',
    'contrasena',
    'haslo',
    'parol',
  ],
  pin: ['pin(?: ?code)?', 'otp', 'one ?time ?code', 'verification ?code', 'tan'],
  email: ['e ?mail(?: ?address)?', 'mail', 'correo', 'courriel'],
  phone: [
    'phone',
    'tel',
    'telephone',
    'telefon',
    'telefono',
    'mobile?',
    'mobil',
    'cell(?: ?phone)?',
    'handy',
    'fax',
    'msisdn',
    'portable',
    'movil',
    'celular',
  ],
  name: [
    'name',
    '(?:first|last|given|family|middle|full|sur|maiden|user|nick|display|contact|customer|recipient)name',
    'f ?name',
    'l ?name',
    'login',
    'vorname',
    'nachname',
    'prenom',
    'nombre',
    'apellidos?',
    'imie',
    'nazwisko',
    'nom',
  ],
  address: [
    'address',
    'addr',
    'street',
    'strasse',
    'adresse',
    'direccion',
    'calle',
    'rue',
    'adres',
    'ulica',
    'house ?(?:number|no|nr)',
    'hausnummer',
    'apartment',
    'apt',
    'suite',
  ],
  postcode: [
    'zip(?: ?code)?',
    'post(?:al)? ?code',
    'plz',
    'postleitzahl',
    'codigo ?postal',
    'code ?postal',
    'cp',
    'kod ?pocztowy',
  ],
  city: [
    'city',
    'town',
    'ort',
    'stadt',
    'wohnort',
    'ville',
    'ciudad',
    'localidad',
    'miasto',
    'miejscowosc',
    'locality',
    'suburb',
  ],
  birthDate: [
    'dob',
    'birth ?(?:date|day)?',
    'bday',
    'date ?of ?birth',
    'geburtsdatum',
    'geburtstag',
    'fecha ?(?:de ?)?nacimiento',
    'date ?(?:de ?)?naissance',
    'data ?urodzenia',
  ],
  nationalId: [
    'ssn',
    'social ?security(?: ?(?:number|no))?',
    'national ?id',
    'tax ?id',
    'tin',
    'nino?',
    'passport(?: ?(?:number|no|nr))?',
    'id ?(?:number|card|no|nr)',
    'personalausweis(?:nummer)?',
    'steuer ?id',
    'dni',
    'nie',
    'nif',
    'nir',
    'pesel',
    'nip',
    'inn',
    'snils',
    'teudat ?zehut',
    'driver ?licen[cs]e',
  ],
};

// Hebrew words often carry a one-letter prefix (ה the, ב in, ל to, ו and, מ from, ש that).
const HE = (word: string): string => `[הבלומש]?${word}`;

/** Human-readable words per language, lower case as written (accents are stripped when compiled). */
export const LABEL_KEYWORDS: Readonly<Record<LabelLanguage, Keywords>> = {
  en: {
    cardNumber: ['card ?number', 'card no\\.?', '(?:credit|debit|bank) card'],
    cardHolder: ['name on (?:the )?card', "card ?holder(?:'s)?(?: name)?"],
    expiry: [
      'expiry(?: date)?',
      'expiration(?: date)?',
      'exp\\.? date',
      'expires',
      'valid (?:thru|through|until)',
      'mm ?/ ?yy',
    ],
    cvc: ['cvc', 'cvv', 'cvc2', 'cvv2', 'csc', 'security code', 'card code'],
    iban: ['iban', 'bic', 'swift', 'account number', 'sort code', 'routing number'],
    password: ['password', 'passcode', 'passphrase'],
    pin: ['pin', 'pin code', 'one-time code', 'verification code'],
    email: ['e-?mail(?: address)?'],
    phone: ['phone(?: number)?', 'telephone', 'mobile(?: number)?', 'cell(?: phone)?'],
    name: ['name', 'first name', 'last name', 'full name', 'surname', 'given name', 'family name', 'user ?name'],
    address: ['address(?: line)?', 'street', 'apartment', 'suite', 'house number'],
    postcode: ['zip(?: code)?', 'post ?code', 'postal code'],
    city: ['city', 'town'],
    birthDate: ['date of birth', 'birth ?date', 'birthday', 'dob'],
    nationalId: [
      'social security(?: number)?',
      'ssn',
      'national id(?: number)?',
      'passport(?: number)?',
      'tax id',
      'id number',
    ],
  },
  de: {
    cardNumber: ['kartennummer', '(?:kredit|debit|bank)karte'],
    cardHolder: ['karteninhaber(?:in)?', 'inhaber(?:in)?', 'name auf der karte'],
    expiry: ['ablaufdatum', 'gültig bis', 'läuft ab'],
    cvc: ['(?:karten)?prüfnummer', 'sicherheitscode', 'cvc', 'cvv'],
    iban: ['iban', 'bic', 'kontonummer', 'bankleitzahl'],
    password: ['\\p{L}*passwort\\p{L}*', 'kennwort'],
    pin: ['pin', 'einmalcode', 'bestätigungscode'],
    email: ['e-mail(?:-adresse)?', 'email'],
    phone: ['telefon\\p{L}*', 'handynummer', 'mobilnummer', 'handy', 'mobil'],
    name: ['name', 'vorname', 'nachname', 'familienname', 'benutzername'],
    address: ['\\p{L}*adresse', 'anschrift', 'straße', 'hausnummer', 'adresszusatz'],
    postcode: ['postleitzahl', 'plz'],
    city: ['ort', 'stadt', 'wohnort'],
    birthDate: ['geburtsdatum', 'geburtstag'],
    nationalId: [
      'steuer-id',
      'steuernummer',
      'personalausweis\\p{L}*',
      'sozialversicherungsnummer',
      'reisepass\\p{L}*',
    ],
  },
  fr: {
    cardNumber: ['numéro de (?:la )?carte', 'carte bancaire', 'carte de crédit'],
    cardHolder: ['titulaire(?: de la carte)?', 'nom du titulaire'],
    expiry: ["date d'expiration", 'expiration', "date d'échéance"],
    cvc: ['cryptogramme(?: visuel)?', 'code de sécurité', 'cvc', 'cvv'],
    iban: ['iban', 'bic', 'numéro de compte'],
    password: ['mot de passe'],
    pin: ['code pin', 'pin', 'code de vérification'],
    email: ['e-?mail', 'courriel', 'adresse (?:e-?mail|électronique)'],
    phone: ['téléphone', 'portable', 'mobile', 'numéro de téléphone'],
    name: ['nom', 'prénom', 'nom de famille', "nom d'utilisateur", 'identifiant'],
    address: ['adresse', 'rue', "complément d'adresse"],
    postcode: ['code postal'],
    city: ['ville', 'commune', 'localité'],
    birthDate: ['date de naissance'],
    nationalId: ['numéro de sécurité sociale', "pièce d'identité", 'numéro fiscal', 'passeport'],
  },
  es: {
    cardNumber: ['número de (?:la )?tarjeta', 'tarjeta(?: de crédito| de débito)?'],
    cardHolder: ['titular(?: de la tarjeta)?', 'nombre en la tarjeta'],
    expiry: ['fecha de (?:caducidad|vencimiento|expiración)', 'caducidad', 'vencimiento'],
    cvc: ['código de seguridad', 'cvc', 'cvv'],
    iban: ['iban', 'número de cuenta'],
    password: ['contraseña', 'clave'],
    pin: ['pin', 'código de verificación'],
    email: ['correo(?: electrónico)?', 'e-?mail'],
    phone: ['teléfono', 'móvil', 'celular'],
    name: ['nombre', 'apellidos?', 'nombre de usuario', 'usuario'],
    address: ['dirección', 'calle', 'domicilio'],
    postcode: ['código postal'],
    city: ['ciudad', 'localidad', 'municipio', 'población'],
    birthDate: ['fecha de nacimiento'],
    nationalId: ['dni', 'nie', 'nif', 'pasaporte', 'documento de identidad'],
  },
  pl: {
    cardNumber: ['numer karty', 'kart\\p{L}* (?:kredytow|płatnicz)\\p{L}*'],
    cardHolder: ['posiadacz\\p{L}* karty', 'właściciel\\p{L}* karty'],
    expiry: ['data ważności', 'ważna do', 'termin ważności'],
    cvc: ['kod (?:cvc|cvv|bezpieczeństwa)', 'cvc', 'cvv'],
    iban: ['iban', 'numer (?:konta|rachunku)'],
    password: ['hasł\\p{L}*', 'hasl\\p{L}*'],
    pin: ['pin', 'kod pin', 'kod weryfikacyjny'],
    email: ['e-?mail', 'adres e-?mail'],
    phone: ['telefon\\p{L}*', 'numer telefonu', 'komórk\\p{L}*'],
    name: ['imi\\p{L}*', 'nazwisk\\p{L}*', 'nazwa użytkownika', 'login'],
    address: ['adres\\p{L}*', 'ulica', 'ulicy', 'numer domu', 'mieszkani\\p{L}*'],
    postcode: ['kod pocztowy', 'kodu pocztowego'],
    city: ['miasto', 'miejscowość', 'miasta'],
    birthDate: ['data urodzenia', 'daty urodzenia'],
    nationalId: ['pesel', 'nip', 'numer dowodu(?: osobistego)?', 'paszport\\p{L}*'],
  },
  ru: {
    cardNumber: ['номер карты', 'карт\\p{L}*'],
    cardHolder: ['владел\\p{L}* карты', 'имя владельца'],
    expiry: ['срок действия', 'действительна до'],
    cvc: ['cvc', 'cvv', 'код безопасности'],
    iban: ['iban', 'номер счёта', 'расч\\p{L}*т\\p{L}* сч\\p{L}*т', 'бик'],
    password: ['парол\\p{L}*'],
    pin: ['пин(?:-код)?', 'pin', 'код подтверждения'],
    email: ['электронн\\p{L}* почт\\p{L}*', 'почт\\p{L}*', 'e-?mail'],
    phone: ['телефон\\p{L}*', 'мобильн\\p{L}*'],
    name: ['имя', 'имени', 'фамили\\p{L}*', 'отчеств\\p{L}*', 'логин'],
    address: ['адрес\\p{L}*', 'улиц\\p{L}*', 'квартир\\p{L}*'],
    postcode: ['(?:почтовый )?индекс'],
    city: ['город\\p{L}*', 'населённый пункт'],
    birthDate: ['дата рождения', 'день рождения'],
    nationalId: ['паспорт\\p{L}*', 'снилс', 'инн'],
  },
  he: {
    cardNumber: [HE('מספר כרטיס'), HE('כרטיס אשראי')],
    cardHolder: [HE('בעל הכרטיס'), HE('שם בעל הכרטיס')],
    expiry: [HE('תוקף'), HE('תאריך תפוגה')],
    cvc: ['cvv', 'cvc', HE('קוד אבטחה'), HE('ספרות בגב הכרטיס')],
    iban: ['iban', HE('מספר חשבון')],
    password: [HE('סיסמ[הא]'), HE('קוד סודי')],
    pin: [HE('קוד אימות')],
    email: [HE('דוא["״]ל'), HE('דואר אלקטרוני'), HE('אימייל'), HE('מייל')],
    phone: [HE('טלפון'), HE('נייד')],
    name: [HE('שם'), HE('שם פרטי'), HE('שם משפחה'), HE('שם מלא'), HE('שם משתמש')],
    address: [HE('כתובת'), HE('רחוב'), HE('דירה')],
    postcode: [HE('מיקוד')],
    city: [HE('עיר'), HE('יישוב')],
    birthDate: [HE('תאריך לידה')],
    nationalId: [HE('תעודת זהות'), HE('ת["״]ז'), HE('מספר זהות'), HE('דרכון')],
  },
  // Chinese, simplified and traditional: written without spaces, so matched anywhere in the text.
  zh: {
    cardNumber: ['卡号', '卡號', '银行卡', '銀行卡', '信用卡'],
    cardHolder: ['持卡人'],
    expiry: ['有效期', '到期'],
    cvc: ['安全码', '安全碼', 'cvv', 'cvc'],
    iban: ['iban', '账号', '帳號', '账户', '帳戶'],
    password: ['密码', '密碼'],
    pin: ['验证码', '驗證碼'],
    email: ['邮箱', '郵箱', '电子邮件', '電子郵件', '电邮', '電郵'],
    phone: ['手机', '手機', '电话', '電話'],
    name: ['姓名', '名字', '姓氏', '用户名', '用戶名'],
    address: ['地址', '街道'],
    postcode: ['邮编', '郵編', '邮政编码', '郵政編碼', '郵遞區號'],
    city: ['城市'],
    birthDate: ['出生日期', '生日'],
    nationalId: ['身份证', '身份證', '身分證', '护照', '護照'],
  },
};

/** Lower case without accents (NFD, then combining marks dropped): the form both sides are compared in. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** "billingZip", "address_line1", "CCNumber" → "billing zip", "address line 1", "cc number". */
export function splitIdentifier(identifier: string): string {
  return foldText(
    identifier
      .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
      .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
      .replace(/(\p{L})(\d)/gu, '$1 $2')
      .replace(/(\d)(\p{L})/gu, '$1 $2'),
  )
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// A letter or digit of the folded text (lower case, accents gone) in the bounded languages: Latin with
// its extensions (ł, ß), Greek, Cyrillic, Hebrew. Spelled as ranges rather than \p{L}: without the u
// flag the pattern's first use in a Chromium page (compilation) took a median 2.4 ms against 6.7 ms,
// together with the identifier pattern (15 page loads each), and every frame pays it once.
const WORD_CHAR = '[0-9a-z\\u00b5\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u052f\\u05d0-\\u05ea]';

/** A keyword folded as text is ("é" becomes "e"), its \\p{L} classes kept as written. */
const foldKeyword = (fragment: string): string => foldText(fragment).replaceAll('\\p{l}', WORD_CHAR);

const all = (lists: Keywords): string[] => Object.values(lists).flat();

// A word inside an identifier: bounded by a space or either end of the split text.
// The keywords are ASCII, so no u flag (which makes a pattern slower to compile; see WORD_CHAR).
const IDENTIFIER_RE = new RegExp(`(?:^| )(?:${all(IDENTIFIER_KEYWORDS).join('|')})(?= |$)`);

const bounded = (Object.keys(LABEL_KEYWORDS) as LabelLanguage[])
  .filter((lang) => lang !== 'zh')
  .flatMap((lang) => all(LABEL_KEYWORDS[lang]))
  .map(foldKeyword);
const LABEL_RE = new RegExp(
  `(?<!${WORD_CHAR})(?:${bounded.join('|')})(?!${WORD_CHAR})|${all(LABEL_KEYWORDS.zh).map(foldKeyword).join('|')}`,
);

/** Whether a field's name or id names sensitive data. */
export function isSensitiveIdentifier(identifier: string): boolean {
  return identifier !== '' && IDENTIFIER_RE.test(splitIdentifier(identifier));
}

/** Labels longer than this are prose (a consent checkbox's paragraph), not a field's name. */
const LABEL_MAX = 120;

/** Whether a field's label, placeholder or aria-label names sensitive data, in any of the eight languages. */
export function isSensitiveLabel(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > LABEL_MAX) return false;
  return LABEL_RE.test(foldText(trimmed.replace(/\s+/g, ' ')));
}
