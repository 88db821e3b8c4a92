// METHOD.md "Peak-end (how the journey will be remembered)".
//
// Choices (documented in the report's Method appendix):
// - Only steps with a valid valence take part. The end step v_n is the LAST RATED step in journey
//   order, not the last step of the journey: an unrated final step cannot be the end of a
//   remembered sequence we have no rating for. The report warns about unrated steps.
// - Peak rule: the largest |v|; ties go to the more negative step, then to the later step.
// - Ease peak-end is computed the same way over steps with a valid ease: (min ease + ease_n) / 2,
//   ease_n the last step with an ease rating, against the SEQ benchmark 5.5.
import type { Step, StepId } from '../model.ts';
import { EASE_BENCHMARK, easeOf, inJourneyOrder, mean, normValence, to100, valenceOf } from './normalise.ts';

/** Peak-end over a plain sequence of values (any scale where larger |x| means more intense). */
export interface PeakEndOfValues {
  /** Position in the sequence of the peak (largest |x|, ties: more negative, then later). */
  peakPos: number;
  /** Position of the end: the last value. */
  endPos: number;
  peak: number;
  end: number;
  /** (peak + end) / 2 */
  pe: number;
  /** Mean of all values. */
  mean: number;
  /** (min + end) / 2 */
  negative: number;
  /** (max + end) / 2 */
  positive: number;
}

/** Position of the peak: largest |x|; ties go to the more negative value, then the later one. */
export function peakPosition(values: readonly number[]): number | null {
  let best: number | null = null;
  let bestValue = 0;
  values.forEach((x, i) => {
    if (best === null) {
      best = i;
      bestValue = x;
      return;
    }
    const a = Math.abs(x);
    const b = Math.abs(bestValue);
    // Equal |x|: take x when it is more negative (x < best) or equal (x === best: the later step).
    if (a > b || (a === b && x <= bestValue)) {
      best = i;
      bestValue = x;
    }
  });
  return best;
}

/** The peak-end numbers of a sequence; null when it is empty. */
export function peakEndOf(values: readonly number[]): PeakEndOfValues | null {
  const peakPos = peakPosition(values);
  const endPos = values.length - 1;
  const peak = peakPos === null ? undefined : values[peakPos];
  const end = values[endPos];
  const m = mean(values);
  if (peakPos === null || peak === undefined || end === undefined || m === null) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  return {
    peakPos,
    endPos,
    peak,
    end,
    pe: (peak + end) / 2,
    mean: m,
    negative: (min + end) / 2,
    positive: (max + end) / 2,
  };
}

/** A step named in a score: its id, its journey index (`Step.index`), and the raw and normalised valence. */
export interface ValenceStepRef {
  stepId: StepId;
  index: number;
  /** Raw rating -4..+4. */
  valence: number;
  /** v = valence / 4. */
  v: number;
}

export interface PeakEndScores {
  /** Steps with a valence rating, the basis of every number here. */
  ratedSteps: number;
  /** Peak step k. */
  peak: ValenceStepRef;
  /** End step n: the last step with a valence rating. */
  end: ValenceStepRef;
  /** PE = (v_k + v_n) / 2, in [-1, 1]. */
  pe: number;
  /** PE100 = 50 * (PE + 1), 0 worst ... 100 best. */
  pe100: number;
  /** Mean valence m of the rated steps, in [-1, 1]. */
  mean: number;
  /** PE - m; negative: remembered worse than lived. */
  memoryGap: number;
  /** (min v + v_n) / 2 */
  negativePeakEnd: number;
  /** (max v + v_n) / 2 */
  positivePeakEnd: number;
}

/** Peak-end of the journey over the steps with a valence; null when no step is rated. */
export function peakEnd(steps: readonly Step[]): PeakEndScores | null {
  const rated: ValenceStepRef[] = [];
  for (const step of inJourneyOrder(steps)) {
    const valence = valenceOf(step);
    if (valence !== null) rated.push({ stepId: step.id, index: step.index, valence, v: normValence(valence) });
  }
  const result = peakEndOf(rated.map((r) => r.v));
  if (!result) return null;
  const peak = rated[result.peakPos];
  const end = rated[result.endPos];
  if (!peak || !end) return null;
  return {
    ratedSteps: rated.length,
    peak,
    end,
    pe: result.pe,
    pe100: to100(result.pe),
    mean: result.mean,
    memoryGap: result.pe - result.mean,
    negativePeakEnd: result.negative,
    positivePeakEnd: result.positive,
  };
}

export interface EasePeakEnd {
  /** Steps with an ease rating. */
  ratedSteps: number;
  /** The lowest ease and its step (the latest step when several share it). */
  min: { stepId: StepId; index: number; ease: number };
  /** ease_n: the last step with an ease rating. */
  end: { stepId: StepId; index: number; ease: number };
  /** (min ease + ease_n) / 2, on the 1-7 SEQ scale. */
  value: number;
  /** 5.5, the SEQ average across studies. */
  benchmark: number;
  /** value < benchmark. */
  belowBenchmark: boolean;
}

/** Ease peak-end over the steps with an ease rating; null when none is rated. */
export function easePeakEnd(steps: readonly Step[]): EasePeakEnd | null {
  const rated: { stepId: StepId; index: number; ease: number }[] = [];
  for (const step of inJourneyOrder(steps)) {
    const ease = easeOf(step);
    if (ease !== null) rated.push({ stepId: step.id, index: step.index, ease });
  }
  const end = rated[rated.length - 1];
  if (!end) return null;
  // Journey order, `<=`: ties on the minimum go to the later step.
  let min = end;
  for (const r of rated) if (r.ease <= min.ease) min = r;
  const value = (min.ease + end.ease) / 2;
  return {
    ratedSteps: rated.length,
    min,
    end,
    value,
    benchmark: EASE_BENCHMARK,
    belowBenchmark: value < EASE_BENCHMARK,
  };
}
