// Micro precision and recall of the emotion suggestions over a labelled set: each (sentence,
// emotion) pair is one decision; a suggestion not in the labels is a false positive, a label
// not suggested a false negative.
import { suggestEmotions } from '../../../../src/domain/lexicon/suggest.ts';
import type { LabelledSet } from './types.ts';

export interface Score {
  lang: string;
  sentences: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Sentences whose suggestions differ from their labels, for reading while tuning. */
  misses: { note: string; expected: string[]; got: string[] }[];
}

export function scoreSet(set: LabelledSet, lang: string | undefined = set.lang): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: Score['misses'] = [];
  for (const [note, labels] of set.sentences) {
    const got = [...new Set(suggestEmotions(note, lang).map((s) => s.emotion))];
    const expected = new Set<string>(labels);
    const hits = got.filter((e) => expected.has(e)).length;
    tp += hits;
    fp += got.length - hits;
    fn += expected.size - hits;
    if (hits !== got.length || hits !== expected.size) misses.push({ note, expected: [...expected], got });
  }
  return {
    lang: set.lang,
    sentences: set.sentences.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    misses,
  };
}
