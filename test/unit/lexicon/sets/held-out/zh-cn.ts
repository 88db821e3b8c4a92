// Held-out Simplified Chinese notes: written and labelled after the lexicon, never used to tune it.
import type { LabelledSet } from '../types.ts';

export const ZH_CN_HELD_OUT: LabelledSet = {
  lang: 'zh-CN',
  sentences: [
    ['搜索结果完全不相关，让我很恼火。', ['irritated']],
    ['从头到尾都很顺畅。', ['pleased']],
    ['快递员提前打了电话，感觉很贴心。', ['cared-for']],
    ['筛选条件总是被重置，真烦。', ['irritated']],
    ['商品页面没什么特别的。', []],
    ['输入银行卡信息的时候我有点紧张。', ['stressed']],
    ['客服很久都没回，然后直接关闭了对话。', ['neglected']],
    ['包装很精美，感觉被宠着。', ['indulgent']],
    ['地址自动填写不起作用，只能手动输入。', ['frustrated']],
    ['不太清楚选中了哪个配送时段。', ['frustrated']],
    ['付款过程没有任何问题。', ['pleased']],
    ['推荐的商品意外地有趣。', ['interested']],
    ['优惠码用不了，有点失望。', ['disappointed']],
    ['随便逛了逛商品目录。', ['exploratory']],
    ['这个网站让人信赖，退货政策也很明确。', ['trusting', 'focused']],
    ['打开了尺码表。', []],
    ['强行推销其他商品，太烦人了。', ['irritated']],
    ['进度条让我能够专注地完成付款。', ['focused']],
    ['对配送一点也不失望。', []],
    ['填完所有信息后我的尺码卖完了，真可惜。', ['disappointed']],
    ['物流跟踪页面毫无用处，什么都不显示。', ['frustrated']],
    ['配送很快，司机也很友好。', ['pleased', 'cared-for']],
    ['预订倒计时让我很着急。', ['hurried']],
    ['帮助中心解答了我的问题，感觉被照顾到了。', ['cared-for']],
    ['购物车页面很混乱，按钮也太小了。', ['frustrated']],
  ],
};
