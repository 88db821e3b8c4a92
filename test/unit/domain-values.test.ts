// The domain's closed sets of values: the const arrays that stand beside a discriminated union list
// every member of it, and the 20 emotions' definitions follow EMOTION_IDS.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { EMOTION_CLUSTERS, EMOTIONS } from '../../src/domain/emotions.ts';
import { CAPTURE_STATUSES, EMOTION_IDS, type CaptureState } from '../../src/domain/model.ts';
import { SCORE_WARNING_KINDS, type ScoreWarning } from '../../src/domain/scores/index.ts';
import { OVERALL_COMPONENTS, type OverallComponent } from '../../src/domain/scores/overall.ts';

describe('the const arrays beside unions', () => {
  // Checked by the compiler (tsc runs over the tests): a member added to the union and not to the
  // array, or the other way round, does not compile.
  it('list every member of their union', () => {
    expectTypeOf<(typeof CAPTURE_STATUSES)[number]>().toEqualTypeOf<CaptureState['status']>();
    expectTypeOf<(typeof SCORE_WARNING_KINDS)[number]>().toEqualTypeOf<ScoreWarning['kind']>();
    expectTypeOf<(typeof OVERALL_COMPONENTS)[number]>().toEqualTypeOf<OverallComponent>();
  });

  it('list each member once', () => {
    for (const values of [CAPTURE_STATUSES, SCORE_WARNING_KINDS, OVERALL_COMPONENTS, EMOTION_IDS]) {
      expect(new Set<string>(values).size).toBe(values.length);
    }
  });
});

describe('the 20 emotions', () => {
  it('are defined once each, in the order of EMOTION_IDS', () => {
    expect(EMOTION_IDS).toHaveLength(20);
    expect(EMOTIONS.map((e) => e.id)).toEqual([...EMOTION_IDS]);
  });

  it('each belong to a known cluster', () => {
    for (const e of EMOTIONS) expect(EMOTION_CLUSTERS).toContain(e.cluster);
  });
});
