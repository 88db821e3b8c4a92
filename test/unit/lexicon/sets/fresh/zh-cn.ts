// Fresh Simplified Chinese notes: written after the held-out round and measured once; no cue was added for them.
import type { LabelledSet } from '../types.ts';

export const ZH_CN_FRESH: LabelledSet = {
  lang: 'zh-CN',
  sentences: [
    ['用邮箱登录试了三次才成功，真让人抓狂。', ['irritated']],
    ['退货标签一次就打印好了，简单方便。', ['pleased']],
    ['带图的评价让我对其他颜色很好奇。', ['interested']],
    ['在聊天队列里等了25分钟都没人理。', ['neglected']],
    ['门店自提的说明含糊不清。', ['frustrated']],
    ['往购物车里加了两件商品。', []],
    ['包裹里有一张感谢卡，感觉被重视了。', ['valued']],
    ['密码规则没有说明，我一直输错。', ['frustrated']],
    ['付款时页面突然刷新，我很焦虑。', ['stressed']],
    ['这个应用设计得很漂亮，用起来很好玩。', ['stimulated']],
    ['包装不怎么样。', ['unsatisfied']],
    ['限时抢购的横幅催着我快点决定。', ['hurried']],
    ['看到安全支付的标志很安心。', ['safe']],
    ['运费到最后才显示，感觉被误导了。', ['disappointed']],
    ['整个过程一点也不着急。', []],
  ],
};
