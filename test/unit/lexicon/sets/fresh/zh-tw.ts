// Fresh Traditional Chinese notes: written after the held-out round and measured once; no cue was added for them.
import type { LabelledSet } from '../types.ts';

export const ZH_TW_FRESH: LabelledSet = {
  lang: 'zh-TW',
  sentences: [
    ['用電子郵件登入試了三次才成功，真讓人抓狂。', ['irritated']],
    ['退貨標籤一次就印好了，簡單方便。', ['pleased']],
    ['附照片的評價讓我對其他顏色很好奇。', ['interested']],
    ['在客服排隊等了25分鐘都沒人理。', ['neglected']],
    ['門市取貨的說明含糊不清。', ['frustrated']],
    ['在購物車加了兩件商品。', []],
    ['包裹裡有一張感謝卡，感覺被重視了。', ['valued']],
    ['密碼規則沒有說明，我一直輸錯。', ['frustrated']],
    ['付款時頁面突然重新整理，我很焦慮。', ['stressed']],
    ['這個App設計得很漂亮，用起來很好玩。', ['stimulated']],
    ['包裝不怎麼樣。', ['unsatisfied']],
    ['限時搶購的橫幅催著我快點決定。', ['hurried']],
    ['看到安全付款的標誌很安心。', ['safe']],
    ['運費到最後才顯示，感覺被誤導了。', ['disappointed']],
    ['整個過程一點也不著急。', []],
  ],
};
