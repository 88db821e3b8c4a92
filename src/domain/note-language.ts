// Which language a note is written in, so its emotion words are read with the right lexicon
// (METHOD.md: "Emotion words are recognised in the note's own language").
//
// Rules (ours):
//  - The script of the note's letters decides first: most letters Cyrillic -> 'ru', Hebrew ->
//    'he', Han -> Chinese, unless the caller's language is another language of that script
//    ('uk' stays 'uk'); any kana -> 'ja'. An auditor may write in their own language about a
//    site in another, so the note's script beats the audit's locale.
//  - Chinese: 'zh-TW' when more characters are distinctive of Traditional than of Simplified,
//    'zh-CN' when fewer; on a tie, the caller's zh variant, else 'zh-CN'.
//  - Latin script: Polish letters (ą ć ę ł ń ó ś ź ż) -> 'pl'; else more words that look Polish
//    (common Polish words, or spellings like rz, cz, sz, prz-, nie-, -ych, -ów) than common
//    English words -> 'pl', fewer -> 'en'; on a tie the caller's language, else 'en'.

// Characters written only in Simplified, and only in Traditional (common ones in shopping notes;
// characters both scripts use, like 里 or 后, are left out).
const SIMPLIFIED = new Set(
  '这们说对时会没还为发经过来个么样让点觉网页买卖单货运务员无问题应该钱账复迟难烦满体验递实现给关头车东门开长处专从丽随读选择标并亏线顺种礼装浏览热担两写码输击数计讯邮区号钮载户气图价费订阅弹视册导认确机话电钟银类显红优产币际业购万与么边进动还这样连锁荐踪筛',
);
const TRADITIONAL = new Set(
  '這們說對時會沒還為發經過來個麼樣讓點覺網頁買賣單貨運務員無問題應該錢賬帳復覆遲難煩滿體驗遞實現給關頭車東門開長處專從麗隨讀選擇標並虧線順種禮裝瀏覽熱擔兩寫碼輸擊數計訊郵區號鈕載戶氣圖價費訂閱彈視冊導認確機話電鐘銀類顯紅優產幣際業購萬與邊進動連鎖註裡薦蹤篩',
);

const POLISH_LETTERS = /[ąćęłńśźż]/iu;
const POLISH_WORDS = new Set(
  'nie jest było była był się na do że za ze bardzo ale czy jak już tak tylko przy mnie mi jestem strona stronie koszyk zamówienie dostawa płatność'.split(
    ' ',
  ),
);
/** Spellings common in Polish and rare in English, for notes typed without diacritics. */
const POLISH_SPELLING = /rz|cz|sz|^prz|^nie\p{L}|ych$|ów$|ość$|ego$/u;
const ENGLISH_WORDS = new Set(
  'the is was were and not but with for this that it my of very too page site checkout delivery payment'.split(' '),
);

const CYRILLIC_LANGS = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'tg', 'mn']);
const HEBREW_LANGS = new Set(['he', 'iw', 'yi']);

const primaryOf = (lang: string | undefined): string =>
  (lang ?? '').trim().toLowerCase().replace(/_/g, '-').split('-')[0] ?? '';

function zhVariant(note: string, hint: string | undefined): string {
  let simplified = 0;
  let traditional = 0;
  for (const ch of note) {
    if (SIMPLIFIED.has(ch)) simplified += 1;
    else if (TRADITIONAL.has(ch)) traditional += 1;
  }
  if (traditional !== simplified) return traditional > simplified ? 'zh-TW' : 'zh-CN';
  const tag = (hint ?? '').toLowerCase().replace(/_/g, '-');
  return /^zh-(tw|hk|mo|hant)/.test(tag) ? 'zh-TW' : 'zh-CN';
}

/** The note's language as a BCP 47 tag ('en', 'ru', 'pl', 'he', 'zh-CN', 'zh-TW', or `hint`). */
export function noteLanguage(note: string, hint?: string): string {
  const hinted = primaryOf(hint);
  let cyrillic = 0;
  let hebrew = 0;
  let han = 0;
  let kana = 0;
  let latin = 0;
  for (const ch of note) {
    if (/\p{Script=Cyrillic}/u.test(ch)) cyrillic += 1;
    else if (/\p{Script=Hebrew}/u.test(ch)) hebrew += 1;
    else if (/\p{Script=Han}/u.test(ch)) han += 1;
    else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) kana += 1;
    else if (/\p{Script=Latin}/u.test(ch)) latin += 1;
  }
  const top = Math.max(cyrillic, hebrew, han + kana, latin);
  if (top > 0 && top !== latin) {
    if (top === cyrillic) return CYRILLIC_LANGS.has(hinted) ? hinted : 'ru';
    if (top === hebrew) return HEBREW_LANGS.has(hinted) && hinted !== 'iw' ? hinted : 'he';
    return kana > 0 ? 'ja' : zhVariant(note, hint);
  }
  if (POLISH_LETTERS.test(note)) return 'pl';
  let polish = 0;
  let english = 0;
  for (const m of note.toLowerCase().matchAll(/\p{L}+/gu)) {
    if (POLISH_WORDS.has(m[0]) || POLISH_SPELLING.test(m[0])) polish += 1;
    if (ENGLISH_WORDS.has(m[0])) english += 1;
  }
  if (polish !== english) return polish > english ? 'pl' : 'en';
  return hinted || 'en';
}
