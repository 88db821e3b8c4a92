// METHOD.md "Net emotional value (ours)" and the emotional signature.
// P = sum of the intensities of positive-cluster emotions (advocacy, recommendation, attention),
// N = the same sum for the destroying cluster; NEV = 100 * (P - N) / (P + N), null when P + N = 0
// ("no emotions logged"). Signature: each cluster's share of all logged intensity.
// Entries with an unknown emotion id or an intensity that is not a positive finite number are
// skipped (imported data), so they count neither in P, N nor the signature.
import { EMOTION_CLUSTERS, emotionDef, isEmotionId, type EmotionCluster } from '../emotions.ts';
import type { FeltEmotion, Step } from '../model.ts';

export type ClusterValues = Record<EmotionCluster, number>;

export interface EmotionalValue {
  /** Sum of intensities of positive-cluster emotions. */
  positive: number;
  /** Sum of intensities of destroying-cluster emotions. */
  negative: number;
  /** 100 * (P - N) / (P + N), -100..+100; null when nothing was logged. */
  nev: number | null;
  /** Number of emotion entries counted. */
  logged: number;
  /** Sum of intensities per cluster. */
  intensity: ClusterValues;
  /** Each cluster's share (0..1) of all logged intensity; null when nothing was logged. */
  signature: ClusterValues | null;
}

const zeroes = (): ClusterValues => ({ advocacy: 0, recommendation: 0, attention: 0, destroying: 0 });

/** NEV and signature of a flat list of felt emotions (one step's, or a whole journey's). */
export function emotionalValue(emotions: readonly FeltEmotion[]): EmotionalValue {
  const intensity = zeroes();
  let logged = 0;
  for (const felt of emotions) {
    if (!isEmotionId(felt.emotion)) continue;
    if (typeof felt.intensity !== 'number' || !Number.isFinite(felt.intensity) || felt.intensity <= 0) continue;
    intensity[emotionDef(felt.emotion).cluster] += felt.intensity;
    logged += 1;
  }
  const negative = intensity.destroying;
  const positive = intensity.advocacy + intensity.recommendation + intensity.attention;
  const total = positive + negative;
  let signature: ClusterValues | null = null;
  if (total > 0) {
    signature = zeroes();
    for (const cluster of EMOTION_CLUSTERS) signature[cluster] = intensity[cluster] / total;
  }
  return {
    positive,
    negative,
    nev: total > 0 ? (100 * (positive - negative)) / total : null,
    logged,
    intensity,
    signature,
  };
}

/** NEV and signature of a journey: every step's emotions together. */
export function journeyEmotionalValue(steps: readonly Pick<Step, 'emotions'>[]): EmotionalValue {
  return emotionalValue(steps.flatMap((step) => step.emotions));
}
