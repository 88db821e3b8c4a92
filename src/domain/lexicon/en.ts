// English emotion lexicon (ours): words and phrases an auditor is likely to write in a shopping
// note, mapped to METHOD.md's 20 emotions. Suggestions only; the auditor confirms.
// Format: see types.ts. Keep `*` stems safe: `happ*` would match "happen", `pleas*` "please",
// `interest*` "interest-free", so those are listed as whole words.
import type { LexiconData } from './types.ts';

export const EN: LexiconData = {
  lang: 'en',
  cues: {
    happy: [
      'happy', 'happier', 'happiest', 'happily', 'love', 'loved', 'lovely', 'loving it', 'great',
      'delighted', 'delightful', 'wonderful', 'fantastic', 'amazing', 'awesome', 'excellent',
      'brilliant', 'joy', 'yay', "couldn't be happier", 'made my day',
    ],
    pleased: [
      'pleased', 'pleasant', 'pleasantly', 'satisfied', 'satisfying', 'nice', 'good', 'easy',
      'easily', 'smooth', 'smoothly', 'effortless*', 'simple', 'straightforward', 'convenient',
      'painless', 'hassle free', 'quick', 'fast',
    ],
    trusting: [
      'trust', 'trusted', 'trustworthy', 'reliable', 'credible', 'honest', 'transparent',
      'transparency', 'genuine', 'legit', 'legitimate', 'reputable', 'believable', 'confident',
    ],
    valued: [
      'valued', 'appreciated', 'felt special', 'feel special', 'personalised', 'personalized', 'recognised',
      'recognized', 'remembered me', 'welcomed', 'rewarded', 'thanked me', 'vip', 'respected',
    ],
    'cared-for': [
      'cared for', 'caring', 'helpful', 'helped', 'supportive', 'attentive', 'thoughtful',
      'looked after', 'friendly', 'patient', 'considerate', 'empathetic', 'took care',
    ],
    focused: [
      'focused', 'focussed', 'clear', 'clearly', 'intuitive', 'uncluttered', 'organised',
      'organized', 'well laid out', 'easy to follow', 'to the point', 'logical', 'obvious',
      'no distractions', 'distraction free', 'streamlined',
    ],
    safe: [
      'safe', 'safely', 'safety', 'secure', 'securely', 'reassur*', 'protected', 'peace of mind',
      'guaranteed', 'guarantee', 'risk free', 'comfortable paying',
    ],
    interested: [
      'interested', 'interesting', 'intrigued', 'intriguing', 'curious', 'curiosity',
      'caught my eye', 'appealing', 'tempting', 'tempted', 'attractive', 'engaging', 'eye catching',
    ],
    energetic: [
      'energetic', 'energised', 'energized', 'lively', 'vibrant', 'upbeat', 'enthusiastic',
      'motivated', 'pumped', 'buzzing', 'full of energy', 'dynamic',
    ],
    stimulated: [
      'stimulated', 'stimulating', 'exciting', 'excited', 'fun', 'playful', 'inspiring', 'inspired',
      'inspiration', 'creative', 'clever', 'innovative', 'wow', 'immersive',
    ],
    exploratory: [
      'explore', 'exploring', 'explored', 'exploration', 'browse', 'browsing', 'browsed', 'discover*',
      'wander*', 'look around', 'looking around', 'poke around', 'rummag*', 'lots to see',
    ],
    indulgent: [
      'indulgent', 'indulge', 'indulging', 'indulgence', 'treat', 'treat myself', 'treating myself',
      'spoil*', 'pamper*', 'luxur*', 'lavish', 'splurge', 'decadent', 'guilty pleasure',
    ],
    irritated: [
      'irritat*', 'annoy*', 'hassle', 'grr', 'ugh', 'argh', 'fed up', 'sick of', 'tedious', 'pesky', 'nagging',
      'intrusive', 'spammy', 'pushy', 'nuisance', 'infuriat*', 'exasperat*', 'pain in the',
    ],
    hurried: [
      'rushed', 'rush', 'rushing', 'hurry', 'hurried', 'hurrying', 'pressure', 'pressured',
      'pressurised', 'pressurized', 'countdown', 'timer', 'timed out', 'limited time', 'act now',
      'too fast', 'no time',
    ],
    neglected: [
      'ignored', 'ignoring', 'neglect*', 'no response', 'no reply', 'no answer', 'unanswered',
      'nobody', 'no one', 'abandoned', 'forgotten', 'left hanging', 'on hold', 'unhelpful',
      'treated like a number', 'no help',
    ],
    unhappy: [
      'unhappy', 'sad', 'upset', 'miserable', 'horrible', 'awful', 'terrible', 'hate', 'hated',
      'dreadful', 'bad', 'worst', 'gutted', 'unpleasant', 'horrendous',
    ],
    unsatisfied: [
      'unsatisfied', 'dissatisfied', 'unsatisfying', 'mediocre', 'meh', 'poor', 'lacking', 'lacks',
      'overpriced', 'pricey', 'complain*', 'could be better', 'so so', 'not worth',
    ],
    stressed: [
      'stress', 'stressed', 'stressful', 'anxious', 'anxiety', 'nervous', 'worried', 'worrying',
      'panic*', 'overwhelm*', 'unsure', 'uncertain', 'scary', 'risky', 'suspicious', 'dodgy',
      'sketchy', 'too many',
    ],
    disappointed: [
      'disappoint*', 'let down', 'letdown', 'underwhelm*', 'expected more', 'expected better',
      'shame', 'pity', 'hidden fees', 'hidden costs', 'hidden charges', 'misleading',
      'out of stock', 'sold out', 'not as described', 'never again',
    ],
    frustrated: [
      'frustrat*', 'stuck', "can't find", "couldn't find", 'cannot find', 'hard to',
      'difficult', 'confus*', 'unclear', 'broken', "doesn't work", "didn't work", 'not working',
      'dead end', 'useless', 'impossible', 'struggl*', 'gave up', "won't let me",
      "wouldn't let me", 'nothing happened', 'error', 'errors', 'failed',
      'going round in circles',
    ],
  },
  negators: [
    'not', 'no', 'never', 'hardly', 'without', 'cannot', 'nor', 'neither', 'barely', 'scarcely',
    'nothing', 'none', 'lacked',
  ],
  negatorSuffixes: ["n't"],
  scopeBreakers: ['but', 'however', 'although', 'though', 'except', 'whereas'],
  negationWindow: 3,
  negatedOpposites: {
    happy: 'unhappy',
    pleased: 'unsatisfied',
    trusting: 'stressed',
    valued: 'neglected',
    'cared-for': 'neglected',
    focused: 'frustrated',
    safe: 'stressed',
  },
};
