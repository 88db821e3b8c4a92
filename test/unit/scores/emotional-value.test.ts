import { describe, expect, it } from 'vitest';
import type { EmotionId, FeltEmotion } from '../../../src/domain/model.ts';
import { emotionalValue, journeyEmotionalValue } from '../../../src/domain/scores/emotional-value.ts';
import { makeStep } from './factory.ts';

const e = (emotion: EmotionId, intensity: number): FeltEmotion => ({ emotion, intensity });

describe('net emotional value', () => {
  it('NEV = 100 * (P - N) / (P + N)', () => {
    // P = happy 4 + trusting 2 = 6; N = frustrated 3 + stressed 1 = 4 -> 100 * 2 / 10 = 20
    const result = emotionalValue([e('happy', 4), e('trusting', 2), e('frustrated', 3), e('stressed', 1)]);
    expect(result.positive).toBe(6);
    expect(result.negative).toBe(4);
    expect(result.nev).toBe(20);
    expect(result.logged).toBe(4);
  });

  it('is +100 with only positive and -100 with only destroying emotions', () => {
    expect(emotionalValue([e('interested', 2), e('safe', 5)]).nev).toBe(100);
    expect(emotionalValue([e('neglected', 1)]).nev).toBe(-100);
  });

  it('is null ("no emotions logged") when P + N = 0, with no signature', () => {
    const result = emotionalValue([]);
    expect(result.nev).toBeNull();
    expect(result.signature).toBeNull();
    expect(result.logged).toBe(0);
    expect(journeyEmotionalValue([makeStep(), makeStep()]).nev).toBeNull();
  });

  it('signature: each cluster share of all logged intensity', () => {
    // advocacy 2 (pleased), recommendation 3 (valued), attention 1 (energetic), destroying 4 (hurried): total 10
    const result = emotionalValue([e('pleased', 2), e('valued', 3), e('energetic', 1), e('hurried', 4)]);
    expect(result.intensity).toEqual({ advocacy: 2, recommendation: 3, attention: 1, destroying: 4 });
    expect(result.signature).toEqual({ advocacy: 0.2, recommendation: 0.3, attention: 0.1, destroying: 0.4 });
    expect(result.nev).toBe(20); // 100 * (6 - 4) / 10
  });

  it('pools every step of a journey', () => {
    const steps = [
      makeStep({ emotions: [e('happy', 5)] }),
      makeStep({ emotions: [] }),
      makeStep({ emotions: [e('irritated', 2), e('disappointed', 3)] }),
    ];
    const result = journeyEmotionalValue(steps);
    expect(result.nev).toBe(0); // 100 * (5 - 5) / 10
    expect(result.signature?.destroying).toBe(0.5);
  });

  it('skips unknown emotions and non-positive intensities', () => {
    const bogus = { emotion: 'bored', intensity: 5 } as unknown as FeltEmotion;
    const result = emotionalValue([bogus, e('happy', 0), e('happy', 3), e('unhappy', Number.NaN)]);
    expect(result.logged).toBe(1);
    expect(result.nev).toBe(100);
  });
});
