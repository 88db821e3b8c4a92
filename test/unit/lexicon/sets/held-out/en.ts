// Held-out English notes: written and labelled after the lexicon, never used to tune it.
import type { LabelledSet } from '../types.ts';

export const EN_HELD_OUT: LabelledSet = {
  lang: 'en',
  sentences: [
    ['Search results were irrelevant and I got really annoyed.', ['irritated']],
    ['Honestly a smooth experience from start to finish.', ['pleased']],
    ['The courier called ahead, which I appreciated.', ['cared-for']],
    ['Filters kept resetting, so annoying.', ['irritated']],
    ['Nothing special about the product page.', []],
    ['I felt nervous entering my card details on that page.', ['stressed']],
    ['The chat agent took ages to reply and then closed the chat.', ['neglected']],
    ['Lovely packaging, felt like a treat.', ['happy', 'indulgent']],
    ["Address lookup didn't work, I had to type everything by hand.", ['frustrated']],
    ['Not very clear which delivery slot was selected.', ['frustrated']],
    ['Payment went through without any problems.', ['pleased']],
    ['The recommendations were surprisingly interesting.', ['interested']],
    ['I was disappointed the discount code was rejected.', ['disappointed']],
    ['Scrolled through the catalogue for a while.', ['exploratory']],
    ['The site felt trustworthy thanks to the clear returns policy.', ['trusting', 'focused']],
    ['Clicked on the size chart.', []],
    ['Way too pushy with the upsells.', ['irritated']],
    ['The progress bar helped me stay focused.', ['focused']],
    ["I wasn't disappointed at all with the delivery.", []],
    ['Sold out in my size after I had filled everything in, gutted.', ['disappointed', 'unhappy']],
    ['The tracking page is useless, it shows nothing.', ['frustrated']],
    ['Fast delivery and a friendly driver.', ['pleased', 'cared-for']],
    ['I felt hurried by the reservation timer.', ['hurried']],
    ['The help centre answered my question, I felt looked after.', ['cared-for']],
    ['The checkout layout is confusing and the buttons are tiny.', ['frustrated']],
  ],
};
