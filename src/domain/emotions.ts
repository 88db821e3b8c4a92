// METHOD.md "The 20 emotions" (Beyond Philosophy's hierarchy of emotional value).
// The (valence, arousal) coordinates are ours, for plotting only; METHOD.md says so.
import type { EmotionId } from './model.ts';

export const EMOTION_CLUSTERS = ['advocacy', 'recommendation', 'attention', 'destroying'] as const;
export type EmotionCluster = (typeof EMOTION_CLUSTERS)[number];

export interface EmotionDef {
  id: EmotionId;
  cluster: EmotionCluster;
  sign: 1 | -1;
  /** Default plotting coordinate: valence -1..1, arousal -1..1. */
  valence: number;
  arousal: number;
}

const def = (id: EmotionId, cluster: EmotionCluster, valence: number, arousal: number): EmotionDef => ({
  id,
  cluster,
  sign: cluster === 'destroying' ? -1 : 1,
  valence,
  arousal,
});

export const EMOTIONS: readonly EmotionDef[] = [
  def('happy', 'advocacy', 0.9, 0.5),
  def('pleased', 'advocacy', 0.75, 0.2),
  def('trusting', 'recommendation', 0.6, -0.2),
  def('valued', 'recommendation', 0.7, 0.1),
  def('cared-for', 'recommendation', 0.7, -0.1),
  def('focused', 'recommendation', 0.3, 0.3),
  def('safe', 'recommendation', 0.55, -0.5),
  def('interested', 'attention', 0.5, 0.4),
  def('energetic', 'attention', 0.55, 0.8),
  def('stimulated', 'attention', 0.5, 0.7),
  def('exploratory', 'attention', 0.4, 0.5),
  def('indulgent', 'attention', 0.6, 0.3),
  def('irritated', 'destroying', -0.6, 0.6),
  def('hurried', 'destroying', -0.4, 0.7),
  def('neglected', 'destroying', -0.6, -0.4),
  def('unhappy', 'destroying', -0.75, -0.3),
  def('unsatisfied', 'destroying', -0.55, -0.1),
  def('stressed', 'destroying', -0.7, 0.8),
  def('disappointed', 'destroying', -0.65, -0.3),
  def('frustrated', 'destroying', -0.75, 0.6),
];

const byId = new Map(EMOTIONS.map((e) => [e.id, e]));

export function emotionDef(id: EmotionId): EmotionDef {
  const found = byId.get(id);
  if (!found) throw new Error(`Unknown emotion: ${id}`);
  return found;
}

export function isEmotionId(value: unknown): value is EmotionId {
  return typeof value === 'string' && byId.has(value as EmotionId);
}

/** METHOD.md: up to 3 emotions per step. */
export const MAX_EMOTIONS_PER_STEP = 3;
