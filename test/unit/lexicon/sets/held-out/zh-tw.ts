// Held-out Traditional Chinese notes: written and labelled after the lexicon, never used to tune it.
import type { LabelledSet } from '../types.ts';

export const ZH_TW_HELD_OUT: LabelledSet = {
  lang: 'zh-TW',
  sentences: [
    ['搜尋結果完全不相關，讓我很惱火。', ['irritated']],
    ['從頭到尾都很順暢。', ['pleased']],
    ['物流人員提前打了電話，感覺很貼心。', ['cared-for']],
    ['篩選條件一直被重置，真煩。', ['irritated']],
    ['商品頁面沒什麼特別的。', []],
    ['輸入信用卡資料的時候我有點緊張。', ['stressed']],
    ['客服很久都沒回，然後直接結束了對話。', ['neglected']],
    ['包裝很精美，感覺被寵著。', ['indulgent']],
    ['地址自動填寫沒有作用，只能手動輸入。', ['frustrated']],
    ['不太清楚選到了哪個配送時段。', ['frustrated']],
    ['付款過程沒有任何問題。', ['pleased']],
    ['推薦的商品意外地有趣。', ['interested']],
    ['折扣碼不能用，有點失望。', ['disappointed']],
    ['隨便逛了逛商品目錄。', ['exploratory']],
    ['這個網站讓人信賴，退貨政策也很明確。', ['trusting', 'focused']],
    ['打開了尺寸表。', []],
    ['硬要推銷其他商品，太煩人了。', ['irritated']],
    ['進度條讓我能夠專注地完成付款。', ['focused']],
    ['對配送一點也不失望。', []],
    ['填完所有資料後我的尺寸賣完了，真可惜。', ['disappointed']],
    ['物流追蹤頁面毫無用處，什麼都不顯示。', ['frustrated']],
    ['配送很快，司機也很友善。', ['pleased', 'cared-for']],
    ['預訂倒數計時讓我很著急。', ['hurried']],
    ['幫助中心解答了我的問題，感覺被照顧到了。', ['cared-for']],
    ['購物車頁面很混亂，按鈕也太小了。', ['frustrated']],
  ],
};
