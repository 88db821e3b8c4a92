import type { EmotionId } from '../../../../src/domain/model.ts';

/** A note and the emotions a careful reader would suggest from its words ([] for none). */
export type Labelled = readonly [note: string, emotions: readonly EmotionId[]];

export interface LabelledSet {
  /** The language the note is in, as the audit would give it. */
  lang: string;
  sentences: readonly Labelled[];
}
