import type { EmotionId } from '../model.ts';

/**
 * What a NEGATED POSITIVE cue suggests instead ("not happy" -> unhappy), in every language: the pairs
 * are the method's emotions, not words. An emotion not listed suggests nothing when negated.
 */
export const NEGATED_OPPOSITES: Readonly<Partial<Record<EmotionId, EmotionId>>> = {
  happy: 'unhappy',
  pleased: 'unsatisfied',
  trusting: 'stressed',
  valued: 'neglected',
  'cared-for': 'neglected',
  focused: 'frustrated',
  safe: 'stressed',
};
