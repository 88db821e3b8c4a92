// Fresh English notes: written after the held-out round and measured once; no cue was added for them.
import type { LabelledSet } from '../types.ts';

export const EN_FRESH: LabelledSet = {
  lang: 'en',
  sentences: [
    ['Logging in with my email took three attempts, maddening.', ['irritated']],
    ['The returns label printed first time, nice and simple.', ['pleased']],
    ['Reviews with photos made me curious about the other colours.', ['interested']],
    ['I was left waiting in the chat queue for 25 minutes.', ['neglected']],
    ['The store pickup instructions were vague.', ['frustrated']],
    ['Added two items to the basket.', []],
    ['A personal thank-you note in the parcel, I felt valued.', ['valued']],
    ['The password rules were not explained, so I kept failing.', ['frustrated']],
    ['Felt anxious when the page reloaded during payment.', ['stressed']],
    ['The app is beautifully designed and fun to use.', ['stimulated']],
    ['Not impressed with the packaging.', ['unsatisfied']],
    ['The flash sale banner pushed me to decide quickly.', ['hurried']],
    ['Very reassuring to see the secure payment badges.', ['safe']],
    ['Shipping costs only appeared at the end, which felt misleading.', ['disappointed']],
    ["I didn't feel rushed at any point.", []],
  ],
};
