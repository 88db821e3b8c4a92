import { afterEach, describe, expect, it } from 'vitest';
import { holdAnimations, releaseAnimations } from '../../../src/content/masking/freeze.ts';

/** Just what freeze.ts reads and writes of an Animation. */
function fake(playState: AnimationPlayState, playbackRate = 1): Animation {
  return { playState, playbackRate } as Animation;
}
const scope = (...animations: Animation[]) => ({ getAnimations: () => animations }) as unknown as ParentNode;

afterEach(() => releaseAnimations());

describe('holding animations still for a capture', () => {
  it('stops the running animations of every scope, once each, and gives back their own rates', () => {
    const css = fake('running');
    const fast = fake('running', 1.5);
    const reversed = fake('running', -1);
    // Document.getAnimations() may list an animation a shadow root lists too.
    expect(holdAnimations([scope(css, fast), scope(reversed, css)])).toBe(3);
    expect([css.playbackRate, fast.playbackRate, reversed.playbackRate]).toEqual([0, 0, 0]);
    releaseAnimations();
    expect([css.playbackRate, fast.playbackRate, reversed.playbackRate]).toEqual([1, 1.5, -1]);
  });

  it('leaves paused, finished and already stopped animations as they are', () => {
    const paused = fake('paused');
    const finished = fake('finished');
    const stopped = fake('running', 0);
    expect(holdAnimations([scope(paused, finished, stopped)])).toBe(0);
    releaseAnimations();
    expect([paused.playbackRate, finished.playbackRate, stopped.playbackRate]).toEqual([1, 1, 0]);
  });

  it('keeps a rate the page set while the animations were held', () => {
    const a = fake('running');
    holdAnimations([scope(a)]);
    a.playbackRate = 3;
    releaseAnimations();
    expect(a.playbackRate).toBe(3);
  });

  it('gives back what an earlier hold took before holding again, and skips a scope without animations', () => {
    const a = fake('running', 2);
    holdAnimations([scope(a)]);
    expect(holdAnimations([scope(a), {} as ParentNode])).toBe(1);
    releaseAnimations();
    expect(a.playbackRate).toBe(2);
  });
});
