// The timings frames and the offscreen document send with their answers: ms from the start, to two
// decimals, each part by its name.
import { describe, expect, it } from 'vitest';
import { phaseTimer } from '../../src/domain/phase-timer.ts';

describe('phaseTimer', () => {
  it('times each part from the start, rounded to hundredths of a millisecond', () => {
    const ticks = [100, 100.123, 101.006, 103.9999];
    const timer = phaseTimer(() => ticks.shift()!);
    timer.mark('scan');
    const { mark } = timer;
    mark('layer');
    expect(timer.timing).toEqual({ scan: 0.12, layer: 1.01 });
    expect(timer.elapsed()).toBe(4);
  });
});
